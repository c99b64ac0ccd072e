// Converted ONNX graphs against the original TF.js graphs (tfjs wasm backend), on real photos: every output
// must match to relative L2 error ≤ 1e-4.
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertTfjsGraph } from '../../models/src/converter/convert';
import { encodeModel } from '../../models/src/onnx';
import { concatenate, photoTensor, PHOTOS, relativeL2, type Normalisation } from './support/photos';
import {
  CENTERNET_JSON,
  CENTERNET_OUTPUTS,
  NANODET_JSON,
  NANODET_OUTPUTS,
  tfGraph,
} from './support/sourceGraphs';
import { loadReference, type Reference } from './support/tfjsReference';

const TOLERANCE = 1e-4;
const VERSION_DIR = path.join(__dirname, '..', '..', 'models', 'nanodet-m', '1');
const NANODET_INPUT: Normalisation = {
  layout: 'NCHW',
  channelOrder: 'BGR',
  mean: [103.53, 116.28, 123.675],
  std: [57.375, 57.12, 58.395],
};
const CENTERNET_INPUT: Normalisation = {
  layout: 'NHWC',
  channelOrder: 'RGB',
  mean: [0, 0, 0],
  std: [255, 255, 255],
};

/** Relative L2 error of each output of `actual` (ONNX, batch item `item` of `batch`) against `expected`. */
function errors(
  actual: ort.InferenceSession.OnnxValueMapType,
  names: readonly string[],
  expected: Float32Array[],
  item = 0,
  batch = 1,
): Record<string, number> {
  return Object.fromEntries(
    names.map((name, i) => {
      const data = actual[name].data as Float32Array;
      const per = data.length / batch;
      return [name, relativeL2(data.subarray(item * per, (item + 1) * per), expected[i])];
    }),
  );
}

function expectWithinTolerance(measured: Record<string, number>): void {
  for (const [name, error] of Object.entries(measured)) expect(error, name).toBeLessThanOrEqual(TOLERANCE);
}

describe.each([320, 416])('NanoDet fp32-%i.onnx against the TF.js graph', (size) => {
  const tfOutputs = Object.keys(NANODET_OUTPUTS);
  const onnxOutputs = Object.values(NANODET_OUTPUTS);
  let reference: Reference;
  let baked: ort.InferenceSession;
  let dynamic: ort.InferenceSession;
  let inputs: Float32Array[];
  let expected: Float32Array[][];

  beforeAll(async () => {
    // The graph is exported at 416; at other sizes it is run the way its exporter would have baked it.
    reference = await loadReference(NANODET_JSON, size === 416 ? undefined : { spatialAxes: [2, 3], size });
    baked = await ort.InferenceSession.create(path.join(VERSION_DIR, `fp32-${size}.onnx`));
    dynamic = await ort.InferenceSession.create(path.join(VERSION_DIR, 'fp32-dynamic.onnx'));
    inputs = await Promise.all(PHOTOS.map((photo) => photoTensor(photo, size, NANODET_INPUT)));
    expected = [];
    for (const input of inputs) expected.push(await reference.run(input, tfOutputs));
  });
  afterAll(async () => {
    reference.dispose();
    await Promise.all([baked.release(), dynamic.release()]);
  });

  const run = (session: ort.InferenceSession, input: Float32Array, batch = 1) =>
    session.run({ images: new ort.Tensor('float32', input, [batch, 3, size, size]) });

  it('matches on every output for each photo', async () => {
    for (const [i, input] of inputs.entries())
      expectWithinTolerance(errors(await run(baked, input), onnxOutputs, expected[i]));
  });

  it('matches for two photos run as one batch through the symbolic batch dim', async () => {
    const results = await run(baked, concatenate(inputs.slice(0, 2)), 2);
    for (const item of [0, 1]) expectWithinTolerance(errors(results, onnxOutputs, expected[item], item, 2));
  });

  it('matches through the artifact with symbolic H/W as well', async () => {
    expectWithinTolerance(errors(await run(dynamic, inputs[0]), onnxOutputs, expected[0]));
  });
});

describe('CenterNet (MobileNetV3, TopK decoding inside the graph) converted at 512 against the TF.js graph', () => {
  let reference: Reference;
  let session: ort.InferenceSession;

  beforeAll(async () => {
    reference = await loadReference(CENTERNET_JSON);
    session = await ort.InferenceSession.create(encodeModel(convertTfjsGraph(await tfGraph(CENTERNET_JSON))));
  });
  afterAll(async () => {
    reference.dispose();
    await session.release();
  });

  it('matches on the heatmap, sizes and top-100 detections for each photo', async () => {
    for (const photo of PHOTOS) {
      const input = await photoTensor(photo, 512, CENTERNET_INPUT);
      const expected = await reference.run(input, CENTERNET_OUTPUTS);
      const actual = await session.run({
        'tower_0/images': new ort.Tensor('float32', input, [1, 512, 512, 3]),
      });
      expectWithinTolerance(errors(actual, CENTERNET_OUTPUTS, expected));
    }
  });
});
