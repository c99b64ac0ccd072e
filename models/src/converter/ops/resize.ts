// ResizeBilinear as ONNX Resize with scales rather than sizes: TF bakes the output size as a constant for the
// graph's own input size, while the ratio (e.g. x2 in an FPN) holds for any input size, symbolic ones included.
import { attr } from '../../onnx/attribute';
import { NHWC_IN_NCHW } from '../layout';
import { isKnown } from '../shapes';
import { constantValues, OpConverter, outputName } from './opConverter';

function coordinateMode(alignCorners: boolean, halfPixelCenters: boolean): string {
  if (alignCorners) return 'align_corners';
  return halfPixelCenters ? 'half_pixel' : 'asymmetric';
}

export const resizeBilinear: OpConverter = {
  inferShapes(view) {
    const [batch, height, width, channels] = view.inputShapes[0];
    const [outHeight, outWidth] = constantValues(view, 1, 'the output size');
    const original = view.original;
    if (!original) return [[batch, outHeight, outWidth, channels]];
    const [, originalHeight, originalWidth] = original.inputShapes[0] as number[];
    const scaled = (dim: typeof height, size: number, originalSize: number) =>
      isKnown(dim) ? Math.floor((dim * size) / originalSize) : null;
    return [
      [batch, scaled(height, outHeight, originalHeight), scaled(width, outWidth, originalWidth), channels],
    ];
  },
  convert(ctx) {
    const [input] = ctx.inputs;
    const [inShape] = ctx.originalShapes.inputs;
    const [outShape] = ctx.originalShapes.outputs;
    const name = outputName(ctx);
    const scales = Float32Array.of(1, 1, outShape[1] / inShape[1], outShape[2] / inShape[2]);
    const mode = coordinateMode(
      ctx.attrs.bool('align_corners', false),
      ctx.attrs.bool('half_pixel_centers', false),
    );
    const value = ctx.builder.add1(
      'Resize',
      [
        ctx.builder.valueIn(input, NHWC_IN_NCHW),
        '',
        ctx.builder.constant(`${name}/scales`, { dtype: 'float32', shape: [4], data: scales }),
      ],
      name,
      [attr.string('mode', 'linear'), attr.string('coordinate_transformation_mode', mode)],
    );
    return [{ name, dtype: 'float32', rank: 4, perm: NHWC_IN_NCHW, value }];
  },
};
