// npm run bench:device [-- --runs 7 --profiles int8,int4 --sizes 160,224,320 --threads 1,4]
// On-device speed: the dashboard's 端侧体验 page in headless Chromium runs each bundle with onnxruntime-web
// (wasm) at 1 and 4 threads on one coco64 photo; the device time the page shows (preprocess + inference +
// decode, ms) is read after each run. A fresh page per (bundle, threads): the wasm runtime takes its thread
// count once. Prints medians, bundle sizes, and the speed-up of 4 threads. Asserts nothing. On this 2-core
// machine 4 threads cannot run 4 at once; read the ratio on a phone or laptop.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adminGraphQL, startStack } from '../test/browser/harness';
import { DEVICE_BUNDLES } from '../sdk/src/client/queries';
import type { DeviceBundleInfo } from '../sdk/src/client/client';
import { list } from './lib/args';
import { COCO64_IMAGES } from './lib/photos';
import { median } from '../api/src/statistics/percentile';
import { fixed, markdownTable } from './lib/table';

const PHOTO = path.join(COCO64_IMAGES, '000000000036.jpg');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '7' },
      profiles: { type: 'string', default: 'int8,int4' },
      sizes: { type: 'string', default: '160,224,320' },
      threads: { type: 'string', default: '1,4' },
    },
  });
  const runs = Number(values.runs);
  const threadCounts = list(values.threads).map(Number);
  const stack = await startStack();
  try {
    const { deviceBundles } = await adminGraphQL(stack)<{ deviceBundles: DeviceBundleInfo[] }>(
      DEVICE_BUNDLES,
    );
    const chosen = deviceBundles.filter(
      (b) =>
        list(values.profiles).includes(b.profile) && list(values.sizes).map(Number).includes(b.inputSize),
    );
    const context = await stack.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${stack.dashboardUrl}/sign-in`);
    await page.getByLabel('API 密钥').fill(stack.adminKey);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    const rows: string[][] = [];
    for (const bundle of chosen) {
      const medians: number[] = [];
      for (const threads of threadCounts) {
        await page.goto(`${stack.dashboardUrl}/device`);
        const isolated = await page.evaluate(
          () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated,
        );
        if (threads > 1 && !isolated) throw new Error('/device is not cross-origin isolated: no threads');
        await page.getByLabel('模型包').selectOption(bundle.url);
        await page.getByLabel('线程').selectOption(String(threads));
        await page.locator('input[type=file]').setInputFiles(PHOTO);
        const times: number[] = [];
        // The first run (on choosing the photo) loads the bundle and warms up; it is not counted.
        await page.getByTestId('server-objects').waitFor({ timeout: 120_000 });
        for (let i = 0; i < runs; i++) {
          await page.getByRole('button', { name: '在本机识别' }).click();
          // Running shows on the button until both sides have answered.
          await page
            .getByRole('button', { name: '识别中…' })
            .waitFor({ state: 'detached', timeout: 120_000 });
          await page.getByTestId('device-ms').waitFor({ timeout: 120_000 });
          times.push(Number(await page.getByTestId('device-ms').textContent()));
        }
        medians.push(median(times));
      }
      rows.push([
        `${bundle.profile}-${bundle.inputSize}`,
        fixed(bundle.bytes / 1e6, 2),
        fixed(bundle.modelBytes / 1e6, 2),
        ...medians.map((m) => fixed(m)),
        ...(medians.length > 1 ? [fixed(medians[0] / medians[medians.length - 1], 2)] : []),
      ]);
    }
    console.log(
      markdownTable(
        [
          'bundle',
          'zip MB',
          'model MB',
          ...threadCounts.map((t) => `${t} thread${t > 1 ? 's' : ''} ms`),
          ...(threadCounts.length > 1 ? [`×${threadCounts[threadCounts.length - 1]} threads`] : []),
        ],
        rows,
      ),
    );
    console.log(
      `\nmedian of ${runs} runs each, device time as the page shows it (integer ms), headless Chromium`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
