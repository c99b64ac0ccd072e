// Staging an upload (streamed to disk, hashed, cut off at the cap), clearing stale stages, and the label set an
// import starts with.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INCOMING_DIR, removeStaleStaging, stageUpload } from '../../api/src/model-import/staging';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-staging-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const chunks = (n: number, size: number) =>
  Readable.from(Array.from({ length: n }, (_, i) => Buffer.alloc(size, i)));

describe('stageUpload', () => {
  it('writes the stream to disk with its size and sha256', async () => {
    const staged = await stageUpload(chunks(3, 1000), path.join(dir, 'up.onnx'), 3000);
    const bytes = await readFile(staged.file);
    expect(staged).toMatchObject({ bytes: 3000, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('refuses TOO_LARGE as soon as the stream passes the cap', async () => {
    await expect(stageUpload(chunks(4, 1000), path.join(dir, 'up.onnx'), 3999)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_LARGE',
    });
  });
});

describe('removeStaleStaging', () => {
  it('removes stages older than a day and keeps younger ones (another server may be importing)', async () => {
    const now = Date.now();
    const old = `${now - 25 * 3600_000}-aaaa`;
    const young = `${now - 3600_000}-bbbb`;
    for (const stage of [old, young]) await mkdir(path.join(dir, INCOMING_DIR, stage), { recursive: true });
    await removeStaleStaging(dir, now);
    expect(await readdir(path.join(dir, INCOMING_DIR))).toEqual([young]);
  });

  it('does nothing when there is no staging folder', async () => {
    await removeStaleStaging(dir);
    expect(existsSync(path.join(dir, INCOMING_DIR))).toBe(false);
  });
});
