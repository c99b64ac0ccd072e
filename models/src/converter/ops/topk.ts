// TopKV2 over the last axis. ONNX returns int64 indices; TF's are int32, so they are cast back for the integer
// arithmetic that usually follows.
import { attr } from '../../onnx/attribute';
import { ONNX_TYPE } from '../graphBuilder';
import { identityPerm } from '../layout';
import { constantValues, OpConverter, outputName, requireConstant } from './opConverter';

export const topK: OpConverter = {
  inferShapes(view) {
    const [k] = constantValues(view, 1, 'k');
    const out = [...view.inputShapes[0].slice(0, -1), k];
    return [out, [...out]];
  },
  convert(ctx) {
    const input = ctx.inputs[0];
    const [k] = requireConstant(ctx, 1, 'k').data;
    const [values, indices] = ctx.builder.add(
      'TopK',
      [ctx.builder.valueIn(input), ctx.builder.int64s(`${ctx.node.name}/k`, [k])],
      [outputName(ctx, 0), `${outputName(ctx, 1)}/int64`],
      [
        attr.int('axis', -1),
        attr.int('largest', 1),
        attr.int('sorted', ctx.attrs.bool('sorted', true) ? 1 : 0),
      ],
    );
    const indices32 = ctx.builder.add1('Cast', [indices], outputName(ctx, 1), [
      attr.int('to', ONNX_TYPE.int32),
    ]);
    const perm = identityPerm(input.rank);
    return [
      { name: outputName(ctx, 0), dtype: input.dtype, rank: input.rank, perm, value: values },
      { name: outputName(ctx, 1), dtype: 'int32', rank: input.rank, perm, value: indices32 },
    ];
  },
};
