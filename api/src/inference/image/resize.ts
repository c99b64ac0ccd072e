// Fits a decoded image into the model's square input with libvips, as the plan (sdk/src/image/resize-plan) says.
import sharp from 'sharp';
import {
  planResize,
  type ResizeMode,
  type ResizePlan,
  type ResizeTransform,
} from '../../../../sdk/src/image/resize-plan';
import type { RgbImage } from './decode';

/**
 * The resize (and letterbox padding with `padValue`, 0..255) of a plan, appended to a sharp pipeline. Without
 * fastShrinkOnLoad libvips still decodes a JPEG at 1/2, 1/4 or 1/8 scale but leaves at least 2× to its own
 * filter: boxes on a 12 MP photo moved ≤ 0.45 model pixels from a full decode's, against up to 1.9 (JPEG) and
 * 2.4 (WebP, whose scaled decode only the fast mode uses) with it (test/inference/shrink-on-load.test.ts).
 */
export function fitPipeline(
  pipeline: sharp.Sharp,
  plan: ResizePlan,
  size: number,
  padValue: number,
): sharp.Sharp {
  const { padX, padY } = plan.transform;
  return pipeline
    .resize(plan.contentWidth, plan.contentHeight, { fit: 'fill', fastShrinkOnLoad: false })
    .extend({
      left: padX,
      top: padY,
      right: size - plan.contentWidth - padX,
      bottom: size - plan.contentHeight - padY,
      background: { r: padValue, g: padValue, b: padValue },
    });
}

/** Resizes decoded pixels to size×size RGB, padding with `padValue` (0..255) in letterbox mode. */
export async function resizeImage(
  image: RgbImage,
  size: number,
  mode: ResizeMode,
  padValue: number,
): Promise<{ pixels: Buffer; transform: ResizeTransform }> {
  const plan = planResize(image.width, image.height, size, mode);
  const raw = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  const pixels = await fitPipeline(raw, plan, size, padValue).raw().toBuffer();
  return { pixels, transform: plan.transform };
}
