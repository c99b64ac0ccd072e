// npm run bench:load -- [--seconds 10] [--warmup 2] [--concurrency 1,4,16,64] [--megapixels 0.3,3,12]
//   [--precisions fp32,int8] [--databases pglite,postgres] [--size 320] [--photos 16] [--threads N]
//   [--ceiling-threads 1,2] [--ceiling-batches 1,4] [--ceiling-seconds 3] [--batching-off] [--overload-queue N]
//   [--cpu-prof DIR] [--server-env KEY=VALUE,…]   (on top of the memory settings npm start gives the server)
// A short run: --seconds 4 --warmup 1 --megapixels 0.3,12 --concurrency 1,16 --databases pglite
// A point counts only requests started and answered inside its seconds: give it several times its latency
// (on 2 cores c=64 takes ~5 s per request, so --seconds 20 or more for those points).
//
// End-to-end load on the real server (own process, fresh data directory): closed-loop clients send photos to
// GraphQL `detect` over HTTP, for every database × precision × photo size × concurrency. Each (precision, photo
// size) is read against its ceiling: the best plain loop on this machine (decode + inference, 1 and 2 intra-op
// threads, several batch sizes), measured in this run. Prints tables and the targets, writes JSON and a
// PNG chart to bench/results/; asserts nothing.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../api/src/config';
import { servingIntraOpThreads } from '../api/src/serving/inference-service';
import type { Precision } from '../models/src/repository/manifest';
import { envPairs, list } from './lib/args';
import { Ceiling, sweepCeiling, type CeilingPoint } from './lib/ceiling';
import { chartSvg, SERIES_COLOURS, writeChartPng, type ChartPanel } from './lib/chart';
import { detectBody, measurePoint, type PointResult } from './lib/load-point';
import { loadPhotos, photosAt, type Photo } from './lib/photos';
import { createPostgresDatabase } from './lib/postgres-database';
import { RssSampler } from './lib/rss-sampler';
import { readSchedulerBatching, type SchedulerBatching } from './lib/scheduler-stats';
import { BENCH_ADMIN_KEY, startServerProcess } from './lib/server-process';
import { fixed, markdownTable } from './lib/table';

type DatabaseKind = 'pglite' | 'postgres';

interface Scenario {
  name: string;
  database: DatabaseKind;
  env: Record<string, string>;
  /** Every combination of these is a point. */
  precisions: Precision[];
  megapixels: number[];
  concurrency: number[];
}

/** One (precision, photo size): its photos, request bodies and plain-loop ceiling. */
interface Workload {
  precision: Precision;
  megapixels: number;
  photos: Photo[];
  bodies: Buffer[];
  ceilingSweep: CeilingPoint[];
  ceiling: CeilingPoint;
  /** Decode + inference of one photo, sequentially: what a lone request costs at least. */
  sequentialMs: number;
}

interface MeasuredPoint extends PointResult {
  precision: Precision;
  megapixels: number;
  ceilingImagesPerSecond: number;
  ceilingRatio: number;
  /** The ceiling's CPU per image: with the server's, the per-request overhead in CPU, which sharing the machine does not change. */
  ceilingCpuMsPerImage: number;
  /** Requests per batch run during this point (schedulerStats before and after). */
  meanBatch: number;
}

interface ScenarioResult {
  scenario: Scenario;
  points: MeasuredPoint[];
  batching: SchedulerBatching;
  /** Whole server life, start-up included. */
  peakRssMB: number;
}

interface Run {
  workloads: Workload[];
  seconds: number;
  warmUpSeconds: number;
  serverNodeArgs: string[];
}

const TARGET_CONCURRENCY = 16;
const numbers = (text: string) => list(text).map(Number);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '1,4,16,64' },
      megapixels: { type: 'string', default: '0.3,3,12' },
      precisions: { type: 'string', default: 'fp32,int8' },
      databases: { type: 'string', default: 'pglite,postgres' },
      size: { type: 'string', default: '320' },
      photos: { type: 'string', default: '16' },
      threads: { type: 'string' },
      'ceiling-threads': { type: 'string', default: '1,2' },
      'ceiling-batches': { type: 'string', default: '1,4' },
      'ceiling-seconds': { type: 'string', default: '3' },
      'batching-off': { type: 'boolean', default: false },
      'overload-queue': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'server-env': { type: 'string', default: '' },
    },
  });
  const inputSize = Number(values.size);
  const databases = list(values.databases) as DatabaseKind[];
  const precisions = list(values.precisions) as Precision[];
  const megapixels = numbers(values.megapixels);
  const concurrency = numbers(values.concurrency);
  const serverEnv: Record<string, string> = {
    ...envPairs(values['server-env']),
    ...(values.threads ? { WANSHI_INTRA_OP_THREADS: values.threads } : {}),
  };
  const config = loadConfig({ ...process.env, ...serverEnv });
  const serverThreads = servingIntraOpThreads(config.inference.intraOpThreads);
  const loadAverageBefore = os.loadavg();
  const originals = loadPhotos();

  const workloads: Workload[] = [];
  for (const precision of precisions) {
    const ceilings = await Promise.all(
      numbers(values['ceiling-threads']).map((threads) =>
        Ceiling.open(
          config,
          { providers: config.inference.providers, intraOpThreads: threads },
          precision,
          inputSize,
        ),
      ),
    );
    try {
      for (const mp of megapixels) {
        progress(`ceiling: ${precision} ${inputSize}, ${mp} MP photos`);
        const photos = await photosAt(originals, mp, Number(values.photos));
        const { sweep, best } = await sweepCeiling(
          ceilings,
          photos,
          numbers(values['ceiling-batches']),
          Number(values['ceiling-seconds']),
        );
        const bestThreads = ceilings.find((c) => c.threads === best.threads)!;
        workloads.push({
          precision,
          megapixels: mp,
          photos,
          bodies: photos.map((p) => detectBody(p.bytes, inputSize, precision)),
          ceilingSweep: sweep,
          ceiling: best,
          sequentialMs: await bestThreads.sequentialLatencyMs(photos, Number(values['ceiling-seconds'])),
        });
      }
    } finally {
      await Promise.all(ceilings.map((c) => c.close()));
    }
  }

  const run: Run = {
    workloads,
    seconds: Number(values.seconds),
    warmUpSeconds: Number(values.warmup),
    serverNodeArgs: values['cpu-prof']
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`]
      : [],
  };
  const [firstDatabase] = databases;
  const smallest = { precisions: [precisions[0]], megapixels: [megapixels[0]] };
  const scenarios: Scenario[] = [
    ...databases.map((database) => ({
      name: database,
      database,
      env: {},
      precisions,
      megapixels,
      concurrency,
    })),
    ...(values['batching-off']
      ? [
          {
            name: `batching off (WANSHI_MAX_BATCH_SIZE=1), ${firstDatabase}`,
            database: firstDatabase,
            env: { WANSHI_MAX_BATCH_SIZE: '1' },
            ...smallest,
            concurrency,
          },
        ]
      : []),
    ...(values['overload-queue']
      ? [
          {
            name: `small queue (WANSHI_MAX_QUEUE_SIZE=${values['overload-queue']}), ${firstDatabase}`,
            database: firstDatabase,
            env: { WANSHI_MAX_QUEUE_SIZE: values['overload-queue'] },
            ...smallest,
            concurrency: [Math.max(...concurrency)],
          },
        ]
      : []),
  ];
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) results.push(await runScenario(scenario, serverEnv, run));
  const loadAverageAfter = os.loadavg();

  const heading =
    `# Load benchmark: nanodet-m ${inputSize}, server ${serverThreads} intra-op thread(s), ${os.cpus().length} CPUs, ` +
    `${run.seconds} s per point, load average (1/5/15 min) ${loadAverageBefore.map((l) => l.toFixed(1)).join('/')} → ` +
    `${loadAverageAfter.map((l) => l.toFixed(1)).join('/')} (other work on this machine)`;
  console.log(`\n${heading}\n`);
  console.log(ceilingTable(workloads));
  for (const result of results) {
    console.log(
      `\n## ${result.scenario.name} (server RSS peak incl. start-up: ${fixed(result.peakRssMB)} MB)\n`,
    );
    console.log(pointsTable(result.points));
  }
  console.log('\n## Batch sizes the scheduler chose (schedulerStats)\n');
  console.log(batchingTable(results));
  const targets = targetLines(results, workloads);
  console.log('\n## Targets (issue 13)\n');
  console.log(targets.join('\n'));

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.join(__dirname, 'results', `load-${stamp}`);
  await mkdir(path.dirname(out), { recursive: true });
  const settings = {
    inputSize,
    serverThreads,
    serverEnv,
    seconds: run.seconds,
    warmUpSeconds: run.warmUpSeconds,
  };
  const ceilings = workloads.map((w) => ({ ...w, photos: w.photos.length, bodies: undefined }));
  await writeFile(
    `${out}.json`,
    JSON.stringify({ settings, loadAverageBefore, loadAverageAfter, ceilings, results, targets }, null, 2),
  );
  const chartTitle =
    `nanodet-m ${inputSize}, ${os.cpus().length} CPUs, ${run.seconds} s per point, ` +
    `load average ${loadAverageBefore[0].toFixed(1)} → ${loadAverageAfter[0].toFixed(1)}`;
  await writeChartPng(chartSvg(chartTitle, chartPanels(results, workloads), megapixels.length), `${out}.png`);
  console.log(`\n(${out}.json, ${out}.png)`);
}

async function runScenario(
  scenario: Scenario,
  env: Record<string, string>,
  run: Run,
): Promise<ScenarioResult> {
  progress(`${scenario.name}: starting the server`);
  const postgres = scenario.database === 'postgres' ? await createPostgresDatabase() : undefined;
  try {
    const server = await startServerProcess(
      { ...env, ...scenario.env, ...(postgres ? { DATABASE_URL: postgres.url } : {}) },
      run.serverNodeArgs,
    );
    const lifetimeRss = new RssSampler(server.pid);
    try {
      const points: MeasuredPoint[] = [];
      // Concurrency outermost, rising: memory a glibc heap took for many large requests is not given back at
      // once, so a high-concurrency point would raise the RSS read at every point after it.
      for (const concurrency of [...scenario.concurrency].sort((a, b) => a - b)) {
        for (const precision of scenario.precisions) {
          for (const megapixels of scenario.megapixels) {
            const workload = run.workloads.find(
              (w) => w.precision === precision && w.megapixels === megapixels,
            )!;
            progress(`${scenario.name}: ${precision}, ${megapixels} MP, concurrency ${concurrency}`);
            const before = await readSchedulerBatching(server.url, BENCH_ADMIN_KEY);
            const point = await measurePoint({
              url: server.url,
              pid: server.pid,
              apiKey: BENCH_ADMIN_KEY,
              bodies: workload.bodies,
              concurrency,
              seconds: run.seconds,
              warmUpSeconds: run.warmUpSeconds,
            });
            const after = await readSchedulerBatching(server.url, BENCH_ADMIN_KEY);
            points.push({
              ...point,
              precision,
              megapixels,
              ceilingImagesPerSecond: workload.ceiling.imagesPerSecond,
              ceilingRatio: point.imagesPerSecond / workload.ceiling.imagesPerSecond,
              ceilingCpuMsPerImage: workload.ceiling.cpuMsPerImage,
              meanBatch: meanBatchBetween(before, after, precision),
            });
          }
        }
      }
      const order = (p: MeasuredPoint) =>
        [scenario.precisions.indexOf(p.precision), p.megapixels, p.concurrency] as const;
      points.sort((a, b) => {
        const [x, y] = [order(a), order(b)];
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      });
      return {
        scenario,
        points,
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

function meanBatchBetween(before: SchedulerBatching, after: SchedulerBatching, precision: Precision): number {
  const of = (s: SchedulerBatching) => s.artifacts.find((a) => a.artifact.includes(`/${precision}/`));
  const [from, to] = [of(before), of(after)];
  if (!to) return Number.NaN;
  return (to.completed - (from?.completed ?? 0)) / (to.batches - (from?.batches ?? 0));
}

function ceilingTable(workloads: readonly Workload[]): string {
  const configs = workloads[0].ceilingSweep.map((p) => `${p.threads} thr, batch ${p.batchSize}`);
  return markdownTable(
    ['ceiling img/s (plain loop)', ...configs, 'best', 'sequential ms/img'],
    workloads.map((w) => [
      `${w.precision} ${w.megapixels} MP`,
      ...w.ceilingSweep.map((p) => fixed(p.imagesPerSecond, 1)),
      `${fixed(w.ceiling.imagesPerSecond, 1)} (${w.ceiling.threads} thr, batch ${w.ceiling.batchSize})`,
      fixed(w.sequentialMs, 1),
    ]),
  );
}

function pointsTable(points: readonly MeasuredPoint[]): string {
  const headers = [
    'precision',
    'photo MP',
    'concurrency',
    'img/s',
    'ceiling img/s',
    '× ceiling',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'mean batch',
    'errors',
    'server RSS max MB',
    'CPU ms/img server / ceiling',
  ];
  const rows = points.map((p) => [
    p.precision,
    String(p.megapixels),
    String(p.concurrency),
    fixed(p.imagesPerSecond, 1),
    fixed(p.ceilingImagesPerSecond, 1),
    fixed(p.ceilingRatio, 2),
    fixed(p.ok.p50, 1),
    fixed(p.ok.p95, 1),
    fixed(p.ok.p99, 1),
    fixed(p.meanBatch, 1),
    formatErrors(p.errors),
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

/** The targets against these results: one line each, met or not, with the numbers. */
function targetLines(results: readonly ScenarioResult[], workloads: readonly Workload[]): string[] {
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines: string[] = [];
  const plain = results.filter((r) => Object.keys(r.scenario.env).length === 0);
  const [smallMP] = [...new Set(workloads.map((w) => w.megapixels))].sort((a, b) => a - b);
  const largeMP = Math.max(...workloads.map((w) => w.megapixels));
  for (const { scenario, points } of plain) {
    const at = (precision: string, mp: number, c: number) =>
      points.find((p) => p.precision === precision && p.megapixels === mp && p.concurrency === c);
    for (const precision of scenario.precisions) {
      const p = at(precision, smallMP, TARGET_CONCURRENCY);
      if (p)
        lines.push(
          `- ${scenario.name} ${precision}, ${smallMP} MP, c=${TARGET_CONCURRENCY}: ${fixed(p.imagesPerSecond, 1)} img/s = ` +
            `${fixed(p.ceilingRatio, 2)}× the best plain loop (${fixed(p.ceilingImagesPerSecond, 1)}) (≥ 1.2×: ${verdict(p.ceilingRatio >= 1.2)})`,
        );
      if (p)
        lines.push(
          `- ${scenario.name} ${precision}, ${smallMP} MP, c=${TARGET_CONCURRENCY}: server CPU ${fixed(p.cpuMsPerImage, 1)} ms/img vs ` +
            `${fixed(p.ceilingCpuMsPerImage, 1)} in the plain loop: ${fixed(p.cpuMsPerImage - p.ceilingCpuMsPerImage, 1)} ms of CPU per request ` +
            `outside decode + inference (the share of the cores other work leaves does not change this)`,
        );
      const one = at(precision, smallMP, 1);
      const seq = workloads.find((w) => w.precision === precision && w.megapixels === smallMP)?.sequentialMs;
      if (one && seq !== undefined) {
        const overhead = one.ok.p50 - seq;
        lines.push(
          `- ${scenario.name} ${precision}, c=1 p50 ${fixed(one.ok.p50, 1)} ms − decode+inference ${fixed(seq, 1)} ms = ` +
            `${fixed(overhead, 1)} ms overhead (≤ 8 ms: ${verdict(overhead <= 8)})`,
        );
      }
      const big = at(precision, largeMP, 1);
      if (one && big && largeMP !== smallMP) {
        const ratio = big.ok.p50 / one.ok.p50;
        lines.push(
          `- ${scenario.name} ${precision}, c=1 p50 ${largeMP} MP ${fixed(big.ok.p50, 1)} ms vs ${smallMP} MP ${fixed(one.ok.p50, 1)} ms: ` +
            `${fixed(ratio, 2)}× (≤ 1.3×: ${verdict(ratio <= 1.3)})`,
        );
      }
    }
    const fp32 = at('fp32', smallMP, TARGET_CONCURRENCY);
    const int8 = at('int8', smallMP, TARGET_CONCURRENCY);
    if (fp32 && int8) {
      const ratio = int8.imagesPerSecond / fp32.imagesPerSecond;
      lines.push(
        `- ${scenario.name} int8 vs fp32 end to end, c=${TARGET_CONCURRENCY}: ${fixed(int8.imagesPerSecond, 1)} vs ${fixed(fp32.imagesPerSecond, 1)} img/s = ` +
          `${fixed(ratio, 2)}× (≥ 1.6×: ${verdict(ratio >= 1.6)})`,
      );
    }
    const limit = scenario.database === 'pglite' ? 400 : 300;
    const underLoad = points.filter((p) => p.concurrency <= TARGET_CONCURRENCY);
    if (underLoad.length > 0) {
      const peak = Math.max(...underLoad.map((p) => p.peakRssMB));
      lines.push(
        `- ${scenario.name} peak server RSS at c ≤ ${TARGET_CONCURRENCY}, photos up to ${largeMP} MP: ${fixed(peak)} MB (< ${limit}: ${verdict(peak < limit)})`,
      );
    }
  }
  return lines;
}

/** Per photo size: img/s (with the ceiling dashed) and p99 against concurrency, a line per precision × database. */
function chartPanels(results: readonly ScenarioResult[], workloads: readonly Workload[]): ChartPanel[] {
  const plain = results.filter((r) => Object.keys(r.scenario.env).length === 0);
  const megapixels = [...new Set(workloads.map((w) => w.megapixels))];
  const precisions = [...new Set(workloads.map((w) => w.precision))];
  const names = plain.flatMap((r) => precisions.map((p) => `${p} ${r.scenario.name}`));
  const colour = (name: string) => SERIES_COLOURS[names.indexOf(name) % SERIES_COLOURS.length];
  const ceilingColour = (p: string) => colour(`${p} ${plain[0]?.scenario.name}`);
  const series = (mp: number, y: (p: MeasuredPoint) => number) =>
    plain.flatMap((r) =>
      precisions.map((precision) => ({
        name: `${precision} ${r.scenario.name}`,
        colour: colour(`${precision} ${r.scenario.name}`),
        points: r.points
          .filter((p) => p.megapixels === mp && p.precision === precision)
          .map((p) => ({ x: p.concurrency, y: y(p) })),
      })),
    );
  const throughput = megapixels.map((mp) => {
    const xs = [...new Set(plain.flatMap((r) => r.points.map((p) => p.concurrency)))];
    const ceilings = workloads
      .filter((w) => w.megapixels === mp)
      .map((w) => ({
        name: `${w.precision} best plain loop`,
        colour: ceilingColour(w.precision),
        dashed: true,
        points: xs.map((x) => ({ x, y: w.ceiling.imagesPerSecond })),
      }));
    return {
      title: `${mp} MP photos: throughput`,
      yLabel: 'img/s',
      series: [...series(mp, (p) => p.imagesPerSecond), ...ceilings],
    };
  });
  const tail = megapixels.map((mp) => ({
    title: `${mp} MP photos: p99 latency`,
    yLabel: 'p99 ms',
    series: series(mp, (p) => p.ok.p99),
  }));
  return [...throughput, ...tail];
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
