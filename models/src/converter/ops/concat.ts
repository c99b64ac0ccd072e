// ConcatV2 in whichever layout most inputs are already held in, so concatenating NCHW-held NHWC tensors
// along TF's channel axis becomes an ONNX Concat on axis 1 with no Transposes.
import { attr } from '../../onnx/attribute';
import { Perm } from '../layout';
import { mapKnown, normalizeAxis } from '../shapes';
import { TensorRef } from '../tensorRef';
import { constantValues, OpConverter, outputName, requireConstant } from './opConverter';

function mostCommonPerm(tensors: TensorRef[]): Perm {
  const counts = new Map<string, { perm: Perm; count: number }>();
  for (const { perm } of tensors) {
    const entry = counts.get(perm.join(',')) ?? { perm, count: 0 };
    entry.count++;
    counts.set(perm.join(','), entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0].perm;
}

export const concat: OpConverter = {
  inferShapes(view) {
    const shapes = view.inputShapes.slice(0, -1);
    const axis = normalizeAxis(constantValues(view, shapes.length, 'the axis')[0], shapes[0].length);
    const out = [...shapes[0]];
    out[axis] = mapKnown(
      shapes.map((shape) => shape[axis]),
      (...sizes) => sizes.reduce((a, b) => a + b, 0),
    );
    return [out];
  },
  convert(ctx) {
    const parts = ctx.inputs.slice(0, -1);
    const rank = parts[0].rank;
    const axis = normalizeAxis(requireConstant(ctx, parts.length, 'the axis').data[0], rank);
    const tensors = parts.filter((part) => !part.constant);
    const perm = tensors.length > 0 ? mostCommonPerm(tensors) : parts[0].perm;
    const values = parts.map((part) => ctx.builder.valueIn(part, perm));
    const name = outputName(ctx);
    const value = ctx.builder.add1('Concat', values, name, [attr.int('axis', perm[axis])]);
    return [{ name, dtype: parts[0].dtype, rank, perm, value }];
  },
};
