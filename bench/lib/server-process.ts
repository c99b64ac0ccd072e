// The real server in its own process, compiled as `npm start` runs it (api/src/server/compiled.ts), as it runs in
// production: its event loop, worker threads and memory are its own, so the bench measures them and only them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../api/src/config';
import { COMPILED_MAIN, compileServer, SERVER_RUNTIME } from '../../api/src/server/compiled';

/** First start creates PGlite (5–8 s); on a busy 2-core machine allow plenty. */
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

export const BENCH_ADMIN_KEY = 'wanshi-bench-admin-key-0123456789';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL) and deletes its data directory. */
  stop(): Promise<void>;
}

/**
 * Starts a server on a fresh data directory with `env` on top of the caller's, and waits until it is ready.
 * `nodeArgs` go to node itself (e.g. --cpu-prof, which NODE_OPTIONS may not carry).
 */
export async function startServerProcess(
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-bench-'));
  const logFile = path.join(dataDir, 'server.log');
  const port = await freePort();
  const log = createWriteStream(logFile);
  compileServer();
  const child = spawn(process.execPath, [...SERVER_RUNTIME.nodeArgs, ...nodeArgs, COMPILED_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...SERVER_RUNTIME.env,
      ...process.env,
      PORT: String(port),
      WANSHI_HOST: '127.0.0.1',
      WANSHI_DATA_DIR: dataDir,
      WANSHI_ADMIN_KEY: BENCH_ADMIN_KEY,
      WANSHI_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Two sources into one file: neither may end it, the child's 'close' (all output read) does.
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const closed = new Promise<void>((resolve) => child.once('close', () => log.end(resolve)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await terminate(child);
    await closed;
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child);
  } catch (error) {
    const tail = (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-30).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n--- server log (last lines) ---\n${tail}`);
  }
  return { url, pid: child.pid!, stop };
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited during start-up (code ${child.exitCode})`);
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await sleep(250);
  }
  throw new Error(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(killTimer);
}

/** A port nobody listens on now (the server binds it a moment later; a clash would fail start-up loudly). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
