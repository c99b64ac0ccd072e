import { describe, expect, it } from 'vitest';
import { COCO64 } from '../evaluation/coco64';
import { runCli } from './run-cli';

describe('npm run eval', () => {
  it('--json on a handful of coco64 images gives mAPs in range, speed and Chinese class names', async () => {
    const run = await runCli('eval', [
      '--images',
      `${COCO64}/images`,
      '--annotations',
      `${COCO64}/instances.json`,
      '--limit',
      '6',
      '--size',
      '320',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ images: 6, inputSize: 320, precision: 'fp32' });
    expect(report.map).toBeGreaterThan(0.1);
    expect(report.map).toBeLessThanOrEqual(report.map50);
    expect(report.map50).toBeLessThanOrEqual(1);
    expect(report.imagesPerSecond).toBeGreaterThan(0);
    expect(report.categories).toContainEqual(expect.objectContaining({ key: 'person', zh: '人' }));
  });
});
