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

/** Resizes to size×size RGB, padding with `padValue` (0..255) in letterbox mode. */
export async function resizeImage(
  image: RgbImage,
  size: number,
  mode: ResizeMode,
  padValue: number,
): Promise<{ pixels: Buffer; transform: ResizeTransform }> {
  const plan = planResize(image.width, image.height, size, mode);
  const { padX, padY } = plan.transform;
  const pixels = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(plan.contentWidth, plan.contentHeight, { fit: 'fill' })
    .extend({
      left: padX,
      top: padY,
      right: size - plan.contentWidth - padX,
      bottom: size - plan.contentHeight - padY,
      background: { r: padValue, g: padValue, b: padValue },
    })
    .raw()
    .toBuffer();
  return { pixels, transform: plan.transform };
}
