// StridedSlice with begin/end/shrink masks as ONNX Slice (+ Squeeze for shrunk axes), on the TF layout.
import { identityPerm } from '../layout';
import { mapKnown, Shape } from '../shapes';
import { TfAttributes } from '../tfjs/attributes';
import { ConstTensor } from '../constTensor';
import { OpConverter, outputName, requireConstant, ShapeView } from './opConverter';

const EDGE = Number.MAX_SAFE_INTEGER; // ONNX Slice clamps out-of-range bounds to the axis

interface AxisSlice {
  axis: number;
  start: number;
  end: number;
  step: number;
  shrink: boolean;
}

function axisSlices(
  attrs: TfAttributes,
  begin: ConstTensor,
  end: ConstTensor,
  strides: ConstTensor,
  name: string,
): AxisSlice[] {
  if (attrs.int('ellipsis_mask', 0) || attrs.int('new_axis_mask', 0)) {
    throw new Error(`${name}: StridedSlice with ellipsis or new-axis masks is not supported`);
  }
  const beginMask = attrs.int('begin_mask', 0);
  const endMask = attrs.int('end_mask', 0);
  const shrinkMask = attrs.int('shrink_axis_mask', 0);
  return Array.from(begin.data, (b, axis) => {
    const step = strides.data[axis];
    const bit = 1 << axis;
    const shrink = (shrinkMask & bit) !== 0;
    const start = beginMask & bit ? (step > 0 ? 0 : EDGE) : b;
    const stop = shrink
      ? b === -1
        ? EDGE
        : b + 1
      : endMask & bit
        ? step > 0
          ? EDGE
          : -EDGE
        : end.data[axis];
    return { axis, start, end: stop, step, shrink };
  });
}

/** Python slice length of [start:end:step] over an axis of `size`. */
function sliceLength(size: number, { start, end, step }: AxisSlice): number {
  const clampIndex = (index: number, low: number, high: number) =>
    Math.min(Math.max(index < 0 ? index + size : index, low), high);
  if (step > 0) return Math.max(0, Math.ceil((clampIndex(end, 0, size) - clampIndex(start, 0, size)) / step));
  return Math.max(0, Math.ceil((clampIndex(start, -1, size - 1) - clampIndex(end, -1, size - 1)) / -step));
}

function constantInputs(view: ShapeView): [ConstTensor, ConstTensor, ConstTensor] {
  const [begin, end, strides] = [1, 2, 3].map((i) => view.constant(i));
  if (!begin || !end || !strides) throw new Error(`${view.node.name}: slice bounds must be constants`);
  return [begin, end, strides];
}

export const stridedSlice: OpConverter = {
  inferShapes(view) {
    const input = view.inputShapes[0];
    const slices = axisSlices(view.attrs, ...constantInputs(view), view.node.name);
    const out: Shape = input.map((dim, axis) =>
      slices[axis] ? mapKnown([dim], (size) => sliceLength(size, slices[axis])) : dim,
    );
    return [out.filter((_, axis) => !slices[axis]?.shrink)];
  },
  convert(ctx) {
    const input = ctx.inputs[0];
    const [begin, end, strides] = [1, 2, 3].map((i) => requireConstant(ctx, i, 'slice bounds'));
    const slices = axisSlices(ctx.attrs, begin, end, strides, ctx.node.name);
    const name = outputName(ctx);
    const shrunk = slices.filter((s) => s.shrink).map((s) => s.axis);
    const b = ctx.builder;
    const sliced = b.add1(
      'Slice',
      [
        b.valueIn(input),
        b.int64s(
          `${name}/starts`,
          slices.map((s) => s.start),
        ),
        b.int64s(
          `${name}/ends`,
          slices.map((s) => s.end),
        ),
        b.int64s(
          `${name}/axes`,
          slices.map((s) => s.axis),
        ),
        b.int64s(
          `${name}/steps`,
          slices.map((s) => s.step),
        ),
      ],
      shrunk.length ? `${name}/sliced` : name,
    );
    const value = shrunk.length
      ? b.add1('Squeeze', [sliced, b.int64s(`${name}/squeezed`, shrunk)], name)
      : sliced;
    const rank = input.rank - shrunk.length;
    return [{ name, dtype: input.dtype, rank, perm: identityPerm(rank), value }];
  },
};
