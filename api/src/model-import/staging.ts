// Uploads land in `<modelsDir>/.incoming/<random>/` (same file system as the repository, so the finished
// version folder moves into place with one rename; the repository scan skips dot folders). Written as they
// stream in, never held whole in memory, and cut off at the size cap.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportRejection } from './rejection';

export const INCOMING_DIR = '.incoming';

export interface StagedFile {
  file: string;
  bytes: number;
  sha256: string;
}

/** A fresh staging folder for one import; remove it with `rm(dir, { recursive: true })`. */
export async function stagingDir(modelsDir: string): Promise<string> {
  const dir = path.join(modelsDir, INCOMING_DIR, `${Date.now()}-${randomBytes(6).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** A day: no import takes that long, and a younger stage may belong to another server on the same folder. */
const STALE_MS = 24 * 60 * 60_000;

/** Stages left by a server that stopped mid-import (nothing in them was registered), by their time prefix. */
export async function removeStaleStaging(modelsDir: string, now = Date.now()): Promise<void> {
  const root = path.join(modelsDir, INCOMING_DIR);
  const entries = await readdir(root).catch(() => []);
  for (const entry of entries) {
    if (now - Number.parseInt(entry, 10) > STALE_MS || !/^\d+-/.test(entry))
      await rm(path.join(root, entry), { recursive: true, force: true });
  }
}

/** Writes the stream to `file`, hashing as it goes; TOO_LARGE as soon as it passes `maxBytes`. */
export async function stageUpload(source: Readable, file: string, maxBytes: number): Promise<StagedFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tooLarge = () =>
    new ImportRejection(
      'TOO_LARGE',
      `The file is larger than the import limit of ${maxBytes} bytes (WANSHI_IMPORT_MAX_MB)`,
      {
        maxBytes,
      },
    );
  // graphql-upload's busboy stream ends early with 'limit' when the request passes its own cap.
  let cut = false;
  source.once('limit', () => (cut = true));
  await pipeline(
    source,
    async function* count(chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        bytes += chunk.length;
        if (bytes > maxBytes) throw tooLarge();
        hash.update(chunk);
        yield chunk;
      }
    },
    createWriteStream(file),
  );
  if (cut) throw tooLarge();
  return { file, bytes, sha256: hash.digest('hex') };
}
