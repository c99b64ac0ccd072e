import { describe, expect, it } from 'vitest';
import type { OutputTensor } from '../../sdk/src/decoders';
import { decodeNanodetGfl, expectedBin, type NanodetGflSpec } from '../../sdk/src/decoders/nanodet-gfl';

// A 16×16 input with one stride-8 head: 2×2 cells, 2 classes, regMax 10 (11 bins per side).
const spec: NanodetGflSpec = {
  family: 'nanodet-gfl',
  heads: [{ stride: 8, scores: 's8', boxes: 'b8' }],
  regMax: 10,
};
const CELLS = 4;
const CLASSES = 2;
const BINS = 11;

function headOutputs(batch: number): Record<string, OutputTensor> {
  return {
    s8: { data: new Float32Array(batch * CELLS * CLASSES), dims: [batch, CELLS, CLASSES] },
    b8: { data: new Float32Array(batch * CELLS * 4 * BINS), dims: [batch, CELLS, 4 * BINS] },
  };
}

/** Puts all of one side's probability mass on `bin`, so its expected distance is bin × stride. */
function setSides(outputs: Record<string, OutputTensor>, image: number, cell: number, bins: number[]) {
  bins.forEach((bin, side) => {
    outputs.b8.data[((image * CELLS + cell) * 4 + side) * BINS + bin] = 100;
  });
}

describe('decodeNanodetGfl', () => {
  it('decodes a cell to its centre (i + 0.5) · stride minus/plus the expected side distances', () => {
    const outputs = headOutputs(1);
    outputs.s8.data[3 * CLASSES + 1] = 0.9; // cell 3 = column 1, row 1 → centre (12, 12)
    setSides(outputs, 0, 3, [1, 2, 3, 4]); // left, top, right, bottom in bins
    const [candidate, ...rest] = decodeNanodetGfl(outputs, spec, 16, 0, 0.5);
    expect(rest).toEqual([]);
    expect(candidate.classIndex).toBe(1);
    expect(candidate.score).toBeCloseTo(0.9);
    candidate.box.forEach((v, i) => expect(v).toBeCloseTo([12 - 8, 12 - 16, 12 + 24, 12 + 32][i], 5));
  });

  it('yields one candidate per class above the threshold in the same cell', () => {
    const outputs = headOutputs(1);
    outputs.s8.data.set([0.6, 0.7], 0);
    expect(decodeNanodetGfl(outputs, spec, 16, 0, 0.5).map((c) => c.classIndex)).toEqual([0, 1]);
  });

  it('skips scores under the threshold', () => {
    const outputs = headOutputs(1);
    outputs.s8.data[0] = 0.04;
    expect(decodeNanodetGfl(outputs, spec, 16, 0, 0.05)).toEqual([]);
  });

  it('reads the requested image of a batch', () => {
    const outputs = headOutputs(2);
    outputs.s8.data[CELLS * CLASSES + 0] = 0.8; // image 1, cell 0
    setSides(outputs, 1, 0, [1, 1, 1, 1]);
    expect(decodeNanodetGfl(outputs, spec, 16, 0, 0.5)).toEqual([]);
    const [candidate] = decodeNanodetGfl(outputs, spec, 16, 1, 0.5);
    candidate.box.forEach((v, i) => expect(v).toBeCloseTo([-4, -4, 12, 12][i], 5));
  });

  it('rejects outputs whose cell count does not match the input size', () => {
    expect(() => decodeNanodetGfl(headOutputs(1), spec, 32, 0, 0.5)).toThrow(/expected 16 cells/);
  });
});

describe('expectedBin', () => {
  it('is the mean bin index under a uniform distribution', () => {
    expect(expectedBin(new Float32Array(11), 0, 11)).toBeCloseTo(5);
  });
});
