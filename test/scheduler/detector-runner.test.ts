import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { Detection, Detector, PreparedImage } from '../../api/src/inference/detector';
import { ImageInputError, openImage, type ImageLimits } from '../../api/src/inference/image/decode';
import { Scheduler, SchedulerError } from '../../api/src/scheduler';
import { detectorRunner } from '../../api/src/scheduler/detector-runner';
import { KEY, schedulerConfig, silentLogger } from './fakes';

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
function fakeParts() {
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
});
