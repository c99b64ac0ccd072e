// TF op name -> translation. Adding an op means adding one entry (and its module) here.
import { conv2d, depthwiseConv2d } from './conv';
import { concat } from './concat';
import { activation, add, cast, equal, floorDiv, floorMod, identity, mul, sub } from './elementwise';
import { gatherV2 } from './gather';
import { OpConverter } from './opConverter';
import { pad } from './pad';
import { maxPool } from './pool';
import { mean } from './reduce';
import { expandDims, reshape } from './reshape';
import { resizeBilinear } from './resize';
import { sparseToDense } from './sparseToDense';
import { splitV } from './split';
import { stridedSlice } from './stridedSlice';
import { topK } from './topk';
import { transpose } from './transpose';

export const OP_CONVERTERS: Readonly<Record<string, OpConverter>> = {
  Identity: identity,
  Relu: activation,
  Relu6: activation,
  LeakyRelu: activation,
  Sigmoid: activation,
  Elu: activation,
  Cast: cast,
  Add: add,
  AddV2: add,
  Sub: sub,
  Mul: mul,
  Equal: equal,
  FloorDiv: floorDiv,
  FloorMod: floorMod,
  Conv2D: conv2d,
  _FusedConv2D: conv2d,
  DepthwiseConv2dNative: depthwiseConv2d,
  FusedDepthwiseConv2dNative: depthwiseConv2d,
  MaxPool: maxPool,
  Pad: pad,
  PadV2: pad,
  Transpose: transpose,
  ConcatV2: concat,
  SplitV: splitV,
  Reshape: reshape,
  ExpandDims: expandDims,
  ResizeBilinear: resizeBilinear,
  Mean: mean,
  TopKV2: topK,
  GatherV2: gatherV2,
  StridedSlice: stridedSlice,
  SparseToDense: sparseToDense,
};
