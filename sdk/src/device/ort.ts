// The part of ONNX Runtime's JavaScript API the device detector uses. onnxruntime-web (browsers, Node) and
// onnxruntime-react-native share it, so an app passes whichever it ships and the SDK imports neither;
// onnxruntime-node's tensors fit it too (the server's Detector reads its outputs through asOutputTensor).
import type { OutputTensor } from '../decoders';

export interface OrtTensor {
  readonly type: string;
  readonly data: unknown;
  readonly dims: readonly number[];
}

export interface OrtSession {
  run(feeds: Record<string, OrtTensor>, fetches: string[]): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}

export interface OrtModule {
  InferenceSession: { create(model: Uint8Array, options?: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensor;
}

/** A session output as the decoders read it. */
export function asOutputTensor(name: string, tensor: OrtTensor): OutputTensor {
  if (tensor.type !== 'float32')
    throw new Error(`Output ${name} is ${tensor.type}; the decoders read float32`);
  return { data: tensor.data as Float32Array, dims: [...tensor.dims] };
}
