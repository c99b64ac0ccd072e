// npm run bench:load -- [--seconds 10] [--warmup 2] [--repeats 1] [--concurrency 1,4,16,64] [--size 320]
//   [--threads N] [--databases pglite,postgres] [--overload-queue 8] [--ceiling-seconds 3]
// End-to-end load on the real server (own process, fresh data directory): closed-loop clients send coco64
// photos to GraphQL `detect` over HTTP. Reports throughput, latency, errors by code and server RSS per
// concurrency, as a fraction of a same-run ceiling (the same detection work in a plain loop), for batching
// on and off, both databases, and a small queue under excess load. Prints tables; asserts nothing.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/src/config';
import { measureCeiling, type CeilingPoint } from './lib/ceiling';
import { detectBody, measurePoint, type PointResult } from './lib/load-point';
import { loadPhotos } from './lib/photos';
import { createPostgresDatabase } from './lib/postgres-database';
import { RssSampler } from './lib/rss-sampler';
import { readSchedulerBatching, type SchedulerBatching } from './lib/scheduler-stats';
import { BENCH_ADMIN_KEY, startServerProcess } from './lib/server-process';
import { median, relativeSpread } from './lib/stats';
import { fixed, markdownTable } from './lib/table';

type DatabaseKind = 'pglite' | 'postgres';

interface Scenario {
  name: string;
  database: DatabaseKind;
  env: Record<string, string>;
  concurrency: number[];
}

interface ScenarioResult {
  scenario: Scenario;
  points: RepeatedPoint[];
  batching: SchedulerBatching;
  /** Whole server life, start-up included. */
  peakRssMB: number;
}

interface LoadShape {
  /** Prepared detect request bodies, sent round-robin. */
  bodies: readonly Buffer[];
  seconds: number;
  warmUpSeconds: number;
  repeats: number;
}

/** The median of each figure over the repeats; errors and RSS peaks over all of them. */
interface RepeatedPoint extends PointResult {
  repeats: number;
  /** ± relative half-range of throughput over the repeats: the noise of this machine at that moment. */
  throughputSpread: number;
}

const CEILING_BATCH_SIZES = [1, 2, 4, 8];
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      repeats: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '1,4,16,64' },
      size: { type: 'string', default: '320' },
      threads: { type: 'string' },
      databases: { type: 'string', default: 'pglite,postgres' },
      'overload-queue': { type: 'string', default: '8' },
      'ceiling-seconds': { type: 'string', default: '3' },
    },
  });
  const seconds = Number(values.seconds);
  const repeats = Number(values.repeats);
  const inputSize = Number(values.size);
  const concurrency = list(values.concurrency).map(Number);
  const databases = list(values.databases) as DatabaseKind[];
  const threadsEnv: Record<string, string> = values.threads ? { WANSHI_INTRA_OP_THREADS: values.threads } : {};
  const config = loadConfig({ ...process.env, ...threadsEnv });
  const photos = loadPhotos();
  const bodies = photos.map((p) => detectBody(p.bytes, inputSize));
  const loadBefore = os.loadavg()[0];

  const ceilingOptions = {
    config,
    inputSize,
    batchSizes: CEILING_BATCH_SIZES,
    seconds: Number(values['ceiling-seconds']),
  };
  progress(`ceiling: ${photos.length} photos, ${inputSize}, ${config.inference.intraOpThreads || 'default'} threads`);
  const ceilingRuns = [await measureCeiling(photos, ceilingOptions)];

  const scenarios: Scenario[] = [
    ...databases.map((database) => ({ name: `batching on, ${database}`, database, env: {}, concurrency })),
    {
      name: `batching off (WANSHI_MAX_BATCH_SIZE=1), ${databases[0]}`,
      database: databases[0],
      env: { WANSHI_MAX_BATCH_SIZE: '1' },
      concurrency,
    },
    {
      name: `small queue (WANSHI_MAX_QUEUE_SIZE=${values['overload-queue']}), ${databases[0]}`,
      database: databases[0],
      env: { WANSHI_MAX_QUEUE_SIZE: values['overload-queue'] },
      concurrency: [Math.max(...concurrency)],
    },
  ];
  const load: LoadShape = { bodies, seconds, warmUpSeconds: Number(values.warmup), repeats };
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await runScenario(scenario, threadsEnv, load));

  progress('ceiling again (drift check)');
  ceilingRuns.push(await measureCeiling(photos, ceilingOptions));
  const ceiling = bestCeiling(ceilingRuns);

  console.log(
    `\n# Load benchmark: nanodet-m fp32 ${inputSize}, ${config.inference.intraOpThreads || 'default'} intra-op threads, ` +
      `${os.cpus().length} CPUs, ${seconds} s per point × ${repeats}, ` +
      `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} (other work on this machine)\n`,
  );
  console.log(ceilingTable(ceilingRuns));
  console.log(`\nCeiling used for ratios: ${ceiling.toFixed(1)} img/s (best batch, median of the two runs)\n`);
  for (const result of results) {
    console.log(`## ${result.scenario.name} (server RSS peak incl. start-up: ${result.peakRssMB.toFixed(0)} MB)\n`);
    console.log(pointsTable(result.points, ceiling));
    console.log();
  }
  console.log('## Batch sizes the scheduler chose (schedulerStats)\n');
  console.log(batchingTable(results));

  const out = path.join(__dirname, 'results', `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ inputSize, seconds, repeats, ceilingRuns, ceiling, results }, null, 2));
  console.log(`\n(${out})`);
}

async function runScenario(scenario: Scenario, env: Record<string, string>, load: LoadShape): Promise<ScenarioResult> {
  const { repeats, ...perPoint } = load;
  progress(`${scenario.name}: starting the server`);
  const postgres = scenario.database === 'postgres' ? await createPostgresDatabase() : undefined;
  try {
    const server = await startServerProcess({
      ...env,
      ...scenario.env,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    });
    const lifetimeRss = new RssSampler(server.pid);
    try {
      const runs = new Map<number, PointResult[]>(scenario.concurrency.map((c) => [c, []]));
      // Repeats go round the whole sweep, so a burst of other work on the machine hits several points a little
      // rather than one point a lot.
      for (let r = 0; r < repeats; r++) {
        for (const c of scenario.concurrency) {
          progress(`${scenario.name}: concurrency ${c}${repeats > 1 ? ` (run ${r + 1}/${repeats})` : ''}`);
          runs.get(c)!.push(
            await measurePoint({ ...perPoint, url: server.url, pid: server.pid, apiKey: BENCH_ADMIN_KEY, concurrency: c }),
          );
        }
      }
      return {
        scenario,
        points: [...runs.values()].map(combineRepeats),
        batching: await readSchedulerBatching(server.url, BENCH_ADMIN_KEY),
        peakRssMB: lifetimeRss.peakMB(),
      };
    } finally {
      lifetimeRss.stop();
      await server.stop();
    }
  } finally {
    await postgres?.drop();
  }
}

function combineRepeats(runs: PointResult[]): RepeatedPoint {
  const mid = (pick: (r: PointResult) => number) => median(runs.map(pick));
  const errors: Record<string, number> = {};
  for (const run of runs) for (const [code, n] of Object.entries(run.errors)) errors[code] = (errors[code] ?? 0) + n;
  return {
    concurrency: runs[0].concurrency,
    repeats: runs.length,
    imagesPerSecond: mid((r) => r.imagesPerSecond),
    throughputSpread: relativeSpread(runs.map((r) => r.imagesPerSecond)),
    ok: { count: mid((r) => r.ok.count), p50: mid((r) => r.ok.p50), p95: mid((r) => r.ok.p95), p99: mid((r) => r.ok.p99) },
    rejected: {
      count: mid((r) => r.rejected.count),
      p50: mid((r) => r.rejected.p50),
      p95: mid((r) => r.rejected.p95),
      p99: mid((r) => r.rejected.p99),
    },
    errors,
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    cpuMsPerImage: mid((r) => r.cpuMsPerImage),
  };
}

function bestCeiling(runs: CeilingPoint[][]): number {
  return median(runs.map((points) => Math.max(...points.map((p) => p.imagesPerSecond))));
}

function ceilingTable(runs: CeilingPoint[][]): string {
  const headers = ['ceiling (plain loop)', ...runs[0].map((p) => `batch ${p.batchSize} img/s`)];
  const rows = runs.map((points, i) => [i === 0 ? 'before' : 'after', ...points.map((p) => fixed(p.imagesPerSecond, 1))]);
  return markdownTable(headers, rows);
}

function pointsTable(points: readonly RepeatedPoint[], ceiling: number): string {
  const headers = [
    'concurrency',
    'img/s',
    '± noise',
    '% of ceiling',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'p99/p50',
    'errors',
    'OVERLOADED in p50/p99 ms',
    'server RSS max MB',
  ];
  const rows = points.map((p) => [
    String(p.concurrency),
    fixed(p.imagesPerSecond, 1),
    p.repeats > 1 ? `${fixed(p.throughputSpread * 100)}%` : '–',
    `${fixed((p.imagesPerSecond / ceiling) * 100)}%`,
    fixed(p.ok.p50, 1),
    fixed(p.ok.p95, 1),
    fixed(p.ok.p99, 1),
    fixed(p.ok.p99 / p.ok.p50, 2),
    formatErrors(p.errors),
    p.rejected.count > 0 ? `${fixed(p.rejected.p50, 1)} / ${fixed(p.rejected.p99, 1)}` : '–',
    fixed(p.peakRssMB),
  ]);
  return markdownTable(headers, rows);
}

function batchingTable(results: readonly ScenarioResult[]): string {
  const headers = ['scenario', 'artifact', 'batch size', 'limited by', 'session MB', 'per image MB', 'mean batch run'];
  const rows = results.flatMap(({ scenario, batching }) =>
    batching.artifacts.map((a) => [
      scenario.name,
      a.artifact,
      String(a.batchSize),
      `${a.batchSizeLimitedBy} (budget ${batching.memoryBudgetMB} MB)`,
      fixed(a.sessionMB ?? Number.NaN, 1),
      fixed(a.perImageMB ?? Number.NaN, 1),
      fixed(a.completed / a.batches, 2),
    ]),
  );
  return markdownTable(headers, rows);
}

function formatErrors(errors: Record<string, number>): string {
  const entries = Object.entries(errors);
  return entries.length === 0 ? 'none' : entries.map(([code, n]) => `${code} ${n}`).join(', ');
}

function progress(line: string): void {
  console.error(`[bench:load] ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
