// Element-wise ops. They keep whatever layout their input is held in, so chains of them never force a
// Transpose; binary ops bring both operands to one layout (constants are written directly in it).
import { attr } from '../../onnx/attribute';
import { broadcastBinary, ConstTensor, ElementType } from '../constTensor';
import { ONNX_TYPE } from '../graphBuilder';
import { identityPerm, Perm } from '../layout';
import { broadcastDims } from '../shapes';
import { TensorRef } from '../tensorRef';
import { emitActivation, isActivation } from './activation';
import { OpContext, OpConverter, outputName, ShapeView } from './opConverter';

const sameShape = (view: ShapeView) => [view.inputShapes[0]];

const broadcastShape = (view: ShapeView) => [broadcastDims(view.inputShapes[0], view.inputShapes[1])];

function unaryResult(ctx: OpContext, value: string, dtype: ElementType = ctx.inputs[0].dtype): TensorRef[] {
  const input = ctx.inputs[0];
  return [{ name: outputName(ctx), dtype, rank: input.rank, perm: input.perm, value }];
}

export const identity: OpConverter = {
  inferShapes: sameShape,
  convert: (ctx) => [ctx.inputs[0]],
  fold: ([input]) => [input],
};

/** Relu, Relu6, LeakyRelu, Sigmoid, Elu. */
export const activation: OpConverter = {
  inferShapes: sameShape,
  convert(ctx) {
    const input = ctx.inputs[0];
    const op = ctx.node.op;
    if (!isActivation(op)) throw new Error(`${op} is not an activation`);
    const value = ctx.builder.valueIn(input, input.perm);
    return unaryResult(
      ctx,
      emitActivation(ctx.builder, op, value, outputName(ctx), ctx.attrs.float('alpha', 0.2)),
    );
  },
};

export const cast: OpConverter = {
  inferShapes: sameShape,
  convert(ctx) {
    const input = ctx.inputs[0];
    const to = ctx.attrs.elementType('DstT');
    const value = ctx.builder.add1('Cast', [ctx.builder.valueIn(input, input.perm)], outputName(ctx), [
      attr.int('to', ONNX_TYPE[to]),
    ]);
    return unaryResult(ctx, value, to);
  },
};

/** Both operands as ONNX values in one layout: the layout of a full-rank non-constant operand if any. */
function alignOperands(ctx: OpContext): { values: string[]; perm: Perm; rank: number } {
  const rank = Math.max(...ctx.inputs.map((input) => input.rank));
  const tensors = ctx.inputs.filter((input) => !input.constant);
  const perm =
    tensors.length > 0 && tensors.every((t) => t.rank === rank) ? tensors[0].perm : identityPerm(rank);
  const values = ctx.inputs.map((input) =>
    input.constant
      ? ctx.builder.broadcastConstant(input.name, input.constant, rank, perm)
      : ctx.builder.valueIn(input, input.rank === rank ? perm : identityPerm(input.rank)),
  );
  return { values, perm, rank };
}

function binary(
  onnxOp: string,
  resultType?: ElementType,
  fold?: (x: number, y: number) => number,
): OpConverter {
  return {
    inferShapes: broadcastShape,
    convert(ctx) {
      const { values, perm, rank } = alignOperands(ctx);
      const value = ctx.builder.add1(onnxOp, values, outputName(ctx));
      return [{ name: outputName(ctx), dtype: resultType ?? ctx.inputs[0].dtype, rank, perm, value }];
    },
    fold: fold && (([a, b]: ConstTensor[]) => [broadcastBinary(a, b, fold)]),
  };
}

/**
 * Add whose other operand is a per-channel constant right after a Conv: the constant becomes the Conv's bias
 * (the common Conv2D + Add pattern of exported graphs) instead of a separate node.
 */
function foldBiasIntoConv(ctx: OpContext): TensorRef | undefined {
  for (const [convIndex, biasIndex] of [
    [0, 1],
    [1, 0],
  ]) {
    const conv = ctx.inputs[convIndex];
    const bias = ctx.inputs[biasIndex].constant;
    const free = conv.biasFreeConv;
    if (!free || !bias || free.tensor !== ctx.inputNames[convIndex] || ctx.consumerCount(free.tensor) !== 1)
      continue;
    const channelAxis = conv.perm.indexOf(1);
    const channels = ctx.originalShapes.inputs[convIndex][channelAxis];
    const padded = [...new Array<number>(conv.rank - bias.shape.length).fill(1), ...bias.shape];
    const perChannel =
      padded.length === conv.rank &&
      padded.every((dim, axis) => (axis === channelAxis ? dim === channels : dim === 1));
    if (!perChannel || bias.dtype !== 'float32') continue;
    free.node.input.push(
      ctx.builder.constant(`${free.node.name}/bias`, {
        dtype: 'float32',
        shape: [channels],
        data: bias.data,
      }),
    );
    return { ...conv, name: outputName(ctx), biasFreeConv: undefined };
  }
  return undefined;
}

const plainAdd = binary('Add', undefined, (x, y) => x + y);

export const add: OpConverter = {
  ...plainAdd,
  convert: (ctx) => {
    const folded = foldBiasIntoConv(ctx);
    return folded ? [folded] : plainAdd.convert(ctx);
  },
};
export const sub = binary('Sub', undefined, (x, y) => x - y);
export const mul = binary('Mul', undefined, (x, y) => x * y);
export const equal = binary('Equal', 'bool');

function requireIntegers(ctx: OpContext): void {
  if (ctx.inputs.some((input) => input.dtype !== 'int32')) {
    throw new Error(`${ctx.node.name} (${ctx.node.op}): only integer operands are supported`);
  }
}

/** Integer floor division; ONNX Div truncates, so divide the exact multiple a - floormod(a, b) instead. */
export const floorDiv: OpConverter = {
  inferShapes: broadcastShape,
  convert(ctx) {
    requireIntegers(ctx);
    const { values, perm, rank } = alignOperands(ctx);
    const name = outputName(ctx);
    const remainder = ctx.builder.add1('Mod', values, `${name}/mod`, [attr.int('fmod', 0)]);
    const multiple = ctx.builder.add1('Sub', [values[0], remainder], `${name}/multiple`);
    const value = ctx.builder.add1('Div', [multiple, values[1]], name);
    return [{ name, dtype: 'int32', rank, perm, value }];
  },
};

/** Integer modulo with the sign of the divisor (ONNX Mod with fmod=0 matches TF FloorMod). */
export const floorMod: OpConverter = {
  inferShapes: broadcastShape,
  convert(ctx) {
    requireIntegers(ctx);
    const { values, perm, rank } = alignOperands(ctx);
    const value = ctx.builder.add1('Mod', values, outputName(ctx), [attr.int('fmod', 0)]);
    return [{ name: outputName(ctx), dtype: 'int32', rank, perm, value }];
  },
};
