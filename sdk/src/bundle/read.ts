// Opens a downloaded bundle: every file's sha256 (WebCrypto, so it runs in browsers and Node) and size must
// match the manifest, and each JSON file its schema, before anything of it is used.
import { z } from 'zod';
import {
  BUNDLE_DECODER,
  BUNDLE_FILES,
  BUNDLE_INPUT,
  BUNDLE_LABELS,
  BUNDLE_MANIFEST,
  type Bundle,
} from './format';
import { readZip } from './zip';

export class BundleError extends Error {}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function readBundle(zip: Uint8Array): Promise<Bundle> {
  const files = await readZip(zip);
  const manifest = parseJson(files, 'manifest.json', BUNDLE_MANIFEST);
  for (const name of BUNDLE_FILES) {
    const expected = manifest.files[name];
    const data = files.get(name);
    if (!expected || !data) throw new BundleError(`Bundle lacks ${name}`);
    if (data.length !== expected.bytes)
      throw new BundleError(`${name} is ${data.length} bytes, the manifest says ${expected.bytes}`);
    if ((await sha256Hex(data)) !== expected.sha256)
      throw new BundleError(`${name} does not match its sha256 in the manifest`);
  }
  const labels = parseJson(files, 'labels.json', BUNDLE_LABELS);
  const input = parseJson(files, 'input.json', BUNDLE_INPUT);
  if (input.size !== manifest.inputSize)
    throw new BundleError(`input.json says size ${input.size}, the manifest ${manifest.inputSize}`);
  return {
    manifest,
    model: files.get('model.onnx')!,
    labels,
    input,
    decoder: parseJson(files, 'decoder.json', BUNDLE_DECODER),
  };
}

function parseJson<T>(files: Map<string, Uint8Array>, name: string, schema: z.ZodType<T>): T {
  const data = files.get(name);
  if (!data) throw new BundleError(`Bundle lacks ${name}`);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(data));
  } catch {
    throw new BundleError(`${name} is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new BundleError(`${name} is invalid: ${parsed.error.message}`);
  return parsed.data;
}
