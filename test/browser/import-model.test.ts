// 导入模型 in a real browser: an admin uploads an ONNX file from the Models & profiles page, sees the upload and
// what the import decided, and the new model appears in the page's versions; a file that is not ONNX is refused
// with its reason. Its own API (with a models folder of its own), database and dashboard.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkedModelsDir,
  TINY_NAMES,
  tinyModel,
  ultralyticsMetadata,
  yolov8Output,
} from '../model-import/fixtures';
import { CHROMIUM_PATH, RESULTS_DIR, startStack, type Stack } from './harness';

const STACK_START_TIMEOUT_MS = 600_000; // includes `next build` on a cold checkout
const PHOTO = path.resolve(__dirname, '../../../shared/evalset/coco64/images/000000000036.jpg');

describe.skipIf(!existsSync(CHROMIUM_PATH))('model import in a browser', () => {
  let stack: Stack;
  let page: Page;
  let modelsDir: string;
  let filesDir: string;

  beforeAll(async () => {
    modelsDir = await linkedModelsDir();
    filesDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-import-files-'));
    await writeFile(
      path.join(filesDir, 'yolov8n-parcels.onnx'),
      tinyModel({ output: yolov8Output(), metadata: ultralyticsMetadata(TINY_NAMES) }),
    );
    stack = await startStack({ WANSHI_MODELS_DIR: modelsDir });
    const admin = await stack.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page = await admin.newPage();
    await page.goto(`${stack.dashboardUrl}/sign-in`);
    await page.getByLabel('API 密钥').fill(stack.adminKey);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/overview');
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
    await rm(modelsDir, { recursive: true, force: true });
    await rm(filesDir, { recursive: true, force: true });
  });

  const form = () => page.getByRole('region', { name: '导入模型' });

  it('imports an Ultralytics export from the Models page and shows what it decided', async () => {
    await page.goto(`${stack.dashboardUrl}/models`);
    await form().getByLabel('ONNX 文件').setInputFiles(path.join(filesDir, 'yolov8n-parcels.onnx'));
    await form().getByLabel('模型名').fill('parcels');
    await form().getByRole('button', { name: '导入' }).click();
    const result = form().getByRole('status');
    await result.getByText('已导入 parcels 1').waitFor();
    await expect(result.textContent()).resolves.toContain('yolov8 (auto): output0 is [1, 7, 8]');
    await expect(result.textContent()).resolves.toContain('3 个类别');
    await expect(result.textContent()).resolves.toContain('标签集 parcels（新建）');
    // The page refreshed: the new model has its own card with its version.
    await page.getByRole('heading', { name: 'parcels', exact: true }).waitFor();
    await page.screenshot({
      path: path.join(RESULTS_DIR, 'screenshots', 'import-model.png'),
      fullPage: true,
    });
  });

  it('refuses a photo with its reason, in Chinese', async () => {
    await page.goto(`${stack.dashboardUrl}/models`);
    await form().getByLabel('ONNX 文件').setInputFiles(PHOTO);
    await form().getByLabel('模型名').fill('not-a-model');
    await form().getByRole('button', { name: '导入' }).click();
    await form().getByRole('alert').getByText('导入被拒绝: 不是 ONNX 文件').waitFor();
    expect(await page.getByRole('heading', { name: 'not-a-model' }).count()).toBe(0);
  });
});
