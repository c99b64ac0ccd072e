// The first admin key is the one thing an operator must not miss: it goes to a file only its owner can read
// (so a failed first start or scrolled-away output loses nothing) and into a box printed after start-up's
// last line, where it is not buried in npm and Next.js output.
import { chmod, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ADMIN_KEY_FILE_NAME = 'admin-key';
export const RECOVERY_HINT =
  'Lost it? npm run keys:create -- --role admin (server stopped), or set WANSHI_ADMIN_KEY';

export interface AdminKeyNotice {
  file: string;
  /** Set only on the start that generated the key. */
  secret?: string;
}

export function adminKeyFile(dataDir: string): string {
  return path.join(dataDir, ADMIN_KEY_FILE_NAME);
}

/** Writes the key readable by its owner only (0600), also when a file from an earlier data directory is there. */
export async function writeAdminKeyFile(dataDir: string, secret: string): Promise<string> {
  const file = adminKeyFile(dataDir);
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // writeFile's mode only applies to a file it creates
  return file;
}

/** What start-up tells the operator: the new key, or where the one generated earlier was written. */
export function adminKeyNotice(
  dataDir: string,
  generatedSecret: string | undefined,
): AdminKeyNotice | undefined {
  const file = adminKeyFile(dataDir);
  if (generatedSecret) return { file, secret: generatedSecret };
  return existsSync(file) ? { file } : undefined;
}

export function adminKeyLines(notice: AdminKeyNotice): string[] {
  if (!notice.secret) return [`Admin API key: in ${notice.file}`, RECOVERY_HINT];
  return [
    'Admin API key (created now; sign in to the dashboard with it):',
    '',
    `  ${notice.secret}`,
    '',
    `Also written to ${notice.file} (mode 0600).`,
    RECOVERY_HINT,
  ];
}

/** Lines framed by a box, so the key stands out in a terminal full of logs. */
export function boxed(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '═'.repeat(width + 2);
  const body = lines.map((l) => `║ ${l.padEnd(width)} ║`);
  return [`╔${bar}╗`, ...body, `╚${bar}╝`].join('\n');
}
