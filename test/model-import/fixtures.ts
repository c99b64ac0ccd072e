// ONNX files the import tests upload, built here with onnx-proto: tiny graphs with the real Ultralytics
// output layouts and metadata_props, whose output is a known constant (plus 0 × the mean of a 1×1 Conv of
// the input, so the graph reads its input and has a Conv for int8 to quantize; as in a real export, a
// quantizable op writes the output), and hard links of the repository's own NanoDet as a models folder.
import { link, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { attr, encodeModel, makeModel, makeNode, makeTensor, makeValueInfo } from '../../models/src/onnx';
import { DataType } from '../../models/src/onnx/dataType';

export interface TinyModelOptions {
  /** The constant output, e.g. [1, 4 + C, N] for yolov8. */
  output: { dims: number[]; values: number[] };
  inputDims?: (number | string)[];
  metadata?: Record<string, string>;
  opset?: number;
  /** Replaces the Mul that reads the input (e.g. an op onnxruntime has no kernel for). */
  readerOp?: string;
}

export function tinyModel(options: TinyModelOptions): Uint8Array {
  const { dims, values } = options.output;
  const inputDims = options.inputDims ?? [1, 3, 64, 64];
  const graph = {
    name: 'tiny',
    node: [
      makeNode('Conv', ['images', 'grey'], ['features']),
      makeNode('ReduceMean', ['features'], ['mean'], [attr.int('keepdims', 0)]),
      makeNode(options.readerOp ?? 'Mul', ['mean', 'zero'], ['nothing']),
      makeNode('Add', ['constant', 'nothing'], ['output0']),
    ],
    initializer: [
      makeTensor('grey', Float32Array.of(1 / 3, 1 / 3, 1 / 3), [1, 3, 1, 1]),
      makeTensor('zero', Float32Array.of(0), []),
      makeTensor('constant', Float32Array.from(values), dims),
    ],
    input: [makeValueInfo('images', DataType.FLOAT, inputDims)],
    output: [makeValueInfo('output0', DataType.FLOAT, dims)],
  };
  return encodeModel(makeModel({ graph, opsetVersion: options.opset ?? 17, metadata: options.metadata }));
}

/** What Ultralytics' exporter writes into metadata_props (engine/exporter.py), for a 64×64 model. */
export function ultralyticsMetadata(
  names: string[],
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    description: 'Ultralytics YOLOv8n model trained on tiny.yaml',
    author: 'Ultralytics',
    date: '2026-12-01T10:00:00',
    version: '8.3.40',
    license: 'AGPL-3.0 License (https://ultralytics.com/license)',
    docs: 'https://docs.ultralytics.com',
    stride: '32',
    task: 'detect',
    batch: '1',
    imgsz: '[64, 64]',
    names: `{${names.map((n, i) => `${i}: '${n}'`).join(', ')}}`,
    args: "{'batch': 1, 'half': False, 'dynamic': False, 'simplify': True, 'opset': None}",
    ...extra,
  };
}

export const TINY_NAMES = ['person', 'bicycle', 'delivery box'];
export const ANCHORS = 8;

/** [1, 4 + 3, 8]: anchor 1 is a delivery box (class 2, 0.9) at cx 32, cy 30, 20 × 10; anchor 5 a person (0.6). */
export function yolov8Output(): { dims: number[]; values: number[] } {
  const rows = 4 + TINY_NAMES.length;
  const values = new Array<number>(rows * ANCHORS).fill(0);
  const set = (row: number, anchor: number, v: number) => (values[row * ANCHORS + anchor] = v);
  [32, 30, 20, 10].forEach((v, row) => set(row, 1, v));
  set(4 + 2, 1, 0.9);
  [16, 16, 8, 12].forEach((v, row) => set(row, 5, v));
  set(4 + 0, 5, 0.6);
  set(4 + 1, 5, 0.1); // below the display threshold
  return { dims: [1, rows, ANCHORS], values };
}

/** [1, 4, 6]: two end-to-end detections (x1 y1 x2 y2 score class) and two empty rows. */
export function end2endOutput(): { dims: number[]; values: number[] } {
  const rows = [
    [10, 12, 30, 40, 0.8, 1],
    [40, 8, 60, 20, 0.55, 2],
    [0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0],
  ];
  return { dims: [1, rows.length, 6], values: rows.flat() };
}

export const REPO_MODELS = path.resolve(__dirname, '../../models');

/** A models folder of its own holding the built NanoDet as hard links (imports must not land in the repo's). */
export async function linkedModelsDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-models-'));
  const from = path.join(REPO_MODELS, 'nanodet-m', '1');
  const to = path.join(dir, 'nanodet-m', '1');
  await mkdir(to, { recursive: true });
  for (const file of await readdir(from)) await link(path.join(from, file), path.join(to, file));
  return dir;
}

/** Every file under a folder, relative to it (to show an import left nothing behind). */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
