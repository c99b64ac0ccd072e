// The label editor for a set named automatically from class keys, in real Chromium: names to check come first
// (未翻译, then dictionary ones), and saving a name makes it the admin's, with pinyin derived on the server.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, RESULTS_DIR, startStack, type Stack, adminPage } from './harness';

const STACK_START_TIMEOUT_MS = 600_000; // includes `next build` on a cold checkout
const SET = 'imported-goods';

describe.skipIf(!existsSync(CHROMIUM_PATH))('label names in the editor', () => {
  let stack: Stack;
  let page: Page;

  async function gql(query: string) {
    const response = await fetch(`${stack.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.adminKey}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  beforeAll(async () => {
    stack = await startStack();
    // As a model import does: a label set from the model's class keys, named automatically and published.
    await gql(`mutation {
      createLabelSet(input: { key: "${SET}", name: "导入的模型", classes: ["dog", "abacus", "qx-gizmo", "cat"], publish: true }) { key }
    }`);
    page = await adminPage(stack, { width: 1366, height: 860 });
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  /** The rows as shown: key and name-source badge. */
  const rows = () =>
    page
      .locator('table.data tbody tr:has(input[type="color"])') // the label table's rows, not the audit trail's
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('td.mono')?.textContent, tr.querySelector('.badge')?.textContent]),
      );

  it('lists the untranslated label first, then the dictionary one, then the curated ones', async () => {
    await page.goto(`${stack.dashboardUrl}/labels?set=${SET}`);
    await page.getByLabel('qx-gizmo 中文名', { exact: true }).waitFor();
    expect(await rows()).toEqual([
      ['qx-gizmo', '未翻译'],
      ['abacus', '词典（待核对）'],
      ['dog', '内置词表'],
      ['cat', '内置词表'],
    ]);
    expect(await page.getByLabel('qx-gizmo 中文名', { exact: true }).inputValue()).toBe('qx-gizmo');
    await page.getByText('1 个未翻译、1 个来自词典的名称排在最前').waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'screenshots', 'label-names.png'), fullPage: true });
  });

  it('saving a translation marks it checked, moves it down, and the server gives it pinyin', async () => {
    const name = page.getByLabel('qx-gizmo 中文名', { exact: true });
    await name.fill('小玩意');
    await name.press('Enter');
    await page.getByRole('button', { name: '保存' }).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByLabel('abacus 中文名', { exact: true }).waitFor();

    expect(await rows()).toEqual([
      ['abacus', '词典（待核对）'],
      ['dog', '内置词表'],
      ['qx-gizmo', '已核对'],
      ['cat', '内置词表'],
    ]);
    const draft = await gql(
      `query { labelSet(key: "${SET}", draft: true) { labels { key pinyin nameSource } } }`,
    );
    expect(draft.labelSet.labels).toContainEqual({
      key: 'qx-gizmo',
      pinyin: 'xiao wan yi',
      nameSource: 'ADMIN',
    });
  });

  it('confirming a right dictionary name makes it checked without changing it', async () => {
    await page.getByRole('button', { name: '确认名称' }).click();
    await page.getByRole('button', { name: '确认名称' }).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByLabel('abacus 中文名', { exact: true }).waitFor();

    expect((await rows()).find(([key]) => key === 'abacus')).toEqual(['abacus', '已核对']);
    expect(await page.getByLabel('abacus 中文名', { exact: true }).inputValue()).toBe('算盘');
  });
});
