// The original TF.js graph run by @tensorflow/tfjs on the wasm backend: the reference converted models must match.
// A graph can be retargeted to another square input size the way its authors' exporter would have baked it:
// the Placeholder's spatial dims and every ResizeBilinear's constant output size scale together.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string };
}

interface ModelJson {
  modelTopology: {
    node: {
      name: string;
      op: string;
      input?: string[];
      attr?: Record<string, { shape?: { dim: { size: string }[] } }>;
    }[];
  };
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
}

let backendReady: Promise<void> | undefined;

function useWasmBackend(): Promise<void> {
  backendReady ??= (async () => {
    setWasmPaths(
      path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/',
    );
    await tf.setBackend('wasm');
    await tf.ready();
  })();
  return backendReady;
}

export interface Reference {
  /** Runs one image (batch 1: the graphs bake it into reshape targets) and returns the named outputs. */
  run(input: Float32Array, outputs: readonly string[]): Promise<Float32Array[]>;
  dispose(): void;
}

export interface Retarget {
  /** The Placeholder's spatial axes, e.g. [2, 3] for NCHW. */
  spatialAxes: [number, number];
  size: number;
}

export async function loadReference(modelJsonPath: string, retarget?: Retarget): Promise<Reference> {
  await useWasmBackend();
  const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as ModelJson;
  const group = json.weightsManifest[0];
  const weightData = new Uint8Array(readFileSync(path.join(path.dirname(modelJsonPath), group.paths[0])));
  const placeholder = json.modelTopology.node.find((node) => node.op === 'Placeholder');
  const dims = placeholder?.attr?.shape?.shape?.dim ?? [];
  const inputShape = dims.map((d) => Number(d.size));
  if (retarget) retargetGraph(json, weightData, inputShape, retarget);
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: group.weights as tf.io.WeightsManifestEntry[],
      weightData: weightData.buffer,
    }),
  );
  return {
    async run(input, outputs) {
      const x = tf.tensor(input, inputShape);
      const results = model.execute(x, [...outputs]) as tf.Tensor[];
      const data = await Promise.all(results.map(async (t) => (await t.data()) as Float32Array));
      tf.dispose([x, ...results]);
      return data;
    },
    dispose: () => model.dispose(),
  };
}

function retargetGraph(
  json: ModelJson,
  weightData: Uint8Array,
  inputShape: number[],
  { spatialAxes, size }: Retarget,
): void {
  const placeholder = json.modelTopology.node.find((node) => node.op === 'Placeholder');
  const dims = placeholder?.attr?.shape?.shape?.dim ?? [];
  const originalSize = inputShape[spatialAxes[0]];
  for (const axis of spatialAxes) {
    dims[axis].size = String(size);
    inputShape[axis] = size;
  }
  const sizeInputs = json.modelTopology.node
    .filter((node) => node.op === 'ResizeBilinear')
    .map((node) => node.input?.[1]);
  let offset = 0;
  for (const spec of json.weightsManifest[0].weights) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytes =
      count *
      (spec.quantization?.dtype === 'float16' || spec.quantization?.dtype === 'uint16'
        ? 2
        : spec.quantization
          ? 1
          : 4);
    if (sizeInputs.includes(spec.name)) {
      const view = new DataView(weightData.buffer, weightData.byteOffset + offset, bytes);
      for (let i = 0; i < count; i++)
        view.setInt32(i * 4, (view.getInt32(i * 4, true) * size) / originalSize, true);
    }
    offset += bytes;
  }
}
