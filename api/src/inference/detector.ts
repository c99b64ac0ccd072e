// One model artifact as a detector. Preparation (resize, per image, no session needed) is split from inference
// (normalise into the batch tensor, one session run per batch) so a scheduler can prepare the next batch while
// one runs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ArtifactEntry, ModelManifest } from '../../../models/src/repository/manifest';
import { verifyArtifact } from '../../../models/src/repository/verify';
import { decoderOutputNames, type OutputTensor } from '../../../sdk/src/decoders';
import type { ImageLimits, RgbImage } from './image/decode';
import { decodeForModel, preprocess } from './image/preprocess';
import type { Detection, DetectionOptions } from '../../../sdk/src/detection';
import { asOutputTensor } from '../../../sdk/src/device/ort';
import { detectionOf } from '../../../sdk/src/postprocess/detection-of';
import type { ResizeTransform } from '../../../sdk/src/image/resize-plan';
import { inputDims, writeInputTensor } from '../../../sdk/src/image/tensor';
import { createSession, type SessionSettings } from './session';
import type { ExecutionProviderName } from '../config';

/** For showing results to people: only confident boxes. */
export const DISPLAY_OPTIONS: DetectionOptions = { minScore: 0.3, iou: 0.6, maxObjects: 100 };
/** For mAP: low-score boxes still add recall (pycocotools keeps the best 100 per image). */
export const EVALUATION_OPTIONS: DetectionOptions = { minScore: 0.05, iou: 0.6, maxObjects: 100 };

export type { DetectedObject, Detection, DetectionOptions } from '../../../sdk/src/detection';

/** One image ready for a batch: its resized pixels and what is needed to map boxes back. */
export interface PreparedImage {
  /** inputSize × inputSize interleaved RGB bytes. */
  pixels: Uint8Array;
  transform: ResizeTransform;
  width: number;
  height: number;
  options: DetectionOptions;
}

export interface DetectorSource {
  /** The model version folder holding manifest.json and the artifacts. */
  versionDir: string;
  manifest: ModelManifest;
  artifact: ArtifactEntry;
  inputSize: number;
}

export class Detector {
  private session: ort.InferenceSession | undefined;
  private activeProvider: ExecutionProviderName | undefined;
  /** The last run's batch input, reused by the next: batches would otherwise allocate megabytes each. */
  private spareInput: Float32Array | undefined;
  /** The batch size baked into the graph's input (Ultralytics exports batch 1 unless dynamic=True). */
  private fixedBatch: number | undefined;

  constructor(
    readonly source: DetectorSource,
    private readonly settings: SessionSettings,
    private readonly log: (line: string) => void = console.warn,
  ) {}

  get inputSize(): number {
    return this.source.inputSize;
  }

  /** The execution provider the session runs on; undefined until loaded. */
  get provider(): ExecutionProviderName | undefined {
    return this.activeProvider;
  }

  /** Checks the artifact's sha256 against the manifest, then opens the session; says which provider it got. */
  async load(): Promise<ExecutionProviderName> {
    if (this.session && this.activeProvider) return this.activeProvider;
    const { versionDir, artifact } = this.source;
    await verifyArtifact(versionDir, artifact);
    const opened = await createSession(
      await readFile(path.join(versionDir, artifact.file)),
      this.settings,
      this.log,
      artifact.precision,
    );
    this.session = opened.session;
    this.activeProvider = opened.provider;
    const input = opened.session.inputMetadata[0];
    const batch = input?.isTensor ? input.shape[0] : undefined;
    this.fixedBatch = typeof batch === 'number' ? batch : undefined;
    return opened.provider;
  }

  async unload(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.activeProvider = undefined;
    await session?.release();
  }

  /** An upload decoded straight at the model's input size (shrink-on-load); what serving and evaluation use. */
  async prepareUpload(
    bytes: Uint8Array,
    limits: ImageLimits,
    options: DetectionOptions = DISPLAY_OPTIONS,
  ): Promise<PreparedImage> {
    const decoded = await decodeForModel(bytes, limits, this.inputSize, this.source.manifest.input);
    return { ...decoded, options };
  }

  /** Pixels already decoded at full size. */
  async prepare(image: RgbImage, options: DetectionOptions = DISPLAY_OPTIONS): Promise<PreparedImage> {
    const { pixels, transform } = await preprocess(image, this.inputSize, this.source.manifest.input);
    return { pixels, transform, width: image.width, height: image.height, options };
  }

  /** A mid-grey picture, for warm-up runs that size the session's memory before real traffic. */
  warmUpSample(): Promise<PreparedImage> {
    const size = this.inputSize;
    return this.prepare({ data: Buffer.alloc(size * size * 3, 128), width: size, height: size });
  }

  async run(batch: readonly PreparedImage[]): Promise<Detection[]> {
    if (!this.session) throw new Error('Detector.run before load()');
    if (batch.length === 0) return [];
    const outputs = await this.runOutputs(batch);
    return batch.map((prepared, i) => this.detectionsOf(outputs, i, prepared));
  }

  /** One session run over the batch: the raw outputs the decoder reads (the import checks their shapes). */
  async runOutputs(batch: readonly PreparedImage[]): Promise<Record<string, OutputTensor>> {
    if (!this.session) throw new Error('Detector.run before load()');
    if (this.fixedBatch === 1 && batch.length > 1) {
      // A graph baked at batch 1 runs a batch image by image; the outputs are stacked as one run's would be.
      const parts: Record<string, OutputTensor>[] = [];
      for (const prepared of batch) parts.push(await this.runOutputs([prepared]));
      return stackBatches(parts);
    }
    const { manifest, inputSize } = this.source;
    const length = batch.length * 3 * inputSize * inputSize;
    // Taken, not shared: a concurrent run (in-process callers may overlap) gets a buffer of its own.
    const buffer =
      this.spareInput && this.spareInput.length >= length ? this.spareInput : new Float32Array(length);
    this.spareInput = undefined;
    const input = buffer.subarray(0, length);
    batch.forEach((p, i) => writeInputTensor(p.pixels, inputSize, manifest.input, input, i));
    const dims = inputDims(manifest.input.layout, batch.length, inputSize);
    let results: ort.InferenceSession.OnnxValueMapType;
    try {
      results = await this.session.run(
        { [manifest.input.name]: new ort.Tensor('float32', input, dims) },
        decoderOutputNames(manifest.decoder),
      );
    } finally {
      this.spareInput = buffer;
    }
    return Object.fromEntries(Object.entries(results).map(([name, t]) => [name, asOutputTensor(name, t)]));
  }

  /** Prepares and runs images as one batch. */
  async detect(
    images: readonly RgbImage[],
    options: DetectionOptions = DISPLAY_OPTIONS,
  ): Promise<Detection[]> {
    return this.run(await Promise.all(images.map((image) => this.prepare(image, options))));
  }

  private detectionsOf(
    outputs: Record<string, OutputTensor>,
    index: number,
    prepared: PreparedImage,
  ): Detection {
    const { manifest, inputSize } = this.source;
    return detectionOf({ ...manifest, inputSize }, outputs, index, prepared, prepared.options);
  }
}

function stackBatches(parts: readonly Record<string, OutputTensor>[]): Record<string, OutputTensor> {
  return Object.fromEntries(
    Object.keys(parts[0]).map((name) => {
      const tensors = parts.map((p) => p[name]);
      const data = new Float32Array(tensors.reduce((n, t) => n + t.data.length, 0));
      let offset = 0;
      for (const t of tensors) {
        data.set(t.data, offset);
        offset += t.data.length;
      }
      const [, ...rest] = tensors[0].dims;
      return [name, { data, dims: [tensors.reduce((n, t) => n + t.dims[0], 0), ...rest] }];
    }),
  );
}
