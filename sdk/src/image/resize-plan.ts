// How a picture fits into the model's square input, remembering how so boxes can be mapped back. Pure
// arithmetic: the server's libvips pipeline and the device's resize both follow it.

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
