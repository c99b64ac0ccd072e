import type { Box } from '../geometry/box';

/** One scored (box, class) pair before NMS, box in model-input pixels. */
export interface Candidate {
  classIndex: number;
  score: number;
  box: Box;
}

/** A dense output tensor as onnxruntime returns it: flat data and its dimensions. */
export interface OutputTensor {
  data: Float32Array;
  dims: readonly number[];
}
