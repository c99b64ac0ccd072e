// Runs detections for the API: one Detector per artifact, driven by the scheduler (batching, queues, memory
// budget), with the model repository as the source of artifacts.
import { availableParallelism } from 'node:os';
import type { Config } from '../config';
import { Detector, type Detection, type DetectorSource } from '../inference/detector';
import type { SessionSettings } from '../inference/session';
import { chooseArtifact, SYMBOLIC_INPUT_SIZES } from '../inference/artifact-choice';
import { createLogger } from '../logging/logger';
import {
  Scheduler,
  servingPolicy,
  type Admission,
  type AdmitOptions,
  type SchedulerStats,
  type ServingPolicy,
} from '../scheduler';
import { DecodeBudget } from '../scheduler/decode-budget';
import { detectorRunner, detectorWorkerSession, type DetectionInput } from '../inference/detector-runner';
import {
  formatArtifactKey,
  type ArtifactKey,
  type InferenceResult,
  type SchedulerObserver,
  type SubmitOptions,
} from '../scheduler/types';
import type { ModelRepository } from './model-repository';

const log = createLogger('inference');

/**
 * Intra-op threads of the server's sessions when the configuration leaves the choice open (0): a core fewer
 * than the machine has, at least one. The main thread needs a core of its own for HTTP, JSON, image decoding
 * and the database; onnxruntime's default (a thread per core) takes it, and on 2 cores the server did more with
 * 1 thread than with 2: as many images per second, a lower p99 and less CPU per image (bench:load).
 */
export function servingIntraOpThreads(configured: number, cores = availableParallelism()): number {
  return configured > 0 ? configured : Math.max(1, cores - 1);
}

export class InferenceService {
  readonly scheduler: Scheduler<DetectionInput, Detection>;
  private readonly providers = new Map<string, string>();

  constructor(
    private readonly repository: ModelRepository,
    private readonly config: Pick<Config, 'inference' | 'limits' | 'scheduler'>,
    observer?: SchedulerObserver,
  ) {
    const decodeBudget = new DecodeBudget(config.limits.decodeBudgetMB);
    this.scheduler = new Scheduler({
      config: config.scheduler,
      createRunner: (key) => {
        const source = this.sourceFor(key);
        const settings = this.sessionSettings();
        const session = detectorWorkerSession(source, settings);
        return detectorRunner({
          preparer: new Detector(source, settings),
          session: {
            // The worker's Detector answers load() with the provider it got (after any fallback to cpu).
            load: async () => this.providers.set(formatArtifactKey(key), (await session.load()) as string),
            unload: () => session.unload(),
            run: (batch) => session.run(batch),
          },
          limits: config.limits,
          decodeBudget,
        });
      },
      // A version's manifest may set its own batching and queue limits over the configured ones.
      servingSettings: (key) => this.repository.find(key.model, key.version)?.manifest.serving,
      logger: { info: log.info, warn: log.warn, error: (m: unknown) => log.error(String(m)) },
      observer,
    });
  }

  /** Whether the repository has an artifact for this profile; the API checks before queueing. */
  hasArtifact(key: ArtifactKey): boolean {
    const entry = this.repository.find(key.model, key.version);
    if (!entry) return false;
    try {
      const { artifact } = chooseArtifact(entry.manifest, {
        precision: key.precision,
        inputSize: key.inputSize,
      });
      // A symbolic graph runs any size; requests keep to the offered ones (and the version's default).
      return (
        artifact.inputSize !== null ||
        SYMBOLIC_INPUT_SIZES.includes(key.inputSize) ||
        key.inputSize === entry.manifest.defaultInputSize
      );
    } catch {
      return false;
    }
  }

  /** Places in the artifact's queue, asked for before the upload is decoded (Scheduler.admit). */
  admit(key: ArtifactKey, options: AdmitOptions): Admission {
    return this.scheduler.admit(key, options);
  }

  /** The model's class keys in class-index order (the manifest's), which label sets map onto. */
  classesOf(key: Pick<ArtifactKey, 'model' | 'version'>): readonly string[] {
    const entry = this.repository.find(key.model, key.version);
    if (!entry) throw new Error(`Model ${key.model}@${key.version} is not in the model repository`);
    return entry.manifest.classes;
  }

  /** The policy the version's lanes are (or would be) created with; undefined when it is not in the repository. */
  servingPolicyOf(key: Pick<ArtifactKey, 'model' | 'version'>): ServingPolicy | undefined {
    const entry = this.repository.find(key.model, key.version);
    return entry && servingPolicy(this.config.scheduler, entry.manifest.serving);
  }

  detect(
    key: ArtifactKey,
    input: DetectionInput,
    options: SubmitOptions & { admission?: Admission },
  ): Promise<InferenceResult<Detection>> {
    return this.scheduler.submit(key, input, options);
  }

  /** The execution provider an artifact's session runs on; before it is loaded, the configured first choice. */
  providerOf(key: ArtifactKey): string {
    return this.providers.get(formatArtifactKey(key)) ?? this.config.inference.providers[0];
  }

  warm(key: ArtifactKey): Promise<void> {
    return this.scheduler.load(key);
  }

  isReady(key: ArtifactKey): boolean {
    return this.scheduler.isReady(key);
  }

  stats(): SchedulerStats {
    return this.scheduler.stats();
  }

  shutdown(graceMs: number): Promise<void> {
    return this.scheduler.shutdown({ graceMs });
  }

  private sessionSettings(): SessionSettings {
    const { providers, intraOpThreads, spinning } = this.config.inference;
    return { providers, intraOpThreads: servingIntraOpThreads(intraOpThreads), spinning };
  }

  private sourceFor(key: ArtifactKey): DetectorSource {
    const entry = this.repository.find(key.model, key.version);
    if (!entry) throw new Error(`Model ${key.model}@${key.version} is not in the model repository`);
    const { artifact, inputSize } = chooseArtifact(entry.manifest, key);
    return { versionDir: entry.versionDir, manifest: entry.manifest, artifact, inputSize };
  }
}
