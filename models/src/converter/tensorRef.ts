// What conversion knows about one TF tensor: where its data lives in the ONNX graph and in which layout.
import type { onnx } from 'onnx-proto';
import { ConstTensor, ElementType } from './constTensor';
import { Perm } from './layout';

/** A constant Pad not yet emitted, so a following Conv/MaxPool can take it as its own `pads`. */
export interface PendingPad {
  /** ONNX-order pads for the value (begins then ends, one per ONNX axis). */
  pads: number[];
  constant: number;
}

export interface TensorRef {
  /** The TF tensor name, the base for names of ONNX values made from it. */
  name: string;
  dtype: ElementType;
  rank: number;
  perm: Perm;
  /** ONNX value holding the data (before any pending pad); absent for constants not yet written. */
  value?: string;
  constant?: ConstTensor;
  pendingPad?: PendingPad;
  /** Set on a Conv output whose bias slot is free, so a following bias Add can move into the Conv. */
  biasFreeConv?: { node: onnx.NodeProto; tensor: string };
}
