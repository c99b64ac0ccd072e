// `npm run detect` says what the API says: with the server's database in the data directory, the label set's
// latest published version names the objects (人 renamed 行人 and published: the CLI prints 行人).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_EVAL_SET } from '../../api/src/config';
import { openDatabase } from '../../api/src/db';
import { createKeyFromConsole } from '../../api/src/services/keys';
import { LabelService } from '../../api/src/services/labels';
import { runCli } from './run-cli';

const PHOTO = path.join(SHIPPED_EVAL_SET, 'images/000000000389.jpg'); // people

describe('npm run detect with a database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-cli-labels-'));
    const db = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      const labels = new LabelService(db.prisma);
      await labels.seedBuiltIn();
      const { apiKey } = await createKeyFromConsole(db.prisma, { name: 'admin', role: 'admin' });
      const admin = { keyId: apiKey.id, role: 'admin' as const };
      await labels.updateDraftLabel(admin, 'coco80', 'person', { zh: '行人' });
      await labels.publishDraft(admin, 'coco80');
    } finally {
      await db.close();
    }
  }, 120_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('prints the published name (行人), not the built-in one (人)', async () => {
    const run = await runCli('detect', ['--json', PHOTO], { WANSHI_DATA_DIR: dataDir });
    expect(run.code, run.stderr).toBe(0);
    const names = JSON.parse(run.stdout).objects.map((o: { zh: string }) => o.zh);
    expect(names).toContain('行人');
    expect(names).not.toContain('人');
  });

  it('refuses a --label-set the database does not have, with the usage line', async () => {
    const run = await runCli('detect', ['--label-set', 'nope', PHOTO], { WANSHI_DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--label-set nope: .*\nusage: npm run detect/);
  });

  it('uses the built-in names when the data directory has no database', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'wanshi-cli-nodb-'));
    const run = await runCli('detect', ['--json', PHOTO], { WANSHI_DATA_DIR: empty });
    await rm(empty, { recursive: true, force: true });
    expect(JSON.parse(run.stdout).objects.map((o: { zh: string }) => o.zh)).toContain('人');
  });
});
