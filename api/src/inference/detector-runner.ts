// The inference Detector as a BatchRunner, what the generic scheduler (which knows nothing of images) runs:
// preparation on the main thread (sharp decodes and resizes on libuv's threads; the pixel → float pass is a few
// ms of JavaScript per image), the session in a worker thread.
//
// The input is the uploaded bytes, decoded inside prepare straight at the model's size (shrink-on-load), so
// full-size decoded pixels never exist (a 40-megapixel upload would be 120 MB of RGB). A bad upload rejects with
// PREPARATION_FAILED whose `cause` is the ImageInputError.
import path from 'node:path';
import sharp from 'sharp';
import type { Config } from '../config';
import { DecodeBudgetExceeded, type DecodeBudget } from '../scheduler/decode-budget';
import type { BatchRunner } from '../scheduler/types';
import { WorkerSession } from '../scheduler/worker-session';
import type { Detection, DetectionOptions, Detector, DetectorSource, PreparedImage } from './detector';
import { ImageInputError } from './image/decode';
import type { SessionSettings } from './session';

export interface DetectionInput {
  bytes: Uint8Array;
  /** Default: the Detector's DISPLAY_OPTIONS. */
  options?: DetectionOptions;
}

export interface DetectorRunnerParts {
  /** A Detector that is never loaded: prepare and warmUpSample need only the manifest. */
  preparer: Pick<Detector, 'source' | 'prepareUpload' | 'warmUpSample'>;
  /** Where the session lives: normally detectorWorkerSession(), a Detector in a worker thread. */
  session: Pick<Detector, 'unload' | 'run'> & { load(): Promise<unknown> };
  limits: Pick<Config['limits'], 'maxImageBytes' | 'maxImagePixels'>;
  /** Shared by every artifact: decoded pixels in memory at once, whichever model they are for. */
  decodeBudget: DecodeBudget;
}

const MB = 1024 * 1024;

/**
 * For Scheduler's createRunner:
 * `detectorRunner({ preparer: new Detector(source, settings), session: detectorWorkerSession(source, settings), limits })`.
 */
export function detectorRunner({
  preparer,
  session,
  limits,
  decodeBudget,
}: DetectorRunnerParts): BatchRunner<DetectionInput, Detection, PreparedImage> {
  const imageLimits = { maxBytes: limits.maxImageBytes, maxPixels: limits.maxImagePixels };
  return {
    load: async () => void (await session.load()),
    unload: () => session.unload(),
    prepare: async ({ bytes, options }) => {
      const release = await reserveDecode(decodeBudget, bytes);
      try {
        return await preparer.prepareUpload(bytes, imageLimits, options);
      } finally {
        release();
      }
    },
    run: (batch) => session.run(batch),
    warmUpSample: () => preparer.warmUpSample(),
    // onnxruntime keeps the weights plus optimised and prepacked copies; twice the file is a first guess,
    // replaced by the measurement after the first load.
    expectedSessionMB: (2 * preparer.source.artifact.bytes) / MB,
  };
}

/**
 * Holds the decode budget for the RGB pixels `bytes` will decode to (3 bytes per pixel, from the header). An
 * image whose header cannot be read reserves nothing: prepareUpload then refuses it with the right reason.
 */
async function reserveDecode(budget: DecodeBudget, bytes: Uint8Array): Promise<() => void> {
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  const mb = ((header?.width ?? 0) * (header?.height ?? 0) * 3) / MB;
  try {
    return await budget.acquire(mb);
  } catch (error) {
    if (!(error instanceof DecodeBudgetExceeded)) throw error;
    throw new ImageInputError('too-many-pixels', `${error.message} Send a smaller image.`);
  }
}

/** A Detector for `source` whose session runs in its own worker thread (see WorkerSession for why). */
export function detectorWorkerSession(
  source: DetectorSource,
  settings: SessionSettings,
): WorkerSession<PreparedImage, Detection> {
  return new WorkerSession({
    module: path.join(__dirname, 'detector'),
    exportName: 'Detector',
    args: [source, settings],
  });
}
