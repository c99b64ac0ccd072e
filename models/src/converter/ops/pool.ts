// MaxPool. A -Infinity Pad in front folds into the pool's pads (ONNX pools never pick padding).
import { attr } from '../../onnx/attribute';
import { identityPerm, NHWC_IN_NCHW } from '../layout';
import { spatialAxes, windowAttrs, windowInput, windowShape } from './conv';
import { OpConverter, outputName } from './opConverter';

export const maxPool: OpConverter = {
  inferShapes(view) {
    const w = windowAttrs(view.attrs);
    const ksize = view.attrs.ints('ksize');
    const [axisH, axisW] = spatialAxes(w.nhwc);
    return [windowShape(view.inputShapes[0], [ksize[axisH], ksize[axisW]], null, w)];
  },
  convert(ctx) {
    const w = windowAttrs(ctx.attrs);
    const ksize = ctx.attrs.ints('ksize');
    const [axisH, axisW] = spatialAxes(w.nhwc);
    const { value: input, padding } = windowInput(ctx, w, -Infinity);
    const name = outputName(ctx);
    const value = ctx.builder.add1('MaxPool', [input], name, [
      attr.ints('kernel_shape', [ksize[axisH], ksize[axisW]]),
      attr.ints('strides', [w.strides[axisH], w.strides[axisW]]),
      padding,
    ]);
    return [
      { name, dtype: ctx.inputs[0].dtype, rank: 4, perm: w.nhwc ? NHWC_IN_NCHW : identityPerm(4), value },
    ];
  },
};
