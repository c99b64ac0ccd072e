// COCO object-detection JSON (what Label Studio, FiftyOne, CVAT, Roboflow and Detectron/MMDetection read).
import type { ExportDataset } from './dataset';

export interface CocoExport {
  info: { description: string; version: string; date_created: string };
  licenses: never[];
  images: { id: number; file_name: string; width: number; height: number }[];
  annotations: {
    id: number;
    image_id: number;
    category_id: number;
    /** [x, y, width, height] in pixels */
    bbox: [number, number, number, number];
    area: number;
    iscrowd: 0;
  }[];
  /** `name` is the label key (the class name a model trained on this uses); `name_zh` the Chinese name. */
  categories: { id: number; name: string; name_zh: string; supercategory: string }[];
}

/** Ids count from 1 (COCO's own convention, and tools that reserve 0 for background expect it). */
export function toCoco(dataset: ExportDataset): CocoExport {
  const categoryId = new Map(dataset.categories.map((category, index) => [category.key, index + 1]));
  let annotationId = 0;
  return {
    info: {
      description: `Wanshi review export: ${dataset.labelSet} v${dataset.labelSetVersion}`,
      version: String(dataset.labelSetVersion),
      date_created: dataset.exportedAt.toISOString(),
    },
    licenses: [],
    images: dataset.images.map((image, index) => ({
      id: index + 1,
      file_name: image.fileName,
      width: image.width,
      height: image.height,
    })),
    annotations: dataset.images.flatMap((image, index) =>
      image.boxes.map((box) => ({
        id: ++annotationId,
        image_id: index + 1,
        category_id: categoryId.get(box.classKey)!,
        bbox: [box.x, box.y, box.width, box.height] as [number, number, number, number],
        area: box.width * box.height,
        iscrowd: 0 as const,
      })),
    ),
    categories: dataset.categories.map((category, index) => ({
      id: index + 1,
      name: category.key,
      name_zh: category.zh,
      supercategory: category.category,
    })),
  };
}
