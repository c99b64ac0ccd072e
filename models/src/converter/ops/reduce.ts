// Mean over constant axes, in the layout the input is held in (a squeeze-excite's spatial mean of an NCHW-held
// tensor reduces ONNX axes 2 and 3 directly).
import { attr } from '../../onnx/attribute';
import { withoutAxes } from '../layout';
import { normalizeAxis } from '../shapes';
import { constantValues, OpConverter, outputName, requireConstant } from './opConverter';

export const mean: OpConverter = {
  inferShapes(view) {
    const input = view.inputShapes[0];
    const axes = constantValues(view, 1, 'the axes').map((axis) => normalizeAxis(axis, input.length));
    const keepDims = view.attrs.bool('keep_dims', false);
    return [
      keepDims
        ? input.map((dim, axis) => (axes.includes(axis) ? 1 : dim))
        : input.filter((_, axis) => !axes.includes(axis)),
    ];
  },
  convert(ctx) {
    const input = ctx.inputs[0];
    const axes = Array.from(requireConstant(ctx, 1, 'the axes').data, (axis) =>
      normalizeAxis(axis, input.rank),
    );
    const keepDims = ctx.attrs.bool('keep_dims', false);
    const name = outputName(ctx);
    const value = ctx.builder.add1('ReduceMean', [ctx.builder.valueIn(input, input.perm)], name, [
      attr.ints(
        'axes',
        axes.map((axis) => input.perm[axis]),
      ),
      attr.int('keepdims', keepDims ? 1 : 0),
    ]);
    const perm = keepDims ? input.perm : withoutAxes(input.perm, axes);
    return [{ name, dtype: input.dtype, rank: perm.length, perm, value }];
  },
};
