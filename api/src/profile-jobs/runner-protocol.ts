// How the API talks to a benchmark runner process: the request goes in as JSON on stdin; the runner answers with
// one JSON object per line on stdout (progress as it goes, then its results or why it failed). Lines that are not
// such objects (a library printing to stdout) are skipped, and a malformed message is never trusted.
import { z } from 'zod';
import type { ExecutionProviderName } from '../config';
import type { ImageLimits } from '../inference/image/decode';
import type { ProfileProgress } from '../profiles/benchmark';
import { PROFILE_IDS, type ProfileId, type ProfileResult } from '../profiles/result';
import type { SpeedPlan } from '../profiles/speed';

export interface RunnerRequest {
  /** A model of the repository's catalog, or an imported one (then with its version). */
  model: string;
  version?: string;
  modelsDir: string;
  /** Where the default int8 calibration photos are kept. */
  dataDir: string;
  imagesDir: string;
  annotationsFile: string;
  /** Measure accuracy on the first this many images only (by image id). */
  maxImages?: number;
  sizes: number[];
  precisions: ProfileId[];
  provider: ExecutionProviderName;
  intraOpThreads: number;
  speed: Partial<SpeedPlan>;
  limits: ImageLimits;
}

export type RunnerMessage =
  | { type: 'progress'; phase: ProfileProgress['phase']; message: string }
  | { type: 'results'; results: ProfileResult[] }
  | { type: 'failed'; error: string };

const finite = z.number().finite();

const profileResultSchema = z.object({
  precision: z.enum(PROFILE_IDS as [ProfileId, ...ProfileId[]]),
  inputSize: z.number().int().positive(),
  artifact: z.string().min(1),
  batchSize: z.number().int().positive(),
  imagesPerSecond: finite,
  latencyP50Ms: finite,
  latencyP95Ms: finite,
  throughputByBatch: z.array(z.object({ batchSize: z.number().int().positive(), imagesPerSecond: finite })),
  memoryMB: finite,
  fileBytes: z.number().int().nonnegative(),
  mAP: finite,
  mAP50: finite,
  deltaMAP: finite,
  agreement: finite,
  flags: z.array(z.string()),
  provider: z.enum(['cpu', 'webgpu', 'cuda', 'tensorrt']),
  machine: z.object({ cpuModel: z.string(), cores: z.number().int(), memoryMB: finite }),
  measuredAt: z.iso.datetime(),
}) satisfies z.ZodType<ProfileResult>;

const messageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    phase: z.enum(['build', 'accuracy', 'speed', 'memory']),
    message: z.string(),
  }),
  z.object({ type: z.literal('results'), results: z.array(profileResultSchema) }),
  z.object({ type: z.literal('failed'), error: z.string() }),
]) satisfies z.ZodType<RunnerMessage>;

export function encodeRunnerMessage(message: RunnerMessage): string {
  return `${JSON.stringify(message)}\n`;
}

/** The message on one stdout line, or undefined for anything else. */
export function parseRunnerLine(line: string): RunnerMessage | undefined {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = messageSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
