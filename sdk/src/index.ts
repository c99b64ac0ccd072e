// @wanshi/sdk: the bundle format, and the pre/post-processing the server and the device share.
export * from './bundle/format';
export { readBundle, sha256Hex, BundleError } from './bundle/read';
export { ZipFormatError } from './bundle/zip';
export type { Detection, DetectedObject, DetectionOptions } from './detection';
export type { Box } from './geometry/box';
export type { ResizeTransform } from './image/resize-plan';
export type { LabelledObject } from './labels/apply';
export type { NmsMode } from './labels/nms-groups';
export type { DecoderSpec, InputSpec, Precision } from './model/spec';
