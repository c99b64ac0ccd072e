// npm run profiles -- --images <dir> --annotations <coco.json> [--calibration <dir>] [--sizes 320,416]
//   [--precisions fp32,fp16,fp16-storage,int8,int4] [--provider cpu] [--threads 0] [--rounds 5] [--json]
// Builds missing profile artifacts, measures them, prints the comparison table (or the results as JSON).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { positiveInteger, UsageError, userPath } from '../cli/options';
import { runCli } from '../cli/run-cli';
import { runProfileBenchmark } from './benchmark';
import { PROFILE_IDS, type ProfileId } from './result';
import { profileTable } from './table';

const USAGE =
  'npm run profiles -- --images <dir> --annotations <coco.json> [--calibration <dir>] [--sizes 320,416] ' +
  `[--precisions ${PROFILE_IDS.join(',')}] [--provider cpu] [--threads 0] [--rounds 5] [--json]`;

runCli(USAGE, async () => {
  const { values } = parseArgs({
    options: {
      images: { type: 'string' },
      annotations: { type: 'string' },
      calibration: { type: 'string' },
      sizes: { type: 'string' },
      precisions: { type: 'string' },
      provider: { type: 'string' },
      threads: { type: 'string' },
      rounds: { type: 'string' },
      model: { type: 'string', default: 'nanodet-m' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.images || !values.annotations) throw new UsageError('--images and --annotations are required');
  const config = loadConfig();
  const provider = values.provider ?? config.inference.providers[0];
  if (!['cpu', 'webgpu', 'cuda', 'tensorrt'].includes(provider))
    throw new UsageError(`--provider: unknown provider "${provider}"`);
  const results = await runProfileBenchmark(
    {
      modelsDir: config.modelsDir,
      dataDir: config.dataDir,
      model: values.model,
      imagesDir: userPath(values.images),
      annotationsFile: userPath(values.annotations),
      calibrationDir: values.calibration ? userPath(values.calibration) : undefined,
      sizes: values.sizes?.split(',').map((s) => positiveInteger('--sizes', s)),
      precisions: values.precisions?.split(',').map(profileId),
      provider: provider as 'cpu',
      intraOpThreads: values.threads ? Number(values.threads) : config.inference.intraOpThreads,
      speed: values.rounds ? { rounds: positiveInteger('--rounds', values.rounds) } : undefined,
      limits: { maxBytes: config.limits.maxImageBytes, maxPixels: config.limits.maxImagePixels },
    },
    (progress) => console.error(`[${progress.phase}] ${progress.message}`),
  );
  console.log(values.json ? JSON.stringify(results, null, 2) : profileTable(results));
  return 0;
});

function profileId(text: string): ProfileId {
  if (!(PROFILE_IDS as readonly string[]).includes(text))
    throw new UsageError(`--precisions: unknown profile "${text}" (use ${PROFILE_IDS.join(', ')})`);
  return text as ProfileId;
}
