// Abuse a probe found with real keys, over HTTP against the real server: each is refused with a coded error
// before it costs anything, and writes nothing (row counts stay as they were).
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVAL_SET } from '../profiles-api/support/served-models';
import {
  ADMIN_KEY,
  DETECT,
  errorCode,
  photoBase64,
  startTestServer,
  type GraphQLResponse,
  type TestServer,
} from './harness';

const SECRET = 'root:*:20244:0:99999:7:::';
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const IMAGES = path.join(EVAL_SET, 'images');
const UUID = '01900000-0000-7000-8000-000000000000';

describe('hardening against abusive requests', () => {
  let api: TestServer;
  let appKey: string;
  let roots: string;
  let tinyPng: string;

  beforeAll(async () => {
    roots = await mkdtemp(path.join(os.tmpdir(), 'wanshi-eval-root-'));
    await writeFile(path.join(roots, 'not-coco.json'), SECRET);
    await symlink('/etc/passwd', path.join(roots, 'escape.json'));
    api = await startTestServer('pglite', {
      WANSHI_EVAL_ROOTS: `${roots},${IMAGES}`,
      WANSHI_ANONYMOUS_INTROSPECTION: 'false',
    });
    const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
    appKey = (await api.gql(create, { input: { name: 'probe', role: 'APP' } })).data.createApiKey.secret;
    tinyPng = (
      await sharp({ create: { width: 32, height: 32, channels: 3, background: '#888' } })
        .png()
        .toBuffer()
    ).toString('base64');
  });
  afterAll(async () => {
    await api?.close();
    await rm(roots, { recursive: true, force: true });
  });

  /** Rows the refused requests must not have added: detections, benchmark jobs, audit entries. */
  const rowCounts = async () => {
    const { data } = await api.gql(
      `{ detections { totalCount } profileBenchmarkJobs { totalCount } auditLog { totalCount } }`,
    );
    return [data.detections.totalCount, data.profileBenchmarkJobs.totalCount, data.auditLog.totalCount];
  };
  const post = async (body: string, key: string | null = ADMIN_KEY) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body,
    });
    return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse;
  };
  const refusedBy = (response: GraphQLResponse, limit: string) => {
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.details).toMatchObject({ limit });
    expect(response.data).toBeUndefined();
  };

  describe('operation limits (probe 1: an app key stalled the service with aliased pages)', () => {
    const page = (alias: string) =>
      `${alias}: detections(first: 100) { edges { node { id objects { score label { zh } } } } }`;

    it('refuses the probe itself: 300 aliased detections(first: 100) with their objects', async () => {
      const query = `{ ${Array.from({ length: 300 }, (_, i) => page(`d${i}`)).join(' ')} }`;
      refusedBy(await api.gql(query, {}, appKey), 'tokens');
    });

    it('refuses 16 full pages with objects by cost', async () => {
      const query = `{ ${Array.from({ length: 16 }, (_, i) => page(`d${i}`)).join(' ')} }`;
      refusedBy(await api.gql(query, {}, appKey), 'cost');
    });

    it('still serves one full page with objects', async () => {
      const response = await api.gql(`{ ${page('d')} }`, {}, appKey);
      expect(response.errors).toBeUndefined();
    });

    it('adds up the cost of a batch: of two operations of 8 full pages each, the second is refused', async () => {
      const operation = { query: `{ ${Array.from({ length: 8 }, (_, i) => page(`d${i}`)).join(' ')} }` };
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${appKey}` },
        body: JSON.stringify([operation, operation]),
      });
      const [first, second] = (await response.json()) as GraphQLResponse[];
      expect(first.errors).toBeUndefined();
      expect(second.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { limit: 'cost' },
      });
    });

    it('refuses 31 aliases', async () => {
      const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
      refusedBy(await api.gql(query, {}, appKey), 'aliases');
    });

    it('refuses a query nested deeper than 20', async () => {
      const query = `{ __type(name: "Query") { ${'ofType { '.repeat(20)} name ${'} '.repeat(20)} } }`;
      refusedBy(await api.gql(query, {}, appKey), 'depth');
    });

    it('refuses 21 directives', async () => {
      refusedBy(await api.gql(`{ me { ${'id @include(if: true) '.repeat(21)} } }`, {}, appKey), 'directives');
    });
  });

  describe('before authentication (probe 2: anyone froze it with 500,000 aliases of __typename)', () => {
    const aliases = (count: number) =>
      JSON.stringify({
        query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`,
      });

    it('refuses a 1.8 MB body without a key with 413, unread, and stays live', async () => {
      const response = await post(aliases(100_000), null);
      expect(response.status).toBe(413);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    });

    it('refuses the same document from a key by its token count, before parsing it', async () => {
      refusedBy(await post(aliases(100_000)), 'tokens');
    });

    it('answers introspection without a key with UNAUTHENTICATED (production setting), and with a key', async () => {
      const introspect = `{ __schema { queryType { name } } }`;
      const anonymous = await api.gql(introspect, {}, null);
      expect(anonymous.status).toBe(401);
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
      expect((await api.gql(introspect, {}, appKey)).data.__schema.queryType.name).toBe('Query');
    });
  });

  describe('photos per operation (probe 3: 1,000 aliased detect stored 1,000 detections)', () => {
    it('refuses 1,000 aliased detect and stores none', async () => {
      const before = await rowCounts();
      const fields = Array.from({ length: 1000 }, (_, i) => `d${i}: detect(input: $i) { id }`).join(' ');
      const response = await api.gql(
        `mutation($i: DetectInput!) { ${fields} }`,
        { i: { imageBase64: tinyPng } },
        appKey,
      );
      refusedBy(response, 'tokens');
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a full detectBatch plus one aliased detect (33 photos) before running any', async () => {
      const before = await rowCounts();
      const query = `mutation($b: [DetectInput!]!, $i: DetectInput!) { detectBatch(inputs: $b) { id } one: detect(input: $i) { id } }`;
      const input = { imageBase64: tinyPng };
      const response = await api.gql(query, { b: new Array(32).fill(input), i: input }, appKey);
      refusedBy(response, 'detectImages');
      expect(response.errors![0].extensions!.details).toMatchObject({ max: 32, actual: 33 });
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a batch (JSON array) of 100 detect operations and runs none', async () => {
      const before = await rowCounts();
      const operation = {
        query: `mutation($i: DetectInput!) { detect(input: $i) { id } }`,
        variables: { i: { imageBase64: tinyPng } },
      };
      refusedBy(await post(JSON.stringify(new Array(100).fill(operation)), appKey), 'batch');
      expect(await rowCounts()).toEqual(before);
    });

    it('counts the photos of a batch together: the operation that passes the cap is refused, and stores none', async () => {
      const [detections] = await rowCounts();
      const operation = {
        query: `mutation($b: [DetectInput!]!) { detectBatch(inputs: $b) { id } }`,
        variables: { b: new Array(20).fill({ imageBase64: tinyPng }) },
      };
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${appKey}` },
        body: JSON.stringify([operation, operation]),
      });
      const [first, second] = (await response.json()) as GraphQLResponse[];
      expect(first.data!.detectBatch).toHaveLength(20);
      expect(errorCode(second)).toBe('BAD_USER_INPUT');
      expect(second.errors![0].extensions!.details).toMatchObject({
        limit: 'detectImages',
        max: 32,
        actual: 40,
      });
      expect((await rowCounts())[0]).toBe(detections + 20);
    });

    it('answers a batch of two queries with two results', async () => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${appKey}` },
        body: JSON.stringify([{ query: '{ me { name } }' }, { query: '{ __typename }' }]),
      });
      expect(await response.json()).toEqual([
        { data: { me: { name: 'probe' } } },
        { data: { __typename: 'Query' } },
      ]);
    });
  });

  describe('cursors and dates (probe 5: tampered ones gave INTERNAL_SERVER_ERROR)', () => {
    const tampered = [
      ['a year-0 date', cursor(['0000-01-01T00:00:00.000Z', UUID])],
      ['an id that is not a uuid', cursor(['2026-01-01T00:00:00.000Z', "x' OR 1=1"])],
      ['a 6-digit year', cursor(['+275760-09-13T00:00:00.000Z', UUID])],
      ['not JSON', 'bm90LWpzb24'],
    ];
    it.each(tampered)(
      'refuses a cursor with %s in detections, auditLog and profileBenchmarkJobs',
      async (_, after) => {
        for (const list of ['detections', 'auditLog', 'profileBenchmarkJobs']) {
          const response = await api.gql(`query($after: String) { ${list}(after: $after) { totalCount } }`, {
            after,
          });
          expect([list, errorCode(response)]).toEqual([list, 'BAD_USER_INPUT']);
        }
      },
    );

    it('refuses year-0 dates in the detection filter and in reviewStats', async () => {
      const from = '0000-01-01T00:00:00.000Z';
      const detections = await api.gql(
        `query($from: DateTimeISO) { detections(filter: { from: $from }) { totalCount } }`,
        { from },
      );
      expect(errorCode(detections)).toBe('BAD_USER_INPUT');
      const stats = await api.gql(
        `query($from: DateTimeISO) { reviewStats(labelSet: "coco80", from: $from) { images } }`,
        { from },
      );
      expect(errorCode(stats)).toBe('BAD_USER_INPUT');
    });

    it('answers an export from year 0 with 400 and a coded JSON body', async () => {
      const response = await fetch(`${api.url}/exports/review.coco.json?labelSet=coco80&from=0000-01-01`, {
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    });
  });

  describe('benchmark paths (probe 6: the job error showed the start of /etc/shadow)', () => {
    const START = `mutation($input: StartProfileBenchmarkInput!) { startProfileBenchmark(input: $input) { id } }`;
    const start = (imagesDir: string, annotationsFile: string) =>
      api.gql(START, {
        input: {
          model: 'nanodet-m',
          sizes: [160],
          precisions: ['fp32'],
          maxImages: 1,
          imagesDir,
          annotationsFile,
        },
      });

    it('refuses files outside the evaluation roots the same way whether or not they exist, and starts nothing', async () => {
      const before = await rowCounts();
      const existing = await start('/etc', '/etc/shadow');
      const missing = await start('/etc', '/etc/no-such-file');
      expect(errorCode(existing)).toBe('BAD_USER_INPUT');
      expect(existing.errors![0].message).toBe(missing.errors![0].message);
      expect(JSON.stringify(existing)).not.toContain('root:');
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a link inside a root that leads out of it', async () => {
      const response = await start(IMAGES, path.join(roots, 'escape.json'));
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions!.details).toMatchObject({ field: 'annotationsFile' });
    });

    it('fails a job on a file inside a root that is not COCO without quoting the file', async () => {
      const started = await start(IMAGES, path.join(roots, 'not-coco.json'));
      expect(started.errors).toBeUndefined();
      const JOB = `query($id: ID!) { profileBenchmarkJob(id: $id) { status error } }`;
      let job = { status: 'QUEUED', error: null as string | null };
      for (
        const deadline = Date.now() + 60_000;
        Date.now() < deadline && !['FAILED', 'SUCCEEDED'].includes(job.status);
      ) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        job = (await api.gql(JOB, { id: started.data.startProfileBenchmark.id })).data.profileBenchmarkJob;
      }
      expect(job.status).toBe('FAILED');
      expect(job.error).toContain('not-coco.json is not JSON');
      expect(job.error).not.toContain('root');
    });
  });

  describe('image uploads (smaller findings)', () => {
    it('detects on a photo whose base64 is wrapped in MIME lines of 76', async () => {
      const lines = photoBase64('000000000036.jpg')
        .match(/.{1,76}/g)!
        .join('\r\n');
      const response = await api.gql(DETECT, { input: { imageBase64: lines } }, appKey);
      expect(response.errors).toBeUndefined();
      expect(response.data.detect.objects.map((o: { label: { zh: string } }) => o.label.zh)).toContain('人');
    });

    it('refuses a data: URL of text/plain and stores nothing', async () => {
      const before = await rowCounts();
      const response = await api.gql(
        DETECT,
        { input: { imageBase64: `data:text/plain;base64,${tinyPng}` } },
        appKey,
      );
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(await rowCounts()).toEqual(before);
    });
  });
});
