// 导入模型 in a real browser: an admin uploads an ONNX file from the Models & profiles page, sees the upload and
// what the import decided, and the new model appears in the page's versions; from there the admin checks its
// label set (未翻译 first), translates the class no dictionary knew, publishes, and Try it answers in the new
// name. A file that is not ONNX is refused with its reason. Its own API (with a models folder of its own),
// database and dashboard.
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
import { CHROMIUM_PATH, RESULTS_DIR, startStack, type Stack, adminPage } from './harness';

const STACK_START_TIMEOUT_MS = 600_000; // includes `next build` on a cold checkout
const PHOTO = path.resolve(__dirname, '../../../shared/evalset/coco64/images/000000000036.jpg');
const DETECTION_TIMEOUT_MS = 60_000;

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
    page = await adminPage(stack);
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
    await rm(modelsDir, { recursive: true, force: true });
    await rm(filesDir, { recursive: true, force: true });
  });

  const form = () => page.getByRole('region', { name: '导入模型' });
  /** The label table's rows (not the audit trail's) as shown: key, name and name-source badge. */
  const labelRows = () =>
    page
      .locator('table.data tbody tr:has(input[type="color"])')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('td.mono')?.textContent,
          (tr.querySelector('input[type="text"]') as unknown as { value: string }).value,
          tr.querySelector('.badge')?.textContent,
        ]),
      );

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

  it("opens the imported model's label set from the result, the class no dictionary knew first as 未翻译", async () => {
    await form().getByRole('link', { name: '在标签编辑器中核对、翻译类别名' }).click();
    await page.waitForURL('**/labels?set=parcels');
    await page.getByLabel('delivery box 中文名', { exact: true }).waitFor();
    expect(await labelRows()).toEqual([
      ['delivery box', 'delivery box', '未翻译'],
      ['person', '人', '内置词表'],
      ['bicycle', '自行车', '内置词表'],
    ]);
    await page.getByText('1 个未翻译').waitFor();
  });

  it('translates delivery box to 快递箱 and publishes it as the next version of the label set', async () => {
    const name = page.getByLabel('delivery box 中文名', { exact: true });
    await name.fill('快递箱');
    await name.press('Enter');
    await page.getByRole('button', { name: '保存' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('ins', { hasText: '快递箱' }).waitFor();
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await page.getByRole('status').filter({ hasText: '已发布 v2' }).waitFor();
  });

  it(
    'Try it with the imported model answers the photo in the new name',
    { timeout: DETECTION_TIMEOUT_MS + 30_000 },
    async () => {
      await page.goto(`${stack.dashboardUrl}/try`);
      await page.locator('label.field', { hasText: /^模型/ }).locator('select').selectOption('parcels');
      await page.locator('input[type=file]').setInputFiles(PHOTO);
      // The tiny model's output is constant: a delivery box at 0.9 and a person at 0.6 on any photo.
      await page
        .locator('svg text', { hasText: '快递箱' })
        .first()
        .waitFor({ timeout: DETECTION_TIMEOUT_MS });
      await page.locator('svg text', { hasText: '人' }).first().waitFor();
      expect(await page.locator('svg text', { hasText: 'delivery box' }).count()).toBe(0);
      await page.screenshot({
        path: path.join(RESULTS_DIR, 'screenshots', 'import-model-try.png'),
        fullPage: true,
      });
    },
  );

  it('refuses a photo with its reason, in Chinese', async () => {
    await page.goto(`${stack.dashboardUrl}/models`);
    await form().getByLabel('ONNX 文件').setInputFiles(PHOTO);
    await form().getByLabel('模型名').fill('not-a-model');
    await form().getByRole('button', { name: '导入' }).click();
    await form().getByRole('alert').getByText('导入被拒绝: 不是 ONNX 文件').waitFor();
    expect(await page.getByRole('heading', { name: 'not-a-model' }).count()).toBe(0);
  });
});
