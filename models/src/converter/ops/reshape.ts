// Reshape and ExpandDims work on the TF layout, so the input is first brought back to it. A reshape target is
// a constant baked for the graph's own batch; when the batch is symbolic, a leading target dim equal to that
// batch becomes ONNX's 0 ("copy this dim"), and targets that fold the batch into other dims are refused.
import { identityPerm } from '../layout';
import { Dim, isKnown, normalizeAxis, Shape } from '../shapes';
import {
  constantValues,
  OpContext,
  OpConverter,
  outputName,
  requireConstant,
  ShapeView,
} from './opConverter';

/** Whether the leading target dim stands for a batch that is symbolic in the converted graph. */
function copiesBatch(target: readonly number[], input: Shape, originalInput: Shape | undefined): boolean {
  return (
    originalInput !== undefined && !isKnown(input[0]) && target.length > 0 && target[0] === originalInput[0]
  );
}

function reshapeShape(view: ShapeView): Shape[] {
  const input = view.inputShapes[0];
  const target = constantValues(view, 1, 'the target shape');
  const copied = copiesBatch(target, input, view.original?.inputShapes[0]);
  const out: Shape = target.map((dim, axis): Dim => (copied && axis === 0 ? input[0] : dim));
  const free = out.indexOf(-1);
  if (free >= 0) {
    const inputRest = copied ? input.slice(1) : input;
    const outRest = (copied ? out.slice(1) : out).filter((dim) => dim !== -1);
    const known = [...inputRest, ...outRest].every(isKnown);
    const inputCount = (inputRest as number[]).reduce((a, b) => a * b, 1);
    out[free] = known ? inputCount / (outRest as number[]).reduce((a, b) => a * b, 1) : null;
  }
  return [out];
}

function onnxTarget(ctx: OpContext, target: number[]): number[] {
  const input = ctx.convertedShapes.inputs[0];
  const copied = copiesBatch(target, input, ctx.originalShapes.inputs[0]);
  const refuse = (why: string) =>
    new Error(`${ctx.node.name}: reshape target [${target}] ${why} (input dims [${input}])`);
  if (input.length > 0 && !isKnown(input[0]) && !copied)
    throw refuse('folds the symbolic batch into other dims');
  if (input.slice(1).some((dim) => !isKnown(dim)) && !target.includes(-1))
    throw refuse('fixes dims that are symbolic');
  return copied ? [0, ...target.slice(1)] : target;
}

export const reshape: OpConverter = {
  inferShapes: reshapeShape,
  convert(ctx) {
    const input = ctx.inputs[0];
    const target = onnxTarget(ctx, Array.from(requireConstant(ctx, 1, 'the target shape').data));
    const name = outputName(ctx);
    const value = ctx.builder.add1(
      'Reshape',
      [ctx.builder.valueIn(input), ctx.builder.int64s(`${name}/shape`, target)],
      name,
    );
    return [{ name, dtype: input.dtype, rank: target.length, perm: identityPerm(target.length), value }];
  },
};

export const expandDims: OpConverter = {
  inferShapes(view) {
    const input = view.inputShapes[0];
    const axis = normalizeAxis(constantValues(view, 1, 'the axis')[0], input.length + 1);
    return [[...input.slice(0, axis), 1, ...input.slice(axis)]];
  },
  convert(ctx) {
    const input = ctx.inputs[0];
    const axis = normalizeAxis(requireConstant(ctx, 1, 'the axis').data[0], input.rank + 1);
    const name = outputName(ctx);
    const value = ctx.builder.add1(
      'Unsqueeze',
      [ctx.builder.valueIn(input), ctx.builder.int64s(`${name}/axes`, [axis])],
      name,
    );
    return [{ name, dtype: input.dtype, rank: input.rank + 1, perm: identityPerm(input.rank + 1), value }];
  },
};
