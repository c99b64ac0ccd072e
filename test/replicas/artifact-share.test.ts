// Model files shared between replicas with model folders of their own (api/src/replicas/artifact-share.ts):
// a version only replica one has (as after an import) reaches replica two's folder, checked by sha256.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../api/src/config';
import { ArtifactShare } from '../../api/src/replicas/artifact-share';
import { ModelService } from '../../api/src/services/models';
import { ModelRepository, scanModelRepository } from '../../api/src/serving/model-repository';
import type { ModelManifest } from '../../models/src/repository/manifest';
import { available, openTestDatabase } from '../db/databases';

const NANODET = path.join(REPO_ROOT, 'models/nanodet-m/1');
const FILE = 'int4-160.onnx';
const OTHER_FILE = 'int8-160.onnx';

describe('model files shared between replicas', async () => {
  if (!(await available('postgres'))) return void it.skip('needs PostgreSQL');
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let scratch: string;

  /** A replica's model folder and the share over it. */
  async function replica(name: string) {
    const modelsDir = path.join(scratch, name);
    await mkdir(modelsDir, { recursive: true });
    const repository = new ModelRepository(await scanModelRepository(modelsDir));
    return { modelsDir, repository, share: new ArtifactShare(db.prisma, modelsDir, repository) };
  }

  /** Puts a one-artifact copy of NanoDet, named as an imported model, in the folder, and registers it. */
  async function importInto(modelsDir: string, name: string, file = FILE) {
    const manifest = JSON.parse(await readFile(path.join(NANODET, 'manifest.json'), 'utf8')) as ModelManifest;
    const imported = { ...manifest, name, artifacts: manifest.artifacts.filter((a) => a.file === file) };
    const versionDir = path.join(modelsDir, name, '1');
    await mkdir(versionDir, { recursive: true });
    await copyFile(path.join(NANODET, file), path.join(versionDir, file));
    await writeFile(path.join(versionDir, 'manifest.json'), JSON.stringify(imported));
    await new ModelService(db.prisma).registerManifests([imported]);
    return scanModelRepository(modelsDir);
  }

  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    scratch = await mkdtemp(path.join(os.tmpdir(), 'wanshi-artifact-share-'));
  });
  afterAll(async () => {
    await db.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('a version one replica has reaches another, the same bytes, and its repository finds it', async () => {
    const [one, two] = [await replica('one'), await replica('two')];
    one.repository.replace(await importInto(one.modelsDir, 'imported-a'));

    await one.share.publish(one.repository.entries);
    await two.share.sync();

    const entry = two.repository.find('imported-a', '1');
    expect(entry?.versionDir).toBe(path.join(two.modelsDir, 'imported-a', '1'));
    const sha256 = createHash('sha256')
      .update(await readFile(path.join(entry!.versionDir, FILE)))
      .digest('hex');
    expect(sha256).toBe(entry!.manifest.artifacts[0].sha256);
  });

  it('stores each file once however many replicas publish it', async () => {
    const [one, two] = [await replica('three'), await replica('four')];
    one.repository.replace(await importInto(one.modelsDir, 'imported-b'));
    await one.share.publish(one.repository.entries);
    await two.share.sync();

    await two.share.publish(two.repository.entries);

    const sha256 = one.repository.find('imported-b', '1')!.manifest.artifacts[0].sha256;
    expect(await db.prisma.modelFile.count({ where: { sha256 } })).toBe(1);
  });

  it('refuses a file whose stored bytes do not match its sha256, placing nothing', async () => {
    const [one, two] = [await replica('five'), await replica('six')];
    one.repository.replace(await importInto(one.modelsDir, 'imported-c', OTHER_FILE));
    await one.share.publish(one.repository.entries);
    const sha256 = one.repository.find('imported-c', '1')!.manifest.artifacts[0].sha256;
    await db.prisma.modelFile.update({ where: { sha256 }, data: { bytes: new Uint8Array([1, 2, 3]) } });

    await expect(two.share.sync()).rejects.toThrow(/imported-c@1: .* does not match its sha256/);

    expect(two.repository.find('imported-c', '1')).toBeUndefined();
    expect(existsSync(path.join(two.modelsDir, 'imported-c/1/manifest.json'))).toBe(false);
    expect(two.repository.find('imported-a', '1')).toBeDefined(); // the good versions came all the same
  });
});
