// A TF.js graph model read from disk: nodes, decoded constants, and the named inputs/outputs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConstTensor } from '../constTensor';
import { TfjsModelJson, TfNode } from './modelJson';
import { decodeWeights } from './weights';

export interface TfGraph {
  nodes: Map<string, TfNode>;
  /** Const node values by node name. */
  weights: Map<string, ConstTensor>;
  /** Signature input/output tensor names ("input_1:0"), in signature order. */
  inputs: string[];
  outputs: string[];
}

/** A reference "node", "node:1" or "^control" split into producer and output index (control inputs have -1). */
export function parseTensorName(name: string): { node: string; index: number } {
  if (name.startsWith('^')) return { node: name.slice(1), index: -1 };
  const match = /^(.*):(\d+)$/.exec(name);
  return match ? { node: match[1], index: Number(match[2]) } : { node: name, index: 0 };
}

export function tensorKey(node: string, index: number): string {
  return `${node}:${index}`;
}

export async function loadTfjsGraph(modelJsonPath: string): Promise<TfGraph> {
  const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as TfjsModelJson;
  const directory = path.dirname(modelJsonPath);
  const shards = await Promise.all(
    json.weightsManifest.map(async (group) =>
      Buffer.concat(await Promise.all(group.paths.map((p) => readFile(path.join(directory, p))))),
    ),
  );
  return tfGraphFromJson(json, shards);
}

export function tfGraphFromJson(json: TfjsModelJson, shards: readonly Uint8Array[]): TfGraph {
  if (json.format !== undefined && json.format !== 'graph-model') {
    throw new Error(`expected a TF.js graph-model, got format ${json.format}`);
  }
  const nodes = new Map(json.modelTopology.node.map((node) => [node.name, node]));
  const placeholders = json.modelTopology.node
    .filter((n) => n.op === 'Placeholder')
    .map((n) => `${n.name}:0`);
  return {
    nodes,
    weights: decodeWeights(json.weightsManifest, shards),
    inputs: signatureNames(json.signature?.inputs) ?? placeholders,
    outputs: signatureNames(json.signature?.outputs) ?? [],
  };
}

function signatureNames(entries: Record<string, { name: string }> | undefined): string[] | undefined {
  if (!entries) return undefined;
  return Object.values(entries).map((entry) =>
    tensorKey(parseTensorName(entry.name).node, parseTensorName(entry.name).index),
  );
}
