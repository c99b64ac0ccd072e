// The parts of a TF.js graph-model model.json that conversion reads (tfjs-converter's GraphDef as JSON).

export interface TfAttrValue {
  i?: string;
  f?: number;
  b?: boolean;
  s?: string; // base64
  type?: string;
  shape?: { dim?: { size?: string }[]; unknownRank?: boolean };
  list?: { i?: string[]; f?: number[]; s?: string[]; type?: string[] };
  tensor?: unknown;
}

export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttrValue>;
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
  quantization?: {
    dtype: 'uint8' | 'uint16' | 'float16';
    scale?: number;
    min?: number;
    original_dtype?: 'float32' | 'int32';
  };
}

export interface WeightsGroup {
  paths: string[];
  weights: WeightSpec[];
}

export interface TensorSignature {
  name: string;
  dtype?: string;
  tensorShape?: { dim?: { size?: string }[] };
}

export interface TfjsModelJson {
  format?: string;
  modelTopology: { node: TfNode[] };
  weightsManifest: WeightsGroup[];
  signature?: { inputs?: Record<string, TensorSignature>; outputs?: Record<string, TensorSignature> };
}
