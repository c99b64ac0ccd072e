// What int8 calibration is given: the images' identity (recorded in the manifest, and part of what decides
// whether an int8 artifact is up to date) and a way to get them as model input at a given size. Decoding
// and preprocessing belong to the caller, so calibration sees exactly the preparation serving uses.
import type { CalibrationInput } from './int8/activationStats';

export interface CalibrationImages {
  /** Where the images come from, e.g. "@vladmandic/human@3.3.6 assets/ (29 crops)" or a folder path. */
  source: string;
  /** File names, in the order they are used. */
  files: string[];
  /** sha256 over the names and bytes of all the files. */
  sha256: string;
  /** The images resized and normalised for a model input of inputSize × inputSize, one per input. */
  inputs(inputSize: number): Promise<CalibrationInput[]>;
}
