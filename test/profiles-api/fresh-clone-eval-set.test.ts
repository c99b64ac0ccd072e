// A fresh clone has no ../shared beside it and nobody has set WANSHI_EVAL_*: a benchmark started the way the
// Models page starts it (no evaluation set in the request) still measures accuracy, on the shipped coco14.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationSet, loadConfig, SHIPPED_EVAL_SET } from '../../api/src/config';
import { startServer, type RunningServer } from '../../api/src/server/start-server';
import { loadCocoDataset } from '../../api/src/evaluation/coco-format';
import { START_PROFILE_BENCHMARK } from '../../dashboard/lib/graphql/documents/profiles';
import { ADMIN_KEY } from '../api/harness';
import { createTestDatabase, type TestDatabase } from '../db/databases';
import { copyServedModels } from './support/served-models';

describe('the shipped evaluation set', () => {
  it('is the default when WANSHI_EVAL_* are unset and there is no shared set beside the checkout', () => {
    expect(evaluationSet(undefined, undefined, '/nonexistent/shared/coco64')).toEqual({
      imagesDir: path.join(SHIPPED_EVAL_SET, 'images'),
      annotationsFile: path.join(SHIPPED_EVAL_SET, 'instances.json'),
    });
  });

  it('has every annotated photo it lists, in COCO format, and stays small (under 3 MB)', async () => {
    const dataset = await loadCocoDataset(path.join(SHIPPED_EVAL_SET, 'instances.json'));
    expect(dataset.images.length).toBeGreaterThanOrEqual(12);
    expect(dataset.annotations.length).toBeGreaterThan(40);
    for (const image of dataset.images)
      expect(existsSync(path.join(SHIPPED_EVAL_SET, 'images', image.file_name))).toBe(true);
    const images = path.join(SHIPPED_EVAL_SET, 'images');
    const bytes = readdirSync(images).reduce((sum, f) => sum + statSync(path.join(images, f)).size, 0);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    expect(existsSync(path.join(SHIPPED_EVAL_SET, 'SOURCE.md'))).toBe(true);
  });
});

describe('a profile benchmark on a fresh clone', () => {
  let server: RunningServer;
  let database: TestDatabase;
  let modelsDir: string;
  let noShared: string;

  beforeAll(async () => {
    modelsDir = await copyServedModels();
    noShared = await mkdtemp(path.join(os.tmpdir(), 'wanshi-no-shared-'));
    database = await createTestDatabase('pglite');
    const config = loadConfig({
      PORT: '0',
      WANSHI_DATA_DIR: database.config.dataDir,
      WANSHI_MODELS_DIR: modelsDir,
      WANSHI_ADMIN_KEY: ADMIN_KEY,
      WANSHI_LOG_LEVEL: 'warn',
    });
    // What loadConfig picks when ../shared does not exist (this checkout may have one beside it).
    server = await startServer({
      ...config,
      evaluationSet: evaluationSet(undefined, undefined, path.join(noShared, 'coco64')),
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    await rm(modelsDir, { recursive: true, force: true });
    await rm(noShared, { recursive: true, force: true });
  });

  async function gql(query: string, variables?: object) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  }

  it(
    'finishes with accuracy figures when started as the Models page starts it',
    { timeout: 180_000 },
    async () => {
      // The page's quick mode: sizes and profiles ticked, a few images, one speed round; no evaluation set.
      const input = { model: 'nanodet-m', sizes: [160], precisions: ['fp32'], maxImages: 4, speedRounds: 1 };
      const started = await gql(START_PROFILE_BENCHMARK.toString(), { input });
      expect(started.errors).toBeUndefined();
      const id = started.data.startProfileBenchmark.id;
      let job: any;
      for (const deadline = Date.now() + 170_000; Date.now() < deadline;) {
        job = (await gql(`query($id: ID!) { profileBenchmarkJob(id: $id) { status error } }`, { id })).data
          .profileBenchmarkJob;
        if (job.status !== 'QUEUED' && job.status !== 'RUNNING') break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(job).toEqual({ status: 'SUCCEEDED', error: null });
      const comparison = (
        await gql(`query { profileComparison(model: "nanodet-m") { precision inputSize mAP mAP50 } }`)
      ).data.profileComparison;
      expect(comparison).toEqual([expect.objectContaining({ precision: 'fp32', inputSize: 160 })]);
      expect(comparison[0].mAP).toBeGreaterThan(0);
      expect(comparison[0].mAP50).toBeGreaterThan(comparison[0].mAP);
    },
  );
});
