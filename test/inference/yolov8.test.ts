import { describe, expect, it } from 'vitest';
import { decodeYolov8, type Yolov8Spec } from '../../sdk/src/decoders/yolov8';

const spec: Yolov8Spec = { family: 'yolov8', output: 'output0' };

/** [B, 4 + C, N] with 2 classes and 3 anchors, rows filled from `rows` (one array per row, per image). */
function output(images: number[][][]) {
  const data = Float32Array.from(images.flat(2));
  return { output0: { data, dims: [images.length, 6, 3] } };
}

const emptyImage = () => [0, 0, 0, 0, 0, 0].map(() => [0, 0, 0]);

describe('decodeYolov8', () => {
  it('turns cx, cy, w, h into corner coordinates for each class above the threshold', () => {
    const image = emptyImage();
    [image[0][1], image[1][1], image[2][1], image[3][1]] = [100, 50, 40, 20]; // anchor 1
    image[5][1] = 0.75; // class 1
    expect(decodeYolov8(output([image]), spec, 0, 0.25)).toEqual([
      { classIndex: 1, score: 0.75, box: [80, 40, 120, 60] },
    ]);
  });

  it('reads the requested image of a batch', () => {
    const second = emptyImage();
    second[4][2] = 0.5;
    const outputs = output([emptyImage(), second]);
    expect(decodeYolov8(outputs, spec, 0, 0.25)).toEqual([]);
    expect(decodeYolov8(outputs, spec, 1, 0.25).map((c) => c.classIndex)).toEqual([0]);
  });
});
