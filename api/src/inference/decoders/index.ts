import type { DecoderSpec } from '../../../../models/src/repository/manifest';
import type { Candidate, OutputTensor } from './candidate';
import { decodeNanodetGfl } from './nanodet-gfl';
import { decodeYolov8 } from './yolov8';

export type { Candidate, OutputTensor } from './candidate';

/** Names of the session outputs a decoder reads. */
export function decoderOutputNames(spec: DecoderSpec): string[] {
  return spec.family === 'nanodet-gfl' ? spec.heads.flatMap((h) => [h.scores, h.boxes]) : [spec.output];
}

/** Every (box, class) pair of one batch image scoring at least `minScore`, boxes in model-input pixels. */
export function decodeCandidates(
  spec: DecoderSpec,
  outputs: Record<string, OutputTensor>,
  inputSize: number,
  batchIndex: number,
  minScore: number,
): Candidate[] {
  switch (spec.family) {
    case 'nanodet-gfl':
      return decodeNanodetGfl(outputs, spec, inputSize, batchIndex, minScore);
    case 'yolov8':
      return decodeYolov8(outputs, spec, batchIndex, minScore);
  }
}
