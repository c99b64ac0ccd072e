// A new admin's first start, as `npm start:api` runs it on a fresh data directory (no WANSHI_ADMIN_KEY): the
// admin key in a box after start-up's last line and in a 0600 file, the README's curl example run as written
// against that server, and key recovery from the console with the server stopped.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SHIPPED_EVAL_SET } from '../../api/src/config';
import { openDatabase } from '../../api/src/db';
import { ApiKeyService } from '../../api/src/services/keys';
import { startProcess, type ManagedProcess } from '../browser/processes';

const run = promisify(execFile);
const START_TIMEOUT_MS = 180_000;
const PHOTO = path.join(SHIPPED_EVAL_SET, 'images/000000000389.jpg'); // 267 KB, people
const LOG_DIR = path.join(REPO_ROOT, 'test-results/first-start-logs');

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The README's shell example that sends a photo to detect (the one bash block with `imageBase64`). */
async function readmeCurlExample(): Promise<string> {
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1]);
  const examples = blocks.filter((b) => b.includes('curl') && b.includes('imageBase64'));
  expect(examples).toHaveLength(1);
  return examples[0];
}

describe('the first start', () => {
  let home: string;
  let dataDir: string;
  let port: number;
  let server: ManagedProcess;
  let startOutput: string;
  const env = (): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      WANSHI_DATA_DIR: dataDir,
      WANSHI_LOG_LEVEL: 'info',
    };
    for (const name of ['WANSHI_ADMIN_KEY', 'DATABASE_URL', 'NODE_ENV']) delete e[name];
    return e;
  };

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'wanshi-first-start-'));
    dataDir = path.join(home, 'data');
    await mkdir(dataDir);
    await copyFile(PHOTO, path.join(home, 'photo.jpg'));
    port = await freePort();
    const main = path.join(REPO_ROOT, 'api/src/server/main.ts');
    server = startProcess(
      'first-start',
      process.execPath,
      ['-r', require.resolve('@swc-node/register'), main],
      {
        cwd: REPO_ROOT,
        env: env(),
        logDir: LOG_DIR,
      },
    );
    [startOutput] = await server.waitForOutput(/[\s\S]*╚═+╝/, START_TIMEOUT_MS);
  }, START_TIMEOUT_MS + 10_000);
  afterAll(async () => {
    await server?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('prints the new admin key in a box after the last start-up line and writes it to a 0600 file', async () => {
    const key = startOutput.match(/║\s+(wsk_\S+)\s+║/)?.[1];
    expect(key).toBeDefined();
    const box = startOutput.lastIndexOf('╔');
    expect(startOutput.lastIndexOf('listening on')).toBeLessThan(box);
    expect(startOutput.lastIndexOf('"msg":"ready: ')).toBeLessThan(box);
    expect(startOutput.slice(box)).toContain('npm run keys:create -- --role admin');

    const file = path.join(dataDir, 'admin-key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(key);
    const me = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(((await me.json()) as { data: { me: { role: string } } }).data.me.role).toBe('ADMIN');
  });

  it('runs the README’s curl example as written on a 267 KB photo, answering in Chinese', async () => {
    const { stdout } = await run('bash', ['-c', await readmeCurlExample()], { cwd: home, env: env() });
    const reply = JSON.parse(stdout);
    expect(reply.errors).toBeUndefined();
    expect(reply.data.detect.objects.map((o: { label: { zh: string } }) => o.label.zh)).toContain('人');
  });

  it('gives a lost admin a new key from the console once the server is stopped (npm run keys:create)', async () => {
    await server.stop();
    const { stdout } = await run(
      'npm',
      ['run', '--silent', 'keys:create', '--', '--role', 'admin', '--name', 'recovered'],
      {
        cwd: REPO_ROOT,
        env: env(),
      },
    );
    const secret = stdout.trim().split('\n').at(-1)!;
    const db = await openDatabase({ dataDir, databaseUrl: undefined });
    try {
      expect((await new ApiKeyService(db.prisma).authenticate(secret))?.role).toBe('admin');
      expect(await db.prisma.apiKey.count({ where: { name: 'recovered', role: 'admin' } })).toBe(1);
    } finally {
      await db.close();
    }
  });
});
