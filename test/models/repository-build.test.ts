import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildModelRepository, type ArtifactReport } from '../../models/src/repository/build';
import { loadManifest } from '../../models/src/repository/load';
import type { ModelManifest } from '../../models/src/repository/manifest';
import type { ModelRecipe } from '../../models/src/repository/recipe';
import { testManifest } from '../support/manifest';

/** A model whose artifacts are a few bytes each, so the builder's bookkeeping is tested without converting. */
function tinyModel(
  buildOf: (file: string) => Record<string, unknown> = () => ({ recipe: 1 }),
): ModelRecipe & { produced: string[] } {
  const produced: string[] = [];
  // The builder lists the artifacts itself: testManifest's own are replaced by what artifacts() makes.
  const manifest: Omit<ModelManifest, 'artifacts'> = testManifest({
    name: 'tiny',
    description: 'test model',
    classes: ['person'],
    defaultInputSize: 32,
  });
  return {
    manifest,
    produced,
    async artifacts() {
      return ['fp32-32.onnx', 'fp32-64.onnx'].map((file, i) => ({
        file,
        precision: 'fp32' as const,
        inputSize: 32 * (i + 1),
        build: buildOf(file),
        async produce() {
          produced.push(file);
          return new TextEncoder().encode(`artifact ${file} `.repeat(100));
        },
      }));
    },
  };
}

describe('model repository build', () => {
  let modelsDir: string;
  let versionDir: string;
  const statuses = (reports: ArtifactReport[]) => reports.map((r) => [r.file, r.status, r.reason]);

  beforeEach(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-models-'));
    versionDir = path.join(modelsDir, 'tiny', '1');
  });
  afterEach(() => rm(modelsDir, { recursive: true, force: true }));

  it('builds every artifact into <name>/<version>/ with a manifest recording each file’s sha256 and size', async () => {
    const reports = await buildModelRepository({ modelsDir, models: [tinyModel()] });
    expect(statuses(reports)).toEqual([
      ['fp32-32.onnx', 'built', undefined],
      ['fp32-64.onnx', 'built', undefined],
    ]);
    const manifest = await loadManifest(versionDir);
    for (const entry of manifest.artifacts) {
      const data = await readFile(path.join(versionDir, entry.file));
      expect(entry.sha256).toBe(createHash('sha256').update(data).digest('hex'));
      expect(entry.bytes).toBe(data.byteLength);
      expect(entry.build).toEqual({ recipe: 1 });
    }
  });

  it('rebuilds nothing and leaves the manifest untouched when everything is up to date', async () => {
    await buildModelRepository({ modelsDir, models: [tinyModel()] });
    const manifestTime = (await stat(path.join(versionDir, 'manifest.json'))).mtimeMs;
    const model = tinyModel();
    const reports = await buildModelRepository({ modelsDir, models: [model] });
    expect(reports.map((r) => r.status)).toEqual(['up to date', 'up to date']);
    expect(model.produced).toEqual([]);
    expect((await stat(path.join(versionDir, 'manifest.json'))).mtimeMs).toBe(manifestTime);
  });

  it('keeps the serving block an operator added to the manifest when it rebuilds', async () => {
    await buildModelRepository({ modelsDir, models: [tinyModel()] });
    const file = path.join(versionDir, 'manifest.json');
    const tuned = { ...(await loadManifest(versionDir)), serving: { maxBatchSize: 8 } };
    await writeFile(file, JSON.stringify(tuned));
    await unlink(path.join(versionDir, 'fp32-64.onnx'));

    await buildModelRepository({ modelsDir, models: [tinyModel()] });

    expect((await loadManifest(versionDir)).serving).toEqual({ maxBatchSize: 8 });
  });

  it('detects a corrupted artifact of the right size by its sha256 and rebuilds it', async () => {
    await buildModelRepository({ modelsDir, models: [tinyModel()] });
    const file = path.join(versionDir, 'fp32-64.onnx');
    const original = await readFile(file);
    const corrupted = Buffer.from(original);
    corrupted[10] ^= 0xff;
    await writeFile(file, corrupted);
    const reports = await buildModelRepository({ modelsDir, models: [tinyModel()] });
    expect(reports[0].status).toBe('up to date');
    expect(reports[1]).toMatchObject({
      status: 'rebuilt',
      reason: expect.stringMatching(/^sha256 [0-9a-f]{64}, manifest says/),
    });
    expect(await readFile(file)).toEqual(original);
  });

  it('detects a truncated artifact by its size and rebuilds it', async () => {
    await buildModelRepository({ modelsDir, models: [tinyModel()] });
    await truncate(path.join(versionDir, 'fp32-32.onnx'), 7);
    const reports = await buildModelRepository({ modelsDir, models: [tinyModel()] });
    expect(reports[0]).toMatchObject({
      status: 'rebuilt',
      reason: expect.stringMatching(/^7 bytes, manifest says \d+$/),
    });
  });

  it('rebuilds a missing artifact', async () => {
    await buildModelRepository({ modelsDir, models: [tinyModel()] });
    await unlink(path.join(versionDir, 'fp32-32.onnx'));
    const reports = await buildModelRepository({ modelsDir, models: [tinyModel()] });
    expect(statuses(reports)[0]).toEqual(['fp32-32.onnx', 'rebuilt', 'missing']);
  });

  it('rebuilds an artifact whose recipe changed even though its file still verifies', async () => {
    await buildModelRepository({ modelsDir, models: [tinyModel()] });
    const changed = tinyModel((file) => ({ recipe: file === 'fp32-64.onnx' ? 2 : 1 }));
    const reports = await buildModelRepository({ modelsDir, models: [changed] });
    expect(statuses(reports)).toEqual([
      ['fp32-32.onnx', 'up to date', undefined],
      ['fp32-64.onnx', 'rebuilt', 'recipe changed'],
    ]);
    expect((await loadManifest(versionDir)).artifacts[1].build).toEqual({ recipe: 2 });
  });

  it('treats an unreadable manifest as absent and builds everything again', async () => {
    await buildModelRepository({ modelsDir, models: [tinyModel()] });
    await writeFile(path.join(versionDir, 'manifest.json'), '{"name": "tiny"');
    const reports = await buildModelRepository({ modelsDir, models: [tinyModel()] });
    expect(reports.map((r) => r.status)).toEqual(['built', 'built']);
    await expect(loadManifest(versionDir)).resolves.toMatchObject({ name: 'tiny' });
  });

  describe('an artifact derived from another (a profile built on demand, which plain builds do not make)', () => {
    const sourceBuildSha256 = createHash('sha256')
      .update(JSON.stringify({ recipe: 1 }))
      .digest('hex');
    const withDerived = (model: ModelRecipe): ModelRecipe => ({
      manifest: model.manifest,
      artifacts: async () => [
        ...(await model.artifacts()),
        {
          file: 'int8-32.onnx',
          precision: 'int8',
          inputSize: 32,
          build: { profile: 'int8', source: 'fp32-32.onnx', sourceBuildSha256 },
          produce: async () => new TextEncoder().encode('derived '.repeat(50)),
        },
      ],
    });
    const listed = async () => (await loadManifest(versionDir)).artifacts.map((a) => a.file);

    beforeEach(() =>
      buildModelRepository({ modelsDir, models: [withDerived(tinyModel())] }).then(() => undefined),
    );

    it('stays listed after a plain build while its file verifies and its source is unchanged', async () => {
      await buildModelRepository({ modelsDir, models: [tinyModel()] });
      expect(await listed()).toEqual(['fp32-32.onnx', 'fp32-64.onnx', 'int8-32.onnx']);
    });

    it('is dropped when its source was rebuilt from a changed recipe', async () => {
      await buildModelRepository({ modelsDir, models: [tinyModel(() => ({ recipe: 2 }))] });
      expect(await listed()).toEqual(['fp32-32.onnx', 'fp32-64.onnx']);
    });

    it('is dropped when its file no longer verifies', async () => {
      await truncate(path.join(versionDir, 'int8-32.onnx'), 7);
      await buildModelRepository({ modelsDir, models: [tinyModel()] });
      expect(await listed()).toEqual(['fp32-32.onnx', 'fp32-64.onnx']);
    });
  });
});
