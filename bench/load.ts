// npm run bench:load -- [--seconds 10] [--warmup 2] [--repeats 1] [--concurrency 1,4,16,64] [--size 320]
//   [--threads N] [--databases pglite,postgres] [--overload-queue 8] [--ceiling-seconds 3] [--cpu-prof DIR]
//   [--server-env KEY=VALUE,…]   (on top of the memory settings npm start gives the server: api/src/server/compiled.ts)
// End-to-end load on the real server (own process, fresh data directory): closed-loop clients send coco64
// photos to GraphQL `detect` over HTTP. Reports throughput, latency, errors by code, server RSS and CPU per
// concurrency, as a fraction of the ceiling (the same detection work in a plain loop, same threads, best
// batch) measured next to each point, for both databases, batching on and off, and a small queue under excess
// load. Prints tables and how they compare with the targets; asserts nothing.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/src/config';
import { servingIntraOpThreads } from '../api/src/serving/inference-service';
import { envPairs, list } from './lib/args';
import { Ceiling, type CeilingPoint } from './lib/ceiling';
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

/** One load point, with the ceiling measured just before it (the machine's other work drifts). */
interface MeasuredPoint extends PointResult {
  ceiling: CeilingPoint;
  /** Requests per batch run during this point (schedulerStats before and after). */
  meanBatch: number;
}

/** Medians over the repeats; errors summed and RSS peaks over all of them. */
interface RepeatedPoint extends PointResult {
  repeats: number;
  /** ± half-range of throughput over the repeats, relative: the noise of this machine at that moment. */
  throughputSpread: number;
  ceilingImagesPerSecond: number;
  ceilingCpuMsPerImage: number;
  /** Median over the repeats of throughput ÷ its own ceiling. */
  ceilingRatio: number;
  meanBatch: number;
}

interface ScenarioResult {
  scenario: Scenario;
  points: RepeatedPoint[];
  batching: SchedulerBatching;
  /** Whole server life, start-up included. */
  peakRssMB: number;
}

interface Load {
  bodies: readonly Buffer[];
  seconds: number;
  warmUpSeconds: number;
  repeats: number;
  ceiling: Ceiling;
  ceilingBatch: number;
  ceilingSeconds: number;
  /** For `node` when starting the server, e.g. --cpu-prof. */
  serverNodeArgs: string[];
}

const CEILING_BATCH_SIZES = [1, 2, 4, 8];
/** The targets of the issue, checked on the runs at this concurrency. */
const TARGET_CONCURRENCY = 16;

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
      'cpu-prof': { type: 'string' },
      'server-env': { type: 'string', default: '' },
    },
  });
  const inputSize = Number(values.size);
  const concurrency = list(values.concurrency).map(Number);
  const databases = list(values.databases) as DatabaseKind[];
  const serverEnv: Record<string, string> = {
    ...envPairs(values['server-env']),
    ...(values.threads ? { WANSHI_INTRA_OP_THREADS: values.threads } : {}),
  };
  const config = loadConfig({ ...process.env, ...serverEnv });
  // The server's own choice when --threads is not given, so the ceiling runs with the same.
  const threads = servingIntraOpThreads(config.inference.intraOpThreads);
  const photos = loadPhotos();
  const loadAverageBefore = os.loadavg()[0];

  progress(`ceiling: ${photos.length} photos at ${inputSize}, ${threads} intra-op threads`);
  const ceiling = await Ceiling.open(
    photos,
    config,
    { providers: config.inference.providers, intraOpThreads: threads },
    inputSize,
  );
  const ceilingSeconds = Number(values['ceiling-seconds']);
  const ceilingSweep: CeilingPoint[] = [];
  for (const batchSize of CEILING_BATCH_SIZES)
    ceilingSweep.push(await ceiling.measure(batchSize, ceilingSeconds));
  const best = ceilingSweep.reduce((a, b) => (b.imagesPerSecond > a.imagesPerSecond ? b : a));

  const load: Load = {
    bodies: photos.map((p) => detectBody(p.bytes, inputSize)),
    seconds: Number(values.seconds),
    warmUpSeconds: Number(values.warmup),
    repeats: Number(values.repeats),
    ceiling,
    ceilingBatch: best.batchSize,
    ceilingSeconds,
    serverNodeArgs: values['cpu-prof']
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`]
      : [],
  };
  const [firstDatabase] = databases;
  const scenarios: Scenario[] = [
    ...databases.map((database) => ({ name: `batching on, ${database}`, database, env: {}, concurrency })),
    {
      name: `batching off (WANSHI_MAX_BATCH_SIZE=1), ${firstDatabase}`,
      database: firstDatabase,
      env: { WANSHI_MAX_BATCH_SIZE: '1' },
      concurrency,
    },
    {
      name: `small queue (WANSHI_MAX_QUEUE_SIZE=${values['overload-queue']}), ${firstDatabase}`,
      database: firstDatabase,
      env: { WANSHI_MAX_QUEUE_SIZE: values['overload-queue'] },
      concurrency: [Math.max(...concurrency)],
    },
  ];
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) results.push(await runScenario(scenario, serverEnv, load));
  } finally {
    await ceiling.close();
  }

  console.log(
    `\n# Load benchmark: nanodet-m fp32 ${inputSize}, ${threads} intra-op threads, ${os.cpus().length} CPUs, ` +
      `${load.seconds} s per point × ${load.repeats}, load average ${loadAverageBefore.toFixed(1)} → ` +
      `${os.loadavg()[0].toFixed(1)} (other work on this machine)\n`,
  );
  console.log(ceilingTable(ceilingSweep));
  console.log(
    `\nEach point's ratio is to the ceiling at batch ${best.batchSize} measured for ${ceilingSeconds} s just before it.\n`,
  );
  for (const result of results) {
    console.log(
      `## ${result.scenario.name} (server RSS peak incl. start-up: ${result.peakRssMB.toFixed(0)} MB)\n`,
    );
    console.log(pointsTable(result.points));
    console.log();
  }
  console.log('## Batch sizes the scheduler chose (schedulerStats)\n');
  console.log(batchingTable(results));
  console.log('\n## Targets\n');
  console.log(targetLines(results).join('\n'));

  const out = path.join(__dirname, 'results', `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  const { seconds, warmUpSeconds, repeats, ceilingBatch, ceilingSeconds: ceilingRunSeconds } = load;
  const settings = {
    inputSize,
    threads,
    serverEnv,
    seconds,
    warmUpSeconds,
    repeats,
    ceilingBatch,
    ceilingRunSeconds,
  };
  await writeFile(out, JSON.stringify({ settings, ceilingSweep, results }, null, 2));
  console.log(`\n(${out})`);
}

async function runScenario(
  scenario: Scenario,
  env: Record<string, string>,
  load: Load,
): Promise<ScenarioResult> {
  progress(`${scenario.name}: starting the server`);
  const postgres = scenario.database === 'postgres' ? await createPostgresDatabase() : undefined;
  try {
    const server = await startServerProcess(
      { ...env, ...scenario.env, ...(postgres ? { DATABASE_URL: postgres.url } : {}) },
      load.serverNodeArgs,
    );
    const lifetimeRss = new RssSampler(server.pid);
    try {
      const runs = new Map<number, MeasuredPoint[]>(scenario.concurrency.map((c) => [c, []]));
      // Repeats go round the whole sweep, so a burst of other work on the machine hits several points a little
      // rather than one point a lot.
      for (let r = 0; r < load.repeats; r++) {
        for (const concurrency of scenario.concurrency) {
          progress(
            `${scenario.name}: concurrency ${concurrency}${load.repeats > 1 ? ` (run ${r + 1}/${load.repeats})` : ''}`,
          );
          const ceiling = await load.ceiling.measure(load.ceilingBatch, load.ceilingSeconds);
          const before = await readSchedulerBatching(server.url, BENCH_ADMIN_KEY);
          const point = await measurePoint({
            url: server.url,
            pid: server.pid,
            apiKey: BENCH_ADMIN_KEY,
            bodies: load.bodies,
            concurrency,
            seconds: load.seconds,
            warmUpSeconds: load.warmUpSeconds,
          });
          const after = await readSchedulerBatching(server.url, BENCH_ADMIN_KEY);
          runs.get(concurrency)!.push({ ...point, ceiling, meanBatch: meanBatchBetween(before, after) });
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

function meanBatchBetween(before: SchedulerBatching, after: SchedulerBatching): number {
  const [from, to] = [before.artifacts[0], after.artifacts[0]];
  return (to.completed - from.completed) / (to.batches - from.batches);
}

function combineRepeats(runs: MeasuredPoint[]): RepeatedPoint {
  const mid = (pick: (r: MeasuredPoint) => number) => median(runs.map(pick));
  const latency = (pick: (r: MeasuredPoint) => PointResult['ok']) => ({
    count: mid((r) => pick(r).count),
    p50: mid((r) => pick(r).p50),
    p95: mid((r) => pick(r).p95),
    p99: mid((r) => pick(r).p99),
  });
  const errors: Record<string, number> = {};
  for (const run of runs) {
    for (const [code, n] of Object.entries(run.errors)) errors[code] = (errors[code] ?? 0) + n;
  }
  return {
    concurrency: runs[0].concurrency,
    repeats: runs.length,
    imagesPerSecond: mid((r) => r.imagesPerSecond),
    throughputSpread: relativeSpread(runs.map((r) => r.imagesPerSecond)),
    ok: latency((r) => r.ok),
    rejected: latency((r) => r.rejected),
    errors,
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    cpuMsPerImage: mid((r) => r.cpuMsPerImage),
    ceilingImagesPerSecond: mid((r) => r.ceiling.imagesPerSecond),
    ceilingCpuMsPerImage: mid((r) => r.ceiling.cpuMsPerImage),
    ceilingRatio: mid((r) => r.imagesPerSecond / r.ceiling.imagesPerSecond),
    meanBatch: mid((r) => r.meanBatch),
  };
}

function ceilingTable(points: readonly CeilingPoint[]): string {
  return markdownTable(
    ['ceiling (plain loop)', ...points.map((p) => `batch ${p.batchSize}`)],
    [
      ['img/s', ...points.map((p) => fixed(p.imagesPerSecond, 1))],
      ['CPU ms/img', ...points.map((p) => fixed(p.cpuMsPerImage, 1))],
    ],
  );
}

function pointsTable(points: readonly RepeatedPoint[]): string {
  const headers = [
    'concurrency',
    'img/s',
    '± noise',
    'ceiling img/s',
    '% of ceiling',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'p99/p50',
    'mean batch',
    'errors',
    'OVERLOADED answered in p50/p99 ms',
    'server RSS max MB',
    'CPU ms/img server / ceiling',
  ];
  const rows = points.map((p) => [
    String(p.concurrency),
    fixed(p.imagesPerSecond, 1),
    p.repeats > 1 ? `${fixed(p.throughputSpread * 100)}%` : '–',
    fixed(p.ceilingImagesPerSecond, 1),
    `${fixed(p.ceilingRatio * 100)}%`,
    fixed(p.ok.p50, 1),
    fixed(p.ok.p95, 1),
    fixed(p.ok.p99, 1),
    fixed(p.ok.p99 / p.ok.p50, 2),
    fixed(p.meanBatch, 1),
    formatErrors(p.errors),
    p.rejected.count > 0 ? `${fixed(p.rejected.p50, 1)} / ${fixed(p.rejected.p99, 1)}` : '–',
    fixed(p.peakRssMB),
    `${fixed(p.cpuMsPerImage, 1)} / ${fixed(p.ceilingCpuMsPerImage, 1)}`,
  ]);
  return markdownTable(headers, rows);
}

function batchingTable(results: readonly ScenarioResult[]): string {
  const headers = ['scenario', 'artifact', 'batch size', 'limited by', 'session MB', 'per image MB'];
  const rows = results.flatMap(({ scenario, batching }) =>
    batching.artifacts.map((a) => [
      scenario.name,
      a.artifact,
      String(a.batchSize),
      `${a.batchSizeLimitedBy} (budget ${batching.memoryBudgetMB} MB)`,
      fixed(a.sessionMB ?? Number.NaN, 1),
      fixed(a.perImageMB ?? Number.NaN, 1),
    ]),
  );
  return markdownTable(headers, rows);
}

/** The issue's targets against these results: one line each, met or not, with the numbers. */
function targetLines(results: readonly ScenarioResult[]): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const normal = results.filter(
    (r) => !r.scenario.env.WANSHI_MAX_QUEUE_SIZE && !r.scenario.env.WANSHI_MAX_BATCH_SIZE,
  );
  for (const { scenario, points } of normal) {
    const p = points.find((x) => x.concurrency === TARGET_CONCURRENCY);
    if (!p) continue;
    const ratio = p.ceilingRatio;
    const tail = p.ok.p99 / p.ok.p50;
    const errors = Object.values(p.errors).reduce((a, b) => a + b, 0);
    lines.push(
      `- ${scenario.name}, concurrency ${TARGET_CONCURRENCY}: ${fixed(ratio * 100)}% of ceiling (≥ 80%: ${verdict(ratio >= 0.8)}), ` +
        `p99/p50 ${fixed(tail, 2)} (≤ 3: ${verdict(tail <= 3)}), ${errors} errors (none: ${verdict(errors === 0)})`,
    );
  }
  const overload = results.find((r) => r.scenario.env.WANSHI_MAX_QUEUE_SIZE);
  const reference = normal[0]?.points.find((x) => x.concurrency === TARGET_CONCURRENCY);
  const flooded = overload?.points[0];
  if (flooded && reference) {
    lines.push(
      `- small queue at concurrency ${flooded.concurrency}: OVERLOADED answered in p50 ${fixed(flooded.rejected.p50, 1)} / ` +
        `p99 ${fixed(flooded.rejected.p99, 1)} ms (${fixed(flooded.rejected.count)} of them); accepted p50 ` +
        `${fixed(flooded.ok.p50, 1)} / p99 ${fixed(flooded.ok.p99, 1)} ms vs p50 ${fixed(reference.ok.p50, 1)} / ` +
        `p99 ${fixed(reference.ok.p99, 1)} ms at concurrency ${TARGET_CONCURRENCY} with the default queue`,
    );
  }
  const peak = Math.max(...results.map((r) => r.peakRssMB));
  const peakUnderLoad = Math.max(...results.flatMap((r) => r.points.map((p) => p.peakRssMB)));
  lines.push(
    `- server RSS: peak ${fixed(peak)} MB incl. start-up, ${fixed(peakUnderLoad)} MB under load (< 500: ${verdict(peak < 500)})`,
  );
  return lines;
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
