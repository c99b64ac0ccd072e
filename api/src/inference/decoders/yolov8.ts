// Ultralytics YOLOv8 / YOLO11 ONNX export: one output [B, 4 + C, N]; rows 0..3 are cx, cy, w, h in input
// pixels, rows 4.. are per-class scores (already sigmoid). Anchor-free, so no grid to rebuild here.
import type { DecoderSpec } from '../../../../models/src/repository/manifest';
import type { Candidate, OutputTensor } from './candidate';

export type Yolov8Spec = Extract<DecoderSpec, { family: 'yolov8' }>;

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
