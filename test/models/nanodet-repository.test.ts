// The NanoDet model version as built into the repository (by the test global setup): what the API relies on.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decoderOutputNames } from '../../sdk/src/decoders';
import { decodeModel, graphOf, readValueInfo } from '../../models/src/onnx';
import { COCO80_CLASSES } from '../../models/src/repository/coco80';
import { loadManifest } from '../../models/src/repository/load';
import type { ModelManifest } from '../../models/src/repository/manifest';
import { verifyArtifact } from '../../models/src/repository/verify';

const VERSION_DIR = path.join(__dirname, '..', '..', 'models', 'nanodet-m', '1');

describe('NanoDet in the model repository', () => {
  let manifest: ModelManifest;

  beforeAll(async () => {
    manifest = await loadManifest(VERSION_DIR);
  });

  it('describes NCHW BGR input normalised with NanoDet’s training mean and std, and the GFL decoder heads', () => {
    expect(manifest.input).toEqual({
      name: 'images',
      layout: 'NCHW',
      channelOrder: 'BGR',
      mean: [103.53, 116.28, 123.675],
      std: [57.375, 57.12, 58.395],
      resize: 'stretch',
      padValue: 0,
    });
    expect(manifest.decoder).toEqual({
      family: 'nanodet-gfl',
      heads: [
        { stride: 8, scores: 'scores_s8', boxes: 'boxes_s8' },
        { stride: 16, scores: 'scores_s16', boxes: 'boxes_s16' },
        { stride: 32, scores: 'scores_s32', boxes: 'boxes_s32' },
      ],
      regMax: 10,
    });
  });

  it('lists the 80 COCO classes in class-index order, fp32 at 320 by default', () => {
    expect(manifest.classes).toEqual(COCO80_CLASSES);
    expect(manifest.classes.slice(0, 3)).toEqual(['person', 'bicycle', 'car']);
    expect(manifest).toMatchObject({ labelSet: 'coco80', defaultPrecision: 'fp32', defaultInputSize: 320 });
  });

  it('has fp32 artifacts baked at 160, 224, 320 and 416 plus one with symbolic H/W', () => {
    // Profile artifacts (fp16, int8 …) built on demand by benchmarks may be listed too; fp32 ones always are.
    const fp32 = manifest.artifacts.filter((a) => a.precision === 'fp32');
    expect(fp32.map((a) => [a.file, a.precision, a.inputSize])).toEqual([
      ['fp32-160.onnx', 'fp32', 160],
      ['fp32-224.onnx', 'fp32', 224],
      ['fp32-320.onnx', 'fp32', 320],
      ['fp32-416.onnx', 'fp32', 416],
      ['fp32-dynamic.onnx', 'fp32', null],
    ]);
  });

  it('records the sha256 and size each artifact file really has', async () => {
    for (const artifact of manifest.artifacts) await verifyArtifact(VERSION_DIR, artifact);
  });

  it('gives each ONNX graph the manifest’s input (symbolic batch, baked size) and the outputs its decoder reads', async () => {
    const headOutputs = decoderOutputNames(manifest.decoder);
    for (const artifact of manifest.artifacts) {
      const graph = graphOf(decodeModel(await readFile(path.join(VERSION_DIR, artifact.file))));
      const size = artifact.inputSize;
      expect(graph.input.map(readValueInfo)).toEqual([
        { name: 'images', elemType: 1, dims: ['batch', 3, size ?? 'height', size ?? 'width'] },
      ]);
      expect(graph.output.map((o) => o.name).sort()).toEqual([...headOutputs].sort());
    }
  });
});
