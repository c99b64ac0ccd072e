// The one place configuration is read. Every setting has a default that works on a laptop with no GPU;
// environment variables override, and invalid values stop start-up with a message naming the variable.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../../models/src/repo-root';

export { REPO_ROOT };

/** The annotated photos the tests and benchmarks share; profile benchmarks use it when nothing else is set. */
const SHARED_EVAL_SET = path.resolve(REPO_ROOT, '../shared/evalset/coco64');

const providerSchema = z.enum(['cpu', 'webgpu', 'cuda', 'tensorrt']);
export type ExecutionProviderName = z.infer<typeof providerSchema>;

const int = (min: number) => z.coerce.number().int().min(min);

const schema = z.object({
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
  WANSHI_MAX_IMAGE_BYTES: int(1).default(20 * 1024 * 1024),
  WANSHI_MAX_IMAGE_PIXELS: int(1).default(40_000_000),
  // Two images at the pixel limit (120 MB each decoded) at once; a dozen ordinary 12-megapixel photos.
  WANSHI_DECODE_BUDGET_MB: int(1).default(256),
  WANSHI_MAX_BATCH_INPUTS: int(1).default(32),
  WANSHI_MAX_REQUEST_MB: int(1).default(64),
  // 4, not 8: on CPU a batch of 8 only added latency and ~50 MB of activations for the same images/s (bench:load).
  WANSHI_MAX_BATCH_SIZE: int(1).default(4),
  WANSHI_MAX_QUEUE_DELAY_MS: z.coerce.number().min(0).default(2),
  WANSHI_MAX_QUEUE_SIZE: int(1).default(64),
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
  /** Profile benchmarks' evaluation set: a folder of images and its COCO instances file (both or neither). */
  WANSHI_EVAL_IMAGES: z.string().optional(),
  WANSHI_EVAL_ANNOTATIONS: z.string().optional(),
});

export interface Config {
  host: string;
  port: number;
  dashboardPort: number;
  dataDir: string;
  /** Unset: the embedded PGlite database in `${dataDir}/pglite`. */
  databaseUrl: string | undefined;
  modelsDir: string;
  adminKey: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  inference: { providers: ExecutionProviderName[]; intraOpThreads: number };
  limits: {
    maxImageBytes: number;
    maxImagePixels: number;
    maxBatchInputs: number;
    maxRequestBytes: number;
    /** Decoded pixels (RGB bytes) in memory at once; decodes beyond it wait their turn. */
    decodeBudgetMB: number;
  };
  scheduler: {
    maxBatchSize: number;
    maxQueueDelayMs: number;
    maxQueueSize: number;
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
  review: { claimMinutes: number };
  /** The annotated set profile benchmarks measure accuracy on; undefined: none set and the shared one is absent. */
  evaluationSet: EvaluationSet | undefined;
}

export interface EvaluationSet {
  imagesDir: string;
  annotationsFile: string;
}

function evaluationSet(
  images: string | undefined,
  annotations: string | undefined,
): EvaluationSet | undefined {
  if (images !== undefined && annotations !== undefined) {
    return { imagesDir: path.resolve(images), annotationsFile: path.resolve(annotations) };
  }
  if (images !== undefined || annotations !== undefined) {
    throw new Error(
      'Invalid configuration:\n  set both WANSHI_EVAL_IMAGES and WANSHI_EVAL_ANNOTATIONS, or neither',
    );
  }
  const shared = {
    imagesDir: path.join(SHARED_EVAL_SET, 'images'),
    annotationsFile: path.join(SHARED_EVAL_SET, 'instances.json'),
  };
  return existsSync(shared.annotationsFile) ? shared : undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.WANSHI_DATA_DIR);
  return {
    host: e.WANSHI_HOST,
    port: e.PORT,
    dashboardPort: e.DASHBOARD_PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    modelsDir: path.resolve(e.WANSHI_MODELS_DIR),
    adminKey: e.WANSHI_ADMIN_KEY,
    logLevel: e.WANSHI_LOG_LEVEL,
    inference: { providers: e.WANSHI_PROVIDERS, intraOpThreads: e.WANSHI_INTRA_OP_THREADS },
    limits: {
      maxImageBytes: e.WANSHI_MAX_IMAGE_BYTES,
      maxImagePixels: e.WANSHI_MAX_IMAGE_PIXELS,
      maxBatchInputs: e.WANSHI_MAX_BATCH_INPUTS,
      maxRequestBytes: e.WANSHI_MAX_REQUEST_MB * 1024 * 1024,
      decodeBudgetMB: e.WANSHI_DECODE_BUDGET_MB,
    },
    scheduler: {
      maxBatchSize: e.WANSHI_MAX_BATCH_SIZE,
      maxQueueDelayMs: e.WANSHI_MAX_QUEUE_DELAY_MS,
      maxQueueSize: e.WANSHI_MAX_QUEUE_SIZE,
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
    review: { claimMinutes: e.WANSHI_REVIEW_CLAIM_MINUTES },
    evaluationSet: evaluationSet(e.WANSHI_EVAL_IMAGES, e.WANSHI_EVAL_ANNOTATIONS),
  };
}
