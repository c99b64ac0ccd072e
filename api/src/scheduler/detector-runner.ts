// The inference Detector as a BatchRunner. The input is the uploaded bytes: decoding happens inside prepare,
// so full-size decoded pixels exist only for the next batch or so, never for the whole queue (a 40-megapixel
// upload is 120 MB of RGB). A bad upload rejects with PREPARATION_FAILED whose `cause` is the ImageInputError.
import type { Config } from '../config';
import type { Detection, DetectionOptions, Detector, PreparedImage } from '../inference/detector';
import { decodeImage } from '../inference/image/decode';
import type { BatchRunner } from './types';

export interface DetectionInput {
  bytes: Uint8Array;
  /** Default: the Detector's DISPLAY_OPTIONS. */
  options?: DetectionOptions;
}

const MB = 1024 * 1024;

export function detectorRunner(
  detector: Pick<Detector, 'source' | 'load' | 'unload' | 'prepare' | 'run' | 'warmUpSample'>,
  limits: Pick<Config['limits'], 'maxImageBytes' | 'maxImagePixels'>,
): BatchRunner<DetectionInput, Detection, PreparedImage> {
  return {
    load: () => detector.load(),
    unload: () => detector.unload(),
    // sharp decodes and resizes on libuv's threads; toInputTensor then runs on the event loop (one pass over
    // the model-sized pixels, a few ms), which is why only the next batch is prepared ahead.
    prepare: async ({ bytes, options }) =>
      detector.prepare(
        await decodeImage(bytes, { maxBytes: limits.maxImageBytes, maxPixels: limits.maxImagePixels }),
        options,
      ),
    run: (batch) => detector.run(batch),
    warmUpSample: () => detector.warmUpSample(),
    // onnxruntime keeps the weights plus optimised and prepacked copies; twice the file is a first guess,
    // replaced by the measurement after the first load.
    expectedSessionMB: (2 * detector.source.artifact.bytes) / MB,
  };
}
