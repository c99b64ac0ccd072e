// @wanshi/sdk: the API client, the bundle format, and the pre/post-processing the server and the device share.
export * from './bundle/format';
export { readBundle, sha256Hex, BundleError } from './bundle/read';
export { ZipFormatError } from './bundle/zip';
export type { Detection, DetectedObject, DetectionOptions } from './detection';
export type { Box } from './geometry/box';
export type { ResizeTransform } from './image/resize-plan';
export type { LabelledObject } from './labels/apply';
export type { NmsMode } from './labels/nms-groups';
export type { DecoderSpec, InputSpec, Precision } from './model/spec';
export { WanshiClient } from './client/client';
export type {
  BundleDownload,
  DeviceBundleInfo,
  DetectOptions,
  HistoryFilter,
  HistoryPage,
  Photo,
  WanshiClientOptions,
} from './client/client';
export { ERROR_CODES, type ErrorCode } from './client/codes';
export { isWanshiError, RETRYABLE_CODES, WanshiError, type WanshiErrorCode } from './client/errors';
export type { DetectionResult, ResultLabel, ResultObject, ServerDetection } from './result';
export { DeviceDetector } from './device/device-detector';
export type {
  DeviceDetectOptions,
  DeviceDetection,
  DeviceImage,
  FittedPixels,
} from './device/device-detector';
export type { OrtModule, OrtSession, OrtTensor } from './device/ort';
export type { RgbaPixels } from './image/resample';
export { HybridDetector } from './hybrid/hybrid-detector';
export type { HybridOptions, HybridPhoto, HybridReason, HybridResult } from './hybrid/hybrid-detector';
export { DEVICE_BUNDLES } from './client/queries';
export { DEFAULT_MAX_OBJECTS, DEFAULT_MIN_SCORE } from './labels/apply';
