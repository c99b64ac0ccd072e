// NanoDet's GFL head: per stride, class scores (sigmoid already applied) and, per side, a distribution over
// regMax+1 distance bins whose expected value × stride is the distance from the cell centre to that side.
import { z } from 'zod';
import { NANODET_PREPROCESSING } from './nanodet-input';
import type { Candidate, OutputTensor } from './candidate';
import { defineFamily, formatDims, type DeclaredTensor } from './family';

const SPEC = z.object({
  family: z.literal('nanodet-gfl'),
  /** One head per stride: the class-score output (sigmoid applied) and the box-distribution output. */
  heads: z
    .array(z.object({ stride: z.number().int().positive(), scores: z.string(), boxes: z.string() }))
    .min(1),
  regMax: z.number().int().positive(),
});
export type NanodetGflSpec = z.infer<typeof SPEC>;

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

export const NANODET_GFL = defineFamily<NanodetGflSpec>({
  family: 'nanodet-gfl',
  spec: SPEC,
  input: NANODET_PREPROCESSING,
  outputNames: (spec) => spec.heads.flatMap((h) => [h.scores, h.boxes]),
  decode: (spec, outputs, inputSize, batchIndex, minScore) =>
    decodeNanodetGfl(outputs, spec, inputSize, batchIndex, minScore),
  classCount: (spec, outputs) => outputs[spec.heads[0].scores].dims[2],
  recognise: recogniseHeads,
});

/**
 * Per-stride output pairs [B, N, C] (scores) and [B, N, 4·(regMax+1)] (distributions), N = (size / stride)²:
 * the layout of the repository's own converted NanoDet. Which of a pair is which is read from the names
 * ("score"/"cls" vs "box"/"reg"), as NanoDet's exports name them.
 */
function recogniseHeads({ outputs, inputSize }: { outputs: DeclaredTensor[]; inputSize: number | null }) {
  const fail = (why: string) => ({ ok: false as const, why });
  if (outputs.length < 2 || outputs.length % 2 !== 0)
    return fail(`has ${outputs.length} outputs, not pairs of per-stride scores and box distributions`);
  if (inputSize === null) return fail("needs an input of fixed size to find each head's stride");
  const isScores = (t: DeclaredTensor) => /score|cls|conf/i.test(t.name);
  const isBoxes = (t: DeclaredTensor) => /box|reg|dis/i.test(t.name);
  const scores = outputs.filter(isScores);
  const boxes = outputs.filter((t) => isBoxes(t) && !isScores(t));
  if (scores.length !== boxes.length || scores.length * 2 !== outputs.length)
    return fail('output names do not pair up as scores (score/cls) and boxes (box/reg)');
  const heads: NanodetGflSpec['heads'] = [];
  let classes: number | undefined;
  let bins: number | undefined;
  for (const score of scores) {
    const [, cells, c] = score.dims;
    const box = boxes.find((b) => b.dims[1] === cells);
    const stride = typeof cells === 'number' ? inputSize / Math.sqrt(cells) : NaN;
    if (score.dims.length !== 3 || !box || typeof c !== 'number' || !Number.isInteger(stride))
      return fail(
        `${score.name} is ${formatDims(score.dims)}: no [B, (size/stride)², C] head with a matching box output`,
      );
    const b = box.dims[2];
    if (
      typeof b !== 'number' ||
      b % 4 !== 0 ||
      (bins !== undefined && b / 4 !== bins) ||
      (classes !== undefined && c !== classes)
    )
      return fail(`${box.name} is ${formatDims(box.dims)}: heads disagree or it is not 4 sides × bins`);
    classes = c;
    bins = b / 4;
    heads.push({ stride, scores: score.name, boxes: box.name });
  }
  heads.sort((a, b) => a.stride - b.stride);
  const strides = heads.map((h) => h.stride).join(', ');
  return {
    ok: true as const,
    spec: { family: 'nanodet-gfl' as const, heads, regMax: (bins as number) - 1 },
    classCount: classes,
    why: `${heads.length} head pairs at strides ${strides} of ${classes} class scores and 4 × ${bins} distance bins (GFL)`,
  };
}
