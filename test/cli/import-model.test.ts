// npm run models:import against a running server: the file is uploaded, names come from a data.yaml, and the
// command prints what the import decided; a refusal prints its reason and exits 1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestServer, type TestServer } from '../api/harness';
import { linkedModelsDir, tinyModel, yolov8Output } from '../model-import/fixtures';
import { runCli } from './run-cli';

describe('npm run models:import', () => {
  let api: TestServer;
  let modelsDir: string;
  let dir: string;
  beforeAll(async () => {
    modelsDir = await linkedModelsDir();
    dir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-import-cli-'));
    // No names in the metadata: they come from the data.yaml.
    await writeFile(path.join(dir, 'best.onnx'), tinyModel({ output: yolov8Output() }));
    await writeFile(
      path.join(dir, 'data.yaml'),
      'path: ../datasets/parcels\nnames:\n  0: courier\n  1: scooter\n  2: parcel\n',
    );
    api = await startTestServer('pglite', { WANSHI_MODELS_DIR: modelsDir });
  });
  afterAll(async () => {
    await api?.close();
    await rm(modelsDir, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    runCli('import-model', [...args, '--url', `${api.url}/graphql`, '--key', ADMIN_KEY], { INIT_CWD: dir });

  it('uploads the file, takes the names from data.yaml and prints the family it chose and why', async () => {
    const result = await run('--file', 'best.onnx', '--name', 'parcels', '--names', 'data.yaml');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('imported parcels 1');
    expect(result.stdout).toContain('family: yolov8 (auto): output0 is [1, 7, 8]');
    expect(result.stdout).toContain('classes: 3 from given; label set parcels (new)');
    const { data } = await api.gql(`query { labelSet(key: "parcels") { labels { key } } }`);
    expect(data.labelSet.labels.map((l: { key: string }) => l.key)).toEqual(['courier', 'scooter', 'parcel']);
  });

  it('prints the reason of a refusal and exits 1', async () => {
    const result = await run(
      '--file',
      'best.onnx',
      '--name',
      'parcels',
      '--version',
      '1',
      '--names',
      'data.yaml',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^import refused \(DUPLICATE_VERSION\): Model parcels already has version 1/,
    );
  });

  it('passes --serving on as the version’s serving policy', async () => {
    const serving = JSON.stringify({ maxBatchSize: 2 });
    const result = await run(
      '--file',
      'best.onnx',
      '--name',
      'served',
      '--names',
      'data.yaml',
      '--serving',
      serving,
    );
    expect(result.code).toBe(0);

    const { data } = await api.gql(`query { modelVersions { name servingPolicy { maxBatchSize } } }`);
    const served = data.modelVersions.find((v: { name: string }) => v.name === 'served');
    expect(served.servingPolicy).toEqual({ maxBatchSize: 2 });
  });

  it('refuses a --serving that is not a JSON object before uploading anything', async () => {
    const result = await run('--file', 'best.onnx', '--name', 'unsent', '--serving', 'maxBatchSize=2');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--serving must be a JSON object');
    const { data } = await api.gql(`query { modelVersions { name } }`);
    expect(data.modelVersions.map((v: { name: string }) => v.name)).not.toContain('unsent');
  });
});
