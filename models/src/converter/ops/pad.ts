// Pad / PadV2 with constant paddings. Nothing is emitted here: the pad is recorded on the tensor (in the ONNX
// axis order of its value) and a Conv/MaxPool reading it takes it as its own pads; any other reader gets a Pad.
import { Dim, mapKnown } from '../shapes';
import { constantValues, OpConverter, outputName, requireConstant } from './opConverter';

export const pad: OpConverter = {
  inferShapes(view) {
    const pads = constantValues(view, 1, 'the paddings');
    const padded = (dim: Dim, axis: number) => {
      const total = pads[2 * axis] + pads[2 * axis + 1];
      return total === 0 ? dim : mapKnown([dim], (size) => size + total);
    };
    return [view.inputShapes[0].map(padded)];
  },
  convert(ctx) {
    const input = ctx.inputs[0];
    const tfPads = Array.from(requireConstant(ctx, 1, 'the paddings').data);
    const constant = ctx.inputs[2] ? requireConstant(ctx, 2, 'the pad value').data[0] : 0;
    // Start from the value as held, with any earlier pending pad applied, so pads compose correctly.
    const value = ctx.builder.valueIn(input, input.perm);
    const begins = new Array<number>(input.rank).fill(0);
    const ends = new Array<number>(input.rank).fill(0);
    input.perm.forEach((onnxAxis, tfAxis) => {
      begins[onnxAxis] = tfPads[2 * tfAxis];
      ends[onnxAxis] = tfPads[2 * tfAxis + 1];
    });
    return [
      {
        name: outputName(ctx),
        dtype: input.dtype,
        rank: input.rank,
        perm: input.perm,
        value,
        pendingPad: { pads: [...begins, ...ends], constant },
      },
    ];
  },
};
