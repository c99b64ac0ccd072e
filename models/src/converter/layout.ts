// Permutation algebra for deferred transposes. A TF tensor T is held as an ONNX value V with a permutation
// `perm` such that T = numpy.transpose(V, perm): TF axis i is ONNX axis perm[i]. Identity means "no pending
// transpose"; layout shuffles in the TF graph only change `perm`, and a Transpose node is emitted only where a
// consumer needs a particular layout (a Conv wants NCHW) and the value is not already held that way.

export type Perm = readonly number[];

/** A TF NHWC tensor whose ONNX value is NCHW. */
export const NHWC_IN_NCHW: Perm = [0, 2, 3, 1];

export function identityPerm(rank: number): number[] {
  return Array.from({ length: rank }, (_, i) => i);
}

export function isIdentity(perm: Perm): boolean {
  return perm.every((axis, i) => axis === i);
}

export function samePerm(a: Perm, b: Perm): boolean {
  return a.length === b.length && a.every((axis, i) => axis === b[i]);
}

export function invertPerm(perm: Perm): number[] {
  const inverse = new Array<number>(perm.length);
  perm.forEach((axis, i) => (inverse[axis] = i));
  return inverse;
}

/** The perm after a TF Transpose(tfAxes) of a tensor held with `perm`. */
export function afterTfTranspose(perm: Perm, tfAxes: Perm): number[] {
  return tfAxes.map((axis) => perm[axis]);
}

/** ONNX Transpose `perm` attribute that turns a value held with `from` into one held with `to`. */
export function transposeBetween(from: Perm, to: Perm): number[] {
  return invertPerm(to).map((tfAxis) => from[tfAxis]);
}

/** The perm left after removing TF axes `dropped` from a tensor held with `perm` (ONNX axes renumbered). */
export function withoutAxes(perm: Perm, dropped: readonly number[]): number[] {
  const keptOnnxAxes = perm.filter((_, tfAxis) => !dropped.includes(tfAxis));
  const sorted = [...keptOnnxAxes].sort((a, b) => a - b);
  return keptOnnxAxes.map((axis) => sorted.indexOf(axis));
}
