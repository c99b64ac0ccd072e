// npm run detect -- [--size 416] [--precision fp32] [--min-score 0.3] [--label-set coco80] [--json] <image>...
// Names come from the label set's latest published version when a database is there (served-labels.ts).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { DISPLAY_OPTIONS } from '../inference/detector';
import { detectionJson, detectionLine } from './format';
import { openDetector } from './open-detector';
import { MODEL_OPTIONS, modelChoice, scoreThreshold, UsageError, userPath } from './options';
import { runCli } from './run-cli';
import { servedLabels } from './served-labels';

const USAGE =
  'npm run detect -- [--size 416] [--precision fp32] [--min-score 0.3] [--label-set coco80] [--json] <image>...';

runCli(USAGE, async () => {
  const { values, positionals: files } = parseArgs({
    allowPositionals: true,
    options: {
      ...MODEL_OPTIONS,
      'min-score': { type: 'string' },
      'label-set': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (files.length === 0) throw new UsageError('no image given');
  const minScore =
    values['min-score'] === undefined
      ? DISPLAY_OPTIONS.minScore
      : scoreThreshold('--min-score', values['min-score']);
  const options = { ...DISPLAY_OPTIONS, minScore };
  const config = loadConfig();
  const { limits } = config;
  const { detector, model } = await openDetector(modelChoice(values));
  const { labels, enabled } = await servedLabels(config, model, values['label-set'], (m) =>
    console.error(m),
  ).catch(async (error: unknown) => {
    await detector.unload();
    throw error;
  });

  let failures = 0;
  // One image at a time: a bad file is reported and skipped, the others still get their answer.
  for (const file of files) {
    try {
      const prepared = await detector.prepareUpload(
        await readFile(userPath(file)),
        { maxBytes: limits.maxImageBytes, maxPixels: limits.maxImagePixels },
        options,
      );
      const [found] = await detector.run([prepared]);
      const detection = { ...found, objects: found.objects.filter((o) => enabled[o.classIndex]) };
      console.log(
        values.json ? detectionJson(file, detection, labels) : detectionLine(file, detection, labels),
      );
    } catch (error) {
      failures++;
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await detector.unload();
  return failures === 0 ? 0 : 1;
});
