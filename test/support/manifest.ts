// A model manifest for tests that register models without running them: valid in every field, with one fp32
// artifact of symbolic size; override what the test is about.
import type { ModelManifest } from '../../models/src/repository/manifest';

export function testManifest(overrides: Partial<ModelManifest> = {}): ModelManifest {
  return {
    name: 'nanodet-m',
    version: '1',
    description: '',
    input: {
      name: 'input',
      layout: 'NCHW',
      channelOrder: 'BGR',
      mean: [0, 0, 0],
      std: [1, 1, 1],
      resize: 'stretch',
      padValue: 0,
    },
    decoder: { family: 'nanodet-gfl', heads: [], regMax: 10 },
    labelSet: 'coco80',
    classes: [],
    defaultPrecision: 'fp32',
    defaultInputSize: 416,
    artifacts: [{ file: 'm.onnx', precision: 'fp32', inputSize: null, sha256: 'c'.repeat(64), bytes: 1 }],
    ...overrides,
  };
}
