// The import's last check before anything is registered: open the staged version exactly as serving will
// (sha256 against its manifest, an onnxruntime session on the cpu provider), run it on a real photo, and
// check the outputs have the shapes and class count the manifest claims.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { EvaluationSet } from '../config';
import type { ArtifactEntry, ModelManifest } from '../../../models/src/repository/manifest';
import { familyOf } from '../../../sdk/src/decoders';
import { Detector, DISPLAY_OPTIONS, EVALUATION_OPTIONS } from '../inference/detector';
import { decodeImage, type RgbImage } from '../inference/image/decode';
import { ImportRejection } from './rejection';

export interface WarmUpReport {
  /** The photo it ran on (a file name of the evaluation set, or "generated" when none is installed). */
  photo: string;
  milliseconds: number;
  /** Boxes found at display confidence: a plausibility hint for the admin, not a check. */
  objects: number;
}

export interface WarmUpPhoto {
  name: string;
  image: RgbImage;
}

/** The first photo of the evaluation set the product uses; a generated picture when there is none. */
export async function warmUpPhoto(evaluationSet: EvaluationSet | undefined): Promise<WarmUpPhoto> {
  const dir = evaluationSet?.imagesDir;
  const files = dir ? await readdir(dir).catch(() => []) : [];
  const first = files.filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()[0];
  const limits = { maxBytes: 64 * 1024 * 1024, maxPixels: 40_000_000 };
  if (dir && first)
    return { name: first, image: await decodeImage(await readFile(path.join(dir, first)), limits) };
  const { data, info } = await sharp({
    create: { width: 640, height: 480, channels: 3, background: { r: 90, g: 140, b: 200 } },
  })
    .composite([
      {
        input: Buffer.from(
          '<svg width="640" height="480"><circle cx="320" cy="260" r="120" fill="#c33"/></svg>',
        ),
      },
    ])
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { name: 'generated', image: { data, width: info.width, height: info.height } };
}

/** Runs `artifact` (default: the uploaded file, the manifest's first). */
export async function warmUp(
  versionDir: string,
  manifest: ModelManifest,
  photo: WarmUpPhoto,
  opTypes: readonly string[],
  artifact: ArtifactEntry = manifest.artifacts[0],
): Promise<WarmUpReport> {
  const detector = new Detector(
    { versionDir, manifest, artifact, inputSize: artifact.inputSize ?? manifest.defaultInputSize },
    { providers: ['cpu'], intraOpThreads: 1 },
    () => undefined,
  );
  try {
    try {
      await detector.load();
    } catch (error) {
      throw sessionRejection(error, opTypes);
    }
    const started = performance.now();
    const family = familyOf(manifest.decoder);
    const prepared = await detector.prepare(photo.image, EVALUATION_OPTIONS);
    const outputs = await detector.runOutputs([prepared]).catch((error: unknown) => {
      throw new ImportRejection('WARM_UP_FAILED', `The model failed on a photo: ${brief(error)}`);
    });
    const milliseconds = performance.now() - started;
    let classCount: number | undefined;
    let candidates;
    try {
      classCount = family.classCount(manifest.decoder, outputs);
      candidates = family.decode(
        manifest.decoder,
        outputs,
        detector.inputSize,
        0,
        EVALUATION_OPTIONS.minScore,
      );
    } catch (error) {
      throw new ImportRejection(
        'WARM_UP_FAILED',
        `The outputs of a photo do not decode as ${family.family}: ${brief(error)}`,
      );
    }
    const classes = manifest.classes.length;
    // Layouts that do not encode the class count (end-to-end) still must not name a class past the list.
    const highest = Math.max(-1, ...candidates.map((c) => c.classIndex));
    if ((classCount !== undefined && classCount !== classes) || highest >= classes)
      throw new ImportRejection(
        'CLASS_COUNT_MISMATCH',
        `The model outputs ${classCount ?? `class index ${highest}, so more than ${classes}`} classes; ${classes} names were given`,
        { classCount: classCount ?? null, names: classes },
      );
    const objects = candidates.filter((c) => c.score >= DISPLAY_OPTIONS.minScore).length;
    return { photo: photo.name, milliseconds, objects };
  } finally {
    await detector.unload();
  }
}

/** onnxruntime's refusal, by the reason clients can act on. */
function sessionRejection(error: unknown, opTypes: readonly string[]): ImportRejection {
  const message = error instanceof Error ? error.message : String(error);
  if (/ValidateOpsetForDomain|guarantees\* support|opset/i.test(message) && !/No Op registered/.test(message))
    return new ImportRejection(
      'UNSUPPORTED_OPSET',
      "The model's opset is newer than this onnxruntime supports; export with an older opset (e.g. opset=17)",
    );
  const op =
    /No Op registered for (\w+)/.exec(message)?.[1] ??
    /implementation for (\w+)\(/.exec(message)?.[1] ??
    opTypes.find((t) => message.includes(t));
  if (/No Op registered|Could not find an implementation|not a registered function/i.test(message))
    return new ImportRejection(
      'UNSUPPORTED_OP',
      `onnxruntime's cpu provider cannot run op ${op ?? '(unknown)'}`,
      { op: op ?? null },
    );
  return new ImportRejection('INVALID_MODEL', `onnxruntime refused the model: ${brief(error)}`);
}

/** The first line of an error, without onnxruntime's source paths. */
function brief(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')[0]
    .replace(/\/onnxruntime_src\/\S+ /, '')
    .slice(0, 200);
}
