import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { Detection, Detector, PreparedImage } from '../../api/src/inference/detector';
import type { RgbImage } from '../../api/src/inference/image/decode';
import { ImageInputError } from '../../api/src/inference/image/decode';
import { Scheduler, SchedulerError } from '../../api/src/scheduler';
import { detectorRunner } from '../../api/src/scheduler/detector-runner';
import { KEY, schedulerConfig, silentLogger } from './fakes';

const LIMITS = { maxImageBytes: 1024 * 1024, maxImagePixels: 1_000_000 };
const OPTIONS = { minScore: 0.5, iou: 0.5, maxObjects: 10 };

/** Just enough of a Detector to see what the adapter hands it. */
function fakeDetector() {
  const prepared = (image: RgbImage, options = OPTIONS): PreparedImage => ({
    tensor: new Float32Array(3),
    transform: { scaleX: 1, scaleY: 1, padX: 0, padY: 0 },
    width: image.width,
    height: image.height,
    options,
  });
  return {
    source: { artifact: { bytes: 8 * 1024 * 1024 } } as Detector['source'],
    load: vi.fn(async () => undefined),
    unload: vi.fn(async () => undefined),
    prepare: vi.fn(async (image: RgbImage, options?: typeof OPTIONS) => prepared(image, options)),
    warmUpSample: async () => prepared({ data: Buffer.alloc(3), width: 1, height: 1 }),
    run: async (batch: readonly PreparedImage[]): Promise<Detection[]> => batch.map(() => ({ objects: [] })),
  } satisfies Parameters<typeof detectorRunner>[0];
}

describe('detectorRunner', () => {
  it('decodes the uploaded bytes in prepare and passes the detection options on', async () => {
    const detector = fakeDetector();
    const png = await sharp({ create: { width: 6, height: 4, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();

    await detectorRunner(detector, LIMITS).prepare({ bytes: png, options: OPTIONS });

    expect(detector.prepare).toHaveBeenCalledWith(expect.objectContaining({ width: 6, height: 4 }), OPTIONS);
  });

  it('expects a session of about twice the artifact file before it is measured', () => {
    expect(detectorRunner(fakeDetector(), LIMITS).expectedSessionMB).toBe(16);
  });

  it('rejects a bad upload through the scheduler as PREPARATION_FAILED caused by an ImageInputError', async () => {
    const scheduler = new Scheduler({
      config: schedulerConfig(),
      createRunner: () => detectorRunner(fakeDetector(), LIMITS),
      logger: silentLogger,
    });

    const error = await scheduler.submit(KEY, { bytes: new Uint8Array([1, 2, 3]) }).catch((e: unknown) => e);

    expect((error as SchedulerError).code).toBe('PREPARATION_FAILED');
    expect((error as SchedulerError).cause).toBeInstanceOf(ImageInputError);
  });
});
