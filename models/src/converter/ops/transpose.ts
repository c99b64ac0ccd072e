// Transpose only changes how the tensor's existing ONNX value is read; no node is emitted.
import { afterTfTranspose } from '../layout';
import { transposeConst } from '../constTensor';
import { constantValues, OpConverter, outputName, requireConstant } from './opConverter';

export const transpose: OpConverter = {
  inferShapes(view) {
    const axes = constantValues(view, 1, 'the permutation');
    return [axes.map((axis) => view.inputShapes[0][axis])];
  },
  convert(ctx) {
    const input = ctx.inputs[0];
    const axes = Array.from(requireConstant(ctx, 1, 'the permutation').data);
    return [
      { ...input, name: outputName(ctx), perm: afterTfTranspose(input.perm, axes), biasFreeConv: undefined },
    ];
  },
  fold: ([input, axes]) => [transposeConst(input, Array.from(axes.data))],
};
