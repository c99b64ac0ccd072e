// The server process. `npm start` runs it with --with-dashboard: the API (model build, migrations, seed,
// scheduler) and the dashboard, built on first start. Without the flag, the API alone.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { loadConfig, REPO_ROOT } from '../config';
import { createLogger, setLogLevel } from '../logging/logger';
import { startGcPacer } from '../runtime/gc-pacer';
import { adminKeyLines, boxed } from './admin-key-notice';
import { startServer } from './start-server';

const log = createLogger('start');
const DASHBOARD_DIR = path.join(REPO_ROOT, 'dashboard');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/.bin/next');

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.next' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Resolves once something accepts connections on the port, or after timeoutMs (start-up goes on either way). */
async function portAnswers(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      const done = (answered: boolean) => {
        socket.destroy();
        resolve(answered);
      };
      socket.once('connect', () => done(true)).once('error', () => done(false));
      socket.setTimeout(1000, () => done(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Builds the dashboard when it has never been built or its sources changed since. */
function ensureDashboardBuilt(): void {
  const buildId = path.join(DASHBOARD_DIR, '.next/BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSourceMtime(DASHBOARD_DIR)) return;
  log.info('building the dashboard (first start or changed sources; about a minute)…');
  const result = spawnSync(NEXT_BIN, ['build', DASHBOARD_DIR], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed with status ${result.status}`);
}

async function main(): Promise<void> {
  startGcPacer();
  const config = loadConfig();
  setLogLevel(config.logLevel);
  const server = await startServer(config);
  let dashboard: ChildProcess | undefined;
  if (process.argv.includes('--with-dashboard')) {
    ensureDashboardBuilt();
    dashboard = spawn(
      NEXT_BIN,
      ['start', DASHBOARD_DIR, '-p', String(config.dashboardPort), '-H', config.host],
      {
        stdio: 'inherit',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', WANSHI_API_URL: server.url },
      },
    );
    await portAnswers(config.host, config.dashboardPort, 60_000);
    log.info(`dashboard on http://${config.host}:${config.dashboardPort} (sign in with an admin API key)`);
  }
  await server.ready;
  // Last, after Next.js and warm-up have had their say, so the key is not scrolled away.
  if (server.adminKey) console.log(`\n${boxed(adminKeyLines(server.adminKey))}\n`);
  const stop = (signal: string) => {
    log.info(`${signal}: stopping the dashboard, finishing queued requests, then exiting`);
    dashboard?.kill('SIGTERM');
    server.close().then(
      () => process.exit(0),
      (error) => {
        log.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  log.error('start-up failed', error);
  process.exit(1);
});
