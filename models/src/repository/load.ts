// Reading a model version's manifest.json, validated against the manifest contract.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_SCHEMA, type ModelManifest } from './manifest';

export const MANIFEST_FILE = 'manifest.json';

export async function loadManifest(versionDir: string): Promise<ModelManifest> {
  const file = path.join(versionDir, MANIFEST_FILE);
  const parsed = MANIFEST_SCHEMA.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file} does not match the manifest contract: ${parsed.error.message}`);
  return parsed.data;
}
