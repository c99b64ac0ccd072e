// TF.js graph model -> ONNX (opset 17, float32 weights). The passes: pick and order the nodes the outputs need,
// fold constants, infer shapes twice (at the graph's own input shape, which layout decisions rely on, and at
// the requested one, which is what gets declared), then translate node by node through OP_CONVERTERS.
import type { onnx } from 'onnx-proto';
import { makeModel, renameValue } from '../onnx/model';
import { makeNode } from '../onnx/node';
import { makeValueInfo } from '../onnx/valueInfo';
import { foldConstants } from './constantFolding';
import { ConstTensor } from './constTensor';
import { ONNX_TYPE, OnnxGraphBuilder } from './graphBuilder';
import { consumerCounts, dataInputs, nodesInOrder } from './graphOrder';
import { identityPerm } from './layout';
import { OP_CONVERTERS } from './ops';
import { isKnown, Shape } from './shapes';
import { inferShapes, ShapeMap } from './shapeInference';
import { TensorRef } from './tensorRef';
import { TfAttributes } from './tfjs/attributes';
import { parseTensorName, tensorKey, TfGraph } from './tfjs/graph';
import { TfNode } from './tfjs/modelJson';

export const OPSET_VERSION = 17;

export interface InputOptions {
  /** ONNX input name; default the Placeholder's name. */
  name?: string;
  /** Shape to declare: a number bakes that size, a string makes the dim symbolic under that name. */
  shape?: (number | string)[];
}

export interface ConversionOptions {
  /** Per graph input, by TF name ("input_1" or "input_1:0"). */
  inputs?: Record<string, InputOptions>;
  /** TF output tensor -> ONNX output name, in the order the ONNX graph lists them. Default: the signature's. */
  outputs?: Record<string, string>;
  graphName?: string;
  metadata?: Record<string, string>;
}

export function convertTfjsGraph(graph: TfGraph, options: ConversionOptions = {}): onnx.ModelProto {
  const outputs = Object.entries(options.outputs ?? Object.fromEntries(graph.outputs.map((o) => [o, parseTensorName(o).node])));
  const outputKeys = outputs.map(([tfName]) => normalizeKey(tfName));
  const ordered = nodesInOrder(graph.nodes, outputKeys);
  unsupportedOps(ordered);
  const constants = foldConstants(ordered, graph.weights);
  const placeholders = ordered.filter((node) => node.op === 'Placeholder');
  const inputOptions = (node: TfNode) => options.inputs?.[node.name] ?? options.inputs?.[`${node.name}:0`] ?? {};
  const originalShapes = inferShapes(ordered, new Map(placeholders.map((node) => [node.name, ownShape(node)])), constants);
  const convertedInputShapes = new Map(placeholders.map((node) => [node.name, inputOptions(node).shape ?? ownShape(node)]));
  const convertedShapes = inferShapes(ordered, convertedInputShapes, constants, originalShapes);

  const builder = new OnnxGraphBuilder();
  const outputNames = outputs.map(([, onnxName]) => onnxName);
  outputNames.forEach((name) => builder.uniqueName(name)); // reserved: translated values must not take them
  const refs = new Map<string, TensorRef>();
  const consumers = consumerCounts(ordered, outputKeys);
  const graphInputs: onnx.ValueInfoProto[] = [];

  for (const node of ordered) {
    const folded = constants.get(tensorKey(node.name, 0));
    if (folded) {
      for (let index = 0; constants.has(tensorKey(node.name, index)); index++) {
        refs.set(tensorKey(node.name, index), constantRef(node, index, constants.get(tensorKey(node.name, index)) as ConstTensor));
      }
      continue;
    }
    if (node.op === 'Placeholder') {
      const shape = convertedInputShapes.get(node.name) as Shape;
      const value = builder.uniqueName(inputOptions(node).name ?? node.name);
      graphInputs.push(makeValueInfo(value, ONNX_TYPE[new TfAttributes(node).elementType('dtype')], shape));
      refs.set(tensorKey(node.name, 0), { name: node.name, dtype: new TfAttributes(node).elementType('dtype'), rank: shape.length, perm: identityPerm(shape.length), value });
      continue;
    }
    const inputNames = dataInputs(node);
    const shapesOf = (map: ShapeMap, keys: string[]) => keys.map((key) => map.get(key) as Shape);
    const outputKeysOfNode = [...convertedShapes.keys()].filter((key) => parseTensorName(key).node === node.name);
    const translated = OP_CONVERTERS[node.op].convert({
      node,
      attrs: new TfAttributes(node),
      inputs: inputNames.map((key) => refs.get(key) as TensorRef),
      inputNames,
      builder,
      originalShapes: { inputs: shapesOf(originalShapes, inputNames) as number[][], outputs: shapesOf(originalShapes, outputKeysOfNode) as number[][] },
      convertedShapes: { inputs: shapesOf(convertedShapes, inputNames), outputs: shapesOf(convertedShapes, outputKeysOfNode) },
      consumerCount: (key) => consumers.get(key) ?? 0,
    });
    translated.forEach((ref, index) => refs.set(tensorKey(node.name, index), ref));
  }

  const graphProto: onnx.IGraphProto = {
    name: options.graphName ?? 'converted',
    node: builder.nodes,
    initializer: builder.initializers,
    input: graphInputs,
    output: [],
  };
  outputs.forEach(([tfName, onnxName], i) => {
    const key = outputKeys[i];
    const ref = refs.get(key) as TensorRef;
    nameOutput(graphProto, builder, builder.valueIn(ref), onnxName);
    graphProto.output?.push(makeValueInfo(onnxName, ONNX_TYPE[ref.dtype], convertedShapes.get(key) as Shape));
    void tfName;
  });
  return makeModel({ graph: graphProto, opsetVersion: OPSET_VERSION, producerName: 'wanshi-tfjs-converter', metadata: options.metadata });
}

function normalizeKey(tfName: string): string {
  const { node, index } = parseTensorName(tfName);
  return tensorKey(node, index);
}

function unsupportedOps(ordered: readonly TfNode[]): void {
  const missing = [...new Set(ordered.map((n) => n.op))].filter((op) => op !== 'Const' && op !== 'Placeholder' && !OP_CONVERTERS[op]);
  if (missing.length > 0) throw new Error(`unsupported TF ops: ${missing.join(', ')}`);
}

function ownShape(node: TfNode): number[] {
  const shape = new TfAttributes(node).shape('shape');
  if (shape.some((dim) => !isKnown(dim) || dim < 0)) {
    throw new Error(`graph input ${node.name} has unknown dims [${shape}]; conversion needs its full shape`);
  }
  return shape;
}

function constantRef(node: TfNode, index: number, constant: ConstTensor): TensorRef {
  const name = index === 0 ? node.name : `${node.name}:${index}`;
  return { name, dtype: constant.dtype, rank: constant.shape.length, perm: identityPerm(constant.shape.length), constant };
}

/** Gives the output's value its public name: renamed in place when it is a plain node output, else copied. */
function nameOutput(graph: onnx.IGraphProto, builder: OnnxGraphBuilder, value: string, name: string): void {
  const producedByNode = builder.nodes.some((node) => node.output.includes(value));
  const alreadyOutput = (graph.output ?? []).some((output) => output.name === value);
  if (producedByNode && !alreadyOutput) renameValue(graph, value, name);
  else graph.node?.push(makeNode('Identity', [value], [name]));
}
