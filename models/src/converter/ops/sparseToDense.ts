// SparseToDense only ever appears here over constants (exporters use it to build reshape targets), so it is
// evaluated at conversion time; a data-dependent one has no ONNX translation here.
import { allocate, ConstTensor, sizeOf } from '../constTensor';
import { constantValues, OpConverter } from './opConverter';

export const sparseToDense: OpConverter = {
  inferShapes: (view) => [constantValues(view, 1, 'the output shape')],
  convert(ctx) {
    throw new Error(`${ctx.node.name}: SparseToDense is only supported over constant inputs`);
  },
  fold([indices, outputShape, values, defaultValue]: ConstTensor[]): ConstTensor[] {
    const shape = Array.from(outputShape.data);
    const data = allocate(values.dtype, sizeOf(shape)).fill(defaultValue.data[0]);
    const rank = shape.length;
    const count = indices.shape.length === 0 ? 1 : indices.shape[0];
    const strides = shape.map((_, axis) => sizeOf(shape.slice(axis + 1)));
    for (let n = 0; n < count; n++) {
      const coordinates =
        indices.shape.length <= 1
          ? [indices.data[n]]
          : Array.from(indices.data.subarray(n * rank, (n + 1) * rank));
      const flat = coordinates.reduce((sum, index, axis) => sum + index * strides[axis], 0);
      data[flat] = values.shape.length === 0 ? values.data[0] : values.data[n];
    }
    return [{ dtype: values.dtype, shape, data }];
  },
};
