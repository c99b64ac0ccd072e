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
import { inferShapes, outputKeysOf, ShapeMap } from './shapeInference';
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

/** What the passes before translation found out about the graph. */
interface Analysis {
  ordered: TfNode[];
  constants: Map<string, ConstTensor>;
  originalShapes: ShapeMap;
  convertedShapes: ShapeMap;
  consumers: Map<string, number>;
}

export function convertTfjsGraph(graph: TfGraph, options: ConversionOptions = {}): onnx.ModelProto {
  const outputs = Object.entries(
    options.outputs ?? Object.fromEntries(graph.outputs.map((o) => [o, parseTensorName(o).node])),
  );
  const outputKeys = outputs.map(([tfName]) => normalizeKey(tfName));
  const analysis = analyse(graph, outputKeys, options);
  const builder = new OnnxGraphBuilder();
  outputs.forEach(([, onnxName]) => builder.uniqueName(onnxName)); // reserved: translated values must not take them
  const { refs, inputs } = translate(analysis, builder, options);

  const graphProto: onnx.IGraphProto = {
    name: options.graphName ?? 'converted',
    node: builder.nodes,
    initializer: builder.initializers,
    input: inputs,
    output: [],
  };
  outputs.forEach(([, onnxName], i) => {
    const ref = refs.get(outputKeys[i]) as TensorRef;
    nameOutput(graphProto, builder, builder.valueIn(ref), onnxName);
    graphProto.output?.push(
      makeValueInfo(onnxName, ONNX_TYPE[ref.dtype], analysis.convertedShapes.get(outputKeys[i]) as Shape),
    );
  });
  return makeModel({
    graph: graphProto,
    opsetVersion: OPSET_VERSION,
    producerName: 'wanshi-tfjs-converter',
    metadata: options.metadata,
  });
}

function analyse(graph: TfGraph, outputKeys: string[], options: ConversionOptions): Analysis {
  const ordered = nodesInOrder(graph.nodes, outputKeys);
  const missing = [...new Set(ordered.map((n) => n.op))].filter(
    (op) => op !== 'Const' && op !== 'Placeholder' && !OP_CONVERTERS[op],
  );
  if (missing.length > 0) throw new Error(`unsupported TF ops: ${missing.join(', ')}`);
  const constants = foldConstants(ordered, graph.weights);
  const placeholders = ordered.filter((node) => node.op === 'Placeholder');
  const originalShapes = inferShapes(
    ordered,
    new Map(placeholders.map((node) => [node.name, ownShape(node)])),
    constants,
  );
  const requested = new Map(
    placeholders.map((node) => [node.name, inputOptions(options, node).shape ?? ownShape(node)]),
  );
  const convertedShapes = inferShapes(ordered, requested, constants, originalShapes);
  return {
    ordered,
    constants,
    originalShapes,
    convertedShapes,
    consumers: consumerCounts(ordered, outputKeys),
  };
}

function translate(
  analysis: Analysis,
  builder: OnnxGraphBuilder,
  options: ConversionOptions,
): { refs: Map<string, TensorRef>; inputs: onnx.ValueInfoProto[] } {
  const { ordered, constants, originalShapes, convertedShapes, consumers } = analysis;
  const refs = new Map<string, TensorRef>();
  const inputs: onnx.ValueInfoProto[] = [];
  for (const node of ordered) {
    const outputKeys = outputKeysOf(node, convertedShapes);
    if (constants.has(outputKeys[0])) {
      outputKeys.forEach((key, index) =>
        refs.set(key, constantRef(node, index, constants.get(key) as ConstTensor)),
      );
    } else if (node.op === 'Placeholder') {
      const shape = convertedShapes.get(outputKeys[0]) as Shape;
      const dtype = new TfAttributes(node).elementType('dtype');
      const value = builder.uniqueName(inputOptions(options, node).name ?? node.name);
      inputs.push(makeValueInfo(value, ONNX_TYPE[dtype], shape));
      refs.set(outputKeys[0], {
        name: node.name,
        dtype,
        rank: shape.length,
        perm: identityPerm(shape.length),
        value,
      });
    } else {
      const inputKeys = dataInputs(node);
      const shapesOf = (map: ShapeMap, keys: string[]) => keys.map((key) => map.get(key) as Shape);
      const translated = OP_CONVERTERS[node.op].convert({
        node,
        attrs: new TfAttributes(node),
        inputs: inputKeys.map((key) => refs.get(key) as TensorRef),
        inputNames: inputKeys,
        builder,
        originalShapes: {
          inputs: shapesOf(originalShapes, inputKeys) as number[][],
          outputs: shapesOf(originalShapes, outputKeys) as number[][],
        },
        convertedShapes: {
          inputs: shapesOf(convertedShapes, inputKeys),
          outputs: shapesOf(convertedShapes, outputKeys),
        },
        consumerCount: (key) => consumers.get(key) ?? 0,
      });
      translated.forEach((ref, index) => refs.set(tensorKey(node.name, index), ref));
    }
  }
  return { refs, inputs };
}

function inputOptions(options: ConversionOptions, node: TfNode): InputOptions {
  return options.inputs?.[node.name] ?? options.inputs?.[`${node.name}:0`] ?? {};
}

function normalizeKey(tfName: string): string {
  const { node, index } = parseTensorName(tfName);
  return tensorKey(node, index);
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
  return {
    name,
    dtype: constant.dtype,
    rank: constant.shape.length,
    perm: identityPerm(constant.shape.length),
    constant,
  };
}

/** Gives the output's value its public name: renamed in place when it is a plain node output, else copied. */
function nameOutput(graph: onnx.IGraphProto, builder: OnnxGraphBuilder, value: string, name: string): void {
  const producedByNode = builder.nodes.some((node) => node.output.includes(value));
  const alreadyOutput = (graph.output ?? []).some((output) => output.name === value);
  if (producedByNode && !alreadyOutput) renameValue(graph, value, name);
  else graph.node?.push(makeNode('Identity', [value], [name]));
}
