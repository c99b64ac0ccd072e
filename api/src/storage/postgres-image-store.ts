// The image store when the database is PostgreSQL: photos in the stored_images table, so every replica behind
// the balancer reads (for /images, review, export) what any replica took. Same contract as the file store:
// content-addressed by SHA-256, at most `maxBytes`, oldest evicted first, expired after `retentionDays`.
// Another backend (S3-compatible, say) is one more ImageStore beside this one.
import type { PrismaClient } from '../db/client';
import { ADVISORY_LOCKS, runExclusively } from '../replicas/advisory-lock';
import { checkImageKey, DAY_MS, SHA256_HEX, type ImageStore, type ImageStoreOptions } from './image-store';

export class PostgresImageStore implements ImageStore {
  private readonly now: () => number;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: Omit<ImageStoreOptions, 'dir'>,
  ) {
    this.now = options.now ?? Date.now;
  }

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    checkImageKey(sha256, bytes);
    if (bytes.length > this.options.maxBytes) return; // could never fit: not stored
    const storedAt = new Date(this.now());
    // Stored again counts as new (the store keeps what was sent recently); the bytes are not sent twice.
    const { count } = await this.prisma.storedImage.updateMany({ where: { sha256 }, data: { storedAt } });
    if (count === 0) {
      // Two replicas storing the same new photo at once: one row, whichever lands first.
      await this.prisma.storedImage.createMany({
        data: [{ sha256, bytes: new Uint8Array(bytes), size: bytes.length, storedAt }],
        skipDuplicates: true,
      });
      if (await this.overCap()) await this.prune();
    }
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    const row = await this.prisma.storedImage.findUnique({ where: { sha256 }, select: { bytes: true } });
    return row ? Buffer.from(row.bytes) : null;
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    return (await this.prisma.storedImage.count({ where: { sha256 } })) > 0;
  }

  async delete(sha256: string): Promise<boolean> {
    const { count } = await this.prisma.storedImage.deleteMany({ where: { sha256 } });
    return count > 0;
  }

  /** One replica at a time; a replica that finds another pruning leaves it to that one and returns 0. */
  async prune(): Promise<number> {
    const outcome = await runExclusively(this.prisma, ADVISORY_LOCKS.imagePrune, async (tx) => {
      let deleted = 0;
      if (this.options.retentionDays > 0) {
        const expiredBefore = new Date(this.now() - this.options.retentionDays * DAY_MS);
        deleted += (await tx.storedImage.deleteMany({ where: { storedAt: { lt: expiredBefore } } })).count;
      }
      // Keeps the newest images whose sizes add up to the cap; the rest, oldest, go.
      deleted += await tx.$executeRaw`
        DELETE FROM stored_images s USING (
          SELECT sha256, sum(size) OVER (ORDER BY stored_at DESC, sha256) AS newer_bytes FROM stored_images
        ) ranked
        WHERE s.sha256 = ranked.sha256 AND ranked.newer_bytes > ${this.options.maxBytes}`;
      return deleted;
    });
    return outcome.ran ? outcome.value : 0;
  }

  private async overCap(): Promise<boolean> {
    const { _sum } = await this.prisma.storedImage.aggregate({ _sum: { size: true } });
    return (_sum.size ?? 0) > this.options.maxBytes;
  }
}
