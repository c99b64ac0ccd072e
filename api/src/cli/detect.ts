// npm run detect -- [--size 416] [--precision fp32] [--min-score 0.3] [--json] <image>...
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { DISPLAY_OPTIONS } from '../inference/detector';
import { detectionJson, detectionLine } from './format';
import { openDetector } from './open-detector';
import { MODEL_OPTIONS, modelChoice, scoreThreshold, UsageError, userPath } from './options';
import { runCli } from './run-cli';

const USAGE = 'npm run detect -- [--size 416] [--precision fp32] [--min-score 0.3] [--json] <image>...';

runCli(USAGE, async () => {
  const { values, positionals: files } = parseArgs({
    allowPositionals: true,
    options: { ...MODEL_OPTIONS, 'min-score': { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (files.length === 0) throw new UsageError('no image given');
  const minScore =
    values['min-score'] === undefined
      ? DISPLAY_OPTIONS.minScore
      : scoreThreshold('--min-score', values['min-score']);
  const options = { ...DISPLAY_OPTIONS, minScore };
  const { limits } = loadConfig();
  const { detector, labels } = await openDetector(modelChoice(values));

  let failures = 0;
  // One image at a time: a bad file is reported and skipped, the others still get their answer.
  for (const file of files) {
    try {
      const prepared = await detector.prepareUpload(
        await readFile(userPath(file)),
        { maxBytes: limits.maxImageBytes, maxPixels: limits.maxImagePixels },
        options,
      );
      const [detection] = await detector.run([prepared]);
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
