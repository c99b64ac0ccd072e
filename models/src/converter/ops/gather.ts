import { attr } from '../../onnx/attribute';
import { identityPerm } from '../layout';
import { normalizeAxis } from '../shapes';
import { constantValues, OpConverter, outputName, requireConstant } from './opConverter';

export const gatherV2: OpConverter = {
  inferShapes(view) {
    const [params, indices] = view.inputShapes;
    const axis = normalizeAxis(constantValues(view, 2, 'the axis')[0], params.length);
    return [[...params.slice(0, axis), ...indices, ...params.slice(axis + 1)]];
  },
  convert(ctx) {
    if (ctx.attrs.int('batch_dims', 0) !== 0)
      throw new Error(`${ctx.node.name}: GatherV2 with batch_dims is not supported`);
    const [params, indices] = ctx.inputs;
    const axis = normalizeAxis(requireConstant(ctx, 2, 'the axis').data[0], params.rank);
    const name = outputName(ctx);
    const value = ctx.builder.add1(
      'Gather',
      [ctx.builder.valueIn(params), ctx.builder.valueIn(indices)],
      name,
      [attr.int('axis', axis)],
    );
    const rank = params.rank - 1 + indices.rank;
    return [{ name, dtype: params.dtype, rank, perm: identityPerm(rank), value }];
  },
};
