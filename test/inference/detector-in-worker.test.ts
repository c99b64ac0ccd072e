// End to end on the real NanoDet artifact: the Detector's session in a worker thread, fed by the scheduler.
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseArtifact } from '../../api/src/inference/artifact-choice';
import { Detector, type Detection } from '../../api/src/inference/detector';
import { Scheduler } from '../../api/src/scheduler';
import { DecodeBudget } from '../../api/src/scheduler/decode-budget';
import {
  detectorRunner,
  detectorWorkerSession,
  type DetectionInput,
} from '../../api/src/inference/detector-runner';
import { loadManifest } from '../../models/src/repository/load';
import { KEY, schedulerConfig, silentLogger } from '../scheduler/fakes';

const VERSION_DIR = path.join(__dirname, '../../models/nanodet-m/1');
const SETTINGS = { providers: ['cpu' as const], intraOpThreads: 1 };

let scheduler: Scheduler<DetectionInput, Detection> | undefined;
afterAll(() => scheduler?.shutdown());

describe('a Detector hosted in a worker thread', () => {
  it('detects through the scheduler after a warm-up that measured its memory', async () => {
    const manifest = await loadManifest(VERSION_DIR);
    const source = { versionDir: VERSION_DIR, manifest, ...chooseArtifact(manifest, { inputSize: 160 }) };
    scheduler = new Scheduler<DetectionInput, Detection>({
      config: schedulerConfig(),
      createRunner: () =>
        detectorRunner({
          preparer: new Detector(source, SETTINGS),
          session: detectorWorkerSession(source, SETTINGS),
          limits: { maxImageBytes: 1024 * 1024, maxImagePixels: 1_000_000 },
          decodeBudget: new DecodeBudget(64),
        }),
      logger: silentLogger,
    });
    const image = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();

    const { output, timing } = await scheduler.submit(KEY, { bytes: image });

    expect(Array.isArray(output.objects)).toBe(true);
    expect(timing.batchSize).toBe(1);
    expect(scheduler.stats().artifacts[0].memory?.sessionMB).toBeGreaterThan(0);
  });
});
