// YOLO (Ultralytics) detection dataset: images/, labels/ with one `class cx cy w h` line per box (normalised
// to 0–1), data.yaml naming the classes, and classes.txt (the Darknet / Label Studio list, one name a line).
import type { ExportDataset } from './dataset';

export interface TextFile {
  path: string;
  text: string;
}

/** Six decimals: under a thousandth of a pixel on a 1000-pixel image. */
const DECIMALS = 6;

function labelPathFor(imageFileName: string): string {
  return imageFileName.replace(/^images\//, 'labels/').replace(/\.[^./]+$/, '.txt');
}

export function toYolo(dataset: ExportDataset): TextFile[] {
  const classIndex = new Map(dataset.categories.map((category, index) => [category.key, index]));
  const labels = dataset.images.map((image) => ({
    path: labelPathFor(image.fileName),
    text: image.boxes
      .map((box) => {
        const values = [
          (box.x + box.width / 2) / image.width,
          (box.y + box.height / 2) / image.height,
          box.width / image.width,
          box.height / image.height,
        ];
        return [classIndex.get(box.classKey)!, ...values.map((v) => v.toFixed(DECIMALS))].join(' ') + '\n';
      })
      .join(''),
  }));
  return [
    { path: 'data.yaml', text: dataYaml(dataset) },
    { path: 'classes.txt', text: dataset.categories.map((c) => `${c.key}\n`).join('') },
    ...labels,
  ];
}

/**
 * `names` are the label keys (so a trained model's classes match the label set); `names_zh`, which Ultralytics
 * ignores, keeps the Chinese names. Strings are JSON-quoted, which is valid YAML for any text.
 */
function dataYaml(dataset: ExportDataset): string {
  const entries = (pick: (category: ExportDataset['categories'][number]) => string) =>
    dataset.categories.map((category, index) => `  ${index}: ${JSON.stringify(pick(category))}`);
  return [
    `# Wanshi review export: ${dataset.labelSet} v${dataset.labelSetVersion}, ${dataset.images.length} images,`,
    `# ${dataset.exportedAt.toISOString()}. train and val are the same images: split them before serious training.`,
    'path: .',
    'train: images',
    'val: images',
    `nc: ${dataset.categories.length}`,
    'names:',
    ...entries((category) => category.key),
    'names_zh:',
    ...entries((category) => category.zh),
    '',
  ].join('\n');
}
