// The one place configuration is read. Every setting has a default that works on a laptop with no GPU;
// environment variables override, and invalid values stop start-up with a message naming the variable.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../../models/src/repo-root';

export { REPO_ROOT };

/** The annotated photos the tests and benchmarks share; profile benchmarks use it when nothing else is set. */
const SHARED_EVAL_SET = path.resolve(REPO_ROOT, '../shared/evalset/coco64');
/** 14 annotated COCO photos shipped in the repository, so a benchmark works on a fresh clone (SOURCE.md there). */
export const SHIPPED_EVAL_SET = path.join(REPO_ROOT, 'evalset/coco14');

const providerSchema = z.enum(['cpu', 'webgpu', 'cuda', 'tensorrt']);
export type ExecutionProviderName = z.infer<typeof providerSchema>;

const int = (min: number) => z.coerce.number().int().min(min);

const schema = z.object({
  /** development: GraphQL error replies keep stack traces (never set on a server others can reach). */
  NODE_ENV: z.string().optional(),
  WANSHI_HOST: z.string().default('127.0.0.1'),
  PORT: int(0).max(65535).default(4000),
  DASHBOARD_PORT: int(0).max(65535).default(3000),
  WANSHI_DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  DATABASE_URL: z.string().url().optional(),
  WANSHI_MODELS_DIR: z.string().default(path.join(REPO_ROOT, 'models')),
  WANSHI_ADMIN_KEY: z.string().min(16).optional(),
  WANSHI_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Comma-separated preference order; cpu is always appended as the fallback. */
  WANSHI_PROVIDERS: z
    .string()
    .default('cpu')
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(providerSchema).min(1)),
  WANSHI_INTRA_OP_THREADS: int(0).default(0),
  /** Whether onnxruntime's threads busy-wait between kernels; off leaves the core to decoding (bench:load). */
  WANSHI_INTRA_OP_SPINNING: z.enum(['on', 'off']).default('off'),
  WANSHI_MAX_IMAGE_BYTES: int(1).default(20 * 1024 * 1024),
  WANSHI_MAX_IMAGE_PIXELS: int(1).default(40_000_000),
  // Two images at the pixel limit (120 MB each decoded) at once; a dozen ordinary 12-megapixel photos.
  WANSHI_DECODE_BUDGET_MB: int(1).default(256),
  WANSHI_MAX_BATCH_INPUTS: int(1).default(32),
  WANSHI_MAX_REQUEST_MB: int(1).default(64),
  /** Bodies without an API key are refused past this, unparsed: such callers can do next to nothing anyway. */
  WANSHI_MAX_ANONYMOUS_REQUEST_KB: int(1).default(64),
  WANSHI_GRAPHQL_MAX_TOKENS: int(1).default(2000),
  WANSHI_GRAPHQL_MAX_DEPTH: int(1).default(20),
  WANSHI_GRAPHQL_MAX_ALIASES: int(0).default(30),
  WANSHI_GRAPHQL_MAX_DIRECTIVES: int(0).default(20),
  WANSHI_GRAPHQL_MAX_COST: int(1).default(50_000),
  /** Operations in one JSON-array (batched) request; each has the limits above of its own. */
  WANSHI_GRAPHQL_MAX_BATCH: int(1).default(10),
  /** Default: on, except with NODE_ENV=production, where only callers with a key may introspect. */
  WANSHI_ANONYMOUS_INTROSPECTION: z.enum(['true', 'false']).optional(),
  /** Largest ONNX file importModel accepts (YOLO11x is ~220 MB; onnx-proto reads the file whole to check it). */
  WANSHI_IMPORT_MAX_MB: int(1).default(512),
  // 4, not 8: on CPU a batch of 8 only added latency and ~50 MB of activations for the same images/s (bench:load).
  WANSHI_MAX_BATCH_SIZE: int(1).default(4),
  WANSHI_MAX_QUEUE_DELAY_MS: z.coerce.number().min(0).default(2),
  WANSHI_MAX_QUEUE_SIZE: int(1).default(64),
  /** The last quarter of the queue is for interactive requests only; a manifest's serving block may differ. */
  WANSHI_INTERACTIVE_QUEUE_RESERVE: z.coerce.number().min(0).lt(1).default(0.25),
  WANSHI_DEFAULT_TIMEOUT_MS: int(1).default(30_000),
  // About twice what a request waits at the concurrency that saturates a 2-core CPU (bench:overload).
  WANSHI_MAX_QUEUE_WAIT_MS: int(1).default(1000),
  WANSHI_MAX_BULK_QUEUE_WAIT_MS: int(1).default(10_000),
  WANSHI_BULK_AGING_MS: int(0).default(1000),
  WANSHI_MEMORY_BUDGET_MB: int(64).default(1024),
  WANSHI_IMAGE_STORE_MAX_MB: int(1).default(2048),
  WANSHI_IMAGE_RETENTION_DAYS: int(0).default(30),
  /** How long a reviewer holds a queued detection they opened, unless they review or skip it sooner. */
  WANSHI_REVIEW_CLAIM_MINUTES: int(1).default(10),
  /** How long a detection a reviewer skipped stays out of their queue (others get it at once). */
  WANSHI_REVIEW_SKIP_HOURS: int(0).default(24),
  /** Per-key defaults (admins override them per key); 0: unlimited. Burst: extra requests per 10 s over the rate. */
  WANSHI_KEY_REQUESTS_PER_SECOND: int(0).default(0),
  WANSHI_KEY_BURST: int(0).default(0),
  WANSHI_KEY_IMAGES_PER_DAY: int(0).default(0),
  /** Bad API keys one client address may send per minute before it is refused for a while; 0: no throttle. */
  WANSHI_AUTH_FAILURES_PER_MINUTE: int(0).default(20),
  WANSHI_AUTH_FAILURE_BLOCK_SECONDS: int(1).default(300),
  /** Take the client address from X-Forwarded-For's last hop (behind a reverse proxy; loopback peers always). */
  WANSHI_TRUST_PROXY: z.stringbool().default(false),
  /**
   * At SIGTERM, how long the server answers not-ready (while still serving) before it drains: behind a load
   * balancer that polls /v2/health/ready, long enough for it to take the replica out first (HAProxy: inter × fall).
   */
  WANSHI_SHUTDOWN_READY_DELAY_MS: int(0).default(0),
  /** When set, `/metrics` answers only `Authorization: Bearer <this>` (Prometheus' bearer_token). */
  WANSHI_METRICS_TOKEN: z.string().min(16).optional(),
  /** Profile benchmarks' evaluation set: a folder of images and its COCO instances file (both or neither). */
  WANSHI_EVAL_IMAGES: z.string().optional(),
  WANSHI_EVAL_ANNOTATIONS: z.string().optional(),
  /** Comma-separated folders startProfileBenchmark may read; default: the evaluation set's images folder and
   * the folder of its annotations file. */
  WANSHI_EVAL_ROOTS: z.string().optional(),
});

/** Every environment variable the configuration reads (deployment manifests are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export interface Config {
  /** NODE_ENV=development: error replies include stack traces. */
  development: boolean;
  host: string;
  port: number;
  dashboardPort: number;
  dataDir: string;
  /** Unset: the embedded PGlite database in `${dataDir}/pglite`. */
  databaseUrl: string | undefined;
  modelsDir: string;
  adminKey: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  inference: { providers: ExecutionProviderName[]; intraOpThreads: number; spinning: boolean };
  limits: {
    maxImageBytes: number;
    maxImagePixels: number;
    maxBatchInputs: number;
    maxRequestBytes: number;
    maxAnonymousRequestBytes: number;
    /** Decoded pixels (RGB bytes) in memory at once; decodes beyond it wait their turn. */
    decodeBudgetMB: number;
  };
  graphql: GraphqlLimits;
  /** Model import (importModel): the upload's size cap. */
  imports: { maxBytes: number };
  /** The serving policy's defaults (each model version's manifest may override them), plus what is global. */
  scheduler: {
    maxBatchSize: number;
    maxQueueDelayMs: number;
    maxQueueSize: number;
    /** Share of the queue bulk requests may not take. */
    interactiveReserve: number;
    defaultTimeoutMs: number;
    /**
     * Admission (Triton's max queue delay): a request expected to wait longer than this to start is refused
     * OVERLOADED at once, before its photo is decoded. Per artifact, from its measured drain rate.
     */
    maxQueueWaitMs: number;
    /** The same for bulk requests (detectBatch), which yield to interactive ones and so may wait longer. */
    maxBulkQueueWaitMs: number;
    /** A bulk request is served before interactive ones that arrived more than this after it (no starvation). */
    bulkAgingMs: number;
    memoryBudgetMB: number;
  };
  imageStore: { dir: string; maxBytes: number; retentionDays: number };
  /** Where device bundles (GET /bundles/…) are cached once built. */
  bundles: { dir: string };
  review: { claimMinutes: number; skipHours: number };
  /** The annotated set profile benchmarks measure accuracy on (see evaluationSet()). */
  evaluationSet: EvaluationSet;
  /** Folders (resolved, absolute) a benchmark's imagesDir and annotationsFile must lie in. */
  evaluationRoots: string[];
  keyLimits: {
    /** What a key without overrides gets (api/src/limits). */
    defaults: KeyLimits;
    authFailuresPerMinute: number;
    authFailureBlockSeconds: number;
    trustProxy: boolean;
  };
  /** Undefined: /metrics is open, as on a private network. */
  metricsToken: string | undefined;
  shutdown: { readyDelayMs: number };
}

export interface GraphqlLimits {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  /** Photos per request, over all detect and detectBatch fields of its operations: the detectBatch input cap. */
  maxDetectImages: number;
  maxBatchOperations: number;
  anonymousIntrospection: boolean;
}

/** A key's limits; 0 in any field: unlimited. */
export interface KeyLimits {
  requestsPerSecond: number;
  /** Requests allowed over the rate within each 10 s. */
  burst: number;
  imagesPerDay: number;
}

export interface EvaluationSet {
  imagesDir: string;
  annotationsFile: string;
}

/** WANSHI_EVAL_* when set, else the shared coco64 beside the checkout when present, else the shipped coco14. */
export function evaluationSet(
  images: string | undefined,
  annotations: string | undefined,
  sharedDir: string = SHARED_EVAL_SET,
): EvaluationSet {
  if (images !== undefined && annotations !== undefined) {
    return { imagesDir: path.resolve(images), annotationsFile: path.resolve(annotations) };
  }
  if (images !== undefined || annotations !== undefined) {
    throw new Error(
      'Invalid configuration:\n  set both WANSHI_EVAL_IMAGES and WANSHI_EVAL_ANNOTATIONS, or neither',
    );
  }
  const inFolder = (dir: string) => ({
    imagesDir: path.join(dir, 'images'),
    annotationsFile: path.join(dir, 'instances.json'),
  });
  const shared = inFolder(sharedDir);
  return existsSync(shared.annotationsFile) ? shared : inFolder(SHIPPED_EVAL_SET);
}

function evaluationRoots(listed: string | undefined, set: EvaluationSet): string[] {
  const roots = listed
    ? listed
        .split(',')
        .map((root) => root.trim())
        .filter(Boolean)
    : [set.imagesDir, path.dirname(set.annotationsFile)];
  return [...new Set(roots.map((root) => path.resolve(root)))];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.WANSHI_DATA_DIR);
  const evaluation = evaluationSet(e.WANSHI_EVAL_IMAGES, e.WANSHI_EVAL_ANNOTATIONS);
  return {
    development: e.NODE_ENV === 'development',
    host: e.WANSHI_HOST,
    port: e.PORT,
    dashboardPort: e.DASHBOARD_PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    modelsDir: path.resolve(e.WANSHI_MODELS_DIR),
    adminKey: e.WANSHI_ADMIN_KEY,
    logLevel: e.WANSHI_LOG_LEVEL,
    inference: {
      providers: e.WANSHI_PROVIDERS,
      intraOpThreads: e.WANSHI_INTRA_OP_THREADS,
      spinning: e.WANSHI_INTRA_OP_SPINNING === 'on',
    },
    limits: {
      maxImageBytes: e.WANSHI_MAX_IMAGE_BYTES,
      maxImagePixels: e.WANSHI_MAX_IMAGE_PIXELS,
      maxBatchInputs: e.WANSHI_MAX_BATCH_INPUTS,
      maxRequestBytes: e.WANSHI_MAX_REQUEST_MB * 1024 * 1024,
      maxAnonymousRequestBytes: e.WANSHI_MAX_ANONYMOUS_REQUEST_KB * 1024,
      decodeBudgetMB: e.WANSHI_DECODE_BUDGET_MB,
    },
    graphql: {
      maxTokens: e.WANSHI_GRAPHQL_MAX_TOKENS,
      maxDepth: e.WANSHI_GRAPHQL_MAX_DEPTH,
      maxAliases: e.WANSHI_GRAPHQL_MAX_ALIASES,
      maxDirectives: e.WANSHI_GRAPHQL_MAX_DIRECTIVES,
      maxCost: e.WANSHI_GRAPHQL_MAX_COST,
      maxDetectImages: e.WANSHI_MAX_BATCH_INPUTS,
      maxBatchOperations: e.WANSHI_GRAPHQL_MAX_BATCH,
      anonymousIntrospection:
        (e.WANSHI_ANONYMOUS_INTROSPECTION ?? String(e.NODE_ENV !== 'production')) === 'true',
    },
    imports: { maxBytes: e.WANSHI_IMPORT_MAX_MB * 1024 * 1024 },
    scheduler: {
      maxBatchSize: e.WANSHI_MAX_BATCH_SIZE,
      maxQueueDelayMs: e.WANSHI_MAX_QUEUE_DELAY_MS,
      maxQueueSize: e.WANSHI_MAX_QUEUE_SIZE,
      interactiveReserve: e.WANSHI_INTERACTIVE_QUEUE_RESERVE,
      defaultTimeoutMs: e.WANSHI_DEFAULT_TIMEOUT_MS,
      maxQueueWaitMs: e.WANSHI_MAX_QUEUE_WAIT_MS,
      maxBulkQueueWaitMs: e.WANSHI_MAX_BULK_QUEUE_WAIT_MS,
      bulkAgingMs: e.WANSHI_BULK_AGING_MS,
      memoryBudgetMB: e.WANSHI_MEMORY_BUDGET_MB,
    },
    imageStore: {
      dir: path.join(dataDir, 'images'),
      maxBytes: e.WANSHI_IMAGE_STORE_MAX_MB * 1024 * 1024,
      retentionDays: e.WANSHI_IMAGE_RETENTION_DAYS,
    },
    bundles: { dir: path.join(dataDir, 'bundles') },
    review: { claimMinutes: e.WANSHI_REVIEW_CLAIM_MINUTES, skipHours: e.WANSHI_REVIEW_SKIP_HOURS },
    evaluationSet: evaluation,
    evaluationRoots: evaluationRoots(e.WANSHI_EVAL_ROOTS, evaluation),
    keyLimits: {
      defaults: {
        requestsPerSecond: e.WANSHI_KEY_REQUESTS_PER_SECOND,
        burst: e.WANSHI_KEY_BURST,
        imagesPerDay: e.WANSHI_KEY_IMAGES_PER_DAY,
      },
      authFailuresPerMinute: e.WANSHI_AUTH_FAILURES_PER_MINUTE,
      authFailureBlockSeconds: e.WANSHI_AUTH_FAILURE_BLOCK_SECONDS,
      trustProxy: e.WANSHI_TRUST_PROXY,
    },
    metricsToken: e.WANSHI_METRICS_TOKEN,
    shutdown: { readyDelayMs: e.WANSHI_SHUTDOWN_READY_DELAY_MS },
  };
}
