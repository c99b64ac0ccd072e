// What a detection answers, wherever it ran: the server's `detect` shape (boxes in original pixels, the label
// set's Chinese names). A device answer has the same fields; the server's adds what only it records.
import type { Precision } from './model/spec';

export interface ResultLabel {
  key: string;
  zh: string;
  pinyin: string;
  category: string;
  color: string;
}

export interface ResultObject {
  /** The model class found (label.key differs where the label set maps classes). */
  classKey: string;
  label: ResultLabel;
  score: number;
  /** In original-image pixels. */
  box: { x: number; y: number; width: number; height: number };
}

export interface DetectionResult {
  image: { width: number; height: number };
  objects: ResultObject[];
  model: { name: string; version: string; precision: Precision; inputSize: number };
  labelSet: string;
  labelSetVersion: number;
}

/** A detection the server made and recorded (what history and review see). */
export interface ServerDetection extends DetectionResult {
  id: string;
  createdAt: string;
  image: { sha256: string; width: number; height: number };
  timing: { queueMs: number; inferenceMs: number; totalMs: number; batchSize: number };
  executionProvider: string;
}
