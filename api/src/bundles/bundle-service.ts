// Device bundles (./contents.ts says what is in one): built once per (model version, profile, label-set
// version), kept on disk, and answered by their sha256 as a strong ETag, so an app downloads again only when
// the profile's artifact or the published label set changed. Any API key may fetch them (apps run them).
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Principal } from '../auth/roles';
import { StoredZipWriter } from '../review/export/zip';
import { requireRole } from '../services/authorization';
import { NotFoundError } from '../services/errors';
import type { LabelMap, LabelService } from '../services/labels';
import type { ModelService } from '../services/models';
import type { ModelRepository } from '../serving/model-repository';
import { bundleFiles, bundleProfiles, type BundleProfile } from './contents';

/** Local-time fields, so the ZIP's DOS timestamps (and so its bytes and sha256) are the same in every time zone. */
const ZIP_TIMESTAMP = new Date(2020, 0, 1);

export interface BuiltBundle {
  model: string;
  version: string;
  profile: string;
  precision: string;
  inputSize: number;
  /** Path under /bundles/ */
  file: string;
  labelSet: string;
  labelSetVersion: number;
  /** The archive's size and sha256 (its ETag). */
  bytes: number;
  sha256: string;
  /** The ONNX file inside. */
  modelBytes: number;
  modelSha256: string;
  /** Where it is cached. */
  path: string;
}

export interface BundleServiceDeps {
  models: ModelService;
  labels: LabelService;
  repository: ModelRepository;
  /** The cache folder (WANSHI_DATA_DIR/bundles). */
  dir: string;
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export class BundleService {
  /** Cached archives by path: their sha256 and size, read once per process. */
  private readonly built = new Map<string, Promise<{ sha256: string; bytes: number }>>();

  constructor(private readonly deps: BundleServiceDeps) {}

  /** Every bundle of the model's active version (default: the default model's), built if not cached yet. */
  async list(principal: Principal | null, model?: string): Promise<BuiltBundle[]> {
    requireRole(principal, 'app');
    const version = await this.deps.models.resolveServingVersion(model);
    const { manifest, labels } = await this.sources(version.name, version.version, version.labelSet);
    const built: BuiltBundle[] = [];
    // One at a time: each reads a model file of up to a few tens of MB.
    for (const profile of bundleProfiles(manifest)) built.push(await this.ensure(profile, labels));
    return built;
  }

  /** The bundle `<profile>-<size>.zip` of that version; NOT_FOUND for a version or profile there is not. */
  async get(principal: Principal | null, model: string, version: string, file: string): Promise<BuiltBundle> {
    requireRole(principal, 'app');
    const row = await this.deps.models.getVersion(model, version);
    const { manifest, labels } = await this.sources(row.name, row.version, row.labelSet);
    const profiles = bundleProfiles(manifest);
    const profile = profiles.find((p) => `${p.profile}-${p.inputSize}.zip` === file);
    if (!profile) {
      const offered = profiles.map((p) => `${p.profile}-${p.inputSize}.zip`).join(', ');
      throw new NotFoundError(`${model}@${version} has no bundle ${file}; it has ${offered || 'none'}`);
    }
    return this.ensure(profile, labels);
  }

  private async sources(name: string, version: string, labelSet: string) {
    const entry = this.deps.repository.find(name, version);
    if (!entry) throw new NotFoundError(`${name}@${version} is not in the model repository`);
    const labels = await this.deps.labels.resolveLabelMap(labelSet);
    return { manifest: entry.manifest, versionDir: entry.versionDir, labels };
  }

  private async ensure(profile: BundleProfile, labels: LabelMap): Promise<BuiltBundle> {
    const { manifest, artifact, inputSize } = profile;
    const folder = path.join(this.deps.dir, manifest.name, manifest.version);
    const stem = `${profile.profile}-${inputSize}`;
    // The artifact's sha256 is in the name too: a rebuilt artifact makes a new bundle.
    const cached = path.join(
      folder,
      `${stem}.${artifact.sha256.slice(0, 16)}.${encodeURIComponent(labels.labelSet)}-v${labels.version}.zip`,
    );
    let archive = this.built.get(cached);
    if (!archive) {
      archive = this.cachedOrBuilt(cached, folder, stem, profile, labels);
      this.built.set(cached, archive);
      archive.catch(() => this.built.delete(cached)); // a failed build is tried again next time
    }
    const { sha256, bytes } = await archive;
    return {
      model: manifest.name,
      version: manifest.version,
      profile: profile.profile,
      precision: artifact.precision,
      inputSize,
      file: `${manifest.name}/${manifest.version}/${stem}.zip`,
      labelSet: labels.labelSet,
      labelSetVersion: labels.version,
      bytes,
      sha256,
      modelBytes: artifact.bytes,
      modelSha256: artifact.sha256,
      path: cached,
    };
  }

  private async cachedOrBuilt(
    cached: string,
    folder: string,
    stem: string,
    profile: BundleProfile,
    labels: LabelMap,
  ): Promise<{ sha256: string; bytes: number }> {
    const existing = await stat(cached).catch(() => undefined);
    if (existing) return { sha256: await sha256OfFile(cached), bytes: existing.size };
    await mkdir(folder, { recursive: true });
    const entry = this.deps.repository.find(profile.manifest.name, profile.manifest.version)!;
    const model = await readFile(path.join(entry.versionDir, profile.artifact.file));
    const hash = createHash('sha256');
    let bytes = 0;
    // Written beside its final name and renamed into place, so a reader never sees half an archive.
    const partial = `${cached}.${randomUUID()}.partial`;
    const handle = await open(partial, 'w');
    try {
      const zip = new StoredZipWriter(async (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
        await handle.write(chunk);
      }, ZIP_TIMESTAMP);
      for (const file of bundleFiles(profile, model, labels)) await zip.add(file.name, file.bytes);
      await zip.finish();
      await handle.close();
      await rename(partial, cached);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
    await this.pruneOlder(folder, stem, cached);
    return { sha256: hash.digest('hex'), bytes };
  }

  /** Bundles of this profile made for an earlier label-set version or artifact are never served again. */
  private async pruneOlder(folder: string, stem: string, current: string): Promise<void> {
    for (const name of await readdir(folder)) {
      const file = path.join(folder, name);
      if (file !== current && name.startsWith(`${stem}.`) && name.endsWith('.zip')) {
        this.built.delete(file);
        await rm(file, { force: true });
      }
    }
  }
}
