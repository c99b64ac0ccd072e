// N compiled API replicas (test/support/server-child.ts) on one PostgreSQL database, each with a data folder and
// a models folder of its own as separate machines would have, behind a real HAProxy started with the shipped
// policy (deploy/haproxy/haproxy.cfg) and a backend listing these replicas. For the replicas test and
// bench:replicas.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../api/src/config';
import { freePort } from '../../bench/lib/server-process';
import { linkedModelsDir } from '../model-import/fixtures';
import { startServerChild, type ServerChild } from './server-child';

export const HAPROXY_CONFIG = path.join(REPO_ROOT, 'deploy/haproxy/haproxy.cfg');
/** Debian's haproxy package puts it here. */
export const HAPROXY_PATH = '/usr/sbin/haproxy';

export interface Replica extends ServerChild {
  /** HAProxy's name for it. */
  name: string;
  modelsDir: string;
}

export interface ReplicaCluster {
  /** HAProxy's frontend. */
  url: string;
  replicas: Replica[];
  /** HAProxy's view of each replica: UP, DOWN, … */
  serverStatus(): Promise<Record<string, string>>;
  /** Stops HAProxy and the replicas still running (SIGTERM), and removes their folders. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  replicas: number;
  databaseUrl: string;
  /** On top of each replica's own (database, folders). */
  env: Record<string, string>;
  readyTimeoutMs: number;
}

/** Starts the replicas at once (as an orchestrator does), then HAProxy, and waits until it sees all of them up. */
export async function startReplicaCluster(options: ClusterOptions): Promise<ReplicaCluster> {
  const folders: string[] = [];
  const replicas: Replica[] = [];
  let stopBalancer = async () => {};
  const stop = async () => {
    await stopBalancer();
    await Promise.all(
      replicas.map(async (replica) => {
        replica.kill('SIGTERM');
        await replica.exited;
      }),
    );
    await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    const started = await Promise.allSettled(
      Array.from({ length: options.replicas }, async (_, i) => {
        const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-replica-'));
        const modelsDir = await linkedModelsDir();
        folders.push(dataDir, modelsDir);
        const env = {
          ...options.env,
          DATABASE_URL: options.databaseUrl,
          WANSHI_DATA_DIR: dataDir,
          WANSHI_MODELS_DIR: modelsDir,
        };
        const child = await startServerChild(env, options.readyTimeoutMs);
        replicas.push(Object.assign(child, { name: `replica${i + 1}`, modelsDir }));
        return child;
      }),
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    replicas.sort((a, b) => a.name.localeCompare(b.name));

    const [port, statsPort] = [await freePort(), await freePort()];
    const servers = path.join(folders[0], 'servers.cfg');
    const lines = replicas.map((r) => `  server ${r.name} ${new URL(r.url).host} check`);
    await writeFile(servers, ['backend wanshi_api', ...lines, ''].join('\n'));
    const haproxy = spawn(HAPROXY_PATH, ['-db', '-f', HAPROXY_CONFIG, '-f', servers], {
      env: {
        ...process.env,
        WANSHI_LB_BIND: `127.0.0.1:${port}`,
        WANSHI_LB_STATS_BIND: `127.0.0.1:${statsPort}`,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const balancerExited = new Promise<void>((resolve) => haproxy.once('exit', () => resolve()));
    stopBalancer = async () => {
      if (haproxy.exitCode === null && haproxy.signalCode === null) haproxy.kill('SIGTERM');
      await balancerExited;
    };
    const serverStatus = async () => {
      const csv = await fetch(`http://127.0.0.1:${statsPort}/stats;csv`).then((r) => r.text());
      const rows = csv.split('\n').map((line) => line.split(','));
      const status = rows[0].indexOf('status');
      return Object.fromEntries(
        rows
          .filter((row) => row[0] === 'wanshi_api' && row[1].startsWith('replica'))
          .map((row) => [row[1], row[status]]),
      );
    };
    const deadline = Date.now() + options.readyTimeoutMs;
    for (;;) {
      const status = await serverStatus().catch(() => ({}) as Record<string, string>);
      if (replicas.every((r) => status[r.name] === 'UP')) break;
      if (Date.now() > deadline)
        throw new Error(`HAProxy did not see every replica up: ${JSON.stringify(status)}`);
      await sleep(200);
    }
    return { url: `http://127.0.0.1:${port}`, replicas, serverStatus, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
