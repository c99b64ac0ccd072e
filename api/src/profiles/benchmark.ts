// runProfileBenchmark: builds any missing profile artifacts, then for each input size measures every requested
// profile on one execution provider (accuracy on an annotated set, agreement with fp32, speed, memory, file
// size) and returns one plain ProfileResult per profile and size. Callable from a CLI or a background job.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ArtifactEntry, ModelManifest } from '../../../models/src/repository/manifest';
import type { ModelRecipe } from '../../../models/src/repository/recipe';
import type { ProfileSettings } from '../../../models/src/profiles/recipes';
import { loadManifest } from '../../../models/src/repository/load';
import type { ExecutionProviderName } from '../config';
import { loadCocoDataset, type CocoDataset } from '../evaluation/coco-format';
import { decodeImage, type ImageLimits } from '../inference/image/decode';
import { Detector } from '../inference/detector';
import { createSession } from '../inference/session';
import { measureAccuracy, type AccuracyRun } from './accuracy';
import { detectionAgreement } from './agreement';
import { buildProfileArtifacts, modelRecipe, profileArtifact } from './artifacts';
import { calibrationImagesFromDir } from './calibration-images';
import { DEFAULT_CALIBRATION_SOURCE, defaultCalibrationDir } from './default-calibration';
import { profileFlags } from './flags';
import { machineInfo } from './machine';
import { PROFILE_IDS, type ProfileId, type ProfileResult } from './result';
import { probeSession, type SessionProbeResult } from './session-probe';
import { measureSpeed, pairedSpeedup, summariseSpeed, type SpeedPlan, type SpeedSamples } from './speed';

export interface ProfileBenchmarkOptions {
  modelsDir: string;
  /** Where the default calibration photos are written when calibrationDir is not given. */
  dataDir: string;
  /** A catalog model name (default nanodet-m) or its recipe. */
  model?: string | ModelRecipe;
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
    typeof options.model === 'object' ? options.model : modelRecipe(options.model ?? 'nanodet-m');
  const versionDir = path.join(options.modelsDir, recipe.manifest.name, recipe.manifest.version);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const requested = options.precisions ?? PROFILE_IDS;
  // fp32 is always measured: deltas, agreement and the "slower" flag are relative to it.
  const ids: ProfileId[] = ['fp32', ...requested.filter((id) => id !== 'fp32')];
  const provider = options.provider ?? 'cpu';
  const session = { providers: [provider], intraOpThreads: options.intraOpThreads ?? 0 };
  const speedPlan = { ...DEFAULT_SPEED_PLAN, ...options.speed };

  const calibrationDir = options.calibrationDir ?? (await defaultCalibrationDir(options.dataDir));
  const calibration = await calibrationImagesFromDir(
    calibrationDir,
    recipe.manifest.input,
    limits,
    options.calibrationDir ?? DEFAULT_CALIBRATION_SOURCE,
  );
  await buildProfileArtifacts(
    options.modelsDir,
    recipe,
    calibration,
    (report) =>
      onProgress({
        phase: 'build',
        message: `${report.status} ${report.file}${report.reason ? ` (${report.reason})` : ''}`,
      }),
    options.profileSettings,
  );

  const manifest = await loadManifest(versionDir);
  const dataset = await loadCocoDataset(options.annotationsFile);
  const sizes =
    options.sizes ??
    manifest.artifacts
      .filter((a) => a.precision === 'fp32' && a.inputSize !== null)
      .map((a) => a.inputSize as number);
  const machine = machineInfo();
  const results: ProfileResult[] = [];
  for (const inputSize of sizes) {
    const measured: Measured[] = [];
    const largestBatch = Math.max(...speedPlan.batchSizes);
    const inputDims =
      manifest.input.layout === 'NCHW'
        ? [largestBatch, 3, inputSize, inputSize]
        : [largestBatch, inputSize, inputSize, 3];
    for (const id of ids) {
      const artifact = profileArtifact(manifest, id, inputSize);
      onProgress({
        phase: 'accuracy',
        message: `${id} ${inputSize}: mAP on ${dataset.images.length} images`,
      });
      const accuracy = await measureAccuracy(
        { versionDir, manifest, artifact, inputSize },
        session,
        dataset,
        options.imagesDir,
        limits,
      );
      onProgress({ phase: 'memory', message: `${id} ${inputSize}: session memory and kernels` });
      const probe = await probeSession({
        file: path.join(versionDir, artifact.file),
        provider: accuracy.provider,
        intraOpThreads: session.intraOpThreads,
        inputDims,
      });
      measured.push({ id, artifact, accuracy, probe });
    }
    onProgress({
      phase: 'speed',
      message: `${inputSize}: ${ids.join(', ')} in ${speedPlan.rounds * speedPlan.runsPerRound} interleaved passes`,
    });
    const speeds = await measureSpeeds(
      versionDir,
      manifest,
      measured,
      inputSize,
      speedPlan,
      session,
      dataset,
      options.imagesDir,
      limits,
    );

    const fp32 = measured[0];
    const fp32Samples = speeds.get('fp32') as SpeedSamples;
    for (const m of measured) {
      const samples = speeds.get(m.id) as SpeedSamples;
      const speed = summariseSpeed(samples);
      const speedupVsFp32 = pairedSpeedup(samples, fp32Samples);
      const deltaMAP = (m.accuracy.mAP - fp32.accuracy.mAP) * 100;
      const agreement =
        m.id === 'fp32' ? 1 : detectionAgreement(fp32.accuracy.detections, m.accuracy.detections);
      results.push({
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
          requestedProvider: provider,
          provider: m.accuracy.provider,
        }),
        provider: m.accuracy.provider,
        machine,
        measuredAt: new Date().toISOString(),
      });
    }
  }
  return results;
}

/** Opens every profile's session at this size and times them on real images, interleaved (see speed.ts). */
async function measureSpeeds(
  versionDir: string,
  manifest: ModelManifest,
  measured: readonly Measured[],
  inputSize: number,
  plan: SpeedPlan,
  settings: { providers: ExecutionProviderName[]; intraOpThreads: number },
  dataset: CocoDataset,
  imagesDir: string,
  limits: ImageLimits,
) {
  const largestBatch = Math.max(...plan.batchSizes);
  const images = await preparedImages(
    versionDir,
    manifest,
    measured[0].artifact,
    inputSize,
    dataset,
    imagesDir,
    limits,
    largestBatch,
  );
  const feeds = new Map(
    plan.batchSizes.map((batchSize) => {
      const data = new Float32Array(images[0].length * batchSize);
      for (let i = 0; i < batchSize; i++) data.set(images[i % images.length], i * images[0].length);
      const dims =
        manifest.input.layout === 'NCHW'
          ? [batchSize, 3, inputSize, inputSize]
          : [batchSize, inputSize, inputSize, 3];
      return [batchSize, { [manifest.input.name]: new ort.Tensor('float32', data, dims) }];
    }),
  );
  const subjects = [];
  for (const m of measured) {
    const opened = await createSession(
      await readFile(path.join(versionDir, m.artifact.file)),
      settings,
      () => undefined,
    );
    subjects.push({ id: m.id, session: opened.session });
  }
  try {
    return await measureSpeed(
      subjects,
      (batchSize) => feeds.get(batchSize) as Record<string, ort.Tensor>,
      plan,
    );
  } finally {
    for (const s of subjects) await s.session.release();
  }
}

/** The first images of the set, decoded and prepared by the Detector's own preprocessing. */
async function preparedImages(
  versionDir: string,
  manifest: ModelManifest,
  artifact: ArtifactEntry,
  inputSize: number,
  dataset: CocoDataset,
  imagesDir: string,
  limits: ImageLimits,
  count: number,
): Promise<Float32Array[]> {
  const preparer = new Detector(
    { versionDir, manifest, artifact, inputSize },
    { providers: ['cpu'], intraOpThreads: 0 },
  );
  const entries = [...dataset.images].sort((a, b) => a.id - b.id).slice(0, count);
  return Promise.all(
    entries.map(
      async (entry) =>
        (
          await preparer.prepare(
            await decodeImage(await readFile(path.join(imagesDir, entry.file_name)), limits),
          )
        ).tensor,
    ),
  );
}
