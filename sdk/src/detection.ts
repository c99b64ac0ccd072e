// A model's raw answer for one image: classes by index and the manifest's key, boxes in original pixels, before
// a label set names them. What the server's Detector and the device's DeviceDetector both produce.
import type { Box } from './geometry/box';

export interface DetectedObject {
  classIndex: number;
  /** The class name in the manifest, which is the label-set key. */
  key: string;
  score: number;
  /** [x1, y1, x2, y2] in original-image pixels. */
  box: Box;
}

export interface Detection {
  /** The upright image's size (after EXIF orientation), which the boxes are in. */
  width: number;
  height: number;
  objects: DetectedObject[];
}

export interface DetectionOptions {
  /** Lowest score reported. */
  minScore: number;
  /** Same-class (same-group) boxes overlapping more than this are merged into the best one. */
  iou: number;
  maxObjects: number;
  /** NMS group of each class, by class index (-1: drop the class); default: each class its own group. */
  nmsGroups?: readonly number[];
}
