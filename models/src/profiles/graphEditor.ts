// In-place edits of a decoded ONNX graph: initializer lookup, who reads a value, fresh value names, and
// inserting nodes right after the node that produces a value (graphs must stay topologically sorted).
import type { onnx } from 'onnx-proto';

export interface ValueUse {
  node: onnx.INodeProto;
  inputIndex: number;
}

export class GraphEditor {
  private readonly usedNames = new Set<string>();
  private readonly initializersByName = new Map<string, onnx.ITensorProto>();

  constructor(readonly graph: onnx.IGraphProto) {
    graph.node ??= [];
    graph.initializer ??= [];
    for (const tensor of graph.initializer) this.initializersByName.set(tensor.name ?? '', tensor);
    for (const node of graph.node)
      for (const name of [...(node.input ?? []), ...(node.output ?? [])]) this.usedNames.add(name);
    for (const info of [...(graph.input ?? []), ...(graph.output ?? [])]) this.usedNames.add(info.name ?? '');
    for (const name of this.initializersByName.keys()) this.usedNames.add(name);
  }

  get nodes(): onnx.INodeProto[] {
    return this.graph.node as onnx.INodeProto[];
  }

  initializer(name: string): onnx.ITensorProto | undefined {
    return this.initializersByName.get(name);
  }

  addInitializer(tensor: onnx.ITensorProto): string {
    this.graph.initializer?.push(tensor);
    this.initializersByName.set(tensor.name ?? '', tensor);
    this.usedNames.add(tensor.name ?? '');
    return tensor.name ?? '';
  }

  replaceInitializer(tensor: onnx.ITensorProto): void {
    const list = this.graph.initializer as onnx.ITensorProto[];
    list[list.findIndex((t) => t.name === tensor.name)] = tensor;
    this.initializersByName.set(tensor.name ?? '', tensor);
  }

  /** Removes an initializer (its name then names whatever a node produces instead). */
  removeInitializer(name: string): void {
    this.graph.initializer = (this.graph.initializer ?? []).filter((t) => t.name !== name);
    this.initializersByName.delete(name);
  }

  /** Drops initializers no node reads any more (after a pass replaced them). */
  removeUnusedInitializers(): void {
    const read = new Set(this.nodes.flatMap((node) => node.input ?? []));
    this.graph.initializer = (this.graph.initializer ?? []).filter((t) => read.has(t.name ?? ''));
    for (const name of [...this.initializersByName.keys()])
      if (!read.has(name)) this.initializersByName.delete(name);
  }

  uniqueName(base: string): string {
    let name = base;
    for (let n = 1; this.usedNames.has(name); n++) name = `${base}_${n}`;
    this.usedNames.add(name);
    return name;
  }

  uses(value: string): ValueUse[] {
    const found: ValueUse[] = [];
    for (const node of this.nodes) {
      (node.input ?? []).forEach((input, inputIndex) => {
        if (input === value) found.push({ node, inputIndex });
      });
    }
    return found;
  }

  isGraphOutput(value: string): boolean {
    return (this.graph.output ?? []).some((output) => output.name === value);
  }

  /** Inserts nodes just after `value`'s producer (first, for graph inputs and initializers). */
  insertAfterProducerOf(value: string, nodes: readonly onnx.INodeProto[]): void {
    const producer = this.nodes.findIndex((node) => (node.output ?? []).includes(value));
    this.nodes.splice(producer + 1, 0, ...nodes);
  }

  /** Inserts nodes just after `node`. */
  insertAfter(node: onnx.INodeProto, nodes: readonly onnx.INodeProto[]): void {
    this.nodes.splice(this.nodes.indexOf(node) + 1, 0, ...nodes);
  }

  /** Inserts nodes just before `node`. */
  insertBefore(node: onnx.INodeProto, nodes: readonly onnx.INodeProto[]): void {
    this.nodes.splice(this.nodes.indexOf(node), 0, ...nodes);
  }
}
