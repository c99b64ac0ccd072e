// NMS-free end-to-end exports (YOLOv10, Ultralytics `end2end`): one output [B, N, 6], each row x1, y1, x2, y2,
// score, class in input pixels, already one box per object. The class count is not in the shape.
import { z } from 'zod';
import type { Candidate, OutputTensor } from './candidate';
import { defineFamily, formatDims, ULTRALYTICS_INPUT } from './family';

const SPEC = z.object({ family: z.literal('yolo-end2end'), output: z.string().min(1) });
export type YoloEnd2endSpec = z.infer<typeof SPEC>;

const ROW = 6;

export function decodeYoloEnd2end(
  outputs: Record<string, OutputTensor>,
  spec: YoloEnd2endSpec,
  batchIndex: number,
  minScore: number,
): Candidate[] {
  const { data, dims } = outputs[spec.output];
  const rows = dims[1];
  const candidates: Candidate[] = [];
  for (let r = 0; r < rows; r++) {
    const at = (batchIndex * rows + r) * ROW;
    const score = data[at + 4];
    if (!(score >= minScore)) continue;
    candidates.push({
      classIndex: Math.round(data[at + 5]),
      score,
      box: [data[at], data[at + 1], data[at + 2], data[at + 3]],
    });
  }
  return candidates;
}

export const YOLO_END2END = defineFamily<YoloEnd2endSpec>({
  family: 'yolo-end2end',
  spec: SPEC,
  input: ULTRALYTICS_INPUT,
  outputNames: (spec) => [spec.output],
  decode: (spec, outputs, _inputSize, batchIndex, minScore) =>
    decodeYoloEnd2end(outputs, spec, batchIndex, minScore),
  classCount: () => undefined,
  recognise({ outputs }) {
    if (outputs.length !== 1) return { ok: false, why: `has ${outputs.length} outputs, not one [B, N, 6]` };
    const [output] = outputs;
    const shape = `${output.name} is ${formatDims(output.dims)}`;
    if (output.dims.length !== 3 || output.dims[2] !== ROW)
      return { ok: false, why: `${shape}, not [B, N, 6]` };
    return {
      ok: true,
      spec: { family: 'yolo-end2end', output: output.name },
      classCount: undefined,
      why: `${shape} = [batch, ${output.dims[1] ?? 'N'} detections, x1 y1 x2 y2 score class]`,
    };
  },
});
