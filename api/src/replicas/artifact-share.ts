// Model files shared between replicas that each have their own WANSHI_MODELS_DIR. Catalog models are built by
// every replica at start (deterministic, checked by sha256), but an imported model, and the profiles made from
// it at import or by a benchmark job, exist only in the folder of the replica that made them. That replica
// stores their files once by sha256 in model_files and records the manifest's sha256 on the version; the others,
// told by the change feed ('models'), fetch what their folder lacks, check each file's sha256, and rescan.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MODEL_CATALOG } from '../../../models/src/repository/catalog';
import { MANIFEST_FILE } from '../../../models/src/repository/load';
import type { ModelManifest } from '../../../models/src/repository/manifest';
import type { PrismaClient } from '../db/client';
import { createLogger } from '../logging/logger';
import { scanModelRepository, type ModelRepository, type RepositoryEntry } from '../serving/model-repository';

const log = createLogger('artifact-share');

/** Where fetched files are written before being renamed into place; the scan skips dot folders. */
const FETCH_DIR = '.fetching';

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function isCatalogVersion({ name, version }: ModelManifest): boolean {
  return MODEL_CATALOG.some((m) => m.manifest.name === name && m.manifest.version === version);
}

export class ArtifactShare {
  private syncing: Promise<void> | undefined;
  private syncAgain = false;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly modelsDir: string,
    private readonly repository: ModelRepository,
  ) {}

  /**
   * Stores the files of the repository's imported versions that the database lacks, then records their
   * manifests: a replica fetching a version finds every file its manifest names.
   */
  async publish(entries: readonly RepositoryEntry[]): Promise<void> {
    for (const { versionDir, manifest } of entries.filter((e) => !isCatalogVersion(e.manifest))) {
      const manifestBytes = await readFile(path.join(versionDir, MANIFEST_FILE));
      const manifestSha256 = sha256Of(manifestBytes);
      const where = { name_version: { name: manifest.name, version: manifest.version } };
      const row = await this.prisma.modelVersion.findUnique({ where, select: { manifestSha256: true } });
      // Not registered (yet), or shared as it is: nothing to do. An UPDATE would notify the others for nothing.
      if (!row || row.manifestSha256 === manifestSha256) continue;
      const files = [
        ...manifest.artifacts.map((a) => ({ file: a.file, sha256: a.sha256 })),
        { file: MANIFEST_FILE, sha256: manifestSha256 },
      ];
      const stored = await this.prisma.modelFile.findMany({
        where: { sha256: { in: files.map((f) => f.sha256) } },
        select: { sha256: true },
      });
      const have = new Set(stored.map((s) => s.sha256));
      for (const { file, sha256 } of files.filter((f) => !have.has(f.sha256))) {
        const bytes = file === MANIFEST_FILE ? manifestBytes : await readFile(path.join(versionDir, file));
        if (sha256Of(bytes) !== sha256)
          throw new Error(`${versionDir}/${file} does not have its manifest's sha256`);
        await this.prisma.modelFile.createMany({
          data: [{ sha256, bytes: new Uint8Array(bytes), size: bytes.length }],
          skipDuplicates: true,
        });
      }
      await this.prisma.modelVersion.update({ where, data: { manifestSha256 } });
      log.info(`shared ${manifest.name}@${manifest.version} (${files.length - have.size} new files)`);
    }
  }

  /** Fetches the shared versions this replica's folder lacks or has older; one pass at a time, rerun if asked. */
  sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        await this.fetchMissing();
      } while (this.syncAgain);
    })().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async fetchMissing(): Promise<void> {
    const shared = await this.prisma.modelVersion.findMany({
      where: { manifestSha256: { not: null } },
      select: { name: true, version: true, manifestSha256: true },
    });
    let fetched = 0;
    const failures: string[] = [];
    for (const { name, version, manifestSha256 } of shared) {
      // One bad version does not keep the others away.
      await this.fetchVersion(path.join(this.modelsDir, name, version), manifestSha256!).then(
        (placed) => void (fetched += placed ? 1 : 0),
        (error: Error) => void failures.push(`${name}@${version}: ${error.message}`),
      );
    }
    if (fetched > 0) {
      this.repository.replace(await scanModelRepository(this.modelsDir));
      log.info(`fetched ${fetched} shared model version(s) into ${this.modelsDir}`);
    }
    if (failures.length > 0) throw new Error(`could not fetch shared model versions: ${failures.join('; ')}`);
  }

  /** Whether it placed a new manifest (false: the folder had this one already). */
  private async fetchVersion(versionDir: string, manifestSha256: string): Promise<boolean> {
    const local = await readFile(path.join(versionDir, MANIFEST_FILE)).catch(() => undefined);
    if (local && sha256Of(local) === manifestSha256) return false;
    const manifestBytes = await this.fetchFile(manifestSha256);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as ModelManifest;
    await mkdir(versionDir, { recursive: true });
    for (const artifact of manifest.artifacts) {
      const target = path.join(versionDir, artifact.file);
      const present = await readFile(target).catch(() => undefined);
      if (present && sha256Of(present) === artifact.sha256) continue;
      await this.place(target, await this.fetchFile(artifact.sha256));
    }
    // The manifest last: a scan meanwhile sees the old version or the whole new one.
    await this.place(path.join(versionDir, MANIFEST_FILE), manifestBytes);
    return true;
  }

  private async fetchFile(sha256: string): Promise<Buffer> {
    const row = await this.prisma.modelFile.findUnique({ where: { sha256 }, select: { bytes: true } });
    if (!row) throw new Error(`model file ${sha256} is not in the database`);
    const bytes = Buffer.from(row.bytes);
    if (sha256Of(bytes) !== sha256)
      throw new Error(`model file ${sha256} in the database does not match its sha256`);
    return bytes;
  }

  /** Written beside, then renamed: a session opening the file never reads half of it. */
  private async place(target: string, bytes: Buffer): Promise<void> {
    const tmp = path.join(this.modelsDir, FETCH_DIR, randomUUID());
    await mkdir(path.dirname(tmp), { recursive: true });
    await writeFile(tmp, bytes);
    await rename(tmp, target);
  }
}
