// npm run bench:upload -- [--megapixels 0.3,3] [--images 32] [--rounds 3] [--size 320] [--precision INT8]
//   [--database postgres|pglite]
// What sending the photo as bytes saves (issue 12): the same photos posted three ways to the real server in its
// own process — base64 in the GraphQL JSON, a GraphQL multipart upload, and the raw body of POST /v1/detect —
// one request at a time over one kept-alive connection per way. Per image: bytes the client wrote and read on
// the socket (headers included) and the server's CPU (all threads, from /proc; inference is the same work in
// every way, so the differences are the upload's cost). Rounds go round the three ways so drift on a shared
// machine weighs on each alike; medians over rounds, ratios to base64. Asserts nothing.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REST_DETECT_DOCUMENT } from '../api/src/rest/detect-route';
import { list } from './lib/args';
import { loadPhotos, photosAt, type Photo } from './lib/photos';
import { createPostgresDatabase } from './lib/postgres-database';
import { readProcessCpuMs } from './lib/process-cpu';
import { BENCH_ADMIN_KEY, startServerProcess } from './lib/server-process';
import { median } from './lib/stats';
import { fixed, markdownTable } from './lib/table';

const WAYS = ['base64 JSON', 'multipart', 'raw POST'] as const;
type Way = (typeof WAYS)[number];

interface Prepared {
  path: string;
  contentType: string;
  body: Buffer;
}

interface Options {
  inputSize: number;
  precision: string;
}

/** The request each way sends for one photo (options as the mutation's input or as query parameters). */
function prepare(way: Way, photo: Photo, { inputSize, precision }: Options): Prepared {
  const input = { inputSize, precision, sampleForReview: false };
  if (way === 'base64 JSON') {
    const variables = { input: { ...input, imageBase64: photo.bytes.toString('base64') } };
    return {
      path: '/graphql',
      contentType: 'application/json',
      body: Buffer.from(JSON.stringify({ query: REST_DETECT_DOCUMENT, variables })),
    };
  }
  if (way === 'multipart') {
    const boundary = `----wanshi${randomUUID()}`;
    const field = (name: string, value: string) =>
      `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const operations = JSON.stringify({
      query: REST_DETECT_DOCUMENT,
      variables: { input: { ...input, image: null } },
    });
    const head =
      field('operations', operations) +
      field('map', JSON.stringify({ 0: ['variables.input.image'] })) +
      `--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="photo.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`;
    return {
      path: '/graphql',
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: Buffer.concat([Buffer.from(head), photo.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    };
  }
  return {
    path: `/v1/detect?size=${inputSize}&precision=${precision}&sampleForReview=false`,
    contentType: 'image/jpeg',
    body: photo.bytes,
  };
}

/** Posts one request; resolves with the status (any error body counts as a failure of the run). */
function post(url: string, agent: http.Agent, request: Prepared): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(request.path, url),
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': request.contentType,
          'content-length': request.body.length,
          authorization: `Bearer ${BENCH_ADMIN_KEY}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

interface Measured {
  way: Way;
  megapixels: number;
  photoBytes: number;
  sentBytes: number;
  receivedBytes: number;
  serverCpuMs: number;
}

/** One way over every photo, one at a time on one connection; per-image averages. */
async function measure(
  url: string,
  pid: number,
  way: Way,
  photos: Photo[],
  megapixels: number,
  options: Options,
) {
  const prepared = photos.map((p) => prepare(way, p, options));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<import('node:net').Socket>();
  agent.on('free', (socket) => sockets.add(socket));
  await post(url, agent, prepared[0]); // opens the connection and warms this way's path
  const startSockets = [...sockets];
  const before = {
    written: startSockets.reduce((sum, s) => sum + s.bytesWritten, 0),
    read: startSockets.reduce((sum, s) => sum + s.bytesRead, 0),
    cpu: readProcessCpuMs(pid),
  };
  for (const request of prepared) {
    const { status, body } = await post(url, agent, request);
    if (status !== 200 || body.includes('"errors"'))
      throw new Error(`${way}: HTTP ${status} ${body.slice(0, 300)}`);
  }
  const cpu = readProcessCpuMs(pid) - before.cpu;
  const all = [...sockets];
  if (all.length !== 1) throw new Error(`${way}: expected one kept-alive connection, saw ${all.length}`);
  const n = prepared.length;
  agent.destroy();
  return {
    way,
    megapixels,
    photoBytes: photos.reduce((sum, p) => sum + p.bytes.length, 0) / n,
    sentBytes: (all[0].bytesWritten - before.written) / n,
    receivedBytes: (all[0].bytesRead - before.read) / n,
    serverCpuMs: cpu / n,
  } satisfies Measured;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      megapixels: { type: 'string', default: '0.3,3' },
      images: { type: 'string', default: '32' },
      rounds: { type: 'string', default: '3' },
      size: { type: 'string', default: '320' },
      precision: { type: 'string', default: 'INT8' },
      database: { type: 'string', default: 'postgres' },
    },
  });
  const options = { inputSize: Number(values.size), precision: values.precision.toUpperCase() };
  const originals = loadPhotos();
  const sets = await Promise.all(
    list(values.megapixels).map(async (mp) => ({
      megapixels: Number(mp),
      photos: await photosAt(originals, Number(mp), Number(values.images)),
    })),
  );
  const loadBefore = os.loadavg();
  const postgres = values.database === 'postgres' ? await createPostgresDatabase() : undefined;
  const server = await startServerProcess(postgres ? { DATABASE_URL: postgres.url } : {});
  const rounds: Measured[][] = [];
  try {
    for (let round = 0; round < Number(values.rounds); round++) {
      const results: Measured[] = [];
      for (const { megapixels, photos } of sets) {
        for (const way of WAYS) {
          process.stderr.write(`round ${round + 1}: ${megapixels} MP, ${way}\n`);
          results.push(await measure(server.url, server.pid, way, photos, megapixels, options));
        }
      }
      rounds.push(results);
    }
  } finally {
    await server.stop();
    await postgres?.drop();
  }

  const rows = rounds[0].map((first, i) => {
    const of = (pick: (m: Measured) => number) => median(rounds.map((r) => pick(r[i])));
    const base = rounds[0].findIndex((m) => m.megapixels === first.megapixels && m.way === 'base64 JSON');
    const baseOf = (pick: (m: Measured) => number) => median(rounds.map((r) => pick(r[base])));
    return {
      ...first,
      sentBytes: of((m) => m.sentBytes),
      receivedBytes: of((m) => m.receivedBytes),
      serverCpuMs: of((m) => m.serverCpuMs),
      sentRatio: of((m) => m.sentBytes) / baseOf((m) => m.sentBytes),
      cpuRatio: of((m) => m.serverCpuMs) / baseOf((m) => m.serverCpuMs),
      cpuSavedMs: baseOf((m) => m.serverCpuMs) - of((m) => m.serverCpuMs),
    };
  });
  console.log(
    `\n# Upload cost: nanodet-m ${options.precision} ${options.inputSize}, ${values.database}, ${values.images} photos × ` +
      `${values.rounds} rounds, ${os.cpus().length} CPUs; load average ${loadBefore[0].toFixed(1)} → ${os.loadavg()[0].toFixed(1)}\n`,
  );
  console.log(
    markdownTable(
      [
        'photo',
        'way',
        'photo KB',
        'sent KB/image',
        '× base64',
        'received KB',
        'server CPU ms/image',
        '× base64',
        'saved ms',
      ],
      rows.map((r) => [
        `${r.megapixels} MP`,
        r.way,
        fixed(r.photoBytes / 1024, 1),
        fixed(r.sentBytes / 1024, 1),
        fixed(r.sentRatio, 3),
        fixed(r.receivedBytes / 1024, 1),
        fixed(r.serverCpuMs, 1),
        fixed(r.cpuRatio, 3),
        fixed(r.cpuSavedMs, 1),
      ]),
    ),
  );
  const out = path.join(
    __dirname,
    'results',
    `upload-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(
    out,
    JSON.stringify({ settings: { ...values, loadBefore, loadAfter: os.loadavg() }, rows, rounds }, null, 2),
  );
  console.log(`\n(${out})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
