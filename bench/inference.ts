// npm run bench:inference -- [--sizes 320,416] [--batches 1,4,8] [--threads 1,2] [--seconds 3]
// Raw onnxruntime-node speed of the model artifact (no decode, resize or post-processing): what the
// runtime gives on this machine, to set scheduler batch sizes and thread counts against.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { loadConfig } from '../api/src/config';
import { chooseArtifact } from '../api/src/inference/artifact-choice';
import { inputDims } from '../sdk/src/image/tensor';
import { createSession } from '../api/src/inference/session';
import { nearestRank } from '../api/src/scheduler/latency-window';
import { loadManifest } from '../models/src/repository/load';
import { versionDirOf } from '../api/src/cli/open-detector';
import { MODEL_VERSION_OPTIONS, modelChoice } from '../api/src/cli/options';

interface Row {
  size: number;
  batch: number;
  threads: number;
  provider: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  imagesPerSecond: number;
}

const list = (text: string) => text.split(',').map(Number);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...MODEL_VERSION_OPTIONS,
      sizes: { type: 'string', default: '320,416' },
      batches: { type: 'string', default: '1,4,8' },
      threads: { type: 'string', default: '1,2' },
      seconds: { type: 'string', default: '3' },
    },
  });
  const config = loadConfig();
  const choice = modelChoice(values);
  const versionDir = await versionDirOf(config.modelsDir, choice);
  const manifest = await loadManifest(versionDir);
  const precision = choice.precision ?? manifest.defaultPrecision;
  const model = `${manifest.name}@${manifest.version}`;
  const rows: Row[] = [];
  for (const size of list(values.sizes)) {
    const { artifact } = chooseArtifact(manifest, { inputSize: size, precision });
    for (const threads of list(values.threads)) {
      const { session, provider } = await createSession(
        await readFile(path.join(versionDir, artifact.file)),
        {
          providers: config.inference.providers,
          intraOpThreads: threads,
        },
      );
      for (const batch of list(values.batches)) {
        const dims = inputDims(manifest.input.layout, batch, size);
        const input = new ort.Tensor('float32', randomInput(batch * 3 * size * size), dims);
        const times = await timeRuns(
          () => session.run({ [manifest.input.name]: input }),
          Number(values.seconds),
        );
        const sorted = [...times].sort((a, b) => a - b);
        const medianMs = nearestRank(sorted, 0.5);
        rows.push({
          size,
          batch,
          threads,
          provider,
          runs: times.length,
          medianMs,
          p95Ms: nearestRank(sorted, 0.95),
          imagesPerSecond: (batch * 1000) / medianMs,
        });
        console.error(`  ${size} batch ${batch} threads ${threads}: ${medianMs.toFixed(1)} ms`);
      }
      await session.release();
    }
  }
  console.log(table(rows, `${model} ${precision}`));
  const out = path.join(
    __dirname,
    'results',
    `inference-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify({ model, precision, rows }, null, 2));
  console.log(`\n(${out})`);
}

/** Runs `once` for about `seconds` after 3 warm-up runs; at least 5 timed runs. Milliseconds per run. */
async function timeRuns(once: () => Promise<unknown>, seconds: number): Promise<number[]> {
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (times.length < 5 || performance.now() < end) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return times;
}

function randomInput(length: number): Float32Array {
  // Values of a normalised image (roughly −2..2): speed does not depend on content, but keep it realistic.
  return Float32Array.from({ length }, () => Math.random() * 4 - 2);
}

function table(rows: readonly Row[], title: string): string {
  const header = '| size | batch | threads | provider | runs | median ms/batch | p95 ms | images/s |';
  const lines = rows.map(
    (r) =>
      `| ${r.size} | ${r.batch} | ${r.threads} | ${r.provider} | ${r.runs} | ${r.medianMs.toFixed(1)} | ${r.p95Ms.toFixed(1)} | ${r.imagesPerSecond.toFixed(0)} |`,
  );
  return [`${title}`, '', header, '|---|---|---|---|---|---|---|---|', ...lines].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
