// Static shapes of every TF tensor, by running each op's shape rule in graph order.
import { ConstTensor } from './constTensor';
import { dataInputs } from './graphOrder';
import { OP_CONVERTERS } from './ops';
import { Shape } from './shapes';
import { TfAttributes } from './tfjs/attributes';
import { tensorKey } from './tfjs/graph';
import { TfNode } from './tfjs/modelJson';

export type ShapeMap = Map<string, Shape>;

/**
 * `inputShapes` by Placeholder name. With `original` (the shapes at the graph's own input shape), rules that
 * depend on baked-in sizes (resize targets, reshape batch) scale from those instead.
 */
export function inferShapes(
  ordered: readonly TfNode[],
  inputShapes: ReadonlyMap<string, Shape>,
  constants: ReadonlyMap<string, ConstTensor>,
  original?: ShapeMap,
): ShapeMap {
  const shapes: ShapeMap = new Map();
  for (const node of ordered) {
    const outputs = shapesOf(node, inputShapes, constants, shapes, original);
    outputs.forEach((shape, index) => shapes.set(tensorKey(node.name, index), shape));
  }
  return shapes;
}

function shapesOf(
  node: TfNode,
  inputShapes: ReadonlyMap<string, Shape>,
  constants: ReadonlyMap<string, ConstTensor>,
  shapes: ShapeMap,
  original: ShapeMap | undefined,
): Shape[] {
  const folded = constants.get(tensorKey(node.name, 0));
  if (folded) return [folded.shape];
  if (node.op === 'Placeholder') {
    const shape = inputShapes.get(node.name);
    if (!shape) throw new Error(`no shape given for graph input ${node.name}`);
    return [shape];
  }
  const inputs = dataInputs(node);
  const lookup = (map: ShapeMap, key: string) => {
    const shape = map.get(key);
    if (!shape) throw new Error(`${node.name}: shape of input ${key} unknown`);
    return shape;
  };
  const originalOutputs: Shape[] = [];
  for (let index = 0; original?.has(tensorKey(node.name, index)); index++) originalOutputs.push(lookup(original, tensorKey(node.name, index)));
  return OP_CONVERTERS[node.op].inferShapes({
    node,
    attrs: new TfAttributes(node),
    inputShapes: inputs.map((key) => lookup(shapes, key)),
    constant: (index) => constants.get(inputs[index]),
    original: original && {
      inputShapes: inputs.map((key) => lookup(original, key)),
      outputShapes: originalOutputs,
    },
  });
}
