// The manifest's optional serving block: read when well formed, refused (not dropped) when not.
import { describe, expect, it } from 'vitest';
import { MODEL_CATALOG } from '../../models/src/repository/catalog';
import { MANIFEST_SCHEMA } from '../../models/src/repository/manifest';

// The catalog model's manifest as the build writes it (artifacts aside, which these checks do not touch).
const built = { ...MODEL_CATALOG[0].manifest, artifacts: [] };

describe('manifest serving block', () => {
  it('reads a version’s own serving settings', () => {
    const serving = { maxBatchSize: 8, maxQueueDelayMs: 5, interactiveReserve: 0.5 };

    expect(MANIFEST_SCHEMA.parse({ ...built, serving }).serving).toEqual(serving);
  });

  it('refuses a misspelt setting instead of serving the default in its place', () => {
    expect(MANIFEST_SCHEMA.safeParse({ ...built, serving: { maxBatchsize: 8 } }).success).toBe(false);
  });

  it('refuses a reserve that would leave bulk requests no place at all', () => {
    expect(MANIFEST_SCHEMA.safeParse({ ...built, serving: { interactiveReserve: 1 } }).success).toBe(false);
  });
});
