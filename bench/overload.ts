// npm run bench:overload -- [--seconds 10] [--warmup 2] [--repeats 3] [--concurrency 16,64,128] [--open-factor 4]
//   [--size 320] [--database pglite|postgres] [--flood-seconds 10] [--server-env KEY=VALUE,…]
// Overload without collapse (issue 16): closed-loop detect at the concurrency that saturates the server (the
// first of --concurrency) and at multiples of it, then an open loop at --open-factor × the saturated OK/s, then
// a flood of pixel-heavy PNGs (6300×6300, ~40 KB each, ~120 MB decoded). Repeats go round the whole sweep and
// each ratio is to the saturated point of its own round, so the machine's other work drifting between points
// (a shared machine) weighs on the ratios as little as it can; medians over the rounds are shown. Prints OK/s, accepted p50/p99,
// OVERLOADED refusals and how fast they are answered, and the server's peak RSS, against the targets; asserts
// nothing. The server is the real one in its own process (bench/lib/server-process.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { envPairs, list } from './lib/args';
import { GraphQLClient } from './lib/graphql-client';
import { DETECT, detectBody, measurePoint, type PointResult } from './lib/load-point';
import { loadPhotos } from './lib/photos';
import { createPostgresDatabase } from './lib/postgres-database';
import { RssSampler } from './lib/rss-sampler';
import { BENCH_ADMIN_KEY, startServerProcess } from './lib/server-process';
import { median } from '../api/src/statistics/percentile';
import { fixed, markdownTable } from './lib/table';

interface Row {
  load: string;
  point: PointResult;
  /** OK/s ÷ the saturated OK/s of the same round. */
  share: number;
  /** Accepted p99 ÷ the saturated accepted p99 of the same round. */
  tail: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      repeats: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: '16,64,128' },
      'open-factor': { type: 'string', default: '4' },
      size: { type: 'string', default: '320' },
      database: { type: 'string', default: 'pglite' },
      'flood-seconds': { type: 'string', default: '10' },
      'server-env': { type: 'string', default: '' },
    },
  });
  const serverEnv = envPairs(values['server-env']);
  const [saturating, ...multiples] = list(values.concurrency).map(Number);
  const inputSize = Number(values.size);
  const timing = { seconds: Number(values.seconds), warmUpSeconds: Number(values.warmup) };
  const bodies = loadPhotos().map((p) => detectBody(p.bytes, inputSize));
  const loadBefore = os.loadavg();

  const postgres = values.database === 'postgres' ? await createPostgresDatabase() : undefined;
  const rounds: Row[][] = [];
  let flood: Row | undefined;
  let lifetimePeakMB = 0;
  try {
    progress(`starting the server (${values.database})`);
    const server = await startServerProcess({
      ...serverEnv,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    });
    const lifetime = new RssSampler(server.pid);
    const point = (
      concurrency: number,
      extra: { rate?: number; bodies?: readonly Buffer[]; seconds?: number } = {},
    ) =>
      measurePoint({
        url: server.url,
        pid: server.pid,
        apiKey: BENCH_ADMIN_KEY,
        bodies,
        concurrency,
        ...timing,
        ...extra,
      });
    try {
      for (let round = 1; round <= Number(values.repeats); round++) {
        const points: { load: string; point: PointResult }[] = [];
        for (const concurrency of [saturating, ...multiples]) {
          progress(`round ${round}: closed loop, concurrency ${concurrency}`);
          points.push({ load: `closed loop c=${concurrency}`, point: await point(concurrency) });
        }
        const rate = Math.round(points[0].point.imagesPerSecond * Number(values['open-factor']));
        progress(`round ${round}: open loop, ${rate} requests/s`);
        points.push({
          load: `open loop at ${values['open-factor']}× saturated OK/s`,
          point: await point(1024, { rate }),
        });
        rounds.push(points.map((p) => relativeTo(points[0].point, p)));
      }
      progress('pixel-heavy PNG flood');
      const heavy = await pixelHeavyPng();
      flood = relativeTo(rounds[0][0].point, {
        load: `6300×6300 PNG (${fixed(heavy.length / 1024)} KB) flood c=${saturating}`,
        point: await point(saturating, {
          bodies: [
            GraphQLClient.body(DETECT, { input: { imageBase64: heavy.toString('base64'), inputSize } }),
          ],
          seconds: Number(values['flood-seconds']),
        }),
      });
      lifetimePeakMB = lifetime.peakMB();
    } finally {
      lifetime.stop();
      await server.stop();
    }
  } finally {
    await postgres?.drop();
  }

  console.log(
    `\n# Overload: nanodet-m ${inputSize}, ${values.database}, ${os.cpus().length} CPUs, ${timing.seconds} s per point; ` +
      `load average ${loadBefore[0].toFixed(1)} → ${os.loadavg()[0].toFixed(1)} (other work on this machine)\n`,
  );
  const rows = [...rounds[0].map((_, i) => medianRow(rounds.map((r) => r[i]))), flood!];
  console.log(overloadTable(rows));
  console.log(`\nserver RSS peak over its life (start-up included): ${fixed(lifetimePeakMB)} MB\n`);
  console.log('## Targets\n');
  console.log(targetLines(rows, saturating).join('\n'));

  const out = path.join(
    __dirname,
    'results',
    `overload-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(
    out,
    JSON.stringify(
      { settings: { ...values, loadBefore, loadAfter: os.loadavg() }, rows, rounds, lifetimePeakMB },
      null,
      2,
    ),
  );
  console.log(`\n(${out})`);
}

/** Few bytes, many pixels: what a decompression-bomb-shaped upload under the pixel limit looks like. */
function pixelHeavyPng(): Promise<Buffer> {
  return sharp({ create: { width: 6300, height: 6300, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

function relativeTo(saturated: PointResult, { load, point }: { load: string; point: PointResult }): Row {
  return {
    load,
    point,
    share: point.imagesPerSecond / saturated.imagesPerSecond,
    tail: point.ok.p99 / saturated.ok.p99,
  };
}

/** Medians over the rounds (OK/s, latencies, ratios); counts summed, RSS the highest. */
function medianRow(rows: readonly Row[]): Row {
  const mid = (pick: (r: Row) => number) => median(rows.map(pick));
  const errors: Record<string, number> = {};
  for (const { point } of rows) {
    for (const [code, n] of Object.entries(point.errors)) errors[code] = (errors[code] ?? 0) + n;
  }
  const summary = (pick: (p: PointResult) => PointResult['ok']) => ({
    count: mid((r) => pick(r.point).count),
    p50: mid((r) => pick(r.point).p50),
    p95: mid((r) => pick(r.point).p95),
    p99: mid((r) => pick(r.point).p99),
  });
  return {
    load: `${rows[0].load} (${rows.length} rounds)`,
    share: mid((r) => r.share),
    tail: mid((r) => r.tail),
    point: {
      ...rows[0].point,
      imagesPerSecond: mid((r) => r.point.imagesPerSecond),
      ok: summary((p) => p.ok),
      rejected: summary((p) => p.rejected),
      errors,
      peakRssMB: Math.max(...rows.map((r) => r.point.peakRssMB)),
      cpuMsPerImage: mid((r) => r.point.cpuMsPerImage),
    },
  };
}

function overloadTable(rows: readonly Row[]): string {
  return markdownTable(
    [
      'load',
      'OK/s',
      '% of saturated',
      'accepted p50 ms',
      'accepted p99 ms',
      'OVERLOADED',
      'refusal p99 ms',
      'other errors',
      'server RSS max MB',
    ],
    rows.map(({ load, point, share }) => [
      load,
      fixed(point.imagesPerSecond, 1),
      `${fixed(share * 100)}%`,
      fixed(point.ok.p50),
      fixed(point.ok.p99),
      String(point.errors.OVERLOADED ?? 0),
      point.rejected.count > 0 ? fixed(point.rejected.p99, 1) : '–',
      otherErrors(point.errors),
      fixed(point.peakRssMB),
    ]),
  );
}

function targetLines(rows: readonly Row[], saturating: number): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines: string[] = [];
  for (const { load, point, share, tail } of rows.slice(1, -1)) {
    lines.push(
      `- ${load}: OK/s ${fixed(share * 100)}% of c=${saturating} (≥ 90%: ${verdict(share >= 0.9)}), ` +
        `accepted p99 ${fixed(tail, 2)}× the c=${saturating} p99 (≤ 2×: ${verdict(tail <= 2)}), ` +
        `refusals p99 ${fixed(point.rejected.p99, 1)} ms (≤ 50: ${verdict(!(point.rejected.p99 > 50))})`,
    );
  }
  const flood = rows[rows.length - 1].point;
  lines.push(
    `- pixel-heavy flood: server RSS max ${fixed(flood.peakRssMB)} MB (probe before the decode budget: 1,330 MB)`,
  );
  return lines;
}

function otherErrors(errors: Record<string, number>): string {
  const entries = Object.entries(errors).filter(([code]) => code !== 'OVERLOADED');
  return entries.length === 0 ? 'none' : entries.map(([code, n]) => `${code} ${n}`).join(', ');
}

function progress(line: string): void {
  console.error(`[bench:overload] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
