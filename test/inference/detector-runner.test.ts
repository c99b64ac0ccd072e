import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { Detection, Detector, PreparedImage } from '../../api/src/inference/detector';
import { ImageInputError, openImage, type ImageLimits } from '../../api/src/inference/image/decode';
import { Scheduler, SchedulerError } from '../../api/src/scheduler';
import { DecodeBudget } from '../../api/src/scheduler/decode-budget';
import { detectorRunner } from '../../api/src/inference/detector-runner';
import { KEY, schedulerConfig, silentLogger } from '../scheduler/fakes';

const LIMITS = { maxImageBytes: 1024 * 1024, maxImagePixels: 1_000_000 };
const OPTIONS = { minScore: 0.5, iou: 0.5, maxObjects: 10 };

function prepared(image: { width: number; height: number }, options = OPTIONS): PreparedImage {
  return {
    pixels: new Uint8Array(3),
    transform: { scaleX: 1, scaleY: 1, padX: 0, padY: 0 },
    width: image.width,
    height: image.height,
    options,
  };
}

/** The preparing half of a Detector (never loaded) and the session half, as the adapter sees them. */
function fakeParts(decodeBudget = new DecodeBudget(64)) {
  return {
    preparer: {
      source: { artifact: { bytes: 8 * 1024 * 1024 } } as Detector['source'],
      // Reads the real header (so bad uploads fail as they do in a Detector), decodes no pixels.
      prepareUpload: vi.fn(async (bytes: Uint8Array, limits: ImageLimits, options?: typeof OPTIONS) =>
        prepared((await openImage(bytes, limits)).header, options),
      ),
      warmUpSample: async () => prepared({ width: 1, height: 1 }),
    },
    session: {
      load: vi.fn(async () => undefined),
      unload: vi.fn(async () => undefined),
      run: vi.fn(async (batch: readonly PreparedImage[]): Promise<Detection[]> =>
        batch.map((p) => ({ width: p.width, height: p.height, objects: [] })),
      ),
    },
    limits: LIMITS,
    decodeBudget,
  } satisfies Parameters<typeof detectorRunner>[0];
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();

describe('detectorRunner', () => {
  it('hands the uploaded bytes to the preparer in prepare, with the image limits and detection options', async () => {
    const parts = fakeParts();
    const bytes = await png(6, 4);

    await detectorRunner(parts).prepare({ bytes, options: OPTIONS });

    expect(parts.preparer.prepareUpload).toHaveBeenCalledWith(
      bytes,
      { maxBytes: LIMITS.maxImageBytes, maxPixels: LIMITS.maxImagePixels },
      OPTIONS,
    );
  });

  it('loads and runs on the session, not on the preparer', async () => {
    const parts = fakeParts();
    const scheduler = new Scheduler({
      config: schedulerConfig(),
      createRunner: () => detectorRunner(parts),
      logger: silentLogger,
    });

    await scheduler.submit(KEY, { bytes: await png(6, 4) });

    expect(parts.session.load).toHaveBeenCalledOnce();
    expect(parts.session.run).toHaveBeenCalledWith([expect.objectContaining({ width: 6, height: 4 })]);
  });

  it('expects a session of about twice the artifact file before it is measured', () => {
    expect(detectorRunner(fakeParts()).expectedSessionMB).toBe(16);
  });

  it('rejects a bad upload as PREPARATION_FAILED caused by an ImageInputError', async () => {
    const scheduler = new Scheduler({
      config: schedulerConfig(),
      createRunner: () => detectorRunner(fakeParts()),
      logger: silentLogger,
    });

    const error = await scheduler.submit(KEY, { bytes: new Uint8Array([1, 2, 3]) }).catch((e: unknown) => e);

    expect((error as SchedulerError).code).toBe('PREPARATION_FAILED');
    expect((error as SchedulerError).cause).toBeInstanceOf(ImageInputError);
  });

  describe('decode budget', () => {
    // Few bytes, many pixels: 1000×1000 of one colour is a few KB as PNG and 2.9 MB decoded (3 bytes per pixel).
    const PIXEL_HEAVY = png(1000, 1000);
    const DECODED_MB = (1000 * 1000 * 3) / (1024 * 1024);

    it('refuses an image whose decoded pixels alone exceed the budget, before decoding it', async () => {
      const parts = fakeParts(new DecodeBudget(2));

      const error = await detectorRunner(parts)
        .prepare({ bytes: await PIXEL_HEAVY })
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ImageInputError);
      expect((error as ImageInputError).reason).toBe('too-many-pixels');
      expect(parts.preparer.prepareUpload).not.toHaveBeenCalled();
    });

    it('decodes a flood of pixel-heavy images a budget-full at a time, all of them in the end', async () => {
      const budget = new DecodeBudget(6); // two of them at once, not three
      const runner = detectorRunner(fakeParts(budget));
      const bytes = await PIXEL_HEAVY;
      let peakMB = 0;
      let peakWaiting = 0;
      const sample = setInterval(() => {
        peakMB = Math.max(peakMB, budget.snapshot().inUseMB);
        peakWaiting = Math.max(peakWaiting, budget.snapshot().waiting);
      }, 1);

      const results = await Promise.all(Array.from({ length: 6 }, () => runner.prepare({ bytes })));
      clearInterval(sample);

      expect(results).toHaveLength(6);
      expect(peakMB).toBeLessThanOrEqual(2 * DECODED_MB + 1e-9);
      expect(peakWaiting).toBeGreaterThan(0);
      expect(budget.snapshot()).toEqual({ budgetMB: 6, inUseMB: 0, waiting: 0 });
    });
  });
});
