// What a new admin meets in the first hour, in a real browser (issue 17): a CJK font that works offline, the
// label-set key check, an 添加标签 button, the audit trail and benchmark progress in Chinese, Try it with a
// label-set choice that keeps its detections out of the review queue, and label tags that do not cover each
// other on a crowded photo. Its own API, database and dashboard.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_EVAL_SET } from '../../api/src/config';
import {
  adminGraphQL,
  adminPage,
  CHROMIUM_PATH,
  screenshot as screenshotOf,
  STACK_START_TIMEOUT_MS,
  startStack,
  type Stack,
} from './harness';

const DETECTION_TIMEOUT_MS = 120_000; // the first detection loads the model
const CROWDED_PHOTO = path.join(SHIPPED_EVAL_SET, 'images/000000000544.jpg'); // 17 annotated objects

describe.skipIf(!existsSync(CHROMIUM_PATH))('the first hour in a browser', () => {
  let stack: Stack;
  let page: Page;

  /** GraphQL straight to the API, as the admin (setting up what a page then finds). */
  const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    adminGraphQL(stack)<T>(query, variables);
  const url = (pathname: string) => `${stack.dashboardUrl}${pathname}`;
  const screenshot = (name: string) => screenshotOf(page, name);

  beforeAll(async () => {
    stack = await startStack();
    page = await adminPage(stack);
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
  });

  it('draws Chinese with its own font, served by the dashboard (no system CJK font or internet needed)', async () => {
    const fontPage = await (await stack.browser.newContext({ locale: 'zh-CN' })).newPage();
    await fontPage.goto(url('/sign-in'));
    await fontPage.evaluate('document.fonts.ready');
    // The fonts Chromium actually drew each text with (a fallback that has no glyph draws boxes).
    const cdp = await fontPage.context().newCDPSession(fontPage);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    for (const selector of ['h1', 'label', 'main p']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const cjk = fonts.filter((font) => font.familyName.includes('Noto Sans SC'));
      expect(cjk, `${selector}: ${JSON.stringify(fonts)}`).toEqual([
        expect.objectContaining({ isCustomFont: true }),
      ]);
    }
    await screenshotOf(fontPage, 'sign-in-font');
    await fontPage.context().close();
  });

  it('checks a new label set’s key as typed (the pattern compiles under the v flag)', async () => {
    await page.goto(url('/labels'));
    const key = page.getByLabel('键', { exact: true }).first();
    await key.fill('Bad Key');
    expect(
      await key.evaluate(
        (input) =>
          (input as unknown as { validity: { patternMismatch: boolean; valid: boolean } }).validity
            .patternMismatch,
      ),
    ).toBe(true);
    await key.fill('site_b-2');
    expect(
      await key.evaluate(
        (input) =>
          (input as unknown as { validity: { patternMismatch: boolean; valid: boolean } }).validity.valid,
      ),
    ).toBe(true);
  });

  it('adds a label to the draft with the 添加标签 button', async () => {
    await page.goto(url('/labels'));
    await page.getByRole('button', { name: '添加标签' }).click();
    const form = page.getByRole('form', { name: '添加标签' });
    await form.getByLabel('键').fill('forklift');
    await form.getByLabel('中文名').fill('叉车');
    await form.getByRole('button', { name: '添加到草稿' }).click();
    await page.getByRole('searchbox').fill('chache');
    await page.locator('table.data tbody tr', { hasText: 'forklift' }).first().waitFor();
    await screenshot('labels-add-label');
  });

  it('shows the audit trail in Chinese, not raw JSON', async () => {
    await gql(`mutation { updateLabel(input: { labelSet: "coco80", key: "person", zh: "行人" }) { zh } }`);
    await page.goto(url('/labels'));
    const changes = page.getByTestId('audit-changes').filter({ hasText: '中文名：人 → 行人' });
    await changes.first().waitFor();
    const row = page.locator('tr', { has: changes.first() });
    expect(await row.textContent()).toContain('修改标签');
    expect(await row.textContent()).toContain('标签 coco80/person');
    expect(await page.getByTestId('audit-changes').allTextContents()).not.toContainEqual(
      expect.stringMatching(/[{"]/),
    );
    await page.getByTestId('audit-changes').first().scrollIntoViewIfNeeded();
    await screenshot('labels-audit');
  });

  it(
    'tries a crowded photo with a chosen label set: tags do not overlap and nothing enters the review queue',
    { timeout: DETECTION_TIMEOUT_MS + 30_000 },
    async () => {
      await gql(`mutation { updateReviewRules(input: {
        enabled: true, lowScoreBelow: null, borderlineMargin: null, watchedClasses: [], randomShare: 1, hourlyCap: 100, dailyCap: 100
      }) { randomShare } }`);
      await page.goto(url('/try'));
      const labelSet = page.getByLabel('标签集');
      expect(await labelSet.locator('option').allTextContents()).toContainEqual(
        expect.stringContaining('coco80 v'),
      );
      await labelSet.selectOption('coco80');
      expect(await page.getByLabel('允许抽样进入审核队列').isChecked()).toBe(false);
      await page.locator('input[type=file]').setInputFiles(CROWDED_PHOTO);
      await page.getByText('总耗时').waitFor({ timeout: DETECTION_TIMEOUT_MS });
      const tags = page.getByTestId('box-tag').locator('rect');
      await expect.poll(() => tags.count()).toBeGreaterThan(5);
      const boxes = (await Promise.all((await tags.all()).map((tag) => tag.boundingBox()))).map((b) => b!);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const apart =
            a.x + a.width <= b.x + 0.5 ||
            b.x + b.width <= a.x + 0.5 ||
            a.y + a.height <= b.y + 0.5 ||
            b.y + b.height <= a.y + 0.5;
          expect(apart, `tags ${i} and ${j} overlap`).toBe(true);
        }
      await screenshot('try-crowded');
      const { reviewQueue } = await gql<{ reviewQueue: { totalCount: number } }>(
        'query { reviewQueue { totalCount } }',
      );
      expect(reviewQueue.totalCount).toBe(0);
    },
  );

  it('reports a benchmark’s progress in Chinese', { timeout: 240_000 }, async () => {
    await page.goto(url('/models'));
    const panel = page.getByRole('region', { name: '运行基准测试' });
    const sizes = panel.getByRole('group', { name: '输入尺寸' }).getByRole('checkbox');
    for (const box of await sizes.all())
      await box.setChecked((await box.locator('xpath=..').textContent())?.trim() === '160');
    for (const profile of ['FP16', 'FP16-STORAGE', 'INT8', 'INT4'])
      await panel.getByRole('checkbox', { name: profile, exact: true }).setChecked(false);
    await panel.getByRole('radio', { name: '快速' }).check();
    await panel.getByLabel('图片数').fill('2');
    await panel.getByRole('button', { name: '开始基准测试' }).click();
    const done = panel.locator('[data-testid="benchmark-progress"][data-status="SUCCEEDED"]');
    await done.waitFor({ timeout: 220_000 });
    await done.locator('details summary').click();
    const log = await done.locator('ol li').allTextContents();
    expect(log.join('\n')).toContain('FP32 160：在 2 张图片上测 mAP');
    expect(log.join('\n')).not.toMatch(/mAP on|session memory|interleaved passes/);
    await screenshot('models-benchmark-log');
  });
});
