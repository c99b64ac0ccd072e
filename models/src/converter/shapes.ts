// Static shapes during conversion. A dim is a size, the name of a symbolic input dim carried through unchanged
// (e.g. "batch"), or null when it depends on symbolic dims in a way not tracked.

export type Dim = number | string | null;
export type Shape = Dim[];

export function isKnown(dim: Dim): dim is number {
  return typeof dim === 'number';
}

/** Applies `f` when every dim is a size; otherwise the result is unknown. */
export function mapKnown(dims: readonly Dim[], f: (...sizes: number[]) => number): Dim {
  return dims.every(isKnown) ? f(...dims) : null;
}

export function normalizeAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

/** Numpy broadcasting of static shapes; unequal symbolic dims become unknown. */
export function broadcastDims(a: Shape, b: Shape): Shape {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, i) => {
    const da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
    const db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
    if (da === 1) return db;
    if (db === 1 || da === db) return da;
    return null;
  });
}

/** Output size of a sliding window (conv, pool) along one axis, TF semantics. */
export function windowOutput(
  input: Dim,
  kernel: number,
  stride: number,
  dilation: number,
  padding: 'SAME' | 'VALID',
  padTotal = 0,
): Dim {
  if (!isKnown(input)) return null;
  if (padding === 'SAME') return Math.ceil(input / stride);
  return Math.floor((input + padTotal - (kernel - 1) * dilation - 1) / stride) + 1;
}
