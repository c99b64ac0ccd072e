// ProfileJobService's bookkeeping on both databases, with a stand-in for the runner process (the real one runs
// in profile-jobs-api.test.ts): what it asks the runner for, progress, outcomes, one job at a time, shutdown and
// jobs a crashed server left behind.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Principal } from '../../api/src/auth/roles';
import { loadConfig, type Config } from '../../api/src/config';
import { PROGRESS_LINES_KEPT, ProfileJobService } from '../../api/src/profile-jobs/job-service';
import type { StartRunner } from '../../api/src/profile-jobs/runner-process';
import type { RunnerRequest } from '../../api/src/profile-jobs/runner-protocol';
import type { ProfileProgress } from '../../api/src/profiles/benchmark';
import type { ProfileResult } from '../../api/src/profiles/result';
import { ModelService } from '../../api/src/services/models';
import { ModelRepository, scanModelRepository } from '../../api/src/serving/model-repository';
import { describeEachDatabase } from '../db/databases';
import { profileResult } from './support/profile-result';
import { EVAL_SET } from './support/served-models';

interface FakeRun {
  request: RunnerRequest;
  report: (progress: ProfileProgress) => void;
  succeed: (results: ProfileResult[]) => void;
  fail: (reason: string) => void;
  stoppedWith?: string;
}

/** A runner whose runs the test drives by hand. */
function fakeRunner() {
  const runs: FakeRun[] = [];
  const start: StartRunner = (request, report) => {
    let succeed!: (results: ProfileResult[]) => void;
    let fail!: (reason: string) => void;
    const results = new Promise<ProfileResult[]>((resolve, reject) => {
      succeed = resolve;
      fail = (reason) => reject(new Error(reason));
    });
    const run: FakeRun = { request, report, succeed, fail };
    runs.push(run);
    return {
      results,
      stop(reason) {
        run.stoppedWith = reason;
        fail(reason);
      },
    };
  };
  return { start, runs };
}

const FP32_AND_INT8 = [
  profileResult({ precision: 'fp32', artifact: 'fp32-160.onnx', fileBytes: 15_170_388 }),
  profileResult({
    precision: 'int8',
    artifact: 'int8-160.onnx',
    fileBytes: 3_951_752,
    deltaMAP: -0.4,
    agreement: 0.93,
  }),
];

describeEachDatabase('ProfileJobService', (db) => {
  let config: Config;
  let runner: ReturnType<typeof fakeRunner>;
  let service: ProfileJobService;
  let admin: Principal;
  const reviewer = (): Principal => ({ keyId: admin.keyId, role: 'reviewer' });

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-jobs-'));
    config = loadConfig({
      WANSHI_DATA_DIR: dataDir,
      WANSHI_EVAL_IMAGES: path.join(EVAL_SET, 'images'),
      WANSHI_EVAL_ANNOTATIONS: path.join(EVAL_SET, 'instances.json'),
    });
    const { prisma } = db();
    await new ModelService(prisma).registerManifests(
      (await scanModelRepository(config.modelsDir)).map((e) => e.manifest),
    );
    const key = await prisma.apiKey.create({
      data: { name: 'admin', prefix: 'test', secretHash: 'a'.repeat(64), role: 'admin' },
    });
    admin = { keyId: key.id, role: 'admin' };
  });
  afterAll(() => rm(config.dataDir, { recursive: true, force: true }));

  /** A fresh service (as after a restart); the repository is the real one, read only. */
  async function newService(): Promise<ProfileJobService> {
    const repository = new ModelRepository(await scanModelRepository(config.modelsDir));
    return new ProfileJobService({
      prisma: db().prisma,
      models: new ModelService(db().prisma),
      repository,
      config,
      startRunner: runner.start,
    });
  }

  beforeEach(async () => {
    runner = fakeRunner();
    service = await newService();
  });

  async function settled(id: string) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const job = await service.get(admin, id);
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`job ${id} did not settle`);
  }

  it('asks the runner for what was requested, with defaults from the model and the configuration', async () => {
    const job = await service.start(admin, { model: 'nanodet-m' });
    expect(job.parameters).toEqual({
      sizes: [160, 224, 320, 416],
      precisions: ['fp32', 'fp16', 'fp16-storage', 'int8', 'int4'],
      maxImages: null,
      batchSizes: [1, 2, 4, 8],
      speedRounds: 5,
      imagesDir: path.join(EVAL_SET, 'images'),
      annotationsFile: path.join(EVAL_SET, 'instances.json'),
      provider: 'cpu',
    });
    expect(runner.runs[0].request).toMatchObject({
      model: 'nanodet-m',
      modelsDir: config.modelsDir,
      dataDir: config.dataDir,
      sizes: [160, 224, 320, 416],
      speed: { batchSizes: [1, 2, 4, 8], rounds: 5 },
      provider: 'cpu',
    });
    expect(runner.runs[0].request.maxImages).toBeUndefined();
    runner.runs[0].succeed([]);
    await settled(job.id);
  });

  it('writes progress in arrival order: the first line marks the job running; the last lines are kept', async () => {
    const job = await service.start(admin, {
      model: 'nanodet-m',
      sizes: [160],
      precisions: ['int8'],
      maxImages: 4,
    });
    expect([job.status, job.startedAt, job.phase]).toEqual(['queued', null, null]);
    const [run] = runner.runs;
    expect(run.request).toMatchObject({ sizes: [160], precisions: ['int8'], maxImages: 4 });
    for (let i = 0; i < PROGRESS_LINES_KEPT + 10; i++)
      run.report({ phase: i < 5 ? 'build' : 'accuracy', message: `line ${i}` });
    run.succeed(FP32_AND_INT8);

    const done = await settled(job.id);
    expect(done.status).toBe('succeeded');
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.progress.map((p) => p.message)).toEqual(
      Array.from({ length: PROGRESS_LINES_KEPT }, (_, i) => `line ${i + 10}`),
    );
    expect([done.phase, done.message]).toEqual(['accuracy', `line ${PROGRESS_LINES_KEPT + 9}`]);
    expect(done.results).toMatchObject(
      FP32_AND_INT8.map((r) => ({ ...r, measuredAt: new Date(r.measuredAt) })),
    );
    expect(done.results.map((r) => [r.jobId, r.model, r.version, r.servingPrecision])).toEqual([
      [job.id, 'nanodet-m', '1', 'fp32'],
      [job.id, 'nanodet-m', '1', 'int8'],
    ]);
  });

  it('marks a job whose runner failed failed, with the reason, storing nothing', async () => {
    const job = await service.start(admin, { model: 'nanodet-m', sizes: [160] });
    runner.runs[0].fail('the benchmark process was killed (SIGKILL)');
    const done = await settled(job.id);
    expect([done.status, done.error, done.results]).toEqual([
      'failed',
      'the benchmark process was killed (SIGKILL)',
      [],
    ]);
    expect(done.finishedAt).toBeInstanceOf(Date);
  });

  it('runs one job at a time: of two concurrent starts the database lets one through (CONFLICT)', async () => {
    const starts = await Promise.allSettled([
      service.start(admin, { model: 'nanodet-m', sizes: [160] }),
      (await newService()).start(admin, { model: 'nanodet-m', sizes: [160] }),
    ]);
    const refused = starts.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(refused.map((s) => s.reason.code)).toEqual(['CONFLICT']);
    const running = starts.find((s) => s.status === 'fulfilled')!.value;
    expect(refused[0].reason.details).toEqual({ jobId: running.id });
    runner.runs[0].succeed([]);
    await settled(running.id);
    const next = await service.start(admin, { model: 'nanodet-m', sizes: [160] });
    runner.runs[1].succeed([]);
    await settled(next.id);
  });

  it('stops the running job at shutdown and records it failed', async () => {
    const job = await service.start(admin, { model: 'nanodet-m', sizes: [160] });
    await service.shutdown();
    expect(runner.runs[0].stoppedWith).toBe('The server stopped before this job finished');
    expect(await service.get(admin, job.id)).toMatchObject({
      status: 'failed',
      error: runner.runs[0].stoppedWith,
    });
  });

  it('cancels a running job: the runner is stopped, nothing measured is kept, and the next job can start', async () => {
    const job = await service.start(admin, { model: 'nanodet-m', sizes: [160] });
    runner.runs[0].report({ phase: 'speed', message: 'batch 4' });
    const cancelled = await service.cancel(admin, job.id);
    expect(runner.runs[0].stoppedWith).toBe('Cancelled by admin');
    expect(cancelled).toMatchObject({ status: 'cancelled', error: 'Cancelled by admin', results: [] });
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    const audit = await db().prisma.auditEntry.findFirst({ where: { action: 'profileJob.cancel' } });
    expect(audit).toMatchObject({ actorKeyId: admin.keyId, entity: `profileJob:${job.id}` });

    const next = await service.start(admin, { model: 'nanodet-m', sizes: [160] });
    runner.runs[1].succeed([]);
    expect((await settled(next.id)).status).toBe('succeeded');
  });

  it('answers two cancels of the same job with one stop', async () => {
    const job = await service.start(admin, { model: 'nanodet-m', sizes: [160] });
    const both = await Promise.all([service.cancel(admin, job.id), service.cancel(admin, job.id)]);
    expect(both.map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
    expect(
      await db().prisma.auditEntry.count({
        where: { action: 'profileJob.cancel', entity: `profileJob:${job.id}` },
      }),
    ).toBe(1);
  });

  it('refuses to cancel a finished job (CONFLICT) and leaves it as it ended', async () => {
    const job = await service.start(admin, { model: 'nanodet-m', sizes: [160] });
    runner.runs[0].succeed(FP32_AND_INT8);
    await settled(job.id);
    await expect(service.cancel(admin, job.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { status: 'succeeded' },
    });
    expect((await service.get(admin, job.id)).results).toHaveLength(2);
  });

  it('lets only admins cancel, and says NOT_FOUND for a job that does not exist', async () => {
    const job = await service.start(admin, { model: 'nanodet-m', sizes: [160] });
    await expect(service.cancel(reviewer(), job.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.cancel(admin, '01930000-0000-7000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(runner.runs[0].stoppedWith).toBeUndefined();
    runner.runs[0].succeed([]);
    await settled(job.id);
  });

  it('fails, at start, the jobs a crashed server left in progress, which frees the slot', async () => {
    const version = await db().prisma.modelVersion.findFirstOrThrow({ where: { name: 'nanodet-m' } });
    const orphan = await db().prisma.profileJob.create({
      data: { modelVersionId: version.id, inProgress: true, status: 'running', parameters: {} },
    });
    await expect(service.start(admin, { model: 'nanodet-m' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const restarted = await newService();
    expect(await restarted.failInterrupted()).toBe(1);
    expect(await restarted.get(admin, orphan.id)).toMatchObject({
      status: 'failed',
      error: 'The server stopped before this job finished',
    });
    const next = await restarted.start(admin, { model: 'nanodet-m', sizes: [160] });
    runner.runs[0].succeed([]);
    expect((await settled(next.id)).status).toBe('succeeded');
  });

  it('checks roles and input before starting anything', async () => {
    await expect(service.start(reviewer(), { model: 'nanodet-m' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(service.start(null, { model: 'nanodet-m' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(service.start(admin, { model: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.start(admin, { model: 'nanodet-m', sizes: [200] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'sizes' },
    });
    await expect(service.start(admin, { model: 'nanodet-m', imagesDir: '/photos' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(runner.runs).toEqual([]);
    await expect(service.get(reviewer(), 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
