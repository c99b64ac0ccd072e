// The API keys page in a real browser: an app key's detections show up in the usage chart and totals, and its
// limits in the key table, as an admin set them.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callStackApi, CHROMIUM_PATH, RESULTS_DIR, startStack, type Stack, adminPage } from './harness';

const PHOTOS = ['000000000036.jpg', '000000000009.jpg', '000000000030.jpg'].map((file) =>
  path.resolve(__dirname, '../../../shared/evalset/coco64/images', file),
);
const STACK_START_TIMEOUT_MS = 600_000; // includes `next build` on a cold checkout
const SETUP_TIMEOUT_MS = STACK_START_TIMEOUT_MS + 120_000; // and the first detection loads the model

describe.skipIf(!existsSync(CHROMIUM_PATH))('API key usage in a browser', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    const { createApiKey } = await callStackApi<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      stack,
      `mutation { createApiKey(input: { name: "仓库摄像头", role: APP }) { secret apiKey { id } } }`,
    );
    for (const photo of PHOTOS) {
      const imageBase64 = (await readFile(photo)).toString('base64');
      await callStackApi(
        stack,
        `mutation($input: DetectInput!) { detect(input: $input) { id } }`,
        { input: { imageBase64 } },
        createApiKey.secret,
      );
    }
    await callStackApi(
      stack,
      `mutation($id: ID!) { setApiKeyLimits(id: $id, input: { requestsPerSecond: 5, burst: 10, imagesPerDay: 1000 }) { keyId } }`,
      { id: createApiKey.apiKey.id },
    );
    page = await adminPage(stack);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it("charts today's images of the app key and totals them per key", async () => {
    await page.goto(`${stack.dashboardUrl}/keys`);
    const usage = page.getByTestId('key-usage');
    const chart = usage.getByRole('img', { name: '最近 14 天的图片数' });
    await chart.waitFor();
    const today = new Date().toISOString().slice(0, 10);
    const column = chart.locator(`g[data-category="${today}"] rect`);
    expect(await column.count()).toBe(1); // only the app key detected anything
    expect(await column.getAttribute('data-value')).toBe(String(PHOTOS.length));
    expect(await usage.getByRole('listitem').allTextContents()).toEqual(['仓库摄像头']);

    const row = usage.getByRole('row', { name: /仓库摄像头/ });
    expect((await row.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['仓库摄像头', '3', '3']);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'screenshots', 'key-usage.png'), fullPage: true });
  });

  it('shows the limits an admin set on the key, and 不限 for the others', async () => {
    const table = page.locator('table').first();
    const appRow = table.getByRole('row', { name: /仓库摄像头/ });
    await expect(appRow.getByRole('cell', { name: '5 次/秒 +10 突发 · 1000 张/天' }).count()).resolves.toBe(
      1,
    );
    const adminRow = table.getByRole('row').filter({ hasText: '当前登录' });
    await expect(adminRow.getByRole('cell', { name: '不限', exact: true }).count()).resolves.toBe(1);
  });
});
