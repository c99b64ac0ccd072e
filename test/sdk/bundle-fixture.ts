// A device bundle made from the model repository as the test's input: the model's own label set (coco80, each
// label showing its class), the profile's ONNX file, and the manifest's input and decoder specs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { labelsForClasses } from '../../api/src/labels';
import { StoredZipWriter } from '../../api/src/review/export/zip';
import type { ModelManifest, Precision } from '../../models/src/repository/manifest';
import { BUNDLE_FORMAT, type BundleManifest } from '../../sdk/src/bundle/format';
import { sha256Hex } from '../../sdk/src/bundle/read';

export const MODEL_DIR = path.join(__dirname, '../../models/nanodet-m/1');

export async function bundleFiles(precision: Precision, size: number): Promise<Record<string, Uint8Array>> {
  const manifest = JSON.parse(await readFile(path.join(MODEL_DIR, 'manifest.json'), 'utf8')) as ModelManifest;
  const artifact = manifest.artifacts.find((a) => a.precision === precision && a.inputSize === size);
  if (!artifact) throw new Error(`No ${precision}-${size} artifact`);
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const labels = labelsForClasses(manifest.labelSet, manifest.classes).map((l) => ({
    ...l,
    enabled: true,
    minScore: null,
    classes: [l.key],
  }));
  return {
    'model.onnx': await readFile(path.join(MODEL_DIR, artifact.file)),
    'labels.json': json({ labelSet: manifest.labelSet, version: 1, modelClasses: manifest.classes, labels }),
    'input.json': json({ ...manifest.input, size }),
    'decoder.json': json(manifest.decoder),
  };
}

/** Zips files with a manifest; `manifestFiles` overrides what the manifest claims (to test verification). */
export async function zipBundle(
  files: Record<string, Uint8Array>,
  precision: Precision,
  size: number,
  manifestFiles?: BundleManifest['files'],
): Promise<Uint8Array> {
  const digests: BundleManifest['files'] = {};
  for (const [name, data] of Object.entries(files))
    digests[name] = { sha256: await sha256Hex(data), bytes: data.length };
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    model: { name: 'nanodet-m', version: '1' },
    precision,
    inputSize: size,
    labelSet: { name: 'coco80', version: 1 },
    files: manifestFiles ?? digests,
  };
  const chunks: Buffer[] = [];
  const zip = new StoredZipWriter(async (chunk) => void chunks.push(chunk));
  await zip.add('manifest.json', JSON.stringify(manifest));
  for (const [name, data] of Object.entries(files)) await zip.add(name, data);
  await zip.finish();
  return Buffer.concat(chunks);
}
