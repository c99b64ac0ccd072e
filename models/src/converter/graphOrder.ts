// Which TF nodes the requested outputs need, in an order where every node follows its inputs.
import { parseTensorName, tensorKey } from './tfjs/graph';
import { TfNode } from './tfjs/modelJson';

/** Data inputs as "node:index" keys (control dependencies dropped: they order side effects we do not have). */
export function dataInputs(node: TfNode): string[] {
  return (node.input ?? [])
    .map(parseTensorName)
    .filter((input) => input.index >= 0)
    .map((input) => tensorKey(input.node, input.index));
}

export function nodesInOrder(nodes: ReadonlyMap<string, TfNode>, outputs: readonly string[]): TfNode[] {
  const ordered: TfNode[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  // Iterative depth-first post-order, so deep graphs cannot overflow the call stack.
  const stack: { name: string; expanded: boolean }[] = outputs.map((output) => ({
    name: parseTensorName(output).node,
    expanded: false,
  }));
  while (stack.length > 0) {
    const top = stack.pop() as { name: string; expanded: boolean };
    const node = nodes.get(top.name);
    if (!node) throw new Error(`graph has no node ${top.name}`);
    if (top.expanded) {
      state.set(top.name, 'done');
      ordered.push(node);
      continue;
    }
    if (state.get(top.name) === 'done') continue;
    if (state.get(top.name) === 'visiting') throw new Error(`graph has a cycle through ${top.name}`);
    state.set(top.name, 'visiting');
    stack.push({ name: top.name, expanded: true });
    for (const input of dataInputs(node)) {
      const producer = parseTensorName(input).node;
      if (state.get(producer) !== 'done') stack.push({ name: producer, expanded: false });
    }
  }
  return ordered;
}

export function consumerCounts(ordered: readonly TfNode[], outputs: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  ordered.forEach((node) => dataInputs(node).forEach(bump));
  outputs.forEach(bump);
  return counts;
}
