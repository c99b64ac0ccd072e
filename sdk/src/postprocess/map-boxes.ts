import type { Box } from '../geometry/box';
import type { ResizeTransform } from '../image/resize-plan';

/** Maps a box from model-input pixels back to the original image, clipped to its bounds. */
export function mapBoxToOriginal(box: Box, t: ResizeTransform, width: number, height: number): Box {
  const clip = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return [
    clip((box[0] - t.padX) / t.scaleX, width),
    clip((box[1] - t.padY) / t.scaleY, height),
    clip((box[2] - t.padX) / t.scaleX, width),
    clip((box[3] - t.padY) / t.scaleY, height),
  ];
}
