// SplitV along one axis, in the layout the input is held in.
import { attr } from '../../onnx/attribute';
import { isKnown, normalizeAxis, Shape } from '../shapes';
import { constantValues, OpConverter, outputName, requireConstant } from './opConverter';

/** Split sizes with the one -1 resolved against the axis size. */
function resolveSizes(sizes: number[], axisSize: number): number[] {
  const known = sizes.filter((size) => size >= 0).reduce((a, b) => a + b, 0);
  return sizes.map((size) => (size < 0 ? axisSize - known : size));
}

export const splitV: OpConverter = {
  inferShapes(view) {
    const input = view.inputShapes[0];
    const sizes = constantValues(view, 1, 'the split sizes');
    const axis = normalizeAxis(constantValues(view, 2, 'the axis')[0], input.length);
    const axisSize = input[axis];
    return sizes.map((size): Shape => {
      const out = [...input];
      out[axis] =
        size >= 0 ? size : isKnown(axisSize) ? resolveSizes(sizes, axisSize)[sizes.indexOf(size)] : null;
      return out;
    });
  },
  convert(ctx) {
    const input = ctx.inputs[0];
    const axis = normalizeAxis(requireConstant(ctx, 2, 'the axis').data[0], input.rank);
    const originalSize = ctx.originalShapes.inputs[0][axis];
    if (ctx.convertedShapes.inputs[0][axis] !== originalSize) {
      throw new Error(`${ctx.node.name}: splitting along an axis whose size changes is not supported`);
    }
    const sizes = resolveSizes(Array.from(requireConstant(ctx, 1, 'the split sizes').data), originalSize);
    const outputs = sizes.map((_, i) => outputName(ctx, i));
    const values = ctx.builder.add(
      'Split',
      [ctx.builder.valueIn(input, input.perm), ctx.builder.int64s(`${ctx.node.name}/sizes`, sizes)],
      outputs,
      [attr.int('axis', input.perm[axis])],
    );
    return values.map((value, i) => ({
      name: outputs[i],
      dtype: input.dtype,
      rank: input.rank,
      perm: input.perm,
      value,
    }));
  },
};
