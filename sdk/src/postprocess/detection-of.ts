// One image's raw outputs → its detections in original pixels: decode, NMS, map back. The server's Detector
// and the DeviceDetector both end a run with this.
import { decodeCandidates, type OutputTensor } from '../decoders';
import type { Detection, DetectionOptions } from '../detection';
import type { ResizeTransform } from '../image/resize-plan';
import type { DecoderSpec } from '../model/spec';
import { mapBoxToOriginal } from './map-boxes';
import { nonMaxSuppression } from './nms';

export interface DecodableModel {
  decoder: DecoderSpec;
  /** Class keys in class-index order. */
  classes: readonly string[];
  inputSize: number;
}

/** The image a batch slot holds: how it was fitted into the square, and its original size. */
export interface FittedImage {
  transform: ResizeTransform;
  width: number;
  height: number;
}

export function detectionOf(
  model: DecodableModel,
  outputs: Record<string, OutputTensor>,
  index: number,
  image: FittedImage,
  options: DetectionOptions,
): Detection {
  const { minScore, iou, maxObjects, nmsGroups } = options;
  const candidates = decodeCandidates(model.decoder, outputs, model.inputSize, index, minScore);
  const kept = nonMaxSuppression(candidates, iou, maxObjects, nmsGroups);
  return {
    width: image.width,
    height: image.height,
    objects: kept.map((c) => ({
      classIndex: c.classIndex,
      key: model.classes[c.classIndex],
      score: c.score,
      box: mapBoxToOriginal(c.box, image.transform, image.width, image.height),
    })),
  };
}
