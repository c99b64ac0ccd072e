// Ultralytics detect exports (YOLOv5u, YOLOv8, YOLO11, YOLO12): one output [B, 4 + C, N]; rows 0..3 are cx, cy,
// w, h in input pixels, rows 4.. are per-class scores (already sigmoid). Anchor-free, so no grid to rebuild.
import { z } from 'zod';
import type { Candidate, OutputTensor } from './candidate';
import { defineFamily, formatDims, ULTRALYTICS_INPUT } from './family';

const SPEC = z.object({
  family: z.literal('yolov8'),
  /** Output of shape [B, 4 + C, N], boxes as cx, cy, w, h in input pixels. */
  output: z.string().min(1),
});
export type Yolov8Spec = z.infer<typeof SPEC>;

export function decodeYolov8(
  outputs: Record<string, OutputTensor>,
  spec: Yolov8Spec,
  batchIndex: number,
  minScore: number,
): Candidate[] {
  const { data, dims } = outputs[spec.output];
  const [, rows, anchors] = dims;
  const classes = rows - 4;
  const base = batchIndex * rows * anchors;
  const at = (row: number, n: number) => data[base + row * anchors + n];
  const candidates: Candidate[] = [];
  for (let n = 0; n < anchors; n++) {
    for (let c = 0; c < classes; c++) {
      const score = at(4 + c, n);
      if (score < minScore) continue;
      const [cx, cy, w, h] = [at(0, n), at(1, n), at(2, n), at(3, n)];
      candidates.push({ classIndex: c, score, box: [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2] });
    }
  }
  return candidates;
}

export const YOLOV8 = defineFamily<Yolov8Spec>({
  family: 'yolov8',
  spec: SPEC,
  input: ULTRALYTICS_INPUT,
  outputNames: (spec) => [spec.output],
  decode: (spec, outputs, _inputSize, batchIndex, minScore) =>
    decodeYolov8(outputs, spec, batchIndex, minScore),
  classCount: (spec, outputs) => outputs[spec.output].dims[1] - 4,
  recognise({ outputs }) {
    if (outputs.length !== 1)
      return { ok: false, why: `has ${outputs.length} outputs, not one [B, 4 + C, N]` };
    const [output] = outputs;
    const [, rows, anchors] = output.dims;
    const shape = `${output.name} is ${formatDims(output.dims)}`;
    if (output.dims.length !== 3) return { ok: false, why: `${shape}, not rank 3 [B, 4 + C, N]` };
    if (typeof rows !== 'number' || rows < 5)
      return { ok: false, why: `${shape}: its second dimension must be 4 box rows + at least 1 class` };
    // The anchors outnumber the rows in every real export (8400 at 640); [1, N, 6] is an end-to-end output.
    if (typeof anchors === 'number' && anchors <= rows)
      return { ok: false, why: `${shape}: fewer anchors than rows, so not [B, 4 + C, N]` };
    return {
      ok: true,
      spec: { family: 'yolov8', output: output.name },
      classCount: rows - 4,
      why: `${shape} = [batch, 4 box rows + ${rows - 4} classes, ${anchors ?? 'N'} anchors]`,
    };
  },
});
