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

/** "node:0", "node:1", … for each output of the node that has a shape. */
export function outputKeysOf(node: TfNode, shapes: ShapeMap): string[] {
  const keys: string[] = [];
  for (let index = 0; shapes.has(tensorKey(node.name, index)); index++)
    keys.push(tensorKey(node.name, index));
  return keys;
}

function shapesOf(
  node: TfNode,
  inputShapes: ReadonlyMap<string, Shape>,
  constants: ReadonlyMap<string, ConstTensor>,
  shapes: ShapeMap,
  original: ShapeMap | undefined,
): Shape[] {
  const folded: Shape[] = [];
  for (let index = 0; constants.has(tensorKey(node.name, index)); index++)
    folded.push((constants.get(tensorKey(node.name, index)) as ConstTensor).shape);
  if (folded.length > 0) return folded;
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
  return OP_CONVERTERS[node.op].inferShapes({
    node,
    attrs: new TfAttributes(node),
    inputShapes: inputs.map((key) => lookup(shapes, key)),
    constant: (index) => constants.get(inputs[index]),
    original: original && {
      inputShapes: inputs.map((key) => lookup(original, key)),
      outputShapes: outputKeysOf(node, original).map((key) => lookup(original, key)),
    },
  });
}
