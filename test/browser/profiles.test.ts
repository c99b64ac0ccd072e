// The Models & profiles page in a real browser: an admin starts a quick profile benchmark from the page, watches
// it run, and the comparison shows what it measured; another is cancelled while it runs. Its own API, database and dashboard: nothing from other files.
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminPage,
  CHROMIUM_PATH,
  screenshot as screenshotOf,
  screenshotFailures,
  STACK_START_TIMEOUT_MS,
  startStack,
  type Stack,
} from './harness';

/** A quick benchmark of two profiles at 160, on a slow machine that others share (and int8 built if missing). */
const BENCHMARK_TIMEOUT_MS = 180_000;
const SIZE = 160;
const IMAGES = 4;

describe.skipIf(!existsSync(CHROMIUM_PATH))('profile benchmark in a browser', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    page = await adminPage(stack);
  }, STACK_START_TIMEOUT_MS);
  screenshotFailures('profiles', () => page);
  afterAll(async () => {
    await stack?.stop();
  });

  const url = (pathname: string) => `${stack.dashboardUrl}${pathname}`;
  const screenshot = (name: string) => screenshotOf(page, name);
  const panelOf = (target: Page) => target.getByRole('region', { name: '运行基准测试' });

  /** Ticks exactly the given sizes and profiles (FP32 is always on), quick mode with `images` images. */
  async function chooseQuick(panel: Locator, profiles: string[], images: number) {
    const sizes = panel.getByRole('group', { name: '输入尺寸' }).getByRole('checkbox');
    for (const box of await sizes.all()) await box.setChecked((await labelOf(box)) === String(SIZE));
    for (const profile of ['FP16', 'FP16-STORAGE', 'INT8', 'INT4'])
      await panel
        .getByRole('checkbox', { name: profile, exact: true })
        .setChecked(profiles.includes(profile));
    expect(await panel.getByRole('checkbox', { name: 'FP32', exact: true }).isChecked()).toBe(true);
    await panel.getByRole('radio', { name: '快速' }).check();
    await panel.getByLabel('图片数').fill(String(images));
  }
  /** The text of the label a checkbox sits in. */
  const labelOf = async (box: Locator) => (await box.locator('xpath=..').textContent())?.trim();

  it(
    'starts a quick benchmark, shows its progress, and the comparison shows FP32 and INT8 at 160',
    { timeout: BENCHMARK_TIMEOUT_MS + 60_000 },
    async () => {
      await page.goto(url('/models'));
      await page.getByText('尚无基准测试结果').waitFor(); // a fresh database: nothing measured yet
      await page.getByText('还没有运行过基准测试。').waitFor();
      const panel = panelOf(page);

      // A second tab opened now does not know of the job about to start: its start meets the running one.
      const other = await page.context().newPage();
      await other.goto(url('/models'));
      const otherPanel = panelOf(other);
      await chooseQuick(otherPanel, [], 1);

      await chooseQuick(panel, ['INT8'], IMAGES);
      await panel.getByRole('button', { name: '开始基准测试' }).click();
      const progress = panel.getByTestId('benchmark-progress');
      await progress.waitFor();
      expect(await panel.getByRole('button', { name: '开始基准测试' }).isDisabled()).toBe(true);

      await otherPanel.getByRole('button', { name: '开始基准测试' }).click();
      await otherPanel.getByRole('alert').filter({ hasText: '已有基准测试在运行' }).waitFor();
      await otherPanel.getByRole('button', { name: '查看进度' }).click();
      await otherPanel.getByTestId('benchmark-progress').waitFor();
      await other.close();

      // Running: the phase and what it is doing now, updated as it goes.
      const running = panel.locator('[data-testid="benchmark-progress"][data-status="RUNNING"]');
      const finished = panel.locator(
        '[data-testid="benchmark-progress"]:is([data-status="SUCCEEDED"], [data-status="FAILED"])',
      );
      await running.or(finished).first().waitFor({ timeout: BENCHMARK_TIMEOUT_MS });
      if (await running.isVisible()) {
        await running.getByTestId('benchmark-message').filter({ hasText: /\S/ }).waitFor();
        expect(await progress.textContent()).toMatch(/耗时\s*\d+:\d\d/);
        await screenshot('models-benchmark-progress');
      }

      await finished.waitFor({ timeout: BENCHMARK_TIMEOUT_MS });
      expect(await progress.getAttribute('data-status'), (await progress.textContent()) ?? '').toBe(
        'SUCCEEDED',
      );
      await panel.getByRole('status').filter({ hasText: '基准测试完成' }).waitFor();

      // The comparison re-rendered with the new results: a row per profile at 160, with numbers.
      const table = page.locator('table.data', { has: page.getByRole('columnheader', { name: '图像/秒' }) });
      await table.waitFor();
      const headers = (await table.locator('thead th').allTextContents()).map((text) => text.trim());
      const column = (name: string) => {
        const index = headers.indexOf(name);
        expect(index, `column ${name} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
        return index;
      };
      for (const profile of ['FP32', 'INT8']) {
        const row = table
          .locator('tbody tr')
          .filter({ has: page.locator('td:nth-child(1)', { hasText: new RegExp(`^${profile}$`) }) })
          .filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${SIZE}$`) }) });
        expect(await row.count(), `${profile} at ${SIZE}`).toBe(1);
        const cells = (await row.locator('td').allTextContents()).map((text) => text.trim());
        expect(Number(cells[column('图像/秒')])).toBeGreaterThan(0);
        expect(cells[column('mAP')]).toMatch(/^\d+\.\d%$/);
        expect(cells[column('P50')]).toMatch(/^\d+(\.\d)? ms$/);
      }
      expect(await table.locator('tbody tr td:nth-child(1)').allTextContents()).not.toContain('FP16');

      const scatter = page.getByRole('img', { name: '准确率与速度' });
      expect(await scatter.locator('circle').count()).toBe(2);
      await scatter.locator('text', { hasText: `INT8 · ${SIZE}` }).waitFor();
      expect(await page.getByRole('img', { name: '内存占用（MB）' }).locator('rect').count()).toBeGreaterThan(
        0,
      );

      await page.locator('[data-testid="recent-benchmarks"] .badge', { hasText: '已完成' }).waitFor();
      await screenshot('models-profiles');
    },
  );

  it('cancels a running benchmark from the panel: it ends cancelled, and another can start', async () => {
    await page.goto(url('/models'));
    const panel = panelOf(page);
    await chooseQuick(panel, ['FP16', 'INT4'], IMAGES);
    await panel.getByRole('button', { name: '开始基准测试' }).click();
    const progress = panel.getByTestId('benchmark-progress');
    await progress.waitFor();
    await panel.getByRole('button', { name: '取消基准测试' }).click();

    await panel.locator('[data-testid="benchmark-progress"][data-status="CANCELLED"]').waitFor();
    await panel.getByRole('status').filter({ hasText: '基准测试已取消' }).waitFor();
    expect(await progress.textContent()).toContain('由「WANSHI_ADMIN_KEY」取消');
    expect(await panel.getByRole('button', { name: '取消基准测试' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: '开始基准测试' }).isDisabled()).toBe(false);
    await page.locator('[data-testid="recent-benchmarks"] .badge', { hasText: '已取消' }).waitFor();
  });
});
