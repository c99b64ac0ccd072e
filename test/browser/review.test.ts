// The review pages in a real browser: a reviewer works the queue from the keyboard, correcting a label on a
// coco64 detection, and the statistics' confusion table shows the correction; two reviewers at once each get
// their own detection.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminGraphQL,
  CHROMIUM_PATH,
  consoleContext,
  screenshot,
  signIn as signInWith,
  STACK_START_TIMEOUT_MS,
  startStack,
  type Stack,
} from './harness';

const PHOTO_WITH_PERSON = path.resolve(__dirname, '../../../shared/evalset/coco64/images/000000000036.jpg');
const DETECTION_TIMEOUT_MS = 120_000; // the first detection loads the model

describe.skipIf(!existsSync(CHROMIUM_PATH))('review in a browser', () => {
  let stack: Stack;
  let reviewer: BrowserContext;
  let page: Page;

  /** GraphQL straight to the API, as the admin (setting up what a page then finds). */
  const gql = <T>(query: string, variables: Record<string, unknown> = {}) =>
    adminGraphQL(stack)<T>(query, variables);

  const url = (pathname: string) => `${stack.dashboardUrl}${pathname}`;
  const signIn = (target: Page, apiKey: string) => signInWith(target, stack, apiKey);

  beforeAll(async () => {
    stack = await startStack();
    // Every detection goes to the queue, so the one below is there for the reviewer.
    await gql(`mutation { updateReviewRules(input: {
      enabled: true, lowScoreBelow: null, borderlineMargin: null, watchedClasses: [], randomShare: 1, hourlyCap: 100, dailyCap: 100
    }) { randomShare } }`);
    const { createApiKey } = await gql<{ createApiKey: { secret: string } }>(
      `mutation { createApiKey(input: { name: "审核员", role: REVIEWER }) { secret } }`,
    );
    reviewer = await consoleContext(stack);
    page = await reviewer.newPage();
    await signIn(page, createApiKey.secret);
    await page.waitForURL('**/history');
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it(
    'lets a reviewer correct 人 to 狗 from the keyboard, and the confusion table shows it',
    { timeout: DETECTION_TIMEOUT_MS + 60_000 },
    async () => {
      const imageBase64 = (await readFile(PHOTO_WITH_PERSON)).toString('base64');
      const { detect } = await gql<{ detect: { review: { status: string } } }>(
        `mutation($input: DetectInput!) { detect(input: $input) { review { status } } }`,
        { input: { imageBase64 } },
      );
      expect(detect.review.status).toBe('QUEUED');

      await page.getByRole('navigation').first().getByRole('link', { name: '审核队列' }).click();
      await page.waitForURL('**/review');
      await page.locator('svg text', { hasText: '人' }).first().waitFor();
      await page.waitForFunction('[...document.images].some((img) => img.complete && img.naturalWidth > 0)');
      await page.getByText('随机抽样').waitFor();
      await screenshot(page, 'review-queue');

      const person = page.getByTestId('review-object').filter({ hasText: '人' }).first();
      await person.click();
      await page.keyboard.press('2'); // wrong label: the picker opens with the search focused
      const picker = page.getByRole('dialog', { name: '选择正确的标签' });
      await picker.getByRole('searchbox').pressSequentially('gou'); // pinyin of 狗
      await expect.poll(() => picker.getByRole('option').first().textContent()).toContain('狗');
      await page.keyboard.press('Enter');
      await person.getByText('改为 狗').waitFor();
      await page.locator('svg text', { hasText: '人→狗' }).first().waitFor();

      // A missed object: m, drag a box on the photo, choose 猫 by pinyin initials.
      await page.keyboard.press('m');
      const layer = await page.getByTestId('review-layer').boundingBox();
      await page.mouse.move(layer!.x + 20, layer!.y + layer!.height - 120);
      await page.mouse.down();
      await page.mouse.move(layer!.x + 90, layer!.y + layer!.height - 40, { steps: 5 });
      await page.mouse.up();
      const missed = page.getByRole('dialog', { name: '漏检的目标' });
      await missed.getByRole('searchbox').pressSequentially('mao');
      await missed.getByRole('option', { name: /猫/ }).click();
      await page.getByRole('button', { name: '删除' }).waitFor(); // listed, and removable
      await screenshot(page, 'review-correcting');

      // Boxes start unjudged: submitting asks for the rest, and `a` is the explicit "the rest are correct".
      const unjudged = await page
        .getByTestId('review-object')
        .evaluateAll((rows) => rows.filter((row) => row.getAttribute('data-verdict') === 'none').length);
      if (unjudged > 0) {
        await page.keyboard.press('n');
        await page
          .getByRole('alert')
          .filter({ hasText: `还有 ${unjudged} 个目标未判定` })
          .waitFor();
        await page.keyboard.press('a');
      }
      await page.keyboard.press('n'); // submit; the queue is then empty
      await page.getByText('队列是空的').waitFor();

      await page.goto(url('/review/stats'));
      const table = page.getByTestId('confusion-table');
      await table.getByLabel('人 → 狗: 1', { exact: true }).waitFor();
      await table.getByLabel('背景 → 猫: 1', { exact: true }).waitFor(); // the missed cat
      await page.getByRole('cell', { name: '人 → 狗', exact: true }).waitFor(); // most confused pairs
      await screenshot(page, 'review-stats');
    },
  );

  it('shows the correction on the detection in History, to the reviewer', async () => {
    await page.goto(url('/history'));
    await page.locator('table.data tbody tr').first().getByRole('link').last().click();
    await page.waitForURL('**/history/*');
    const summary = page.getByTestId('review-summary');
    await summary.getByText('已审核').waitFor();
    await summary.getByText('人 → 狗').waitFor();
    await screenshot(page, 'review-history-detail');
  });

  it('offers the review exports as downloads', async () => {
    await page.goto(url('/review/stats'));
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'YOLO（含图片）' }).click();
    const file = await (await download).path();
    const zip = await readFile(file!);
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });

  it('starts every box unjudged, so one stray key records nothing', async () => {
    const imageBase64 = (await readFile(PHOTO_WITH_PERSON)).toString('base64');
    await gql(`mutation($input: DetectInput!) { detect(input: $input) { id } }`, { input: { imageBase64 } });
    await page.goto(url('/review'));
    const rows = page.getByTestId('review-object');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-verdict')))).toEqual(
      Array(await rows.count()).fill('none'),
    );
    await page.keyboard.press('n');
    await page.getByRole('alert').filter({ hasText: '个目标未判定' }).waitFor();
    await screenshot(page, 'review-unjudged');
    await page.keyboard.press('a');
    await page.keyboard.press('n');
    await page.getByText('队列是空的').waitFor();
  });

  it('claims a detection when the reviewer acts, not when they look; a skipped one stays away on reload', async () => {
    for (const file of ['000000000009.jpg', '000000000030.jpg']) {
      const imageBase64 = (await readFile(path.join(path.dirname(PHOTO_WITH_PERSON), file))).toString(
        'base64',
      );
      const { detect } = await gql<{ detect: { id: string } }>(
        `mutation($input: DetectInput!) { detect(input: $input) { id } }`,
        { input: { imageBase64 } },
      );
      await gql(`mutation($id: ID!) { flagDetection(id: $id, reason: "两人同时审核") { id } }`, {
        id: detect.id,
      });
    }
    const photoOn = (target: Page) =>
      target.locator('img[src^="/api/images/"]').first().getAttribute('src', { timeout: 30_000 });
    /** Queued detections nobody but the admin holds. */
    const unclaimed = async () =>
      (await gql<{ reviewQueue: { totalCount: number } }>('query { reviewQueue { totalCount } }')).reviewQueue
        .totalCount;

    await page.goto(url('/review'));
    const first = await photoOn(page);
    await page.getByTestId('review-object').first().waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await unclaimed()).toBe(2); // looking claims nothing
    await page.keyboard.press('1'); // acting does
    await expect.poll(unclaimed).toBe(1);

    const { createApiKey } = await gql<{ createApiKey: { secret: string } }>(
      `mutation { createApiKey(input: { name: "审核员二", role: REVIEWER }) { secret } }`,
    );
    const secondContext = await consoleContext(stack);
    const second = await secondContext.newPage();
    await signIn(second, createApiKey.secret);
    await second.waitForURL('**/history');
    await second.goto(url('/review'));
    await second.getByText('队列中还有 1 张').waitFor();
    expect(await photoOn(second)).not.toBe(first);
    await second.getByTestId('review-object').first().waitFor();
    await second.keyboard.press('1');
    await expect.poll(unclaimed).toBe(0);

    await page.keyboard.press('s'); // skipped: given back, so the other reviewer's queue has it again
    await expect.poll(unclaimed).toBe(1);
    await page.reload(); // and it does not come back to the one who skipped it
    await page.getByText('队列是空的').waitFor();
    await second.reload();
    await second.getByText('队列中还有 2 张').waitFor();
    await secondContext.close();
  });

  it('lets an admin, and only an admin, change the sampling rules', async () => {
    await page.goto(url('/review/rules'));
    await page.waitForURL('**/history'); // a reviewer is sent back to their start page

    const adminContext = await consoleContext(stack);
    const admin = await adminContext.newPage();
    await signIn(admin, stack.adminKey);
    await admin.waitForURL('**/overview');
    await admin.getByRole('navigation').first().getByRole('link', { name: '抽样规则' }).click();
    await admin.getByLabel('随机抽样比例（0–1）').fill('0.05');
    await admin.getByLabel('关注的类别（键，逗号分隔）').fill('knife, scissors');
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.getByRole('status').filter({ hasText: '抽样规则已保存' }).waitFor();
    await admin.getByRole('button', { name: '保存', exact: true }).waitFor(); // the refresh has finished
    await screenshot(admin, 'review-rules');
    const { reviewRules } = await gql<{ reviewRules: { randomShare: number; watchedClasses: string[] } }>(
      'query { reviewRules { randomShare watchedClasses } }',
    );
    expect(reviewRules).toEqual({ randomShare: 0.05, watchedClasses: ['knife', 'scissors'] });
    await adminContext.close();
  });
});
