// Detection on the device from a verified bundle: the bundle's ONNX file in the app's ONNX Runtime, the same
// tensor layout, decoder, NMS and label mapping as the server, so the answer has the server's shape (boxes in
// original pixels, the label set's Chinese names).
import type { Bundle, BundleLabel } from '../bundle/format';
import { readBundle } from '../bundle/read';
import { decoderOutputNames } from '../decoders';
import { fitRgba, type RgbaPixels } from '../image/resample';
import { planResize, type ResizeTransform } from '../image/resize-plan';
import { inputDims, toInputTensor } from '../image/tensor';
import { applyLabelSet, DEFAULT_MAX_OBJECTS, DEFAULT_MIN_SCORE, modelOptions } from '../labels/apply';
import type { NmsMode } from '../labels/nms-groups';
import { detectionOf } from '../postprocess/detection-of';
import type { DetectionResult } from '../result';
import { bundleLabelPlan } from './label-plan';
import { asOutputTensor, type OrtModule, type OrtSession } from './ort';

export interface DeviceDetectOptions {
  minScore?: number;
  maxObjects?: number;
  nms?: NmsMode;
}

/** The picture to detect in: decoded RGBA pixels, and the size of the original photo when they are smaller. */
export interface DeviceImage extends RgbaPixels {
  /** The photo's size, which boxes are given in; default the pixels' own. */
  originalWidth?: number;
  originalHeight?: number;
}

/** A picture already fitted into the model's square (size × size RGB), e.g. the server's own resize. */
export interface FittedPixels {
  pixels: Uint8Array;
  transform: ResizeTransform;
  width: number;
  height: number;
}

export interface DeviceDetection extends DetectionResult {
  timing: { preprocessMs: number; inferenceMs: number; totalMs: number };
}

const now = () => globalThis.performance.now();

export class DeviceDetector {
  private constructor(
    readonly bundle: Bundle,
    private readonly ort: OrtModule,
    private readonly session: OrtSession,
  ) {}

  /** Verifies a bundle (zip bytes, or one already read) and opens its model in `ort`. */
  static async load(
    bundle: Uint8Array | Bundle,
    ort: OrtModule,
    sessionOptions: Record<string, unknown> = {},
  ): Promise<DeviceDetector> {
    const read = bundle instanceof Uint8Array ? await readBundle(bundle) : bundle;
    const session = await ort.InferenceSession.create(read.model, sessionOptions);
    return new DeviceDetector(read, ort, session);
  }

  get inputSize(): number {
    return this.bundle.input.size;
  }

  async detect(image: DeviceImage, options: DeviceDetectOptions = {}): Promise<DeviceDetection> {
    const started = now();
    const width = image.originalWidth ?? image.width;
    const height = image.originalHeight ?? image.height;
    const { input } = this.bundle;
    const plan = planResize(width, height, input.size, input.resize);
    const pixels = fitRgba(image, plan, input.size, input.padValue);
    return this.run({ pixels, transform: plan.transform, width, height }, options, started);
  }

  /** Detects in pixels already fitted into the model's square (skips the device's own resize). */
  detectFitted(fitted: FittedPixels, options: DeviceDetectOptions = {}): Promise<DeviceDetection> {
    return this.run(fitted, options, now());
  }

  release(): Promise<void> {
    return this.session.release();
  }

  private async run(
    fitted: FittedPixels,
    options: DeviceDetectOptions,
    started: number,
  ): Promise<DeviceDetection> {
    const { input, decoder, labels, manifest } = this.bundle;
    const tensor = toInputTensor(fitted.pixels, input.size, input);
    const prepared = now();
    const results = await this.session.run(
      { [input.name]: new this.ort.Tensor('float32', tensor, inputDims(input.layout, 1, input.size)) },
      decoderOutputNames(decoder),
    );
    const inferred = now();
    const plan = bundleLabelPlan(labels, {
      minScore: options.minScore ?? DEFAULT_MIN_SCORE,
      maxObjects: options.maxObjects ?? DEFAULT_MAX_OBJECTS,
      nms: options.nms ?? 'PER_LABEL',
    });
    const raw = detectionOf(
      { decoder, classes: labels.modelClasses, inputSize: input.size },
      Object.fromEntries(Object.entries(results).map(([name, t]) => [name, asOutputTensor(name, t)])),
      0,
      fitted,
      modelOptions(plan),
    );
    const byKey = new Map<string, BundleLabel>(labels.labels.map((l) => [l.key, l]));
    const objects = applyLabelSet(raw, plan).map((o) => {
      const label = byKey.get(o.labelKey)!;
      return {
        classKey: o.classKey,
        label: {
          key: label.key,
          zh: label.zh,
          pinyin: label.pinyin,
          category: label.category,
          color: label.color,
        },
        score: o.score,
        box: o.box,
      };
    });
    return {
      image: { width: fitted.width, height: fitted.height },
      objects,
      model: {
        name: manifest.model.name,
        version: manifest.model.version,
        precision: manifest.precision,
        inputSize: manifest.inputSize,
      },
      labelSet: manifest.labelSet.name,
      labelSetVersion: manifest.labelSet.version,
      timing: {
        preprocessMs: prepared - started,
        inferenceMs: inferred - prepared,
        totalMs: now() - started,
      },
    };
  }
}
