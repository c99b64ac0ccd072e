// Calibration images from a folder, prepared the way the Detector prepares uploads (decode, resize, normalise).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InputSpec } from '../../../models/src/repository/manifest';
import { sha256OfFiles } from '../../../models/src/repository/fingerprint';
import type { CalibrationImages } from '../../../models/src/profiles/calibrationImages';
import { decodeImage, type ImageLimits } from '../inference/image/decode';
import { preprocess } from '../inference/image/preprocess';
import { toInputTensor } from '../../../sdk/src/image/tensor';

const IMAGE_FILE = /\.(jpe?g|png|webp)$/i;

export async function calibrationImagesFromDir(
  dir: string,
  input: InputSpec,
  limits: ImageLimits,
  source = dir,
): Promise<CalibrationImages> {
  const names = (await readdir(dir)).filter((name) => IMAGE_FILE.test(name)).sort();
  if (names.length === 0) throw new Error(`no JPEG, PNG or WebP images in calibration folder ${dir}`);
  const files = names.map((name) => path.join(dir, name));
  return {
    source,
    files: names,
    sha256: await sha256OfFiles(files),
    async inputs(inputSize) {
      return Promise.all(
        files.map(async (file) => {
          const image = await decodeImage(await readFile(file), limits);
          const { pixels } = await preprocess(image, inputSize, input);
          const dims = input.layout === 'NCHW' ? [1, 3, inputSize, inputSize] : [1, inputSize, inputSize, 3];
          return { data: toInputTensor(pixels, inputSize, input), dims };
        }),
      );
    },
  };
}
