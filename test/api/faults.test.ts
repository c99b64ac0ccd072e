// Faults under load, each survived with nothing lost: the process killed (SIGKILL) on either database, and the
// PostgreSQL connection cut and restored. Bounded in time, on 127.0.0.1.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileServer } from '../../api/src/server/compiled';
import { pgliteDir } from '../../api/src/db/pglite';
import { available, createTestDatabase, describeEachKind } from '../db/databases';
import { startServerChild } from '../support/server-child';
import { TcpProxy } from '../support/tcp-proxy';
import { ADMIN_KEY, photoBase64, startTestServer } from './harness';

const DETECT = `mutation($i: DetectInput!) { detect(input: $i) { id image { sha256 } } }`;
const PHOTOS = ['000000000009.jpg', '000000000030.jpg', '000000000036.jpg'].map(photoBase64);
/** Not about admission: a shared test machine's slow moments must not turn requests away. */
const PATIENT = { WANSHI_MAX_QUEUE_WAIT_MS: '60000' };
const STARTUP_MS = 150_000;

interface Ack {
  id: string;
  sha256: string;
}

async function gql(url: string, query: string, variables: object): Promise<{ data?: any; code?: string }> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
    return { data: body.data, code: body.errors?.[0]?.extensions?.code };
  } catch {
    return { code: 'NETWORK' }; // no answer: nothing was acknowledged
  }
}

/** Clients sending detect until stop(); every acknowledged detection (an id came back) and every error code. */
function load(url: string, clients: number) {
  const acks: Ack[] = [];
  const codes: { at: number; code: string }[] = [];
  let stopped = false;
  const loops = Array.from({ length: clients }, async (_, client) => {
    for (let n = client; !stopped; n++) {
      const { data, code } = await gql(url, DETECT, { i: { imageBase64: PHOTOS[n % PHOTOS.length] } });
      if (data?.detect) acks.push({ id: data.detect.id, sha256: data.detect.image.sha256 });
      else codes.push({ at: performance.now(), code: code ?? 'NONE' });
      if (code === 'NETWORK') await sleep(50);
    }
  });
  return {
    acks,
    codes,
    async until(condition: () => boolean, timeoutMs: number) {
      const deadline = performance.now() + timeoutMs;
      while (!condition() && performance.now() < deadline) await sleep(20);
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** Every acknowledged detection is stored, with its photo. */
async function expectAllStored(url: string, acks: readonly Ack[]): Promise<void> {
  for (const ack of acks) {
    const { data, code } = await gql(url, `query($id: ID!) { detection(id: $id) { id image { sha256 } } }`, {
      id: ack.id,
    });
    expect({ id: ack.id, code, stored: data?.detection }).toEqual({
      id: ack.id,
      code: undefined,
      stored: { id: ack.id, image: { sha256: ack.sha256 } },
    });
    const photo = await fetch(`${url}/images/${ack.sha256}`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(photo.status).toBe(200);
  }
}

describeEachKind('SIGKILL during load', (kind) => {
  beforeAll(() => compileServer(), 120_000);

  it('loses no acknowledged detection and restarts at once on the same data', async () => {
    const database = await createTestDatabase(kind);
    const env = {
      ...PATIENT,
      WANSHI_DATA_DIR: database.config.dataDir,
      WANSHI_ADMIN_KEY: ADMIN_KEY,
      ...(database.config.databaseUrl ? { DATABASE_URL: database.config.databaseUrl } : {}),
    };
    try {
      const first = await startServerChild(env, STARTUP_MS);
      const traffic = load(first.url, 4);
      await traffic.until(() => traffic.acks.length >= 12, 90_000);
      first.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      await traffic.stop();
      expect(traffic.acks.length).toBeGreaterThanOrEqual(12);

      const second = await startServerChild(env, STARTUP_MS);
      try {
        if (kind === 'pglite') {
          // The dead process's lock was taken over, not reported as "in use".
          const lock = await readFile(`${pgliteDir(database.config.dataDir)}.lock`, 'utf8');
          expect(Number(lock)).toBe(second.pid);
        }
        await expectAllStored(second.url, traffic.acks);
      } finally {
        second.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      }
    } finally {
      await database.dispose();
    }
  }, 420_000);
});

describe('PostgreSQL connection cut during load', async () => {
  if (!(await available('postgres'))) return void it.skip('needs postgres');

  it('answers UNAVAILABLE, turns not-ready, and recovers by itself within seconds, losing nothing acknowledged', async () => {
    const proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
    const api = await startTestServer('postgres', PATIENT, (url) => {
      const through = new URL(url);
      through.port = String(proxy.port);
      return through.toString();
    });
    const ready = async () => (await fetch(`${api.url}/health/ready`)).status;
    try {
      await (async () => {
        for (let i = 0; i < 300 && (await ready()) !== 200; i++) await sleep(200);
      })();
      const traffic = load(api.url, 3);
      await traffic.until(() => traffic.acks.length >= 6, 60_000);

      await proxy.cut();
      const cutAt = performance.now();
      let readinessDuringCut = 0;
      for (let i = 0; i < 50 && readinessDuringCut !== 503; i++) readinessDuringCut = await ready();
      await traffic.until(() => traffic.codes.some((c) => c.at > cutAt && c.code === 'UNAVAILABLE'), 20_000);
      await sleep(1000);

      await proxy.restore();
      const restoredAt = performance.now();
      const acksAtRestore = traffic.acks.length;
      await traffic.until(() => traffic.acks.length > acksAtRestore, 30_000);
      const recoveryMs = performance.now() - restoredAt;
      await traffic.stop();

      expect(readinessDuringCut).toBe(503);
      expect(new Set(traffic.codes.map((c) => c.code))).toEqual(new Set(['UNAVAILABLE']));
      expect(traffic.acks.length).toBeGreaterThan(acksAtRestore);
      expect(recoveryMs).toBeLessThan(10_000);
      expect(await ready()).toBe(200);
      await expectAllStored(api.url, traffic.acks);
    } finally {
      await api.close();
      await proxy.cut();
    }
  }, 300_000);
});
