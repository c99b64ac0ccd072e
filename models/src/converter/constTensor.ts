// Constant values known at conversion time, in TF layout (weights, folded shape arithmetic).

export type ElementType = 'float32' | 'int32' | 'bool';

export type ConstData = Float32Array | Int32Array | Uint8Array;

export interface ConstTensor {
  dtype: ElementType;
  shape: number[];
  data: ConstData;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

export function allocate(dtype: ElementType, length: number): ConstData {
  if (dtype === 'float32') return new Float32Array(length);
  if (dtype === 'int32') return new Int32Array(length);
  return new Uint8Array(length);
}

/** numpy.transpose(tensor, axes): output dim i is input dim axes[i]. */
export function transposeConst(tensor: ConstTensor, axes: readonly number[]): ConstTensor {
  const { shape, data } = tensor;
  const outShape = axes.map((axis) => shape[axis]);
  const out = allocate(tensor.dtype, data.length);
  const inStrides = stridesOf(shape);
  const outStrides = stridesOf(outShape);
  for (let o = 0; o < data.length; o++) {
    let rest = o;
    let source = 0;
    for (let d = 0; d < outShape.length; d++) {
      const index = Math.floor(rest / outStrides[d]);
      rest -= index * outStrides[d];
      source += index * inStrides[axes[d]];
    }
    out[o] = data[source];
  }
  return { dtype: tensor.dtype, shape: outShape, data: out };
}

/** Same data with leading 1-dims added up to `rank` (numpy broadcasting aligns shapes on the right). */
export function withRank(tensor: ConstTensor, rank: number): ConstTensor {
  const missing = rank - tensor.shape.length;
  return missing <= 0
    ? tensor
    : { ...tensor, shape: [...new Array<number>(missing).fill(1), ...tensor.shape] };
}

export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) throw new Error(`shapes [${a}] and [${b}] do not broadcast`);
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** Element-wise op with numpy broadcasting; the result has the first operand's dtype. */
export function broadcastBinary(
  a: ConstTensor,
  b: ConstTensor,
  op: (x: number, y: number) => number,
): ConstTensor {
  const shape = broadcastShapes(a.shape, b.shape);
  const out = allocate(a.dtype, sizeOf(shape));
  const indexA = broadcastIndexer(a.shape, shape);
  const indexB = broadcastIndexer(b.shape, shape);
  for (let i = 0; i < out.length; i++) out[i] = op(a.data[indexA(i)], b.data[indexB(i)]);
  return { dtype: a.dtype, shape, data: out };
}

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = stride;
    stride *= shape[d];
  }
  return strides;
}

/** Maps a flat index in `outShape` to the flat index of the (broadcast) element of `shape`. */
function broadcastIndexer(shape: readonly number[], outShape: readonly number[]): (i: number) => number {
  const padded = [...new Array<number>(outShape.length - shape.length).fill(1), ...shape];
  const inStrides = stridesOf(padded);
  const outStrides = stridesOf(outShape);
  return (i) => {
    let rest = i;
    let source = 0;
    for (let d = 0; d < outShape.length; d++) {
      const index = Math.floor(rest / outStrides[d]);
      rest -= index * outStrides[d];
      if (padded[d] !== 1) source += index * inStrides[d];
    }
    return source;
  };
}
