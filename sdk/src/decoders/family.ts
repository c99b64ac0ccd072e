// A model family: how its manifest describes the outputs, how they decode into boxes, how its pictures are
// prepared, and how an imported ONNX graph is recognised as one of its kind. One file per family, listed once
// in ./index.ts.
import type { z } from 'zod';
import type { DecoderSpec, InputSpec } from '../model/spec';
import type { Candidate, OutputTensor } from './candidate';

/** A graph input or output as the ONNX file declares it: sizes, symbolic names, or null for unknown. */
export interface DeclaredTensor {
  name: string;
  dims: (number | string | null)[];
}

/** What an import knows about a graph before running it. */
export interface GraphFacts {
  outputs: DeclaredTensor[];
  /** The square input side baked into the graph; null when H/W are symbolic. */
  inputSize: number | null;
  /** The file's metadata_props (Ultralytics writes names, imgsz, stride, task, …). */
  metadata: Record<string, string>;
}

export type Recognition<Spec extends DecoderSpec> =
  | {
      ok: true;
      spec: Spec;
      /** Class count the declared shapes imply; undefined when they do not say (symbolic, or not encoded). */
      classCount: number | undefined;
      /** One sentence naming the evidence, e.g. "output0 is [1, 84, 8400] = [batch, 4 + 80 classes, anchors]". */
      why: string;
    }
  | { ok: false; why: string };

export interface DetectorFamily<Spec extends DecoderSpec = DecoderSpec> {
  family: string;
  /** The manifest's `decoder` object for this family. */
  spec: z.ZodType<Spec>;
  /** Preprocessing the family's models were trained with (the input name comes from the graph). */
  input: Omit<InputSpec, 'name'>;
  /** Names of the session outputs the decoder reads. */
  outputNames(spec: Spec): string[];
  /** Every (box, class) pair of one batch image scoring at least `minScore`, boxes in model-input pixels. */
  decode(
    spec: Spec,
    outputs: Record<string, OutputTensor>,
    inputSize: number,
    batchIndex: number,
    minScore: number,
  ): Candidate[];
  /** Class count the actual outputs of a run imply; undefined when the layout does not encode it. */
  classCount(spec: Spec, outputs: Record<string, OutputTensor>): number | undefined;
  /** Whether an imported graph has this family's outputs, and the spec that reads them. */
  recognise(graph: GraphFacts): Recognition<Spec>;
}

/** Types a family entry and erases its spec type, so the registry can list families of different specs. */
export function defineFamily<Spec extends DecoderSpec>(family: DetectorFamily<Spec>): DetectorFamily {
  return family as unknown as DetectorFamily;
}

/** "[1, 84, 8400]" for messages, with symbolic dims by name and unknown ones as "?". */
export function formatDims(dims: readonly (number | string | null)[]): string {
  return `[${dims.map((d) => d ?? '?').join(', ')}]`;
}

/** Ultralytics' preprocessing: RGB scaled to 0..1, letterboxed onto grey 114 (its LetterBox default). */
export const ULTRALYTICS_INPUT: Omit<InputSpec, 'name'> = {
  layout: 'NCHW',
  channelOrder: 'RGB',
  mean: [0, 0, 0],
  std: [255, 255, 255],
  resize: 'letterbox',
  padValue: 114,
};
