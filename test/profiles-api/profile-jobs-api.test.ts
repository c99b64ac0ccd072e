// Profile benchmark jobs over HTTP, on both databases: a real quick run (one size, fp32 + int8, four images, one
// speed round) in a child process, its progress and stored results, the comparison, and detect with the profile
// the job built.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachKind } from '../db/databases';
import { DETECT, errorCode, photoBase64, startTestServer, type TestServer } from '../api/harness';
import { PROFILE_COMPARISON } from '../../dashboard/lib/graphql/documents/models';
import { copyServedModels, EVAL_SET } from './support/served-models';

const JOB_FIELDS = `id model version status phase message error startedAt finishedAt
  parameters { sizes precisions maxImages batchSizes speedRounds provider }
  progress { phase message at }
  results { precision servingPrecision inputSize artifact provider machine { cores } }`;
const START = `mutation($input: StartProfileBenchmarkInput!) { startProfileBenchmark(input: $input) { ${JOB_FIELDS} } }`;
const JOB = `query($id: ID!) { profileBenchmarkJob(id: $id) { ${JOB_FIELDS} } }`;
const COMPARISON = `query { profileComparison(model: "nanodet-m") {
  precision servingPrecision servable inputSize artifact batchSize imagesPerSecond latencyP50Ms latencyP95Ms
  throughputByBatch { batchSize imagesPerSecond } memoryMB fileBytes mAP mAP50 deltaMAP agreement flags provider
  machine { cpuModel cores memoryMB } measuredAt
} }`;
const QUICK_PARAMETERS = {
  sizes: [160],
  precisions: ['fp32', 'int8'],
  maxImages: 4,
  batchSizes: [1],
  speedRounds: 1,
};
const QUICK = { model: 'nanodet-m', ...QUICK_PARAMETERS };
const PHOTO = '000000000036.jpg'; // one person, large

describeEachKind('profile benchmark jobs over HTTP', (kind) => {
  let api: TestServer;
  let modelsDir: string;
  /** An evaluation root besides the shared set's, holding an annotations file the runner fails on. */
  let brokenSet: string;
  let appKey: string;
  let reviewerKey: string;

  beforeAll(async () => {
    modelsDir = await copyServedModels();
    brokenSet = await mkdtemp(path.join(os.tmpdir(), 'wanshi-broken-set-'));
    await writeFile(path.join(brokenSet, 'instances.json'), '{"images": [');
    api = await startTestServer(kind, {
      WANSHI_MODELS_DIR: modelsDir,
      WANSHI_EVAL_ROOTS: `${EVAL_SET},${brokenSet}`,
      WANSHI_EVAL_IMAGES: path.join(EVAL_SET, 'images'),
      WANSHI_EVAL_ANNOTATIONS: path.join(EVAL_SET, 'instances.json'),
    });
    const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
    appKey = (await api.gql(create, { input: { name: 'app', role: 'APP' } })).data.createApiKey.secret;
    reviewerKey = (await api.gql(create, { input: { name: 'reviewer', role: 'REVIEWER' } })).data.createApiKey
      .secret;
  });
  afterAll(async () => {
    await api?.close();
    await rm(modelsDir, { recursive: true, force: true });
    await rm(brokenSet, { recursive: true, force: true });
  });

  /** Polls the job until it is done, keeping every status it was seen in. */
  async function finished(id: string) {
    const seen = new Set<string>();
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const job = (await api.gql(JOB, { id })).data.profileBenchmarkJob;
      seen.add(job.status);
      if (job.status === 'SUCCEEDED' || job.status === 'FAILED') return { job, seen };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`job ${id} did not finish in time`);
  }

  it('has an empty comparison before any benchmark, yet serves int8, which the start-up build made', async () => {
    expect((await api.gql(COMPARISON)).data.profileComparison).toEqual([]);
    const detect = await api.gql(DETECT, {
      input: { imageBase64: photoBase64(PHOTO), precision: 'INT8', inputSize: 160 },
    });
    expect(detect.errors).toBeUndefined();
    expect(detect.data.detect.model).toMatchObject({ precision: 'INT8', inputSize: 160 });
  });

  it('lets only admins start a benchmark', async () => {
    expect(errorCode(await api.gql(START, { input: QUICK }, appKey))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(START, { input: QUICK }, reviewerKey))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(START, { input: QUICK }, null))).toBe('UNAUTHENTICATED');
  });

  let jobId: string;

  it('runs a quick benchmark in another process, refusing a second one meanwhile (CONFLICT)', async () => {
    const started = await api.gql(START, { input: QUICK });
    expect(started.errors).toBeUndefined();
    const job = started.data.startProfileBenchmark;
    jobId = job.id;
    expect(job).toMatchObject({ model: 'nanodet-m', version: '1', status: 'QUEUED', finishedAt: null });
    expect(job.parameters).toEqual({ ...QUICK_PARAMETERS, provider: 'cpu' });

    const second = await api.gql(START, { input: QUICK });
    expect(errorCode(second)).toBe('CONFLICT');

    // The server keeps serving while the benchmark runs.
    const detect = await api.gql(DETECT, { input: { imageBase64: photoBase64(PHOTO) } });
    expect(detect.errors).toBeUndefined();

    const { job: done } = await finished(jobId);
    expect(done.error).toBeNull();
    expect(done.status).toBe('SUCCEEDED');
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
    expect(new Set(done.progress.map((p: { phase: string }) => p.phase))).toEqual(
      new Set(['build', 'accuracy', 'memory', 'speed']),
    );
    expect(done.progress.map((p: { message: string }) => p.message)).toContain('fp32 160: mAP on 4 images');
    expect([done.phase, done.message]).toEqual([done.progress.at(-1).phase, done.progress.at(-1).message]);
    expect(done.results).toEqual([
      {
        precision: 'fp32',
        servingPrecision: 'FP32',
        inputSize: 160,
        artifact: 'fp32-160.onnx',
        provider: 'cpu',
        machine: { cores: expect.any(Number) },
      },
      {
        precision: 'int8',
        servingPrecision: 'INT8',
        inputSize: 160,
        artifact: 'int8-160.onnx',
        provider: 'cpu',
        machine: { cores: expect.any(Number) },
      },
    ]);
  });

  it('serves the stored results as the comparison, with the machine and provider they ran on', async () => {
    const rows = (await api.gql(COMPARISON, {}, reviewerKey)).data.profileComparison;
    expect(rows.map((r: any) => [r.precision, r.servingPrecision, r.inputSize, r.servable])).toEqual([
      ['fp32', 'FP32', 160, true],
      ['int8', 'INT8', 160, true],
    ]);
    for (const r of rows) {
      expect(r.mAP).toBeGreaterThan(0);
      expect(r.mAP50).toBeGreaterThanOrEqual(r.mAP);
      expect(r.throughputByBatch).toEqual([{ batchSize: 1, imagesPerSecond: r.imagesPerSecond }]);
      expect(r.latencyP95Ms).toBeGreaterThanOrEqual(r.latencyP50Ms);
      expect(r.memoryMB).toBeGreaterThan(0);
      expect(r.fileBytes).toBeGreaterThan(1e6);
      expect(Array.isArray(r.flags)).toBe(true);
      expect(r.machine.cpuModel).not.toBe('');
      expect(r.machine.memoryMB).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(r.measuredAt))).toBe(false);
    }
    const [fp32, int8] = rows;
    expect([fp32.deltaMAP, fp32.agreement]).toEqual([0, 1]);
    expect(int8.fileBytes).toBeLessThan(fp32.fileBytes / 3);
  });

  it('answers the comparison query the dashboard’s Models page sends', async () => {
    const { data, errors } = await api.gql(PROFILE_COMPARISON.toString(), { model: 'nanodet-m' });
    expect(errors).toBeUndefined();
    expect(data.profileComparison.map((r: any) => [r.precision, r.servingPrecision, r.servable])).toEqual([
      ['fp32', 'FP32', true],
      ['int8', 'INT8', true],
    ]);
  });

  it('lets reviewers read jobs and the comparison, not app keys', async () => {
    const list = await api.gql(
      `query { profileBenchmarkJobs(first: 5) { totalCount edges { node { id status } } } }`,
      {},
      reviewerKey,
    );
    expect(list.data.profileBenchmarkJobs.edges[0].node).toEqual({ id: jobId, status: 'SUCCEEDED' });
    expect(errorCode(await api.gql(COMPARISON, {}, appKey))).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(JOB, { id: jobId }, appKey))).toBe('FORBIDDEN');
  });

  it('detect runs the int8 profile the job built, and finds the person', async () => {
    const { data, errors } = await api.gql(
      DETECT,
      { input: { imageBase64: photoBase64(PHOTO), precision: 'INT8', inputSize: 160 } },
      appKey,
    );
    expect(errors).toBeUndefined();
    expect(data.detect.model).toMatchObject({ precision: 'INT8', inputSize: 160 });
    const person = data.detect.objects.find((o: any) => o.label.key === 'person');
    expect(person.score).toBeGreaterThan(0.4);
    expect(person.box.width * person.box.height).toBeGreaterThan(0.1 * 481 * 640);
  });

  it('an admin can make the built profile the default, and detect then uses it', async () => {
    const set = await api.gql(
      `mutation { setDefaultProfile(model: "nanodet-m", precision: INT8, inputSize: 160) { defaultPrecision defaultInputSize } }`,
    );
    expect(set.data.setDefaultProfile).toEqual({ defaultPrecision: 'INT8', defaultInputSize: 160 });
    const { data } = await api.gql(DETECT, { input: { imageBase64: photoBase64(PHOTO) } });
    expect(data.detect.model).toMatchObject({ precision: 'INT8', inputSize: 160 });
  });

  it('refuses sizes with no fp32 artifact baked at them, and profiles it does not know, before starting', async () => {
    expect(errorCode(await api.gql(START, { input: { ...QUICK, sizes: [200] } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(START, { input: { ...QUICK, precisions: ['int2'] } }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('marks a run that fails failed, with the reason, and frees the slot for the next one', async () => {
    const input = {
      ...QUICK,
      imagesDir: path.join(EVAL_SET, 'images'),
      annotationsFile: path.join(brokenSet, 'instances.json'),
    };
    for (let run = 0; run < 2; run++) {
      const started = await api.gql(START, { input });
      expect(started.errors).toBeUndefined();
      const { job } = await finished(started.data.startProfileBenchmark.id);
      expect(job.status).toBe('FAILED');
      expect(job.error).toContain('instances.json is not JSON');
      expect(job.results).toEqual([]);
    }
  });
});
