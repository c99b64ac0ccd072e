// The reviewed images with their corrected boxes: what every export format writes, built from verdicts.

export interface ExportCategory {
  /** The label key: the class name a fine-tuned model must use to plug back into Wanshi's label sets. */
  key: string;
  zh: string;
  category: string;
}

/** Axis-aligned box in original-image pixels: top-left corner, width, height. */
export interface ExportBox {
  classKey: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ExportImage {
  sha256: string;
  /** Relative path of the photo in the export, e.g. `images/<sha256>.jpg`. */
  fileName: string;
  width: number;
  height: number;
  /** Empty for an image reviewed as having no objects: a useful negative example. */
  boxes: ExportBox[];
}

export interface ExportDataset {
  labelSet: string;
  labelSetVersion: number;
  exportedAt: Date;
  /** In label-set order (YOLO class index = position); classes only seen in reviews come last. */
  categories: ExportCategory[];
  images: ExportImage[];
}

export interface ReviewedObject {
  classKey: string;
  verdict: 'correct' | 'wrong_label' | 'not_object';
  correctedKey: string | null;
  box: Omit<ExportBox, 'classKey'>;
}

/**
 * The boxes an image should be trained with: correct objects as predicted, wrongly labelled ones with the
 * reviewer's label, missed ones as drawn; false positives dropped. Boxes are clipped to the image (the model's
 * may overhang it slightly) and ones with no area left are dropped.
 */
export function correctedBoxes(
  image: { width: number; height: number },
  objects: readonly ReviewedObject[],
  missed: readonly ExportBox[],
): ExportBox[] {
  const kept = objects.flatMap((o) => {
    if (o.verdict === 'not_object') return [];
    const classKey = o.verdict === 'wrong_label' ? o.correctedKey! : o.classKey;
    return [{ classKey, ...o.box }];
  });
  return [...kept, ...missed]
    .map((box) => clipToImage(box, image))
    .filter((box) => box.width > 0 && box.height > 0);
}

export function clipToImage(box: ExportBox, image: { width: number; height: number }): ExportBox {
  const x1 = Math.min(Math.max(box.x, 0), image.width);
  const y1 = Math.min(Math.max(box.y, 0), image.height);
  const x2 = Math.min(Math.max(box.x + box.width, 0), image.width);
  const y2 = Math.min(Math.max(box.y + box.height, 0), image.height);
  return { classKey: box.classKey, x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}
