// Label tags on a crowded photo: no two cover each other, the best-scored object keeps the spot above its box.
import { describe, expect, it } from 'vitest';
import { layoutTags, type TagBox, type TagRequest } from '../../dashboard/components/detections/tagLayout';

const overlap = (a: TagBox, b: TagBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutTags', () => {
  it('puts a lone tag just above its box', () => {
    const [tag] = layoutTags(
      [{ box: { x: 50, y: 100, width: 80, height: 120 }, score: 0.9, width: 60, height: 20 }],
      640,
      480,
    );
    expect(tag).toEqual({ x: 50, y: 80, width: 60, height: 20 });
  });

  it('keeps the tags of a row of people with the same top edge from overlapping', () => {
    // Eight boxes 30 px apart whose tags (60 px wide) would all collide above them.
    const requests: TagRequest[] = Array.from({ length: 8 }, (_, i) => ({
      box: { x: 20 + i * 30, y: 100, width: 40, height: 200 },
      score: 0.9 - i * 0.05,
      width: 60,
      height: 20,
    }));
    const tags = layoutTags(requests, 640, 480);
    for (let i = 0; i < tags.length; i++)
      for (let j = i + 1; j < tags.length; j++)
        expect(overlap(tags[i], tags[j]), `${i} and ${j}`).toBe(false);
    expect(tags[0]).toEqual({ x: 20, y: 80, width: 60, height: 20 }); // the best one keeps the natural spot
    for (const [i, tag] of tags.entries()) expect(tag.x).toBe(requests[i].box.x); // each stays on its box
  });

  it('keeps tags inside the photo', () => {
    const [tag] = layoutTags(
      [{ box: { x: 620, y: 0, width: 20, height: 30 }, score: 0.5, width: 60, height: 20 }],
      640,
      480,
    );
    expect(tag.x + tag.width).toBeLessThanOrEqual(640);
    expect(tag.y).toBeGreaterThanOrEqual(0);
  });
});
