// Original images, stored content-addressed by SHA-256: the same photo sent twice is stored once. The store is a
// bounded cache of originals (for review and re-runs), not an archive: it keeps at most `maxBytes`, evicting the
// oldest first, and drops images older than `retentionDays`.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';

export interface ImageStore {
  /** Stores the image under its SHA-256 (lower-case hex), which must match the bytes. */
  put(sha256: string, bytes: Uint8Array): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
  /** Whether there was an image to delete. */
  delete(sha256: string): Promise<boolean>;
  /** Drops expired images, then the oldest while over the size cap; how many went. For a timer in quiet hours. */
  prune(): Promise<number>;
}

export type ImageStoreOptions = Config['imageStore'] & {
  /** Milliseconds since the epoch; tests move it. */
  now?: () => number;
};

export const SHA256_HEX = /^[0-9a-f]{64}$/;
export const DAY_MS = 24 * 60 * 60 * 1000;
const TMP_DIR = 'tmp';

interface Entry {
  bytes: number;
  storedAt: number;
}

/**
 * `${dir}/<first two hex digits>/<sha256>`, as git shards objects: 256 directories keep each one small.
 * This process owns the directory (as it owns the data directory): the in-memory index of sizes and ages is
 * built once at open and kept in step with every change.
 */
export class FileSystemImageStore implements ImageStore {
  /** In storage order, oldest first (a Map iterates in insertion order; re-storing moves an entry to the end). */
  private readonly index = new Map<string, Entry>();
  private totalBytes = 0;
  private readonly now: () => number;

  private constructor(private readonly options: ImageStoreOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Opens the store, indexing what is on disk and dropping expired images and unfinished writes. */
  static async open(options: ImageStoreOptions): Promise<FileSystemImageStore> {
    const store = new FileSystemImageStore(options);
    await rm(path.join(options.dir, TMP_DIR), { recursive: true, force: true });
    await mkdir(path.join(options.dir, TMP_DIR), { recursive: true });
    await store.loadIndex();
    await store.enforceLimits();
    return store;
  }

  get size(): { images: number; bytes: number } {
    return { images: this.index.size, bytes: this.totalBytes };
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    checkImageKey(sha256, bytes);
    if (bytes.length > this.options.maxBytes) return; // could never fit: not stored
    const file = this.pathOf(sha256);
    const storedAt = new Date(this.now());
    const stored =
      this.index.has(sha256) &&
      (await utimes(file, storedAt, storedAt).then(
        () => true,
        (error) => {
          rethrowUnlessMissing(error); // deleted behind our back: write it again
          return false;
        },
      ));
    if (!stored) {
      const tmp = path.join(this.options.dir, TMP_DIR, randomUUID());
      await writeFile(tmp, bytes);
      await utimes(tmp, storedAt, storedAt);
      await mkdir(path.dirname(file), { recursive: true });
      await rename(tmp, file); // atomic: readers never see half an image
    }
    // Stored again counts as new: the store keeps what was sent recently.
    this.remember(sha256, { bytes: bytes.length, storedAt: storedAt.getTime() });
    await this.enforceLimits();
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    return readFile(this.pathOf(sha256)).catch((error) => {
      rethrowUnlessMissing(error);
      return null;
    });
  }

  async has(sha256: string): Promise<boolean> {
    return this.index.has(sha256);
  }

  async delete(sha256: string): Promise<boolean> {
    const entry = this.index.get(sha256);
    if (!entry) return false;
    this.forget(sha256, entry);
    await rm(this.pathOf(sha256), { force: true });
    return true;
  }

  /** Deletes images older than the retention period; `put` calls this too, so a timer is only for quiet times. */
  async pruneExpired(): Promise<number> {
    if (this.options.retentionDays === 0) return 0; // 0 keeps images until the size cap evicts them
    const expiredBefore = this.now() - this.options.retentionDays * DAY_MS;
    return this.evictOldestWhile((entry) => entry.storedAt < expiredBefore);
  }

  prune(): Promise<number> {
    return this.enforceLimits();
  }

  private async enforceLimits(): Promise<number> {
    const expired = await this.pruneExpired();
    return expired + (await this.evictOldestWhile(() => this.totalBytes > this.options.maxBytes));
  }

  private async evictOldestWhile(shouldEvict: (oldest: Entry) => boolean): Promise<number> {
    let evicted = 0;
    for (const [sha256, entry] of this.index) {
      if (!shouldEvict(entry)) break;
      await this.delete(sha256);
      evicted++;
    }
    return evicted;
  }

  private remember(sha256: string, entry: Entry): void {
    const previous = this.index.get(sha256);
    if (previous) this.forget(sha256, previous);
    this.index.set(sha256, entry);
    this.totalBytes += entry.bytes;
  }

  private forget(sha256: string, entry: Entry): void {
    this.index.delete(sha256);
    this.totalBytes -= entry.bytes;
  }

  private async loadIndex(): Promise<void> {
    const found: [string, Entry][] = [];
    for (const shard of await readdir(this.options.dir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of await readdir(path.join(this.options.dir, shard))) {
        if (!SHA256_HEX.test(name) || !name.startsWith(shard)) continue;
        const info = await stat(path.join(this.options.dir, shard, name));
        found.push([name, { bytes: info.size, storedAt: info.mtimeMs }]);
      }
    }
    found.sort(([, a], [, b]) => a.storedAt - b.storedAt);
    for (const [sha256, entry] of found) this.remember(sha256, entry);
  }

  private pathOf(sha256: string): string {
    return path.join(this.options.dir, sha256.slice(0, 2), sha256);
  }
}

/** Refuses a key that is not the bytes' SHA-256: it would serve the wrong photo for as long as it is kept. */
export function checkImageKey(sha256: string, bytes: Uint8Array): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a lower-case hex SHA-256: ${sha256}`);
  // Hashing is cheap next to decoding.
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw new Error(`Image bytes do not have SHA-256 ${sha256}`);
  }
}

function rethrowUnlessMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
