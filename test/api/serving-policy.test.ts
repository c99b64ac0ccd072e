// A model version's serving policy over GraphQL: what its manifest sets, the configuration for the rest, shown
// per version (modelVersions) and per artifact its lanes serve (schedulerStats).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedModelsDir } from '../model-import/fixtures';
import { DETECT, errorCode, photoBase64, startTestServer, type TestServer } from './harness';

const POLICY = 'servingPolicy { maxBatchSize maxQueueSize interactiveReserve }';
const EXPECTED = { maxBatchSize: 2, maxQueueSize: 32, interactiveReserve: 0.5 };

describe('serving policy', () => {
  let api: TestServer;
  let modelsDir: string;
  beforeAll(async () => {
    modelsDir = await linkedModelsDir();
    const manifestFile = path.join(modelsDir, 'nanodet-m', '1', 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    // The linked manifest is the repository's own file: unlink it before writing this test's version.
    await rm(manifestFile);
    await writeFile(
      manifestFile,
      JSON.stringify({ ...manifest, serving: { maxBatchSize: 2, interactiveReserve: 0.5 } }),
    );
    api = await startTestServer('pglite', { WANSHI_MODELS_DIR: modelsDir, WANSHI_MAX_QUEUE_SIZE: '32' });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('shows each version the manifest’s settings over the configured defaults', async () => {
    const { data, errors } = await api.gql(`query { modelVersions { name version ${POLICY} } }`);

    expect(errors).toBeUndefined();
    expect(data.modelVersions).toEqual([{ name: 'nanodet-m', version: '1', servingPolicy: EXPECTED }]);
  });

  it('shows the same policy on the artifact that served a detection, its batches bounded by it', async () => {
    expect(
      errorCode(await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000009.jpg') } })),
    ).toBeUndefined();

    const { data } = await api.gql(`query { schedulerStats { artifacts { state batchSize ${POLICY} } } }`);
    const ready = data.schedulerStats.artifacts.filter((a: { state: string }) => a.state === 'ready');

    expect(ready.length).toBeGreaterThan(0);
    for (const artifact of ready) {
      expect(artifact.servingPolicy).toEqual(EXPECTED);
      expect(artifact.batchSize).toBeLessThanOrEqual(2);
    }
  }, 120_000);
});
