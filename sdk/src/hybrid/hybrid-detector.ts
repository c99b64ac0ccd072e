// 混合方案: the device answers what it is sure of; the server answers the rest. A photo goes to the server when
// the device found nothing above a threshold, when its best score falls in the unsure band, when the device
// has measured itself too slow, or when the app asks. The answer says where it ran and why; when the server
// cannot answer, the device's answer comes back marked with the server's error.
import type { DetectOptions, WanshiClient } from '../client/client';
import { WanshiError, type WanshiErrorCode } from '../client/errors';
import type {
  DeviceDetectOptions,
  DeviceDetection,
  DeviceDetector,
  DeviceImage,
} from '../device/device-detector';
import type { ServerDetection } from '../result';

export interface HybridOptions {
  /** Below this best score the device "found nothing": the server is asked. Default 0.3. */
  minTopScore?: number;
  /** A best score in [low, high) is unsure: the server is asked. Default [0.3, 0.5]. */
  unsureBand?: readonly [low: number, high: number];
  /** The device is too slow once the median of its last runs exceeds this: photos go to the server first. */
  maxDeviceMs?: number;
  /** How many recent device runs the median is taken over. Default 5. */
  timingWindow?: number;
  device?: DeviceDetectOptions;
  server?: DetectOptions;
}

export type HybridReason =
  /** The device's best score was at or above the unsure band: its answer kept. */
  | 'confident'
  /** Nothing on the device scored minTopScore. */
  | 'no-object'
  /** The device's best score fell inside the unsure band. */
  | 'unsure'
  /** The device's measured median time exceeds maxDeviceMs. */
  | 'device-slow'
  /** The app asked for the server. */
  | 'asked';

export type HybridResult =
  | { ranOn: 'server'; reason: HybridReason; detection: ServerDetection; device?: DeviceDetection }
  | {
      ranOn: 'device';
      reason: HybridReason;
      detection: DeviceDetection;
      /** Why the server, which the reason wanted, did not answer (absent when the device answer was kept). */
      serverError?: WanshiError;
    };

/** A photo as the two sides need it: its bytes for the server, decoded pixels for the device (made lazily). */
export interface HybridPhoto {
  bytes: Uint8Array;
  pixels: DeviceImage | (() => Promise<DeviceImage>);
}

/** Server errors the caller caused: the device answer would hide a mistake, so these are thrown. */
const CALLER_ERRORS: readonly WanshiErrorCode[] = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
];

export class HybridDetector {
  private readonly deviceTimes: number[] = [];

  constructor(
    private readonly device: DeviceDetector,
    private readonly client: WanshiClient,
    private readonly options: HybridOptions = {},
  ) {}

  /** The median of the device's recent total times; undefined before it has run. */
  get deviceMedianMs(): number | undefined {
    if (this.deviceTimes.length === 0) return undefined;
    const sorted = [...this.deviceTimes].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  async detect(photo: HybridPhoto, request: { preferServer?: boolean } = {}): Promise<HybridResult> {
    const median = this.deviceMedianMs;
    const slow =
      this.options.maxDeviceMs !== undefined && median !== undefined && median > this.options.maxDeviceMs;
    if (request.preferServer || slow)
      return this.serverFirst(photo, request.preferServer ? 'asked' : 'device-slow');

    const device = await this.onDevice(photo);
    const reason = this.judge(device);
    if (reason === 'confident') return { ranOn: 'device', reason, detection: device };
    try {
      return { ranOn: 'server', reason, detection: await this.onServer(photo), device };
    } catch (error) {
      return { ranOn: 'device', reason, detection: device, serverError: asFallback(error) };
    }
  }

  private judge(device: DeviceDetection): HybridReason {
    const top = Math.max(0, ...device.objects.map((o) => o.score));
    const [low, high] = this.options.unsureBand ?? [0.3, 0.5];
    if (top < (this.options.minTopScore ?? 0.3)) return 'no-object';
    if (top >= low && top < high) return 'unsure';
    return 'confident';
  }

  private async serverFirst(photo: HybridPhoto, reason: HybridReason): Promise<HybridResult> {
    try {
      return { ranOn: 'server', reason, detection: await this.onServer(photo) };
    } catch (error) {
      const serverError = asFallback(error);
      return { ranOn: 'device', reason, detection: await this.onDevice(photo), serverError };
    }
  }

  private onServer(photo: HybridPhoto): Promise<ServerDetection> {
    return this.client.detect(photo.bytes, this.options.server);
  }

  private async onDevice(photo: HybridPhoto): Promise<DeviceDetection> {
    const pixels = typeof photo.pixels === 'function' ? await photo.pixels() : photo.pixels;
    const detection = await this.device.detect(pixels, this.options.device);
    this.deviceTimes.push(detection.timing.totalMs);
    if (this.deviceTimes.length > (this.options.timingWindow ?? 5)) this.deviceTimes.shift();
    return detection;
  }
}

/** A server failure the device answer stands in for; the caller's own mistakes are rethrown. */
function asFallback(error: unknown): WanshiError {
  if (!(error instanceof WanshiError) || CALLER_ERRORS.includes(error.code)) throw error;
  return error;
}
