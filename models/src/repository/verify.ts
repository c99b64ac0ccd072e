// Artifact integrity: a file is used only when its size and sha256 are the ones its manifest entry records.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactEntry } from './manifest';

export type ArtifactCheck = { ok: true } | { ok: false; reason: string };

export class ArtifactIntegrityError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Artifact ${file} failed verification: ${reason}; rebuild it with \`npm run models:build\``);
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Whether the artifact on disk is the one the entry describes; never throws for a bad file. */
export async function checkArtifact(versionDir: string, entry: ArtifactEntry): Promise<ArtifactCheck> {
  const file = path.join(versionDir, entry.file);
  const size = await stat(file).then(
    (s) => s.size,
    () => undefined,
  );
  if (size === undefined) return { ok: false, reason: 'missing' };
  // The size check is free and catches truncation before hashing.
  if (size !== entry.bytes) return { ok: false, reason: `${size} bytes, manifest says ${entry.bytes}` };
  const sha256 = await sha256OfFile(file);
  if (sha256 !== entry.sha256)
    return { ok: false, reason: `sha256 ${sha256}, manifest says ${entry.sha256}` };
  return { ok: true };
}

/** Rejects with ArtifactIntegrityError unless the artifact matches its manifest entry. */
export async function verifyArtifact(versionDir: string, entry: ArtifactEntry): Promise<void> {
  const check = await checkArtifact(versionDir, entry);
  if (!check.ok) throw new ArtifactIntegrityError(path.join(versionDir, entry.file), check.reason);
}
