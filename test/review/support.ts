// Test oracles for the review feature: a seeded random source, and readers written independently of the
// exporters (a ZIP reader, COCO and YOLO parsers), so a round trip checks the files, not the writer against itself.
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { parse as parseYaml } from 'yaml';
import type { ExportBox, ExportCategory } from '../../api/src/review/export/dataset';

/** ReviewRulesInput that queues every detection (up to caps no test reaches), so a test's detection is reviewable. */
export const SAMPLE_EVERY_DETECTION = {
  enabled: true,
  lowScoreBelow: null,
  borderlineMargin: null,
  watchedClasses: [],
  randomShare: 1,
  hourlyCap: 100,
  dailyCap: 100,
};

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The files of a STORE-only ZIP, read by yauzl (ZIP64 too) in central-directory order; checks every CRC. */
export async function readZip(archive: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(archive, { lazyEntries: true }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    ),
  );
  const files = new Map<string, Buffer>();
  for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
    if (entry.compressionMethod !== 0) throw new Error(`${entry.fileName}: not stored`);
    const stream = await promisify(zip.openReadStream.bind(zip))(entry);
    const data = Buffer.concat(await stream.toArray());
    if (crc32(data) !== entry.crc32) throw new Error(`${entry.fileName}: CRC mismatch`);
    files.set(entry.fileName, data);
  }
  return files;
}

/** The next entry of a lazily read archive, or null after the last. */
export function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => settle(() => resolve(entry));
    const onEnd = () => settle(() => resolve(null));
    const onError = (error: Error) => settle(() => reject(error));
    const settle = (then: () => void) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      then();
    };
    zip.once('entry', onEntry).once('end', onEnd).once('error', onError);
    zip.readEntry();
  });
}

export interface ParsedImage {
  fileName: string;
  width: number;
  height: number;
  boxes: ExportBox[];
}

interface CocoJson {
  images: { id: number; file_name: string; width: number; height: number }[];
  annotations: { image_id: number; category_id: number; bbox: number[] }[];
  categories: { id: number; name: string; name_zh: string; supercategory: string }[];
}

export function parseCoco(json: CocoJson): { categories: ExportCategory[]; images: ParsedImage[] } {
  const names = new Map(json.categories.map((c) => [c.id, c.name]));
  return {
    categories: json.categories.map((c) => ({ key: c.name, zh: c.name_zh, category: c.supercategory })),
    images: json.images.map((image) => ({
      fileName: image.file_name,
      width: image.width,
      height: image.height,
      boxes: json.annotations
        .filter((a) => a.image_id === image.id)
        .map(({ category_id, bbox: [x, y, width, height] }) => ({
          classKey: names.get(category_id)!,
          x,
          y,
          width,
          height,
        })),
    })),
  };
}

/** YOLO labels hold no image sizes: they come from the photos (here, from the caller). */
export function parseYolo(
  files: Map<string, string>,
  images: { fileName: string; width: number; height: number }[],
): { categories: ExportCategory[]; images: ParsedImage[] } {
  const data = parseYaml(files.get('data.yaml')!) as {
    nc: number;
    names: Record<number, string>;
    names_zh: Record<number, string>;
  };
  const keys = Array.from({ length: data.nc }, (_, i) => data.names[i]);
  return {
    categories: keys.map((key, i) => ({ key, zh: data.names_zh[i], category: '' })),
    images: images.map(({ fileName, width, height }) => {
      const text = files.get(fileName.replace(/^images\//, 'labels/').replace(/\.\w+$/, '.txt'));
      if (text === undefined) throw new Error(`no label file for ${fileName}`);
      const boxes = text
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [index, cx, cy, w, h] = line.split(' ').map(Number);
          return {
            classKey: keys[index],
            x: (cx - w / 2) * width,
            y: (cy - h / 2) * height,
            width: w * width,
            height: h * height,
          };
        });
      return { fileName, width, height, boxes };
    }),
  };
}
