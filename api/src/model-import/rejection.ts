// Why an import was refused: BAD_USER_INPUT with a stable `extensions.reason` clients can branch on.
import { InputError } from '../services/errors';

export const IMPORT_REJECTIONS = [
  /** Not an ONNX model (not protobuf, or no graph). */
  'NOT_ONNX',
  /** The file ends before its protobuf does: an interrupted download or upload. */
  'TRUNCATED',
  /** Larger than WANSHI_IMPORT_MAX_MB. */
  'TOO_LARGE',
  /** Weights kept in a separate file (ONNX external data), which an upload of one file cannot carry. */
  'EXTERNAL_DATA',
  /** The input is not one float32 [B, 3, S, S] (NCHW, square, 3 channels). */
  'UNSUPPORTED_INPUT_SHAPE',
  /** No family reads these outputs (or not the family asked for). */
  'UNSUPPORTED_OUTPUT_SHAPE',
  /** More than one family reads these outputs and nothing tells them apart: choose one with family. */
  'AMBIGUOUS_FAMILY',
  /** The metadata says the model is not a detector (e.g. Ultralytics task=segment). */
  'UNSUPPORTED_TASK',
  /** onnxruntime's cpu provider has no kernel for an op of the graph. */
  'UNSUPPORTED_OP',
  /** The graph's opset is newer than onnxruntime supports. */
  'UNSUPPORTED_OPSET',
  /** onnxruntime refused the graph for another reason. */
  'INVALID_MODEL',
  /** The warm-up run on a photo failed or gave outputs the family cannot read. */
  'WARM_UP_FAILED',
  /** No class names: none given and none in the metadata, or an empty list. */
  'EMPTY_NAMES',
  /** Class names that cannot be read (e.g. a metadata `names` that is not a dict literal) or repeat. */
  'INVALID_NAMES',
  /** The outputs have a different number of classes than the names. */
  'CLASS_COUNT_MISMATCH',
  /** The model already has this version. */
  'DUPLICATE_VERSION',
  /** Model name or version not in the allowed form. */
  'INVALID_NAME',
  /** A serving block with an unknown field or a value out of range. */
  'INVALID_SERVING',
  /** No file part in the request. */
  'NO_FILE',
] as const;
export type ImportRejectionReason = (typeof IMPORT_REJECTIONS)[number];

export class ImportRejection extends InputError {
  override name = 'ImportRejection';

  constructor(
    readonly reason: ImportRejectionReason,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, { reason, ...details });
  }
}
