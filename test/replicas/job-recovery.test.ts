// Profile benchmark jobs with replicas on one PostgreSQL (api/src/profile-jobs/job-service.ts with the run lock
// of api/src/replicas/advisory-lock.ts): job recovery on one replica fails only jobs whose replica is gone, never
// one another replica is running. Two services on one database stand for two replicas; the runner is a stand-in
// the test finishes by hand (the real runner process is profile-jobs-api.test.ts's).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/src/auth/roles';
import { loadConfig, type Config } from '../../api/src/config';
import { ProfileJobService } from '../../api/src/profile-jobs/job-service';
import type { StartRunner } from '../../api/src/profile-jobs/runner-process';
import type { ProfileResult } from '../../api/src/profiles/result';
import { ADVISORY_LOCKS, tryHolding } from '../../api/src/replicas/advisory-lock';
import { ModelService } from '../../api/src/services/models';
import { ModelRepository, scanModelRepository } from '../../api/src/serving/model-repository';
import { available, openTestDatabase } from '../db/databases';
import { principal } from '../services/principals';
import { EVAL_SET } from '../profiles-api/support/served-models';

describe('profile benchmark jobs across replicas', async () => {
  if (!(await available('postgres'))) return void it.skip('needs PostgreSQL');
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let config: Config;
  let admin: Principal;
  let dataDir: string;
  const finishers: ((results: ProfileResult[]) => void)[] = [];
  const startRunner: StartRunner = () => {
    const results = new Promise<ProfileResult[]>((resolve) => finishers.push(resolve));
    return { results, stop: () => undefined };
  };

  async function replica(): Promise<ProfileJobService> {
    const repository = new ModelRepository(await scanModelRepository(config.modelsDir));
    return new ProfileJobService({
      prisma: db.prisma,
      models: new ModelService(db.prisma),
      repository,
      config,
      startRunner,
      runLock: () => tryHolding(db.config.databaseUrl!, ADVISORY_LOCKS.profileJob),
    });
  }

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-job-replicas-'));
    config = loadConfig({
      WANSHI_DATA_DIR: dataDir,
      WANSHI_EVAL_IMAGES: path.join(EVAL_SET, 'images'),
      WANSHI_EVAL_ANNOTATIONS: path.join(EVAL_SET, 'instances.json'),
    });
    await new ModelService(db.prisma).registerManifests(
      (await scanModelRepository(config.modelsDir)).map((e) => e.manifest),
    );
    admin = await principal(db.prisma, 'admin');
  });
  afterAll(async () => {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('recovery on another replica leaves a job that is running alone, and fails it once its replica is gone', async () => {
    const [one, two] = [await replica(), await replica()];
    const job = await one.start(admin, {
      model: 'nanodet-m',
      sizes: [160],
      precisions: ['fp32'],
      maxImages: 2,
    });

    expect(await two.failInterrupted()).toBe(0);
    expect((await two.get(admin, job.id)).status).not.toBe('failed');
    await expect(two.start(admin, { model: 'nanodet-m', sizes: [160] })).rejects.toThrow(/already running/);

    // Replica one dies: its lock goes with its connection, the job stays marked in progress.
    await db.prisma.$executeRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = ${ADVISORY_LOCKS.profileJob}`,
    );
    await expect.poll(() => two.failInterrupted()).toBe(1);
    expect(await two.get(admin, job.id)).toMatchObject({ status: 'failed' });
  });
});
