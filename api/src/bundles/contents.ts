/**
 * What a device bundle holds: everything an app needs to detect on the device with the same answers as the
 * server's detect for that profile — the ONNX file, the published label set it answers with, how to prepare
 * the picture, how to decode the outputs, and a manifest with the sha256 of every other file.
 *
 * `GET /bundles/<model>/<version>/<profile>-<size>.zip` (profile: fp32, fp16, fp16-storage, int8, int4), a ZIP
 * of STORE entries in this order. The exact JSON shapes (format `wanshi-bundle/1`; sdk/src/bundle/format.ts holds
 * the schemas the SDK checks them with, the fields beyond them — profile, model.family, detect, dtype, shape —
 * are extra facts its schemas let through):
 *
 * `model.onnx` — the profile's artifact, byte for byte as the server runs it (float32 input and outputs).
 *
 * `labels.json`:
 * ```json
 * { "labelSet": "coco80", "version": 3,
 *   "modelClasses": ["person", "bicycle", …],            // the model's classes, in output index order
 *   "labels": [ { "key": "person", "zh": "人", "pinyin": "ren", "aliases": ["行人"], "category": "人",
 *                 "color": "#e6194b", "enabled": true,
 *                 "minScore": null,                     // per-label threshold; null: the request's minScore
 *                 "classes": ["person"] } ] }           // the modelClasses this label covers
 * ```
 * Every label of the published version, in its order; a class no label covers is off; disabled labels are
 * never shown. Boxes of one label compete in NMS together (the server's default, PER_LABEL).
 *
 * `input.json`:
 * ```json
 * { "name": "images", "dtype": "float32", "layout": "NCHW", "shape": [1, 3, 320, 320], "size": 320,
 *   "channelOrder": "BGR", "mean": [103.53, 116.28, 123.675], "std": [57.375, 57.12, 58.395],
 *   "resize": "stretch", "padValue": 0 }
 * ```
 * Pixels 0..255 of the upright (EXIF-rotated) photo, resized to size × size (`stretch`: ignoring aspect;
 * `letterbox`: aspect kept, padded with padValue), then (pixel − mean) / std per channel in channelOrder.
 *
 * `decoder.json` — the model manifest's decoder, as its family in the registry (api/src/inference/decoders)
 * checks it: `{ "family": "nanodet-gfl", "heads": [{ "stride": 8, "scores": "scores_s8", "boxes": "boxes_s8" },
 * …], "regMax": 10 }`, `{ "family": "yolov8", "output": "output0", … }`, … — family plus its own parameters.
 *
 * `manifest.json`:
 * ```json
 * { "format": "wanshi-bundle/1",
 *   "model": { "name": "nanodet-m", "version": "1", "family": "nanodet-gfl" },
 *   "profile": "int8", "precision": "int8", "inputSize": 320,
 *   "labelSet": { "name": "coco80", "version": 3 },
 *   "detect": { "minScore": 0.3, "maxObjects": 100, "nms": "PER_LABEL", "nmsIou": 0.6 },   // the server's defaults
 *   "files": { "model.onnx": { "sha256": "…", "bytes": 3951754 }, "labels.json": { … }, "input.json": { … },
 *              "decoder.json": { … } } }
 * ```
 */
import { createHash } from 'node:crypto';
import type { ArtifactEntry, ModelManifest } from '../../../models/src/repository/manifest';
import { familyOf } from '../../../sdk/src/decoders';
import { mapClasses } from '../labels/mapping';
import { BUNDLE_FILES, BUNDLE_FORMAT, type BundleFile } from '../../../sdk/src/bundle/format';
import { DEFAULT_MAX_OBJECTS, DEFAULT_MIN_SCORE, NMS_IOU } from '../../../sdk/src/labels/apply';
import type { LabelMap } from '../services/labels';

/** A profile of a version at one size: what one bundle is made of. */
export interface BundleProfile {
  manifest: ModelManifest;
  artifact: ArtifactEntry;
  /** fp32, fp16, fp16-storage, int8 or int4: the artifact's build profile (its precision when unnamed). */
  profile: string;
  inputSize: number;
}

/** The profile name an artifact was built as (fp16-storage is listed under precision fp16). */
export const profileOf = (artifact: ArtifactEntry): string =>
  typeof artifact.build?.profile === 'string' ? artifact.build.profile : artifact.precision;

/** Every bundle a version offers: its artifacts baked at a size (a device runs one fixed size). */
export function bundleProfiles(manifest: ModelManifest): BundleProfile[] {
  return manifest.artifacts.flatMap((artifact) =>
    artifact.inputSize === null
      ? []
      : [{ manifest, artifact, profile: profileOf(artifact), inputSize: artifact.inputSize }],
  );
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

export function labelsJson(manifest: ModelManifest, labels: LabelMap): Buffer {
  const all = [...labels.labels.values()];
  // The same mapping the detect pipeline applies: by class key, then by the class's category in the model's
  // own label set (here the same set), fine then coarse.
  const classLabels = mapClasses(
    all,
    manifest.classes.map((key) => ({ key, category: labels.labels.get(key)?.category ?? '' })),
  );
  return json({
    labelSet: labels.labelSet,
    version: labels.version,
    modelClasses: manifest.classes,
    labels: all.map((label) => ({
      key: label.key,
      zh: label.zh,
      pinyin: label.pinyin,
      aliases: label.aliases,
      category: label.category,
      color: label.color,
      enabled: label.enabled,
      minScore: label.minScore,
      classes: manifest.classes.filter((_, index) => classLabels[index] === label),
    })),
  });
}

export function inputJson({ manifest, inputSize }: BundleProfile): Buffer {
  const { name, layout, channelOrder, mean, std, resize, padValue } = manifest.input;
  const shape = layout === 'NCHW' ? [1, 3, inputSize, inputSize] : [1, inputSize, inputSize, 3];
  return json({
    name,
    dtype: 'float32',
    layout,
    shape,
    size: inputSize,
    channelOrder,
    mean,
    std,
    resize,
    padValue,
  });
}

export function decoderJson(manifest: ModelManifest): Buffer {
  // Parsed by the family's own schema: what the server decodes with, nothing a device could misread.
  return json(familyOf(manifest.decoder).spec.parse(manifest.decoder));
}

const digest = (bytes: Uint8Array) => ({
  sha256: createHash('sha256').update(bytes).digest('hex'),
  bytes: bytes.length,
});

/** Every file of the bundle as stored: the BUNDLE_FILES in their order, then manifest.json listing them. */
export function bundleFiles(
  bundle: BundleProfile,
  model: Uint8Array,
  labels: LabelMap,
): { name: string; bytes: Uint8Array }[] {
  const contents: Record<BundleFile, Uint8Array> = {
    'model.onnx': model,
    'labels.json': labelsJson(bundle.manifest, labels),
    'input.json': inputJson(bundle),
    'decoder.json': decoderJson(bundle.manifest),
  };
  const files = BUNDLE_FILES.map((name) => ({ name, bytes: contents[name] }));
  const manifest = json({
    format: BUNDLE_FORMAT,
    model: {
      name: bundle.manifest.name,
      version: bundle.manifest.version,
      family: bundle.manifest.decoder.family,
    },
    profile: bundle.profile,
    precision: bundle.artifact.precision,
    inputSize: bundle.inputSize,
    labelSet: { name: labels.labelSet, version: labels.version },
    detect: {
      minScore: DEFAULT_MIN_SCORE,
      maxObjects: DEFAULT_MAX_OBJECTS,
      nms: 'PER_LABEL',
      nmsIou: NMS_IOU,
    },
    files: Object.fromEntries(files.map(({ name, bytes }) => [name, digest(bytes)])),
  });
  return [...files, { name: 'manifest.json', bytes: manifest }];
}
