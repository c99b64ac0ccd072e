import { describe, expect, it } from 'vitest';
import { resizeImage } from '../../api/src/inference/image/resize';
import { planResize } from '../../sdk/src/image/resize-plan';

describe('planResize', () => {
  it('stretch scales each axis to the square independently', () => {
    expect(planResize(640, 480, 320, 'stretch').transform).toEqual({
      scaleX: 0.5,
      scaleY: 320 / 480,
      padX: 0,
      padY: 0,
    });
  });

  it('letterbox keeps the aspect ratio and centres the picture', () => {
    const plan = planResize(640, 480, 320, 'letterbox');
    expect([plan.contentWidth, plan.contentHeight]).toEqual([320, 240]);
    expect(plan.transform).toEqual({ scaleX: 0.5, scaleY: 0.5, padX: 0, padY: 40 });
  });

  it('letterbox scales by the content size actually drawn when rounding', () => {
    const plan = planResize(333, 1000, 416, 'letterbox');
    expect(plan.contentWidth).toBe(Math.round(333 * 0.416));
    expect(plan.transform.scaleX).toBe(plan.contentWidth / 333);
    expect(plan.transform.padX).toBe(Math.floor((416 - plan.contentWidth) / 2));
  });
});

describe('resizeImage', () => {
  const white = { data: Buffer.alloc(8 * 4 * 3, 255), width: 8, height: 4 };

  it('letterbox fills the bars with the pad value', async () => {
    const { pixels } = await resizeImage(white, 8, 'letterbox', 0);
    expect(pixels.length).toBe(8 * 8 * 3);
    expect(pixels[0]).toBe(0); // top bar
    expect(pixels[(4 * 8 + 4) * 3]).toBe(255); // centre
  });

  it('stretch covers the whole square', async () => {
    const { pixels } = await resizeImage(white, 8, 'stretch', 0);
    expect(pixels.every((v) => v === 255)).toBe(true);
  });
});
