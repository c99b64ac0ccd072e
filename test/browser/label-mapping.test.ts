// Which model classes a label shows, edited in the label editor in real Chromium: the model classes a label
// covers (车 over car, bus and truck), and a class's category chosen from the fine and coarse ones, which sets
// like coarse5 map by. Each edit is published from the editor and checked with detect on a coco64 photo.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iou, type Box } from '../../sdk/src/geometry/box';
import { photoBase64 } from '../api/harness';
import { adminGraphQL, CHROMIUM_PATH, RESULTS_DIR, startStack, type Stack, adminPage } from './harness';

const STACK_START_TIMEOUT_MS = 600_000; // includes `next build` on a cold checkout
const DETECTION_TIMEOUT_MS = 120_000;

interface Found {
  classKey: string;
  label: { key: string; zh: string };
  box: { x: number; y: number; width: number; height: number };
}

const corners = (b: Found['box']): Box => [b.x, b.y, b.x + b.width, b.y + b.height];

describe.skipIf(!existsSync(CHROMIUM_PATH))('label mapping in the editor', () => {
  let stack: Stack;
  let page: Page;
  let gql: ReturnType<typeof adminGraphQL>;

  async function detect(photo: string, labelSet: string): Promise<Found[]> {
    const { detect } = await gql<{ detect: { objects: Found[] } }>(
      `mutation Detect($input: DetectInput!) {
        detect(input: $input) { objects { classKey label { key zh } box { x y width height } } }
      }`,
      { input: { imageBase64: photoBase64(photo), labelSet, minScore: 0.3 } },
    );
    return detect.objects;
  }

  /** Saves the row's edits with Enter, then publishes the draft from the editor once its diff shows `change`. */
  async function saveAndPublish(input: ReturnType<Page['getByLabel']>, version: number, change: string) {
    await input.press('Enter');
    await page.getByRole('button', { name: '保存' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('li li', { hasText: change }).waitFor(); // a field of the label's change
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `已发布 v${version}` })
      .waitFor();
  }

  beforeAll(async () => {
    stack = await startStack();
    gql = adminGraphQL(stack);
    await gql(`mutation {
      createLabelSet(input: { key: "my-vehicles", name: "我的车", classes: ["car"], publish: true }) { key }
    }`);
    page = await adminPage(stack, { width: 1600, height: 900 });
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    await stack?.stop();
  });

  it(
    'a label covers the model classes typed in the editor: 车 over car, bus and truck is one box on photo 532',
    { timeout: DETECTION_TIMEOUT_MS },
    async () => {
      const before = await detect('000000000532.jpg', 'my-vehicles');
      expect(before.some((o) => o.classKey === 'bus')).toBe(false); // only the class named car is covered

      await page.goto(`${stack.dashboardUrl}/labels?set=my-vehicles`);
      await page.getByLabel('car 中文名', { exact: true }).fill('车');
      const classes = page.getByLabel('car 覆盖的模型类', { exact: true });
      expect(await classes.getAttribute('placeholder')).toBe('car'); // empty: the class named by the key
      await classes.fill('car, bus, truck');
      await saveAndPublish(classes, 2, '覆盖的模型类：— → car、bus、truck');

      const after = await detect('000000000532.jpg', 'my-vehicles');
      const bus = after.find((o) => o.classKey === 'bus');
      expect(bus?.label).toEqual({ key: 'car', zh: '车' });
      // The bus and the truck the model also sees on it are one label now: one box, not two.
      const onTheBus = after.filter((o) => iou(corners(o.box), corners(bus!.box)) > 0.6);
      expect(onTheBus.map((o) => o.classKey)).toEqual(['bus']);
    },
  );

  it(
    "a class's category is offered from the fine and coarse ones with its coarse level, and coarse5 maps by it",
    { timeout: DETECTION_TIMEOUT_MS },
    async () => {
      // COCO's airplane is 飞机船舶, under no coarse category: coarse5 leaves it out of photo 540.
      expect((await detect('000000000540.jpg', 'coarse5')).map((o) => o.classKey)).not.toContain('airplane');

      await page.goto(`${stack.dashboardUrl}/labels?set=coco80`);
      const category = page.getByLabel('airplane 类别', { exact: true });
      const row = page.locator('tr', { has: category });
      expect(await category.inputValue()).toBe('飞机船舶');
      await row.getByText('大类：无').waitFor();
      const offered = await page
        .locator(`datalist#${await category.getAttribute('list')} option`)
        .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
      expect(offered).toEqual(
        expect.arrayContaining(['飞机船舶', '车辆', '人', '车', '动物', '植物', '建筑']),
      );

      await category.fill('车辆');
      await row.getByText('大类：车').waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'screenshots', 'label-mapping.png') });
      await saveAndPublish(category, 2, '类别：飞机船舶 → 车辆');

      const after = await detect('000000000540.jpg', 'coarse5');
      expect(after.find((o) => o.classKey === 'airplane')?.label).toEqual({ key: 'vehicle', zh: '车' });
    },
  );
});
