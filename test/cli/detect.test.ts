import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iou, type Box } from '../../sdk/src/geometry/box';
import { COCO64 } from '../evaluation/coco64';
import { runCli } from './run-cli';

// 000000000086.jpg (512×640): one person on a motorcycle; COCO box x,y,w,h = 152,183,129,376.
const PHOTO = `${COCO64}/images/000000000086.jpg`;
const PERSON: Box = [152, 183, 152 + 129, 183 + 376];

interface JsonLine {
  file: string;
  width: number;
  height: number;
  objects: { key: string; zh: string; category: string; score: number; box: Box }[];
}

describe('npm run detect', () => {
  it('--json finds the person (人) where COCO annotates them, in original-image pixels', async () => {
    const run = await runCli('detect', ['--json', PHOTO]);
    expect(run.code).toBe(0);
    const line = JSON.parse(run.stdout.trim()) as JsonLine;
    expect([line.file, line.width, line.height]).toEqual([PHOTO, 512, 640]);
    const person = line.objects.find((o) => o.zh === '人');
    expect(person).toMatchObject({ key: 'person', category: '人' });
    const [x1, y1, x2, y2] = person!.box;
    expect(0 <= x1 && x1 < x2 && x2 <= 512 && 0 <= y1 && y1 < y2 && y2 <= 640).toBe(true);
    expect(iou(person!.box, PERSON)).toBeGreaterThan(0.7);
  });

  it('prints one Chinese line per image by default', async () => {
    const run = await runCli('detect', [PHOTO]);
    expect(run.stdout).toMatch(/^\S+000000000086\.jpg 512×640: .*人 0\.\d\d \[\d+,\d+,\d+,\d+\]/);
  });

  it('reads relative paths from the folder npm run was started in', async () => {
    const run = await runCli('detect', ['000000000086.jpg'], { INIT_CWD: path.dirname(PHOTO) });
    expect(run.stdout).toMatch(/^000000000086\.jpg 512×640: /);
  });

  it('reports a bad file on stderr, still answers for the others, and exits non-zero', async () => {
    const run = await runCli('detect', ['--json', '/nonexistent.jpg', PHOTO, `${COCO64}/SOURCE.md`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\/nonexistent\.jpg: .*no such file/i);
    expect(run.stderr).toMatch(/SOURCE\.md: .*JPEG, PNG, WebP or AVIF/);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a bad --min-score with the usage line', async () => {
    const run = await runCli('detect', ['--min-score', '2', PHOTO]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--min-score.*\nusage: npm run detect/);
  });
});
