// What the API shows of profile benchmark jobs and their measurements, built from their rows.
import type { Precision } from '../../../models/src/repository/manifest';
import { PROFILE_PRECISION } from '../../../models/src/profiles/profiles';
import type { ExecutionProviderName } from '../config';
import type { Prisma, ProfileJobStatus, ProfileMeasurement } from '../db/client';
import type { ProfileProgress } from '../profiles/benchmark';
import { PROFILE_IDS, type MachineInfo, type ProfileId, type ProfileResult } from '../profiles/result';

export interface ProfileResultView extends Omit<ProfileResult, 'measuredAt'> {
  id: string;
  jobId: string;
  model: string;
  version: string;
  /** The manifest precision a request names to run this profile (fp16-storage is listed as fp16). */
  servingPrecision: Precision;
  measuredAt: Date;
}

/** What a job was asked to do, as stored (defaults filled in). */
export interface ProfileJobParameters {
  sizes: number[];
  precisions: ProfileId[];
  /** Accuracy on the first this many images of the set; null: all of them. */
  maxImages: number | null;
  batchSizes: number[];
  speedRounds: number;
  imagesDir: string;
  annotationsFile: string;
  /** The execution provider asked for (each result says which one its session really got). */
  provider: ExecutionProviderName;
}

export interface ProgressEntry extends ProfileProgress {
  at: Date;
}

export interface ProfileJobView {
  id: string;
  model: string;
  version: string;
  status: ProfileJobStatus;
  parameters: ProfileJobParameters;
  /** The latest progress; null before the runner reported any. */
  phase: string | null;
  message: string | null;
  /** The last progress lines, oldest first. */
  progress: ProgressEntry[];
  error: string | null;
  requestedByKeyId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  results: ProfileResultView[];
}

export const servingPrecisionOf = (profile: ProfileId): Precision =>
  profile === 'fp32' ? 'fp32' : PROFILE_PRECISION[profile];

export const jobInclude = {
  modelVersion: { select: { name: true, version: true } },
  results: true,
} satisfies Prisma.ProfileJobInclude;

type JobRow = Prisma.ProfileJobGetPayload<{ include: typeof jobInclude }>;

/** The order results are shown in: by input size, then fp32, fp16, fp16-storage, int8, int4. */
export function byProfileOrder(
  a: { inputSize: number; profile: string },
  b: { inputSize: number; profile: string },
) {
  const order = (profile: string) => PROFILE_IDS.indexOf(profile as ProfileId);
  return a.inputSize - b.inputSize || order(a.profile) - order(b.profile);
}

export function resultView(
  row: ProfileMeasurement,
  modelVersion: { name: string; version: string },
): ProfileResultView {
  const profile = row.profile as ProfileId;
  return {
    id: row.id,
    jobId: row.jobId,
    model: modelVersion.name,
    version: modelVersion.version,
    precision: profile,
    servingPrecision: servingPrecisionOf(profile),
    inputSize: row.inputSize,
    artifact: row.artifact,
    batchSize: row.batchSize,
    imagesPerSecond: row.imagesPerSecond,
    latencyP50Ms: row.latencyP50Ms,
    latencyP95Ms: row.latencyP95Ms,
    throughputByBatch: row.throughputByBatch as unknown as ProfileResult['throughputByBatch'],
    memoryMB: row.memoryMB,
    fileBytes: Number(row.fileBytes),
    mAP: row.mAP,
    mAP50: row.mAP50,
    deltaMAP: row.deltaMAP,
    agreement: row.agreement,
    flags: row.flags,
    provider: row.provider as ProfileResult['provider'],
    machine: row.machine as unknown as MachineInfo,
    measuredAt: row.measuredAt,
  };
}

export function jobView(row: JobRow): ProfileJobView {
  const progress = row.progressLog as unknown as (ProfileProgress & { at: string })[];
  return {
    id: row.id,
    model: row.modelVersion.name,
    version: row.modelVersion.version,
    status: row.status,
    parameters: row.parameters as unknown as ProfileJobParameters,
    phase: row.phase,
    message: row.message,
    progress: progress.map((entry) => ({ ...entry, at: new Date(entry.at) })),
    error: row.error,
    requestedByKeyId: row.requestedById,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    results: [...row.results].sort(byProfileOrder).map((result) => resultView(result, row.modelVersion)),
  };
}

/** The measurement row of one result (the job's model version and id filled in by the caller). */
export function measurementData(
  result: ProfileResult,
): Omit<Prisma.ProfileMeasurementCreateManyInput, 'jobId' | 'modelVersionId'> {
  return {
    profile: result.precision,
    inputSize: result.inputSize,
    artifact: result.artifact,
    batchSize: result.batchSize,
    imagesPerSecond: result.imagesPerSecond,
    latencyP50Ms: result.latencyP50Ms,
    latencyP95Ms: result.latencyP95Ms,
    throughputByBatch: result.throughputByBatch,
    memoryMB: result.memoryMB,
    fileBytes: BigInt(result.fileBytes),
    mAP: result.mAP,
    mAP50: result.mAP50,
    deltaMAP: result.deltaMAP,
    agreement: result.agreement,
    flags: result.flags,
    provider: result.provider,
    machine: { ...result.machine },
    measuredAt: new Date(result.measuredAt),
  };
}
