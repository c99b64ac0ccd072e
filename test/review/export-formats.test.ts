import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctedBoxes, type ExportDataset } from '../../api/src/review/export/dataset';
import { toCoco } from '../../api/src/review/export/coco';
import { toYolo } from '../../api/src/review/export/yolo';
import { ZipWriter } from '../../api/src/review/export/zip';
import { parseCoco, parseYolo, readZip } from './support';

const dataset: ExportDataset = {
  labelSet: 'coco80',
  labelSetVersion: 2,
  exportedAt: new Date('2026-03-05T08:00:00Z'),
  categories: [
    { key: 'person', zh: '行人', category: '人' },
    { key: 'dog', zh: '狗', category: '动物' },
    { key: 'cat', zh: '猫', category: '动物' },
  ],
  images: [
    {
      sha256: 'a'.repeat(64),
      fileName: `images/${'a'.repeat(64)}.jpg`,
      width: 640,
      height: 480,
      boxes: [
        { classKey: 'cat', x: 10.5, y: 20.25, width: 100, height: 80.75 },
        { classKey: 'person', x: 300, y: 0, width: 340, height: 480 },
      ],
    },
    { sha256: 'b'.repeat(64), fileName: `images/${'b'.repeat(64)}.png`, width: 481, height: 640, boxes: [] },
  ],
};

/** Boxes compared to a hundredth of a pixel (YOLO keeps six decimals of the image size). */
const rounded = (
  images: {
    fileName: string;
    boxes: { classKey: string; x: number; y: number; width: number; height: number }[];
  }[],
) =>
  images.map((image) => ({
    fileName: image.fileName,
    boxes: image.boxes.map((b) => ({
      classKey: b.classKey,
      box: [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 100) / 100),
    })),
  }));

describe('review export formats', () => {
  it('keeps correct boxes, relabels wrong ones, drops false positives, adds missed ones, clipped to the image', () => {
    const box = { x: -5, y: 10, width: 50, height: 20 };
    expect(
      correctedBoxes(
        { width: 100, height: 100 },
        [
          { classKey: 'dog', verdict: 'correct', correctedKey: null, box },
          {
            classKey: 'dog',
            verdict: 'wrong_label',
            correctedKey: 'cat',
            box: { x: 60, y: 90, width: 50, height: 20 },
          },
          { classKey: 'person', verdict: 'not_object', correctedKey: null, box },
        ],
        [
          { classKey: 'person', x: 1, y: 2, width: 3, height: 4 },
          { classKey: 'cat', x: 120, y: 0, width: 5, height: 5 },
        ],
      ),
    ).toEqual([
      { classKey: 'dog', x: 0, y: 10, width: 45, height: 20 },
      { classKey: 'cat', x: 60, y: 90, width: 40, height: 10 },
      { classKey: 'person', x: 1, y: 2, width: 3, height: 4 },
    ]);
  });

  it('COCO: export → parse gives the same images, boxes, labels and Chinese names', () => {
    const coco = JSON.parse(JSON.stringify(toCoco(dataset)));
    const parsed = parseCoco(coco);
    expect(parsed.categories).toEqual(dataset.categories);
    expect(rounded(parsed.images)).toEqual(rounded(dataset.images));
    expect(parsed.images.map((i) => [i.width, i.height])).toEqual([
      [640, 480],
      [481, 640],
    ]);
    expect(coco.categories[0]).toEqual({ id: 1, name: 'person', name_zh: '行人', supercategory: '人' });
    expect(coco.annotations[0]).toMatchObject({
      id: 1,
      image_id: 1,
      category_id: 3,
      iscrowd: 0,
      area: 100 * 80.75,
    });
  });

  it('YOLO: export → parse gives the same boxes and labels; data.yaml names keys and Chinese names', () => {
    const files = new Map(toYolo(dataset).map((f) => [f.path, f.text]));
    expect([...files.keys()]).toEqual([
      'data.yaml',
      'classes.txt',
      `labels/${'a'.repeat(64)}.txt`,
      `labels/${'b'.repeat(64)}.txt`,
    ]);
    const parsed = parseYolo(files, dataset.images);
    expect(parsed.categories.map(({ key, zh }) => ({ key, zh }))).toEqual(
      dataset.categories.map(({ key, zh }) => ({ key, zh })),
    );
    expect(rounded(parsed.images)).toEqual(rounded(dataset.images));
    expect(files.get('classes.txt')).toBe('person\ndog\ncat\n');
    expect(files.get(`labels/${'a'.repeat(64)}.txt`)!.split('\n')[0]).toBe(
      '2 0.094531 0.126302 0.156250 0.168229',
    );
    expect(files.get(`labels/${'b'.repeat(64)}.txt`)).toBe(''); // a reviewed image with nothing on it
  });

  it('writes a STORE zip that unzip accepts, with UTF-8 names and the exact bytes', async () => {
    const chunks: Buffer[] = [];
    const zip = new ZipWriter(async (chunk) => void chunks.push(chunk));
    const photo = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    await zip.add('images/photo.jpg', photo);
    await zip.add('说明.txt', '中文说明\n');
    await zip.add('labels/empty.txt', '');
    await zip.finish();
    const archive = Buffer.concat(chunks);

    const files = await readZip(archive);
    expect([...files.keys()]).toEqual(['images/photo.jpg', '说明.txt', 'labels/empty.txt']);
    expect(files.get('images/photo.jpg')!.equals(photo)).toBe(true);
    expect(files.get('说明.txt')!.toString('utf8')).toBe('中文说明\n');

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wanshi-zip-')), 'export.zip');
    writeFileSync(file, archive);
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('fails the export, not hangs it, when the reader goes away part-way', async () => {
    let chunks = 0;
    const zip = new ZipWriter(async () => {
      if (++chunks === 3) throw new Error('the client went away');
    });
    const photo = Buffer.alloc(100_000, 7);
    const writeAll = async () => {
      for (let i = 0; i < 20; i++) await zip.add(`images/${i}.jpg`, photo);
      await zip.finish();
    };
    await expect(writeAll()).rejects.toThrow('the client went away');
  });

  // Slow (~20 s on two shared cores): yazl looks for its next entry from the first one, so time grows with n².
  it(
    'switches to ZIP64 past 65,535 entries, so a large YOLO export still lists every file',
    { timeout: 180_000 },
    async () => {
      const entries = 65_600; // a YOLO export of 32,800 photos: an image and a label file each
      const chunks: Buffer[] = [];
      const zip = new ZipWriter(async (chunk) => void chunks.push(chunk));
      for (let i = 0; i < entries; i++)
        await zip.add(`labels/${i}.txt`, i % 100 === 0 ? '0 0.5 0.5 0.1 0.1\n' : '');
      await zip.finish();
      const archive = Buffer.concat(chunks);

      // The classic end record can only say 0xffff; the ZIP64 record before it carries the real count.
      const zip64End = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
      expect(zip64End).toBeGreaterThan(0);
      expect(Number(archive.readBigUInt64LE(zip64End + 32))).toBe(entries);
      const files = await readZip(archive);
      expect(files.size).toBe(entries);
      expect(files.get('labels/65500.txt')!.toString()).toBe('0 0.5 0.5 0.1 0.1\n');
      expect(files.get(`labels/${entries - 1}.txt`)!.length).toBe(0);

      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wanshi-zip64-')), 'export.zip');
      writeFileSync(file, archive);
      expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors detected');
    },
  );
});
