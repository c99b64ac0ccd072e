// Starts what the browser tests need: the Wanshi API on a fresh data directory, the built dashboard pointing
// at it, and a headless Chromium. `stop()` ends all three and removes the data directory.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { beforeAll, beforeEach } from 'vitest';
import { runToCompletion, startProcess, type ManagedProcess } from './processes';
import { CHROMIUM_PATH } from './chromium-path';
import { COMPILED_MAIN, compileServer, SERVER_RUNTIME } from '../../api/src/server/compiled';

export { CHROMIUM_PATH };
export const REPO_ROOT = path.resolve(__dirname, '../..');
const DASHBOARD_DIR = path.join(REPO_ROOT, 'dashboard');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules/next/dist/bin/next');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const LOG_DIR = path.join(RESULTS_DIR, 'browser-logs');
const SCREENSHOTS = path.join(RESULTS_DIR, 'screenshots');
/** For the beforeAll that starts a stack: it includes `next build` on a cold checkout. */
export const STACK_START_TIMEOUT_MS = 600_000;

const API_START_TIMEOUT_MS = 180_000;
const DASHBOARD_START_TIMEOUT_MS = 60_000;

export interface Stack {
  apiUrl: string;
  dashboardUrl: string;
  adminKey: string;
  browser: Browser;
  stop(): Promise<void>;
}

/** GraphQL straight to the stack's API as its admin (setting up what a page then shows); throws on errors. */
export function adminGraphQL(stack: Pick<Stack, 'apiUrl' | 'adminKey'>) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** `apiEnv` adds to the API's environment (e.g. WANSHI_MODELS_DIR for a models folder of the test's own). */
export async function startStack(apiEnv: Record<string, string> = {}): Promise<Stack> {
  const started: { stop(): Promise<void> }[] = [];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-browser-'));
  const stop = async () => {
    for (const item of started.reverse()) await item.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const adminKey = `test-admin-${randomBytes(16).toString('hex')}`;
    // The build is CPU-bound and the API start mostly waits on the database: overlap them.
    const [apiStart, build] = await Promise.allSettled([
      startApi(dataDir, adminKey, apiEnv),
      ensureDashboardBuild(),
    ]);
    if (apiStart.status === 'fulfilled') started.push(apiStart.value.process);
    for (const outcome of [apiStart, build]) if (outcome.status === 'rejected') throw outcome.reason;
    const api = (apiStart as PromiseFulfilledResult<{ url: string; process: ManagedProcess }>).value;
    const dashboard = await startDashboard(api.url);
    started.push(dashboard.process);
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    started.push({ stop: () => browser.close() });
    return { apiUrl: api.url, dashboardUrl: dashboard.url, adminKey, browser, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startApi(
  dataDir: string,
  adminKey: string,
  extraEnv: Record<string, string>,
): Promise<{ url: string; process: ManagedProcess }> {
  const env: NodeJS.ProcessEnv = {
    ...SERVER_RUNTIME.env,
    ...process.env,
    PORT: String(await freePort()),
    WANSHI_DATA_DIR: dataDir,
    WANSHI_ADMIN_KEY: adminKey,
    ...extraEnv,
  };
  delete env.DATABASE_URL; // embedded PGlite in the fresh data directory
  compileServer(); // the server as npm start runs it
  const api = startProcess('api', process.execPath, [...SERVER_RUNTIME.nodeArgs, COMPILED_MAIN], {
    cwd: REPO_ROOT,
    env,
    logDir: LOG_DIR,
  });
  try {
    const [, url] = await api.waitForOutput(/listening on (http:\/\/[^\s/]+)/, API_START_TIMEOUT_MS);
    const base = url.replace(/\/+$/, '');
    await waitForHttp(`${base}/health/ready`, (status) => status === 200, API_START_TIMEOUT_MS, api);
    return { url: base, process: api };
  } catch (error) {
    await api.stop();
    throw error;
  }
}

async function startDashboard(apiUrl: string): Promise<{ url: string; process: ManagedProcess }> {
  const port = await freePort();
  const dashboard = startProcess(
    'dashboard',
    process.execPath,
    [NEXT_BIN, 'start', DASHBOARD_DIR, '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, WANSHI_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
      logDir: LOG_DIR,
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/sign-in`, (status) => status === 200, DASHBOARD_START_TIMEOUT_MS, dashboard);
    return { url, process: dashboard };
  } catch (error) {
    await dashboard.stop();
    throw error;
  }
}

/** Builds the dashboard when there is no build or a source file is newer than it. */
async function ensureDashboardBuild(): Promise<void> {
  const buildId = path.join(DASHBOARD_DIR, '.next', 'BUILD_ID');
  if (existsSync(buildId) && newestSourceMtime(DASHBOARD_DIR) <= statSync(buildId).mtimeMs) return;
  await runToCompletion('dashboard-build', process.execPath, [NEXT_BIN, 'build', DASHBOARD_DIR], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    logDir: LOG_DIR,
  });
}

const NOT_SOURCES = new Set(['.next', 'node_modules', 'next-env.d.ts', 'tsconfig.tsbuildinfo']);

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NOT_SOURCES.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function waitForHttp(
  url: string,
  ok: (status: number) => boolean,
  timeoutMs: number,
  owner: ManagedProcess,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (owner.child.exitCode !== null)
      throw new Error(`${owner.name} exited while waiting for ${url}\n${owner.tail()}`);
    const status = await fetch(url, { redirect: 'manual' }).then(
      (r) => r.status,
      () => 0,
    );
    if (ok(status)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms\n${owner.tail()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** GraphQL straight to the stack's API (setting up what the browser then shows), as the admin unless `key`. */
export async function callStackApi<T>(
  stack: Stack,
  query: string,
  variables: Record<string, unknown> = {},
  key = stack.adminKey,
): Promise<T> {
  const response = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A browser window as a user of the console has it: desktop-sized, in Chinese. */
export function consoleContext(
  stack: Stack,
  viewport = { width: 1366, height: 900 },
): Promise<BrowserContext> {
  return stack.browser.newContext({ viewport, locale: 'zh-CN' });
}

/** Signs in on the sign-in page; the dashboard then goes where that key's role starts (not awaited here). */
export async function signIn(page: Page, stack: Stack, apiKey: string): Promise<void> {
  await page.goto(`${stack.dashboardUrl}/sign-in`);
  await page.getByLabel('API 密钥').fill(apiKey);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** A console page signed in with the admin key, on the overview the dashboard opens for an admin. */
export async function adminPage(stack: Stack, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await (await consoleContext(stack, viewport)).newPage();
  await signIn(page, stack, stack.adminKey);
  await page.waitForURL('**/overview');
  return page;
}

/** A full-page picture under test-results/screenshots, for a person to look over after the run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Registers hooks so that a failed test leaves a picture of what `page()` showed at that moment, in
 * test-results/browser-failures/<suite>, which starts empty (no pictures left from an earlier run).
 */
export function screenshotFailures(suite: string, page: () => Page | undefined): void {
  const dir = path.join(RESULTS_DIR, 'browser-failures', suite);
  beforeAll(() => rm(dir, { recursive: true, force: true }));
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const name = `${task.name.slice(0, 40).replace(/\W+/g, '-')}.png`;
      await page()?.screenshot({ path: path.join(dir, name), fullPage: true });
    });
  });
}
