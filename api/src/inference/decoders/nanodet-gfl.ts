// NanoDet's GFL head: per stride, class scores (sigmoid already applied) and, per side, a distribution over
// regMax+1 distance bins whose expected value × stride is the distance from the cell centre to that side.
import type { DecoderSpec } from '../../../../models/src/repository/manifest';
import type { Candidate, OutputTensor } from './candidate';

export type NanodetGflSpec = Extract<DecoderSpec, { family: 'nanodet-gfl' }>;

export function decodeNanodetGfl(
  outputs: Record<string, OutputTensor>,
  spec: NanodetGflSpec,
  inputSize: number,
  batchIndex: number,
  minScore: number,
): Candidate[] {
  const bins = spec.regMax + 1;
  const candidates: Candidate[] = [];
  for (const head of spec.heads) {
    const scores = outputs[head.scores];
    const boxes = outputs[head.boxes];
    const cols = Math.ceil(inputSize / head.stride);
    const cells = cols * Math.ceil(inputSize / head.stride);
    const classes = scores.dims[2];
    if (scores.dims[1] !== cells || boxes.dims[1] !== cells || boxes.dims[2] !== 4 * bins) {
      throw new Error(
        `Head stride ${head.stride}: expected ${cells} cells × ${4 * bins} bins, got scores [${scores.dims}] boxes [${boxes.dims}]`,
      );
    }
    const scoreBase = batchIndex * cells * classes;
    const boxBase = batchIndex * cells * 4 * bins;
    for (let cell = 0; cell < cells; cell++) {
      const hits: { classIndex: number; score: number }[] = [];
      for (let c = 0; c < classes; c++) {
        const score = scores.data[scoreBase + cell * classes + c];
        if (score >= minScore) hits.push({ classIndex: c, score });
      }
      if (hits.length === 0) continue;
      // Cell centres sit at (i + 0.5) · stride: the offset the model was trained with.
      const cx = ((cell % cols) + 0.5) * head.stride;
      const cy = (Math.floor(cell / cols) + 0.5) * head.stride;
      const side = (s: number) =>
        expectedBin(boxes.data, boxBase + (cell * 4 + s) * bins, bins) * head.stride;
      const [left, top, right, bottom] = [side(0), side(1), side(2), side(3)];
      for (const hit of hits) {
        candidates.push({ ...hit, box: [cx - left, cy - top, cx + right, cy + bottom] });
      }
    }
  }
  return candidates;
}

/** Expected bin index under softmax(data[offset .. offset+bins)). */
export function expectedBin(data: Float32Array, offset: number, bins: number): number {
  let max = -Infinity;
  for (let k = 0; k < bins; k++) max = Math.max(max, data[offset + k]);
  let sum = 0;
  let weighted = 0;
  for (let k = 0; k < bins; k++) {
    const e = Math.exp(data[offset + k] - max);
    sum += e;
    weighted += k * e;
  }
  return weighted / sum;
}
