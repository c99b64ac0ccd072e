import { beforeAll, describe, expect, it } from 'vitest';
import { convertTfjsGraph } from '../../models/src/converter/convert';
import { TfGraph } from '../../models/src/converter/tfjs/graph';
import {
  countOps,
  graphOf,
  onnx,
  readIntsAttribute,
  readValueInfo,
  type GraphLists,
} from '../../models/src/onnx';
import { CENTERNET_JSON, NANODET_JSON, NANODET_OUTPUTS, tfGraph } from './support/sourceGraphs';

describe('TF.js -> ONNX conversion of NanoDet', () => {
  let graph: TfGraph;
  let dynamic: GraphLists;

  beforeAll(async () => {
    graph = await tfGraph(NANODET_JSON);
    dynamic = graphOf(
      convertTfjsGraph(graph, {
        inputs: { input_1: { name: 'images', shape: ['batch', 3, 'height', 'width'] } },
        outputs: NANODET_OUTPUTS,
      }),
    );
  });

  it('leaves no Pad node: every pad folds into the following Conv or MaxPool', () => {
    expect(countOps(dynamic).Pad).toBeUndefined();
    const maxPool = dynamic.node.find((node) => node.opType === 'MaxPool') as onnx.INodeProto;
    expect(readIntsAttribute(maxPool, 'pads')).toEqual([1, 1, 1, 1]);
  });

  it('emits a Transpose only for the six outputs, not for the 83 layout shuffles inside the graph', () => {
    expect(countOps(dynamic).Transpose).toBe(6);
  });

  it('moves every bias Add into its Conv, leaving only the Adds that sum two feature maps', () => {
    const initializers = new Set(dynamic.initializer.map((t) => t.name));
    const convs = dynamic.node.filter((node) => node.opType === 'Conv');
    const adds = dynamic.node.filter((node) => node.opType === 'Add');
    expect(convs.every((conv) => conv.input?.length === 3)).toBe(true);
    expect(adds.flatMap((add) => add.input ?? []).filter((input) => initializers.has(input))).toEqual([]);
  });

  it('translates to exactly the expected op mix', () => {
    expect(countOps(dynamic)).toEqual({
      Conv: 34,
      Add: 4,
      LeakyRelu: 28,
      MaxPool: 1,
      Concat: 12,
      Resize: 4,
      Split: 3,
      Sigmoid: 3,
      Reshape: 6,
      Transpose: 6,
    });
  });

  it('declares symbolic batch and H/W on the input and the batch on every output', () => {
    expect(readValueInfo(dynamic.input[0]).dims).toEqual(['batch', 3, 'height', 'width']);
    const outputs = dynamic.output.map(readValueInfo);
    expect(outputs.map((o) => o.name)).toEqual(Object.values(NANODET_OUTPUTS));
    expect(outputs.map((o) => o.dims)).toEqual(
      Object.values(NANODET_OUTPUTS).map((name) => ['batch', null, name.startsWith('scores') ? 80 : 44]),
    );
  });

  it('declares the anchor counts when the input size is baked', () => {
    const baked = graphOf(
      convertTfjsGraph(graph, {
        inputs: { input_1: { shape: ['batch', 3, 224, 224] } },
        outputs: NANODET_OUTPUTS,
      }),
    );
    expect(baked.output.map((o) => readValueInfo(o).dims[1])).toEqual([784, 784, 196, 196, 49, 49]);
  });

  it('keeps all weights as float32', () => {
    const types = new Set(
      dynamic.initializer.filter((t) => (t.dims ?? []).length > 1).map((t) => t.dataType),
    );
    expect([...types]).toEqual([onnx.TensorProto.DataType.FLOAT]);
  });
});

describe('TF.js -> ONNX conversion limits', () => {
  it('names the ops it cannot translate', async () => {
    const graph = await tfGraph(NANODET_JSON);
    const nodes = new Map(graph.nodes);
    const sigmoid = [...nodes.values()].find((node) => node.op === 'Sigmoid');
    nodes.set(sigmoid?.name ?? '', { ...sigmoid, name: sigmoid?.name ?? '', op: 'Softsign' });
    expect(() => convertTfjsGraph({ ...graph, nodes })).toThrow('unsupported TF ops: Softsign');
  });

  it('refuses a symbolic batch for a graph whose reshapes fold the batch into other dims', async () => {
    const graph = await tfGraph(CENTERNET_JSON);
    expect(() =>
      convertTfjsGraph(graph, { inputs: { 'tower_0/images': { shape: ['batch', 512, 512, 3] } } }),
    ).toThrow(/folds the symbolic batch into other dims/);
  });
});
