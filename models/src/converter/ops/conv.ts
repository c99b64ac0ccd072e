// Conv2D, DepthwiseConv2dNative and their grappler-fused forms (_FusedConv2D, FusedDepthwiseConv2dNative with
// BiasAdd and an activation). TF's NHWC input is read as NCHW through the layout tracker, filters are
// re-laid-out once at conversion time, and a constant Pad right before a VALID conv becomes the conv's pads.
import type { onnx } from 'onnx-proto';
import { attr } from '../../onnx/attribute';
import { ConstTensor, transposeConst } from '../constTensor';
import { identityPerm, NHWC_IN_NCHW, Perm, samePerm } from '../layout';
import { Shape, windowOutput } from '../shapes';
import { TensorRef } from '../tensorRef';
import { TfAttributes } from '../tfjs/attributes';
import { Activation, emitActivation, isActivation } from './activation';
import { OpContext, OpConverter, outputName, requireConstant, ShapeView } from './opConverter';

type Padding = 'SAME' | 'VALID' | 'EXPLICIT';

interface WindowAttrs {
  /** Per TF axis, in data_format order. */
  strides: number[];
  dilations: number[];
  padding: Padding;
  /** begin/end per TF axis for EXPLICIT padding. */
  explicitPads: number[];
  nhwc: boolean;
}

export function windowAttrs(attrs: TfAttributes): WindowAttrs {
  return {
    strides: attrs.ints('strides'),
    dilations: attrs.ints('dilations', [1, 1, 1, 1]),
    padding: attrs.string('padding') as Padding,
    explicitPads: attrs.ints('explicit_paddings', []),
    nhwc: attrs.string('data_format', 'NHWC') === 'NHWC',
  };
}

export function spatialAxes(nhwc: boolean): [number, number] {
  return nhwc ? [1, 2] : [2, 3];
}

/** Output shape of a 2-D window op over `input` with a [kh, kw] kernel and `channels` outputs. */
export function windowShape(
  input: Shape,
  kernel: [number, number],
  channels: number | null,
  w: WindowAttrs,
): Shape {
  const out = [...input];
  spatialAxes(w.nhwc).forEach((axis, i) => {
    const padTotal = w.padding === 'EXPLICIT' ? w.explicitPads[2 * axis] + w.explicitPads[2 * axis + 1] : 0;
    const padding = w.padding === 'SAME' ? 'SAME' : 'VALID';
    out[axis] = windowOutput(input[axis], kernel[i], w.strides[axis], w.dilations[axis], padding, padTotal);
  });
  if (channels !== null) out[w.nhwc ? 3 : 1] = channels;
  return out;
}

/**
 * The NCHW input value and ONNX padding attributes of a window op, taking over a pending constant Pad of
 * `padConstant` (0 for Conv, -Infinity for MaxPool) when the op's own padding allows.
 */
export function windowInput(
  ctx: OpContext,
  w: WindowAttrs,
  padConstant: number,
): { value: string; padding: onnx.AttributeProto } {
  const input = ctx.inputs[0];
  const layout: Perm = w.nhwc ? NHWC_IN_NCHW : identityPerm(4);
  const [axisH, axisW] = spatialAxes(w.nhwc);
  if (w.padding === 'SAME')
    return { value: ctx.builder.valueIn(input, layout), padding: attr.string('auto_pad', 'SAME_UPPER') };
  const own = w.padding === 'EXPLICIT' ? w.explicitPads : new Array<number>(8).fill(0);
  let pads = [own[2 * axisH], own[2 * axisW], own[2 * axisH + 1], own[2 * axisW + 1]];
  const pending = takeablePad(input, layout, padConstant);
  if (pending) pads = pads.map((pad, i) => pad + pending[i]);
  const value = pending ? (input.value as string) : ctx.builder.valueIn(input, layout);
  return { value, padding: attr.ints('pads', pads) };
}

/** ONNX [top, left, bottom, right] of a pending pad that only touches H/W, if the value is held as NCHW. */
function takeablePad(input: TensorRef, layout: Perm, padConstant: number): number[] | undefined {
  const pad = input.pendingPad;
  if (!pad || !samePerm(input.perm, layout) || pad.constant !== padConstant) return undefined;
  const [b0, b1, b2, b3, e0, e1, e2, e3] = pad.pads;
  if (b0 || b1 || e0 || e1) return undefined;
  return [b2, b3, e2, e3];
}

/** ONNX OIHW weights from TF filters: HWIO for Conv2D, HW(in)(multiplier) for depthwise. */
function onnxFilter(filter: ConstTensor, depthwise: boolean): ConstTensor {
  if (!depthwise) return transposeConst(filter, [3, 2, 0, 1]);
  const [kh, kw, channels, multiplier] = filter.shape;
  return { ...transposeConst(filter, [2, 3, 0, 1]), shape: [channels * multiplier, 1, kh, kw] };
}

function fusedParts(ctx: OpContext): { bias?: ConstTensor; activation?: Activation } {
  const fused = ctx.attrs.strings('fused_ops', []);
  if (fused.length === 0) return {};
  const [first, activation, ...rest] = fused;
  if (first !== 'BiasAdd' || rest.length > 0 || (activation !== undefined && !isActivation(activation))) {
    throw new Error(`${ctx.node.name}: fused ops [${fused.join(', ')}] are not supported`);
  }
  return { bias: requireConstant(ctx, 2, 'the fused bias'), activation };
}

function convolution(depthwise: boolean): OpConverter {
  return {
    inferShapes(view: ShapeView) {
      const filter = view.constant(1);
      if (!filter) throw new Error(`${view.node.name}: the filter must be a constant`);
      const [kh, kw, inChannels, outChannels] = filter.shape;
      return [
        windowShape(
          view.inputShapes[0],
          [kh, kw],
          depthwise ? inChannels * outChannels : outChannels,
          windowAttrs(view.attrs),
        ),
      ];
    },
    convert(ctx) {
      const w = windowAttrs(ctx.attrs);
      const filter = requireConstant(ctx, 1, 'the filter');
      const { bias, activation } = fusedParts(ctx);
      const [axisH, axisW] = spatialAxes(w.nhwc);
      const { value, padding } = windowInput(ctx, w, 0);
      const name = outputName(ctx);
      const inputs = [value, ctx.builder.constant(`${name}/weights`, onnxFilter(filter, depthwise))];
      if (bias) inputs.push(ctx.builder.constant(`${name}/bias`, bias));
      const attributes = [
        attr.ints('kernel_shape', filter.shape.slice(0, 2)),
        attr.ints('strides', [w.strides[axisH], w.strides[axisW]]),
        attr.ints('dilations', [w.dilations[axisH], w.dilations[axisW]]),
        attr.int('group', depthwise ? filter.shape[2] : 1),
        padding,
      ];
      const convOut = ctx.builder.add1('Conv', inputs, activation ? `${name}/conv` : name, attributes);
      const convNode = ctx.builder.lastNode();
      const perm = w.nhwc ? NHWC_IN_NCHW : identityPerm(4);
      if (activation) {
        const value = emitActivation(
          ctx.builder,
          activation,
          convOut,
          name,
          ctx.attrs.float('leakyrelu_alpha', 0.2),
        );
        return [{ name, dtype: 'float32', rank: 4, perm, value }];
      }
      const biasFreeConv = bias ? undefined : { node: convNode, tensor: `${ctx.node.name}:0` };
      return [{ name, dtype: 'float32', rank: 4, perm, value: convOut, biasFreeConv }];
    },
  };
}

export const conv2d = convolution(false);
export const depthwiseConv2d = convolution(true);
