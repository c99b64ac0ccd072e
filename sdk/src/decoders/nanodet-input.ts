// How NanoDet's pictures are prepared: its training normalisation (BGR, ImageNet mean/std in 0..255). Shared
// by the catalog's NanoDet and by the nanodet-gfl family's defaults for imported NanoDet models.
import type { InputSpec } from '../model/spec';

export const NANODET_PREPROCESSING: Omit<InputSpec, 'name'> = {
  layout: 'NCHW',
  channelOrder: 'BGR',
  mean: [103.53, 116.28, 123.675],
  std: [57.375, 57.12, 58.395],
  // NanoDet trained with keep_ratio (centred letterbox, border 0), yet stretching scored better on coco64
  // at 160/224/320 (mAP .203/.284/.363 vs .166/.279/.342); letterbox won only at 416 (.423 vs .376).
  resize: 'stretch',
  padValue: 0,
};
