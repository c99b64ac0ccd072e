// Fits a decoded image into the model's square input, remembering how so boxes can be mapped back.
import sharp from 'sharp';
import type { RgbImage } from './decode';

export type ResizeMode = 'stretch' | 'letterbox';

/** model = original × scale + pad, per axis. */
export interface ResizeTransform {
  scaleX: number;
  scaleY: number;
  padX: number;
  padY: number;
}

export interface ResizePlan {
  /** Size of the resized picture inside the square (the rest is padding). */
  contentWidth: number;
  contentHeight: number;
  transform: ResizeTransform;
}

export function planResize(width: number, height: number, size: number, mode: ResizeMode): ResizePlan {
  if (mode === 'stretch') {
    return {
      contentWidth: size,
      contentHeight: size,
      transform: { scaleX: size / width, scaleY: size / height, padX: 0, padY: 0 },
    };
  }
  const scale = Math.min(size / width, size / height);
  const contentWidth = Math.max(1, Math.round(width * scale));
  const contentHeight = Math.max(1, Math.round(height * scale));
  const padX = Math.floor((size - contentWidth) / 2);
  const padY = Math.floor((size - contentHeight) / 2);
  // Per-axis scales from the rounded content size keep the mapping exact for the pixels actually drawn.
  return {
    contentWidth,
    contentHeight,
    transform: { scaleX: contentWidth / width, scaleY: contentHeight / height, padX, padY },
  };
}

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
