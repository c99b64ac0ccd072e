// End to end through a real browser: the API on a fresh database, the built dashboard, headless Chromium.
// The tests run in order and share one admin session, like one person working through the console.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  consoleContext,
  screenshot,
  screenshotFailures,
  signIn as signInWith,
  STACK_START_TIMEOUT_MS,
  startStack,
  type Stack,
} from './harness';

const PHOTO_WITH_PERSON = '/work/shared/evalset/coco64/images/000000000036.jpg';
const DETECTION_TIMEOUT_MS = 120_000; // the first detection loads the model

describe.skipIf(!existsSync(CHROMIUM_PATH))('dashboard in a browser', () => {
  let stack: Stack;
  let admin: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    admin = await newContext();
    page = await admin.newPage();
  }, STACK_START_TIMEOUT_MS);
  screenshotFailures('dashboard', () => page);
  afterAll(async () => {
    await stack?.stop();
  });

  const newContext = () => consoleContext(stack, { width: 1366, height: 860 });
  const url = (pathname: string) => `${stack.dashboardUrl}${pathname}`;
  const signIn = (target: Page, apiKey: string) => signInWith(target, stack, apiKey);

  /** Creates a key on the keys page and returns its secret, which is shown once. */
  async function createKey(name: string, role: 'APP' | 'REVIEWER') {
    await page.goto(url('/keys'));
    await page.getByLabel('名称').fill(name);
    await page.getByLabel('角色').selectOption(role);
    await page.getByRole('button', { name: '创建密钥' }).click();
    const secret = (await page.getByTestId('new-secret').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(16);
    return secret;
  }

  it('signs in with the admin key', async () => {
    await signIn(page, stack.adminKey);
    await page.waitForURL('**/overview');
    await page.getByRole('heading', { name: '概览' }).waitFor();
  });

  it('renames person to 行人 in a draft and publishes it after showing the diff', async () => {
    await page.goto(url('/labels'));
    await page.getByRole('searchbox').fill('person');
    const chineseName = page.getByLabel('person 中文名', { exact: true });
    expect(await chineseName.inputValue()).toBe('人');

    await chineseName.fill('行人');
    await chineseName.press('Enter');
    await page.getByRole('button', { name: '保存' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('ins', { hasText: '行人' }).waitFor();
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await page.getByRole('status').filter({ hasText: '已发布 v2' }).waitFor();
    await page.locator('h2 .badge', { hasText: '已发布 v2' }).waitFor(); // the page re-rendered from the API
    // The audit trail records the edit, old and new name, in the dashboard's language.
    await page.locator('td', { hasText: '中文名：人 → 行人' }).waitFor();
    await screenshot(page, 'labels');
  });

  it('finds labels by pinyin initials and round-trips the label set through CSV', async () => {
    await page.getByRole('searchbox').fill('zxc'); // zi xing che: 自行车
    await page.getByLabel('bicycle 中文名', { exact: true }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv).toContain('person,行人,');

    const importCsv = (text: string) =>
      page
        .locator('input[type=file][aria-label="导入 CSV"]')
        .setInputFiles({ name: 'labels.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    const dialog = page.getByRole('dialog');

    await importCsv(csv); // unchanged: nothing to write
    await dialog.getByText('没有需要导入的改动').waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();

    await importCsv(csv.replace('bicycle,自行车,', 'bicycle,脚踏车,'));
    await dialog.locator('ins', { hasText: '脚踏车' }).waitFor();
    await dialog.getByRole('button', { name: '写入草稿' }).click();
    await page.getByRole('status').filter({ hasText: '已将 1 个标签写入草稿' }).waitFor();
    await page.getByRole('searchbox').fill('bicycle');
    // The table re-renders from the API just after the notice appears.
    await expect.poll(() => page.getByLabel('bicycle 中文名', { exact: true }).inputValue()).toBe('脚踏车');
  });

  it(
    'detects a photo in Try it and labels the person 行人',
    { timeout: DETECTION_TIMEOUT_MS + 30_000 },
    async () => {
      await page.goto(url('/try'));
      await page.locator('input[type=file]').setInputFiles(PHOTO_WITH_PERSON);
      await page.locator('svg text', { hasText: '行人' }).first().waitFor({ timeout: DETECTION_TIMEOUT_MS });
      await page.getByText('总耗时').waitFor();
      await screenshot(page, 'try');
    },
  );

  it('shows the detection in the overview', async () => {
    await page.goto(url('/overview'));
    await page.getByRole('heading', { name: '最近的检测' }).waitFor();
    await page.locator('main').getByText('行人').first().waitFor();
    await screenshot(page, 'overview');
  });

  it('renders the profile page, with results or the empty state, and why the default profile is the default', async () => {
    await page.goto(url('/models'));
    // No admin chose and nothing is measured on cpu at 320: the provider's rule, with its evidence.
    await page.getByText('按执行后端规则选择 · cpu').first().waitFor();
    await page
      .getByText(/^rule for cpu: int8 at 320/)
      .first()
      .waitFor();
    await page
      .getByText('尚无基准测试结果')
      .or(page.getByRole('columnheader', { name: '图像/秒' }))
      .first()
      .waitFor();
    await screenshot(page, 'models');
  });

  it('lists the detection in History and opens it with its photo and boxes', async () => {
    await page.goto(url('/history'));
    const firstRow = page.locator('table.data tbody tr').first();
    await firstRow.getByText('行人').waitFor();
    // The row's thumbnail is a small copy made by the API, not the original scaled by the browser.
    const thumbnail = firstRow.locator('img');
    await page.waitForFunction(
      (img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0,
      await thumbnail.elementHandle(),
    );
    expect(await thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(
      144,
    );
    await screenshot(page, 'history');

    await firstRow.getByRole('link').last().click();
    await page.waitForURL('**/history/*');
    await page.locator('svg text', { hasText: '行人' }).first().waitFor();
    // The photo comes through the dashboard's authenticated image proxy.
    await page.waitForFunction('[...document.images].some((img) => img.complete && img.naturalWidth > 0)');
    await screenshot(page, 'history-detail');
  });

  it('creates an app key, shows its secret once, and the app key cannot sign in', async () => {
    const appSecret = await createKey('浏览器测试应用', 'APP');
    await screenshot(page, 'keys');

    const appContext = await newContext();
    const appPage = await appContext.newPage();
    await signIn(appPage, appSecret);
    await appPage.getByRole('alert').filter({ hasText: '应用（app）密钥只能调用 API' }).waitFor();
    expect(new URL(appPage.url()).pathname).toBe('/sign-in');
    await screenshot(appPage, 'sign-in');
    await appContext.close();
  });

  it('shows a reviewer only the history', async () => {
    const reviewerSecret = await createKey('浏览器测试审核员', 'REVIEWER');
    const reviewerContext = await newContext();
    const reviewerPage = await reviewerContext.newPage();
    await signIn(reviewerPage, reviewerSecret);
    await reviewerPage.waitForURL('**/history');
    const nav = reviewerPage.getByRole('navigation').first();
    await nav.getByRole('link', { name: '检测记录' }).waitFor();
    expect(await nav.getByRole('link', { name: '标签集' }).count()).toBe(0);

    await reviewerPage.goto(url('/keys')); // not theirs: sent back to their start page
    await reviewerPage.waitForURL('**/history');
    await reviewerContext.close();
  });

  it('revokes a key after confirmation', async () => {
    await page.goto(url('/keys'));
    const row = page.locator('tr', { hasText: '浏览器测试应用' });
    await row.getByRole('button', { name: '吊销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '吊销' }).click();
    await row.getByText('已吊销').waitFor();
  });

  it('switches the interface to English and back', async () => {
    await page.goto(url('/overview'));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '概览' }).waitFor();
  });
});
