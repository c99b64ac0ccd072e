// Evaluates, at conversion time, every node whose inputs are all constant and whose op can be evaluated here
// (e.g. reshape targets assembled with SparseToDense + AddV2), so they become plain constants.
import { ConstTensor } from './constTensor';
import { dataInputs } from './graphOrder';
import { OP_CONVERTERS } from './ops';
import { TfAttributes } from './tfjs/attributes';
import { tensorKey } from './tfjs/graph';
import { TfNode } from './tfjs/modelJson';

/** Constant values by tensor key ("node:index"): Const nodes from `weights`, then whatever folds. */
export function foldConstants(
  ordered: readonly TfNode[],
  weights: ReadonlyMap<string, ConstTensor>,
): Map<string, ConstTensor> {
  const constants = new Map<string, ConstTensor>();
  for (const node of ordered) {
    if (node.op === 'Const') {
      const weight = weights.get(node.name);
      if (!weight) throw new Error(`Const ${node.name} has no weight data`);
      constants.set(tensorKey(node.name, 0), weight);
      continue;
    }
    const fold = OP_CONVERTERS[node.op]?.fold;
    const inputs = dataInputs(node).map((key) => constants.get(key));
    if (!fold || inputs.length === 0 || inputs.some((input) => input === undefined)) continue;
    fold(inputs as ConstTensor[], new TfAttributes(node)).forEach((value, index) =>
      constants.set(tensorKey(node.name, index), value),
    );
  }
  return constants;
}
