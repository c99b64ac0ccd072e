// Activations, shared by the stand-alone TF ops and the ones fused into _FusedConv2D.
import { attr } from '../../onnx/attribute';
import { OnnxGraphBuilder } from '../graphBuilder';

export const ACTIVATIONS = ['Relu', 'Relu6', 'LeakyRelu', 'Sigmoid', 'Elu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export function isActivation(op: string): op is Activation {
  return (ACTIVATIONS as readonly string[]).includes(op);
}

export function emitActivation(
  builder: OnnxGraphBuilder,
  activation: Activation,
  input: string,
  output: string,
  alpha: number,
): string {
  switch (activation) {
    case 'Relu6':
      return builder.add1(
        'Clip',
        [input, builder.scalar(`${output}/min`, 0, 'float32'), builder.scalar(`${output}/max`, 6, 'float32')],
        output,
      );
    case 'LeakyRelu':
      return builder.add1('LeakyRelu', [input], output, [attr.float('alpha', alpha)]);
    default:
      return builder.add1(activation, [input], output);
  }
}
