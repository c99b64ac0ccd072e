import { describe, expect, it } from 'vitest';
import type { Box } from '../../sdk/src/geometry/box';
import { planResize } from '../../sdk/src/image/resize-plan';
import { mapBoxToOriginal } from '../../sdk/src/postprocess/map-boxes';

/** The forward direction: where an original-image box lands in the model input. */
function toModel(box: Box, width: number, height: number, size: number, mode: 'stretch' | 'letterbox'): Box {
  const t = planResize(width, height, size, mode).transform;
  return [
    box[0] * t.scaleX + t.padX,
    box[1] * t.scaleY + t.padY,
    box[2] * t.scaleX + t.padX,
    box[3] * t.scaleY + t.padY,
  ];
}

describe('mapBoxToOriginal', () => {
  const box: Box = [37, 12.5, 611, 470];

  it.each(['stretch', 'letterbox'] as const)('inverts the %s transform exactly', (mode) => {
    const { transform } = planResize(640, 480, 416, mode);
    const back = mapBoxToOriginal(toModel(box, 640, 480, 416, mode), transform, 640, 480);
    back.forEach((v, i) => expect(v).toBeCloseTo(box[i], 9));
  });

  it('clips boxes that reach into the padding to the image', () => {
    const { transform } = planResize(640, 480, 320, 'letterbox'); // 40 px bars above and below
    expect(mapBoxToOriginal([-5, 10, 330, 300], transform, 640, 480)).toEqual([0, 0, 640, 480]);
  });
});
