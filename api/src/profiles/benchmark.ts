// runProfileBenchmark: builds any missing profile artifacts, then for each input size measures every requested
// profile on one execution provider (accuracy on an annotated set, agreement with fp32, speed, memory, file
// size) and returns one plain ProfileResult per profile and size. Callable from a CLI or a background job.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ArtifactReport } from '../../../models/src/repository/build';
import type { ArtifactEntry, ModelManifest } from '../../../models/src/repository/manifest';
import type { ModelRecipe } from '../../../models/src/repository/recipe';
import type { ProfileSettings } from '../../../models/src/profiles/recipes';
import { loadManifest } from '../../../models/src/repository/load';
import type { ExecutionProviderName } from '../config';
import type { SessionSettings } from '../inference/session';
import { loadCocoDataset, type CocoDataset } from '../evaluation/coco-format';
import { decodeImage, type ImageLimits } from '../inference/image/decode';
import { Detector } from '../inference/detector';
import { toInputTensor } from '../../../sdk/src/image/tensor';
import { createSession } from '../inference/session';
import { measureAccuracy, type AccuracyRun } from './accuracy';
import { detectionAgreement } from './agreement';
import { buildProfileArtifacts, profileArtifact, resolveModelRecipe } from './artifacts';
import { calibrationImagesFromDir } from './calibration-images';
import { DEFAULT_CALIBRATION_SOURCE, defaultCalibrationDir } from './default-calibration';
import { profileFlags } from './flags';
import { machineInfo } from './machine';
import { PROFILE_IDS, type MachineInfo, type ProfileId, type ProfileResult } from './result';
import { probeSession, type SessionProbeResult } from './session-probe';
import { measureSpeed, pairedSpeedup, summariseSpeed, type SpeedPlan, type SpeedSamples } from './speed';

export interface ProfileBenchmarkOptions {
  modelsDir: string;
  /** Where the default calibration photos are written when calibrationDir is not given. */
  dataDir: string;
  /** A catalog model name (default nanodet-m) or its recipe. */
  model?: string | ModelRecipe;
  /** The version of a named model; needed for an imported one (default: the catalog's). */
  modelVersion?: string;
  /** Which profiles the repository holds and how they are made (default DEFAULT_PROFILE_SETTINGS). */
  profileSettings?: Omit<ProfileSettings, 'calibration'>;
  /** Annotated evaluation set: a folder of images and its COCO instances file. */
  imagesDir: string;
  annotationsFile: string;
  /** Folder of calibration photos for int8 (never the evaluation images); default: built-in non-COCO photos. */
  calibrationDir?: string;
  sizes?: readonly number[];
  precisions?: readonly ProfileId[];
  provider?: ExecutionProviderName;
  /** 0 lets onnxruntime choose. */
  intraOpThreads?: number;
  speed?: Partial<SpeedPlan>;
  limits?: ImageLimits;
}

export interface ProfileProgress {
  phase: 'build' | 'accuracy' | 'speed' | 'memory';
  message: string;
}

export const DEFAULT_SPEED_PLAN: SpeedPlan = { batchSizes: [1, 2, 4, 8], rounds: 5, runsPerRound: 4 };
const DEFAULT_LIMITS: ImageLimits = { maxBytes: 20 * 2 ** 20, maxPixels: 40_000_000 };

/** What every step of one benchmark run shares. */
interface Run {
  versionDir: string;
  manifest: ModelManifest;
  dataset: CocoDataset;
  imagesDir: string;
  limits: ImageLimits;
  /** fp32 first: deltas, agreement and speed-ups are relative to it. */
  ids: ProfileId[];
  session: SessionSettings;
  requestedProvider: ExecutionProviderName;
  speedPlan: SpeedPlan;
  machine: MachineInfo;
  onProgress: (progress: ProfileProgress) => void;
}

interface Measured {
  id: ProfileId;
  artifact: ArtifactEntry;
  accuracy: AccuracyRun;
  probe: SessionProbeResult;
}

export async function runProfileBenchmark(
  options: ProfileBenchmarkOptions,
  onProgress: (progress: ProfileProgress) => void = () => undefined,
): Promise<ProfileResult[]> {
  const recipe =
    typeof options.model === 'object'
      ? options.model
      : await resolveModelRecipe(options.modelsDir, options.model ?? 'nanodet-m', options.modelVersion);
  const versionDir = path.join(options.modelsDir, recipe.manifest.name, recipe.manifest.version);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const calibration = await calibrationImagesFromDir(
    options.calibrationDir ?? (await defaultCalibrationDir(options.dataDir)),
    recipe.manifest.input,
    limits,
    options.calibrationDir ?? DEFAULT_CALIBRATION_SOURCE,
  );
  const describe = (r: ArtifactReport) => `${r.status} ${r.file}${r.reason ? ` (${r.reason})` : ''}`;
  await buildProfileArtifacts(
    options.modelsDir,
    recipe,
    calibration,
    (report) => onProgress({ phase: 'build', message: describe(report) }),
    options.profileSettings,
  );

  const manifest = await loadManifest(versionDir);
  const provider = options.provider ?? 'cpu';
  const run: Run = {
    versionDir,
    manifest,
    dataset: await loadCocoDataset(options.annotationsFile),
    imagesDir: options.imagesDir,
    limits,
    ids: ['fp32', ...(options.precisions ?? PROFILE_IDS).filter((id) => id !== 'fp32')],
    session: { providers: [provider], intraOpThreads: options.intraOpThreads ?? 0 },
    requestedProvider: provider,
    speedPlan: { ...DEFAULT_SPEED_PLAN, ...options.speed },
    machine: machineInfo(),
    onProgress,
  };
  const bakedSizes = manifest.artifacts
    .filter((a) => a.precision === 'fp32' && a.inputSize !== null)
    .map((a) => a.inputSize as number);
  const results: ProfileResult[] = [];
  for (const inputSize of options.sizes ?? bakedSizes) results.push(...(await measureSize(run, inputSize)));
  return results;
}

async function measureSize(run: Run, inputSize: number): Promise<ProfileResult[]> {
  const { manifest, dataset, speedPlan, onProgress } = run;
  const largestBatch = Math.max(...speedPlan.batchSizes);
  const measured: Measured[] = [];
  for (const id of run.ids) {
    const artifact = profileArtifact(manifest, id, inputSize);
    onProgress({ phase: 'accuracy', message: `${id} ${inputSize}: mAP on ${dataset.images.length} images` });
    const source = { versionDir: run.versionDir, manifest, artifact, inputSize };
    const accuracy = await measureAccuracy(source, run.session, dataset, run.imagesDir, run.limits);
    onProgress({ phase: 'memory', message: `${id} ${inputSize}: session memory and kernels` });
    const probe = await probeSession({
      file: path.join(run.versionDir, artifact.file),
      provider: accuracy.provider,
      intraOpThreads: run.session.intraOpThreads,
      precision: artifact.precision,
      inputDims: inputDims(manifest, largestBatch, inputSize),
    });
    measured.push({ id, artifact, accuracy, probe });
  }
  const passes = speedPlan.rounds * speedPlan.runsPerRound;
  onProgress({
    phase: 'speed',
    message: `${inputSize}: ${run.ids.join(', ')} in ${passes} interleaved passes`,
  });
  const speeds = await measureSpeeds(run, measured, inputSize);
  return measured.map((m) => resultRow(run, inputSize, m, measured[0], speeds));
}

function resultRow(
  run: Run,
  inputSize: number,
  m: Measured,
  fp32: Measured,
  speeds: Map<string, SpeedSamples>,
): ProfileResult {
  const samples = speeds.get(m.id) as SpeedSamples;
  const speed = summariseSpeed(samples);
  const speedupVsFp32 = pairedSpeedup(samples, speeds.get('fp32') as SpeedSamples);
  const deltaMAP = (m.accuracy.mAP - fp32.accuracy.mAP) * 100;
  const agreement = m.id === 'fp32' ? 1 : detectionAgreement(fp32.accuracy.detections, m.accuracy.detections);
  return {
    precision: m.id,
    inputSize,
    artifact: m.artifact.file,
    batchSize: speed.best.batchSize,
    imagesPerSecond: speed.best.imagesPerSecond,
    speedupVsFp32,
    latencyP50Ms: speed.latencyP50Ms,
    latencyP95Ms: speed.latencyP95Ms,
    throughputByBatch: speed.throughputByBatch,
    memoryMB: m.probe.memoryMB,
    fileBytes: m.artifact.bytes,
    mAP: m.accuracy.mAP,
    mAP50: m.accuracy.mAP50,
    deltaMAP,
    agreement,
    flags: profileFlags({
      precision: m.id,
      speedupVsFp32,
      deltaMAP,
      agreement,
      kernels: m.probe.kernels,
      fp32Kernels: fp32.probe.kernels,
      requestedProvider: run.requestedProvider,
      provider: m.accuracy.provider,
    }),
    provider: m.accuracy.provider,
    machine: run.machine,
    measuredAt: new Date().toISOString(),
  };
}

function inputDims(manifest: ModelManifest, batchSize: number, inputSize: number): number[] {
  return manifest.input.layout === 'NCHW'
    ? [batchSize, 3, inputSize, inputSize]
    : [batchSize, inputSize, inputSize, 3];
}

/** Opens every profile's session at this size and times them on real photos, interleaved (see speed.ts). */
async function measureSpeeds(
  run: Run,
  measured: readonly Measured[],
  inputSize: number,
): Promise<Map<string, SpeedSamples>> {
  const { manifest, speedPlan } = run;
  const images = await preparedImages(
    run,
    measured[0].artifact,
    inputSize,
    Math.max(...speedPlan.batchSizes),
  );
  const feeds = new Map(
    speedPlan.batchSizes.map((batchSize) => {
      const data = new Float32Array(images[0].length * batchSize);
      for (let i = 0; i < batchSize; i++) data.set(images[i % images.length], i * images[0].length);
      const tensor = new ort.Tensor('float32', data, inputDims(manifest, batchSize, inputSize));
      return [batchSize, { [manifest.input.name]: tensor }];
    }),
  );
  const subjects = [];
  for (const m of measured) {
    const model = await readFile(path.join(run.versionDir, m.artifact.file));
    subjects.push({
      id: m.id,
      session: (await createSession(model, run.session, () => undefined, m.artifact.precision)).session,
    });
  }
  try {
    return await measureSpeed(
      subjects,
      (batchSize) => feeds.get(batchSize) as Record<string, ort.Tensor>,
      speedPlan,
    );
  } finally {
    for (const s of subjects) await s.session.release();
  }
}

/** The first images of the set, decoded and prepared by the Detector's own preprocessing. */
async function preparedImages(
  run: Run,
  artifact: ArtifactEntry,
  inputSize: number,
  count: number,
): Promise<Float32Array[]> {
  const source = { versionDir: run.versionDir, manifest: run.manifest, artifact, inputSize };
  const preparer = new Detector(source, { providers: ['cpu'], intraOpThreads: 0 });
  const entries = [...run.dataset.images].sort((a, b) => a.id - b.id).slice(0, count);
  return Promise.all(
    entries.map(async (entry) => {
      const image = await decodeImage(await readFile(path.join(run.imagesDir, entry.file_name)), run.limits);
      return toInputTensor((await preparer.prepare(image)).pixels, inputSize, run.manifest.input);
    }),
  );
}
