// The model repository as the server sees it: every `models/<name>/<version>/manifest.json` on disk.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ModelManifest } from '../../../models/src/repository/manifest';
import { familyOf } from '../../../sdk/src/decoders';
import { loadManifest, MANIFEST_FILE } from '../../../models/src/repository/load';
import { existsSync } from 'node:fs';

export interface RepositoryEntry {
  versionDir: string;
  manifest: ModelManifest;
}

export async function scanModelRepository(modelsDir: string): Promise<RepositoryEntry[]> {
  const entries: RepositoryEntry[] = [];
  for (const model of await readdir(modelsDir, { withFileTypes: true })) {
    // Dot folders are not models: the import stages its uploads in `.incoming` until they pass validation.
    if (!model.isDirectory() || model.name.startsWith('.')) continue;
    const modelDir = path.join(modelsDir, model.name);
    for (const version of await readdir(modelDir, { withFileTypes: true })) {
      const versionDir = path.join(modelDir, version.name);
      if (version.isDirectory() && existsSync(path.join(versionDir, MANIFEST_FILE))) {
        const manifest = await loadManifest(versionDir);
        familyOf(manifest.decoder); // a decoder its family cannot read fails here, at start, not at a request
        entries.push({ versionDir, manifest });
      }
    }
  }
  return entries;
}

export class ModelRepository {
  private byId = new Map<string, RepositoryEntry>();

  constructor(entries: readonly RepositoryEntry[]) {
    this.replace(entries);
  }

  /**
   * Takes a new scan, e.g. after a profile benchmark built artifacts. Sessions already loaded keep running the
   * files they opened; artifacts not loaded yet are found from now on.
   */
  replace(entries: readonly RepositoryEntry[]): void {
    this.byId = new Map(entries.map((e) => [`${e.manifest.name}@${e.manifest.version}`, e]));
  }

  get manifests(): ModelManifest[] {
    return [...this.byId.values()].map((e) => e.manifest);
  }

  find(name: string, version: string): RepositoryEntry | undefined {
    return this.byId.get(`${name}@${version}`);
  }
}
