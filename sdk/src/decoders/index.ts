// The decoder registry: every model family the server can run. A new family is one file (./family.ts says
// what it provides) and one line here.
import type { DecoderSpec } from '../model/spec';
import type { Candidate, OutputTensor } from './candidate';
import type { DetectorFamily } from './family';
import { NANODET_GFL } from './nanodet-gfl';
import { YOLO_END2END } from './yolo-end2end';
import { YOLOV8 } from './yolov8';

export type { Candidate, OutputTensor } from './candidate';
export type { DetectorFamily, GraphFacts } from './family';

export const FAMILIES: readonly DetectorFamily[] = [NANODET_GFL, YOLOV8, YOLO_END2END];

export const FAMILY_NAMES = FAMILIES.map((f) => f.family);

export function findFamily(name: string): DetectorFamily | undefined {
  return FAMILIES.find((f) => f.family === name);
}

/** Decoders already checked: every batch asks, and a manifest's decoder does not change once loaded. */
const checked = new WeakMap<DecoderSpec, DetectorFamily>();

/** The family of a manifest's decoder, after checking the decoder's fields against the family's schema. */
export function familyOf(spec: DecoderSpec): DetectorFamily {
  const known = checked.get(spec);
  if (known) return known;
  const family = findFamily(spec.family);
  if (!family) throw new Error(`Unknown model family "${spec.family}" (known: ${FAMILY_NAMES.join(', ')})`);
  const parsed = family.spec.safeParse(spec);
  if (!parsed.success)
    throw new Error(`Decoder of family ${spec.family} is invalid: ${parsed.error.message}`);
  checked.set(spec, family);
  return family;
}

/** Names of the session outputs a decoder reads. */
export function decoderOutputNames(spec: DecoderSpec): string[] {
  return familyOf(spec).outputNames(spec);
}

/** Every (box, class) pair of one batch image scoring at least `minScore`, boxes in model-input pixels. */
export function decodeCandidates(
  spec: DecoderSpec,
  outputs: Record<string, OutputTensor>,
  inputSize: number,
  batchIndex: number,
  minScore: number,
): Candidate[] {
  return familyOf(spec).decode(spec, outputs, inputSize, batchIndex, minScore);
}
