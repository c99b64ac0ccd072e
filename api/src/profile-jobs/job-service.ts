// Profile benchmark jobs: an admin starts one (one at a time), it runs in a child process (runner-process.ts),
// its progress is written to the job as it comes, and at the end its results are stored in one transaction and
// the artifacts it built are registered with the running server, so detect can use them at once.
import { z } from 'zod';
import type { Principal } from '../auth/roles';
import type { Config } from '../config';
import type { Prisma, PrismaClient } from '../db/client';
import { createLogger } from '../logging/logger';
import { modelRecipe } from '../profiles/artifacts';
import { DEFAULT_SPEED_PLAN, type ProfileProgress } from '../profiles/benchmark';
import { PROFILE_IDS, type ProfileId, type ProfileResult } from '../profiles/result';
import { recordAudit } from '../services/audit';
import { requireRole } from '../services/authorization';
import { ConflictError, InputError, NotFoundError } from '../services/errors';
import type { ModelService, ModelVersionView } from '../services/models';
import { afterCursor, pageSize, toConnection, type Connection, type PageArgs } from '../services/pagination';
import { isUniqueViolation } from '../services/prisma-errors';
import { isUuid, parseInput } from '../services/validation';
import { scanModelRepository, type ModelRepository } from '../serving/model-repository';
import type { ReleaseLock } from '../replicas/advisory-lock';
import { confineEvaluationSet } from './evaluation-paths';
import { startRunnerProcess, type RunningBenchmark, type StartRunner } from './runner-process';
import type { RunnerRequest } from './runner-protocol';
import {
  jobInclude,
  jobView,
  measurementData,
  type ProfileJobParameters,
  type ProfileJobView,
} from './views';

const log = createLogger('profile-jobs');

/** Progress lines kept on the job (the latest phase and message are kept apart). */
export const PROGRESS_LINES_KEPT = 50;
const INTERRUPTED = 'The server stopped before this job finished';

const startSchema = z
  .object({
    model: z.string().trim().min(1).max(64),
    sizes: z.array(z.number().int().positive()).min(1).nullish(),
    // Strings in (GraphQL passes profile ids as strings), profile ids out.
    precisions: z
      .array(z.string().pipe(z.enum(PROFILE_IDS as [ProfileId, ...ProfileId[]])))
      .min(1)
      .nullish(),
    maxImages: z.number().int().min(1).nullish(),
    batchSizes: z.array(z.number().int().min(1).max(64)).min(1).max(8).nullish(),
    speedRounds: z.number().int().min(1).max(50).nullish(),
    imagesDir: z.string().min(1).nullish(),
    annotationsFile: z.string().min(1).nullish(),
  })
  .refine((input) => (input.imagesDir == null) === (input.annotationsFile == null), {
    message: 'give both imagesDir and annotationsFile, or neither',
    path: ['annotationsFile'],
  });
export type StartProfileJobInput = z.input<typeof startSchema>;

export interface ProfileJobDeps {
  prisma: PrismaClient;
  models: ModelService;
  /** The server's in-memory model repository, rescanned after a job. */
  repository: ModelRepository;
  config: Pick<Config, 'modelsDir' | 'dataDir' | 'inference' | 'limits' | 'evaluationSet' | 'evaluationRoots'>;
  startRunner?: StartRunner;
  /**
   * Replicas on one PostgreSQL: held by the replica running a job while it runs, so that job recovery on any
   * replica fails only jobs whose replica is gone (null: another replica holds it). Unset: one process.
   */
  runLock?: () => Promise<ReleaseLock | null>;
}

interface CurrentJob {
  id: string;
  runner: RunningBenchmark;
  finished: Promise<void>;
  /** Set when an admin cancels it: the runner's end is then recorded as cancelled, not failed. */
  cancelledBy?: string;
  release?: ReleaseLock;
}

export class ProfileJobService {
  private current: CurrentJob | undefined;
  private readonly startRunner: StartRunner;

  constructor(private readonly deps: ProfileJobDeps) {
    this.startRunner = deps.startRunner ?? startRunnerProcess;
  }

  /** Queues a benchmark and starts it in the background; CONFLICT while another job is queued or running. */
  async start(actor: Principal | null, input: StartProfileJobInput): Promise<ProfileJobView> {
    const admin = requireRole(actor, 'admin');
    const { version, parameters } = await this.plan(parseInput(startSchema, input));
    // Taken before the job exists: a job in progress always has a live replica holding the lock.
    const release = this.deps.runLock ? await this.deps.runLock() : undefined;
    if (release === null) throw await this.alreadyRunning();
    const row = await this.deps.prisma
      .$transaction(async (tx) => {
        const created = await tx.profileJob.create({
          data: {
            modelVersionId: version.id,
            inProgress: true,
            parameters: parameters as unknown as Prisma.InputJsonValue,
            requestedById: admin.keyId,
          },
          include: jobInclude,
        });
        await recordAudit(tx, admin, {
          action: 'profileJob.start',
          entity: `modelVersion:${version.name}/${version.version}`,
          after: { job: created.id, ...parameters },
        });
        return created;
      })
      .catch(async (error: unknown) => {
        await release?.();
        throw isUniqueViolation(error) ? await this.alreadyRunning() : error;
      });
    const progress = new ProgressWriter(this.deps.prisma, row.id);
    const runner = this.startRunner(this.runnerRequest(version, parameters), (p) => progress.report(p));
    this.current = { id: row.id, runner, release, finished: this.follow(row.id, version, runner, progress) };
    return jobView(row);
  }

  private async alreadyRunning(): Promise<ConflictError> {
    const running = await this.deps.prisma.profileJob.findFirst({ where: { inProgress: true } });
    const message = `A profile benchmark is already running (job ${running?.id ?? 'just started'})`;
    return new ConflictError(message, { jobId: running?.id });
  }

  async get(viewer: Principal | null, id: string): Promise<ProfileJobView> {
    requireRole(viewer, 'reviewer');
    const row = isUuid(id)
      ? await this.deps.prisma.profileJob.findUnique({ where: { id }, include: jobInclude })
      : null;
    if (!row) throw new NotFoundError(`No profile benchmark job ${id}`);
    return jobView(row);
  }

  /** Newest first. */
  async list(viewer: Principal | null, page: PageArgs = {}): Promise<Connection<ProfileJobView>> {
    requireRole(viewer, 'reviewer');
    const size = pageSize(page.first);
    const [rows, totalCount] = await Promise.all([
      this.deps.prisma.profileJob.findMany({
        where: afterCursor('createdAt', page.after),
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: size + 1,
        include: jobInclude,
      }),
      this.deps.prisma.profileJob.count(),
    ]);
    return toConnection(rows, size, totalCount, (row) => ({ at: row.createdAt, id: row.id }), jobView);
  }

  /**
   * Stops a queued or running job: its runner is killed, nothing it measured is kept (artifacts it already
   * built stay, and are registered), and the job ends `cancelled`. CONFLICT once the job has finished.
   */
  async cancel(actor: Principal | null, id: string): Promise<ProfileJobView> {
    const admin = requireRole(actor, 'admin');
    const job = await this.get(admin, id);
    const current = this.current;
    if (current?.id !== id) {
      throw new ConflictError(
        `Profile benchmark job ${id} has finished (${job.status}); only a queued or running job can be cancelled`,
        {
          status: job.status,
        },
      );
    }
    if (!current.cancelledBy) {
      // Marked before any await: a second cancel meanwhile waits for this one instead of stopping it again.
      current.cancelledBy = 'Cancelled by an admin';
      const key = await this.deps.prisma.apiKey.findUnique({
        where: { id: admin.keyId },
        select: { name: true },
      });
      if (key) current.cancelledBy = `Cancelled by ${key.name}`;
      await recordAudit(this.deps.prisma, admin, {
        action: 'profileJob.cancel',
        entity: `profileJob:${id}`,
        before: { status: job.status, phase: job.phase },
      });
      current.runner.stop(current.cancelledBy);
    }
    await current.finished;
    return this.get(admin, id);
  }

  /**
   * At start (and with replicas, periodically): a job still marked in progress was running in a server that is
   * gone (its runner died with it).
   */
  async failInterrupted(): Promise<number> {
    // With replicas, only when no replica holds the run lock: a job in progress then has nobody running it.
    const release = this.deps.runLock ? await this.deps.runLock() : undefined;
    if (release === null) return 0;
    try {
      const { count } = await this.deps.prisma.profileJob.updateMany({
        where: { inProgress: true },
        data: { status: 'failed', inProgress: null, error: INTERRUPTED, finishedAt: new Date() },
      });
      if (count > 0) log.warn(`marked ${count} interrupted profile benchmark job(s) failed`);
      return count;
    } finally {
      await release?.();
    }
  }

  /** Stops a running job (it is marked failed) and waits until it is recorded. */
  async shutdown(): Promise<void> {
    const current = this.current;
    if (!current) return;
    current.runner.stop(INTERRUPTED);
    await current.finished;
  }

  private async plan(input: z.output<typeof startSchema>) {
    const { name, version: versionName } = await this.benchmarkedVersion(input.model);
    const version = await this.deps.models.getVersion(name, versionName);
    const bakedSizes = version.artifacts
      .filter((a) => a.precision === 'fp32' && a.inputSize !== null)
      .map((a) => a.inputSize as number);
    const sizes = input.sizes ?? bakedSizes;
    const unbaked = sizes.filter((size) => !bakedSizes.includes(size));
    if (unbaked.length > 0) {
      // Profiles are made from the fp32 artifact baked at their size.
      const message = `${name} ${versionName} has no fp32 artifact baked at ${unbaked.join(', ')} (has ${bakedSizes.join(', ')})`;
      throw new InputError(message, { field: 'sizes' });
    }
    const evaluationSet =
      input.imagesDir != null && input.annotationsFile != null
        ? await confineEvaluationSet(
            { imagesDir: input.imagesDir, annotationsFile: input.annotationsFile },
            this.deps.config.evaluationRoots,
          )
        : this.deps.config.evaluationSet;
    const parameters: ProfileJobParameters = {
      sizes: [...new Set(sizes)],
      precisions: [...new Set(input.precisions ?? PROFILE_IDS)],
      maxImages: input.maxImages ?? null,
      batchSizes: input.batchSizes ?? [...DEFAULT_SPEED_PLAN.batchSizes],
      speedRounds: input.speedRounds ?? DEFAULT_SPEED_PLAN.rounds,
      ...evaluationSet,
      provider: this.deps.config.inference.providers[0],
    };
    return { version, parameters };
  }

  private runnerRequest(version: ModelVersionView, p: ProfileJobParameters): RunnerRequest {
    const { config } = this.deps;
    return {
      model: version.name,
      version: version.version,
      modelsDir: config.modelsDir,
      dataDir: config.dataDir,
      imagesDir: p.imagesDir,
      annotationsFile: p.annotationsFile,
      maxImages: p.maxImages ?? undefined,
      sizes: p.sizes,
      precisions: p.precisions,
      provider: p.provider,
      intraOpThreads: config.inference.intraOpThreads,
      speed: { batchSizes: p.batchSizes, rounds: p.speedRounds },
      limits: { maxBytes: config.limits.maxImageBytes, maxPixels: config.limits.maxImagePixels },
    };
  }

  /** Waits for the runner, registers what it built, then records the outcome. */
  private async follow(
    id: string,
    version: ModelVersionView,
    runner: RunningBenchmark,
    progress: ProgressWriter,
  ): Promise<void> {
    let results: ProfileResult[] | undefined;
    let error: string | undefined;
    try {
      results = await runner.results;
    } catch (cause) {
      error = messageOf(cause);
    }
    await progress.flushed();
    // Artifacts are built before anything is measured: register them whether or not the measuring worked.
    await this.reloadModels().catch((cause: unknown) => {
      error ??= `registering the built artifacts failed: ${messageOf(cause)}`;
    });
    const cancelledBy = this.current?.id === id ? this.current.cancelledBy : undefined;
    try {
      if (cancelledBy) await this.recordCancelled(id, cancelledBy);
      else await this.record(id, version.id, error === undefined ? results : undefined, error);
    } catch (cause) {
      log.error(`could not record the outcome of profile benchmark job ${id}`, cause);
    } finally {
      const release = this.current?.id === id ? this.current.release : undefined;
      if (this.current?.id === id) this.current = undefined;
      await release?.();
    }
  }

  private async record(
    id: string,
    modelVersionId: string,
    results: ProfileResult[] | undefined,
    error: string | undefined,
  ) {
    const finished = { inProgress: null, finishedAt: new Date() };
    if (!results) {
      log.warn(`profile benchmark job ${id} failed: ${error}`);
      await this.deps.prisma.profileJob.update({
        where: { id },
        data: { ...finished, status: 'failed', error },
      });
      return;
    }
    await this.deps.prisma.$transaction([
      this.deps.prisma.profileMeasurement.createMany({
        data: results.map((result) => ({ ...measurementData(result), jobId: id, modelVersionId })),
      }),
      this.deps.prisma.profileJob.update({ where: { id }, data: { ...finished, status: 'succeeded' } }),
    ]);
    // New measurements may change which profile is fastest at fp32's accuracy: the default follows them.
    await this.deps.models.refreshDefaultProfiles();
  }

  private async recordCancelled(id: string, by: string): Promise<void> {
    log.info(`profile benchmark job ${id}: ${by}`);
    await this.deps.prisma.profileJob.update({
      where: { id },
      data: { inProgress: null, finishedAt: new Date(), status: 'cancelled', error: by },
    });
  }

  /** A catalog model's catalog version; an imported model's active version (the one its users get). */
  private async benchmarkedVersion(name: string): Promise<{ name: string; version: string }> {
    const catalog = catalogModel(name);
    if (catalog) return catalog;
    const serving = await this.deps.models.resolveServingVersion(name).catch(() => undefined);
    if (!serving)
      throw new NotFoundError(`No model "${name}" in the catalog or imported with an active version`);
    return serving;
  }

  private async reloadModels(): Promise<void> {
    const entries = await scanModelRepository(this.deps.config.modelsDir);
    this.deps.repository.replace(entries);
    await this.deps.models.registerManifests(entries.map((entry) => entry.manifest));
  }
}

/** The catalog recipe's name and version: a job builds and measures what the catalog makes. */
function catalogModel(name: string): { name: string; version: string } | undefined {
  try {
    return modelRecipe(name).manifest;
  } catch {
    return undefined;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Writes progress to the job in arrival order, one write at a time; a failed write is logged, not fatal. The
 * first line marks the job running: the runner process is up and working.
 */
class ProgressWriter {
  // A type literal, not the ProfileProgress interface: Prisma's JSON input type wants an index signature.
  private readonly lines: { phase: ProfileProgress['phase']; message: string; at: string }[] = [];
  private writes = Promise.resolve();
  private started = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly jobId: string,
  ) {}

  report(progress: ProfileProgress): void {
    this.lines.push({ ...progress, at: new Date().toISOString() });
    this.lines.splice(0, this.lines.length - PROGRESS_LINES_KEPT);
    const data: Prisma.ProfileJobUpdateInput = {
      phase: progress.phase,
      message: progress.message,
      progressLog: [...this.lines],
      ...(!this.started && { status: 'running', startedAt: new Date() }),
    };
    this.started = true;
    this.writes = this.writes
      .then(() => this.prisma.profileJob.update({ where: { id: this.jobId }, data }))
      .then(
        () => undefined,
        (error: unknown) => log.warn(`could not record progress of job ${this.jobId}: ${messageOf(error)}`),
      );
  }

  flushed(): Promise<void> {
    return this.writes;
  }
}
