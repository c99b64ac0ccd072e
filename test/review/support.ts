// Test oracles for the review feature: a seeded random source, and readers written independently of the
// exporters (a ZIP reader, COCO and YOLO parsers), so a round trip checks the files, not the writer against itself.
import { crc32 } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import type { ExportBox, ExportCategory } from '../../api/src/review/export/dataset';

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

/** The files of a STORE-only ZIP, read through its central directory; checks every CRC. */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const skip = nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (method !== 0) throw new Error(`${name}: not stored`);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataStart, dataStart + size);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    files.set(name, data);
    at += 46 + skip;
  }
  return files;
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
