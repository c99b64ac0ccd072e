// node throughput.js --models DIR --photos DIR [--sizes 320,416] [--batches 1,4,8,16,32] [--seconds 4]
//   [--out FILE.json]   (execution provider: WANSHI_PROVIDERS, e.g. webgpu; see bench/gpu/README.md)
// The serving path without HTTP and database: InferenceService (scheduler, dynamic batcher, the Detector's
// session in a worker thread) on real photos, at each input size and maximum batch size, with enough
// closed-loop clients to keep a full batch queued while one runs. Prints images per second by batch size.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../api/src/config';
import { InferenceService } from '../../api/src/serving/inference-service';
import { ModelRepository, scanModelRepository } from '../../api/src/serving/model-repository';
import type { ArtifactKey } from '../../api/src/scheduler/types';
import { runClosedLoop, type Reply } from '../lib/closed-loop';
import { loadPhotos, type Photo } from '../lib/photos';
import { percentile } from '../../api/src/statistics/percentile';
import { fixed, markdownTable } from '../lib/table';

interface Row {
  inputSize: number;
  maxBatch: number;
  provider: string;
  imagesPerSecond: number;
  meanBatch: number;
  p50Ms: number;
  p99Ms: number;
  /** Median duration of one batch run in the worker (inference and post-processing). */
  batchRunMs: number;
  errors: number;
}

/** Far above what any batch here needs: the batch size is the one asked for, not the budget's choice. */
const MEMORY_BUDGET_MB = 65_536;
const list = (text: string) => text.split(',').map(Number);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      models: { type: 'string' },
      photos: { type: 'string' },
      sizes: { type: 'string', default: '320,416' },
      batches: { type: 'string', default: '1,4,8,16,32' },
      seconds: { type: 'string', default: '4' },
      out: { type: 'string' },
    },
  });
  const photos = loadPhotos(values.photos);
  const rows: Row[] = [];
  for (const inputSize of list(values.sizes)) {
    for (const maxBatch of list(values.batches)) {
      rows.push(await measure(photos, inputSize, maxBatch, Number(values.seconds), values.models));
      const r = rows[rows.length - 1];
      console.error(
        `  ${inputSize} batch ≤${maxBatch} on ${r.provider}: ${r.imagesPerSecond.toFixed(1)} img/s`,
      );
    }
  }
  console.log(
    `\nScheduler throughput, nanodet-m fp32, ${photos.length} photos, ${values.seconds} s per row, ` +
      `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})\n`,
  );
  console.log(table(rows));
  if (values.out) await writeFile(values.out, JSON.stringify(rows, null, 2));
}

async function measure(
  photos: readonly Photo[],
  inputSize: number,
  maxBatch: number,
  seconds: number,
  modelsDir: string | undefined,
): Promise<Row> {
  const config = loadConfig({
    ...process.env,
    ...(modelsDir ? { WANSHI_MODELS_DIR: modelsDir } : {}),
    WANSHI_MAX_BATCH_SIZE: String(maxBatch),
    WANSHI_MAX_QUEUE_SIZE: String(4 * maxBatch),
    WANSHI_MEMORY_BUDGET_MB: String(MEMORY_BUDGET_MB),
  });
  const repository = new ModelRepository(await scanModelRepository(config.modelsDir));
  const [manifest] = repository.manifests;
  const key: ArtifactKey = { model: manifest.name, version: manifest.version, precision: 'fp32', inputSize };
  const inference = new InferenceService(repository, config);
  try {
    await inference.warm(key);
    const before = inference.stats().artifacts[0];
    const { samples } = await runClosedLoop({
      concurrency: 2 * maxBatch,
      seconds,
      warmUpSeconds: 1,
      send: (client, n) => detect(inference, key, photos[(client + n * 2 * maxBatch) % photos.length]),
    });
    const after = inference.stats().artifacts[0];
    const ok = samples.filter((s) => s.errorCode === undefined).map((s) => s.ms);
    return {
      inputSize,
      maxBatch,
      provider: inference.providerOf(key),
      imagesPerSecond: ok.length / seconds,
      meanBatch: (after.completed - before.completed) / (after.batches - before.batches),
      p50Ms: percentile(ok, 0.5),
      p99Ms: percentile(ok, 0.99),
      batchRunMs: after.latencyMs.inferenceMs.p50,
      errors: samples.length - ok.length,
    };
  } finally {
    await inference.shutdown(5_000);
  }
}

function detect(inference: InferenceService, key: ArtifactKey, photo: Photo): Promise<Reply> {
  return inference.detect(key, { bytes: photo.bytes }, {}).then(
    () => ({ errorCode: undefined }),
    (error: { code?: string }) => ({ errorCode: error.code ?? 'ERROR' }),
  );
}

function table(rows: readonly Row[]): string {
  return markdownTable(
    [
      'size',
      'max batch',
      'provider',
      'img/s',
      'mean batch',
      'batch run p50 ms',
      'latency p50 ms',
      'p99 ms',
      'errors',
    ],
    rows.map((r) => [
      String(r.inputSize),
      String(r.maxBatch),
      r.provider,
      fixed(r.imagesPerSecond, 1),
      fixed(r.meanBatch, 1),
      fixed(r.batchRunMs, 1),
      fixed(r.p50Ms, 1),
      fixed(r.p99Ms, 1),
      String(r.errors),
    ]),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
