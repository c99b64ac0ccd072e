// The API over GraphQL with fetch, for apps (browser, React Native, Node): every answer typed, every failure a
// WanshiError with the server's code, busy-server answers retried after the wait the server asks for.
import type { NmsMode } from '../labels/nms-groups';
import type { Precision } from '../model/spec';
import type { ServerDetection } from '../result';
import { toBase64 } from './base64';
import { WanshiError } from './errors';
import { DETECT, DETECT_BATCH, DEVICE_BUNDLES, FLAG, HISTORY } from './queries';

export interface WanshiClientOptions {
  /** The server's base URL, e.g. https://wanshi.example.com (the client posts to <url>/graphql). */
  url: string;
  /** An API key's secret (an app key is enough for detect, flag and its own history). */
  apiKey: string;
  /** Each attempt is abandoned after this long (TIMEOUT). Default 30 s. */
  timeoutMs?: number;
  /** How often an OVERLOADED, RATE_LIMITED or UNAVAILABLE answer is retried. Default 2. */
  retries?: number;
  /** The longest wait between retries, whatever retryAfterMs says. Default 10 s. */
  maxRetryDelayMs?: number;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface DetectOptions {
  model?: string;
  precision?: Precision;
  inputSize?: number;
  minScore?: number;
  maxObjects?: number;
  labelSet?: string;
  /** Answer only these labels (keys or Chinese names). */
  labels?: string[];
  nms?: NmsMode;
  /** Whether the server's review rules may sample this detection. */
  sampleForReview?: boolean;
}

/** A photo as bytes (JPEG, PNG, WebP, AVIF) or already base64-encoded. */
export type Photo = Uint8Array | { base64: string };

export interface HistoryFilter {
  from?: string;
  to?: string;
  labelKey?: string;
  minScore?: number;
  model?: string;
}

export interface HistoryPage {
  detections: ServerDetection[];
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: string | null;
}

/** A device bundle the server offers (deviceBundles), with the server's own measurements of the profile. */
export interface DeviceBundleInfo {
  model: string;
  version: string;
  /** fp32, fp16, fp16-storage, int8 or int4. */
  profile: string;
  precision: Precision;
  inputSize: number;
  /** The download path, relative to the server's URL. */
  url: string;
  bytes: number;
  /** sha256 of the archive, also its ETag. */
  sha256: string;
  modelBytes: number;
  modelSha256: string;
  labelSet: string;
  labelSetVersion: number;
  measured: {
    imagesPerSecond: number;
    latencyP50Ms: number;
    mAP: number;
    mAP50: number;
    provider: string;
    measuredAt: string;
  } | null;
}

/** A downloaded bundle and its ETag; `notModified` when the app's copy (its ETag given) is still current. */
export type BundleDownload =
  { notModified: false; zip: Uint8Array; etag: string } | { notModified: true; etag: string };

interface GraphQLReply<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

type RawDetection = Omit<ServerDetection, 'model'> & {
  model: Omit<ServerDetection['model'], 'precision'> & { precision: string };
};

export class WanshiClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: WanshiClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  async detect(photo: Photo, options: DetectOptions = {}): Promise<ServerDetection> {
    const data = await this.request<{ detect: RawDetection }>(DETECT, { input: detectInput(photo, options) });
    return fromRaw(data.detect);
  }

  /** Several photos as bulk work (the server runs them after interactive requests). */
  async detectBatch(photos: readonly Photo[], options: DetectOptions = {}): Promise<ServerDetection[]> {
    const inputs = photos.map((photo) => detectInput(photo, options));
    const data = await this.request<{ detectBatch: RawDetection[] }>(DETECT_BATCH, { inputs });
    return data.detectBatch.map(fromRaw);
  }

  /** Says a detection is wrong: the server queues it for review. */
  async flag(detectionId: string, reason: string): Promise<ServerDetection> {
    const data = await this.request<{ flagDetection: RawDetection }>(FLAG, { id: detectionId, reason });
    return fromRaw(data.flagDetection);
  }

  /** The key's own detections, newest first. */
  async history(page: { first?: number; after?: string; filter?: HistoryFilter } = {}): Promise<HistoryPage> {
    const data = await this.request<{
      detections: {
        edges: { node: RawDetection }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(HISTORY, page);
    const { edges, pageInfo } = data.detections;
    return {
      detections: edges.map((e) => fromRaw(e.node)),
      nextCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null,
    };
  }

  /** The bundles of the model's active version (default: the default model). */
  async deviceBundles(model?: string): Promise<DeviceBundleInfo[]> {
    return (await this.request<{ deviceBundles: DeviceBundleInfo[] }>(DEVICE_BUNDLES, { model }))
      .deviceBundles;
  }

  /** Downloads a bundle (its `url` from deviceBundles); with the ETag of a kept copy, only when it changed. */
  async downloadBundle(url: string, etag?: string): Promise<BundleDownload> {
    let response: Response;
    try {
      response = await this.fetch(new URL(url, this.options.url).toString(), {
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          ...(etag ? { 'if-none-match': etag } : {}),
        },
      });
    } catch (cause) {
      throw new WanshiError('NETWORK_ERROR', `Server unreachable: ${(cause as Error).message}`);
    }
    const tag = response.headers.get('etag') ?? '';
    if (response.status === 304) return { notModified: true, etag: tag };
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as {
        error?: { code?: string; message?: string };
      };
      const code = (body.error?.code ?? 'INTERNAL_SERVER_ERROR') as WanshiError['code'];
      throw new WanshiError(
        code,
        body.error?.message ?? `HTTP ${response.status}`,
        undefined,
        undefined,
        undefined,
        response.status,
      );
    }
    return { notModified: false, zip: new Uint8Array(await response.arrayBuffer()), etag: tag };
  }

  private async request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const retries = this.options.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt<T>(query, variables);
      } catch (error) {
        if (!(error instanceof WanshiError) || !error.retryable || attempt >= retries) throw error;
        const wait = Math.min(error.retryAfterMs ?? 1000, this.options.maxRetryDelayMs ?? 10_000);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async attempt<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      let response: Response;
      try {
        response = await this.fetch(`${this.options.url.replace(/\/$/, '')}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.apiKey}` },
          body: JSON.stringify({ query, variables }),
          signal: abort.signal,
        });
      } catch (cause) {
        if (abort.signal.aborted) throw new WanshiError('TIMEOUT', `No answer within ${timeoutMs} ms`);
        throw new WanshiError('NETWORK_ERROR', `Server unreachable: ${(cause as Error).message}`);
      }
      let reply: GraphQLReply<T>;
      try {
        reply = (await response.json()) as GraphQLReply<T>;
      } catch {
        if (abort.signal.aborted) throw new WanshiError('TIMEOUT', `No answer within ${timeoutMs} ms`);
        throw new WanshiError('INTERNAL_SERVER_ERROR', `HTTP ${response.status} without a GraphQL reply`);
      }
      const error = reply.errors?.[0];
      if (error) {
        const ext = error.extensions ?? {};
        throw new WanshiError(
          (typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR') as WanshiError['code'],
          error.message,
          typeof ext.retryAfterMs === 'number' ? ext.retryAfterMs : undefined,
          typeof ext.reason === 'string' ? ext.reason : undefined,
          ext.details,
          response.status,
        );
      }
      if (!reply.data) throw new WanshiError('INTERNAL_SERVER_ERROR', `HTTP ${response.status} without data`);
      return reply.data;
    } finally {
      clearTimeout(timer);
    }
  }
}

function detectInput(photo: Photo, options: DetectOptions): Record<string, unknown> {
  const { precision, ...rest } = options;
  return {
    ...rest,
    ...(precision ? { precision: precision.toUpperCase() } : {}),
    imageBase64: photo instanceof Uint8Array ? toBase64(photo) : photo.base64,
  };
}

/** The GraphQL Precision enum (INT8) as the manifest's and the bundles' precision (int8). */
function fromRaw(raw: RawDetection): ServerDetection {
  return { ...raw, model: { ...raw.model, precision: raw.model.precision.toLowerCase() as Precision } };
}
