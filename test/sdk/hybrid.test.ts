// HybridDetector with a real DeviceDetector (onnxruntime-web in Node) and the real server: where each photo
// runs, and why, under each routing rule.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WanshiClient } from '../../sdk/src/client/client';
import { WanshiError } from '../../sdk/src/client/errors';
import { DeviceDetector } from '../../sdk/src/device/device-detector';
import { HybridDetector, type HybridOptions, type HybridPhoto } from '../../sdk/src/hybrid/hybrid-detector';
import { ADMIN_KEY, EVAL_IMAGES, startTestServer, type TestServer } from '../api/harness';

const CREATE_KEY = `mutation($name: String!) { createApiKey(input: { name: $name, role: APP }) { secret } }`;

ort.env.wasm.numThreads = 1;

async function photoOf(bytes: Uint8Array): Promise<HybridPhoto> {
  const { data, info } = await sharp(bytes)
    .rotate()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { bytes, pixels: { data, width: info.width, height: info.height } };
}

describe('HybridDetector', () => {
  let api: TestServer;
  let device: DeviceDetector;
  let people: HybridPhoto;
  let grey: HybridPhoto;
  /** A hybrid detector for a fresh app key, and that key's client (to read what the server recorded). */
  const hybridFor = async (options: HybridOptions = {}, url?: string) => {
    const secret = (await api.gql(CREATE_KEY, { name: 'hybrid app' })).data.createApiKey.secret as string;
    const client = new WanshiClient({ url: url ?? api.url, apiKey: secret, retries: 0 });
    return { hybrid: new HybridDetector(device, client, options), client };
  };

  beforeAll(async () => {
    api = await startTestServer('pglite');
    const admin = new WanshiClient({ url: api.url, apiKey: ADMIN_KEY });
    const download = await admin.downloadBundle('/bundles/nanodet-m/1/int8-320.zip');
    if (download.notModified) throw new Error('no ETag was sent');
    device = await DeviceDetector.load(download.zip, ort);
    people = await photoOf(new Uint8Array(readFileSync(path.join(EVAL_IMAGES, '000000000036.jpg'))));
    const blank = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    grey = await photoOf(new Uint8Array(blank));
  });
  afterAll(async () => {
    await device?.release();
    await api?.close();
  });

  it('keeps the device answer when its best score is above the unsure band, and the server records nothing', async () => {
    const { hybrid, client } = await hybridFor();
    const result = await hybrid.detect(people);
    expect(result).toMatchObject({ ranOn: 'device', reason: 'confident' });
    expect(result.detection.objects[0].score).toBeGreaterThanOrEqual(0.5);
    expect(result.detection.objects[0].label.zh).toBe('雨伞');
    expect((await client.history()).detections).toHaveLength(0);
  });

  it('sends a photo whose best device score is inside the unsure band to the server', async () => {
    const { hybrid, client } = await hybridFor({ unsureBand: [0.3, 1.01] });
    const result = await hybrid.detect(people);
    expect(result).toMatchObject({ ranOn: 'server', reason: 'unsure' });
    if (result.ranOn !== 'server') throw new Error('unreachable');
    expect(result.device?.objects.length).toBeGreaterThan(0);
    expect((await client.history()).detections.map((d) => d.id)).toEqual([result.detection.id]);
  });

  it('sends a photo in which the device found nothing to the server', async () => {
    const { hybrid } = await hybridFor();
    const result = await hybrid.detect(grey);
    expect(result).toMatchObject({ ranOn: 'server', reason: 'no-object' });
    expect(result.detection.image).toMatchObject({ width: 320, height: 240 });
  });

  it('sends the photo straight to the server when the app asks, without running the device', async () => {
    const { hybrid } = await hybridFor();
    const result = await hybrid.detect(people, { preferServer: true });
    expect(result).toMatchObject({ ranOn: 'server', reason: 'asked' });
    expect(hybrid.deviceMedianMs).toBeUndefined();
  });

  it('goes to the server first once the device has measured itself slower than maxDeviceMs', async () => {
    const { hybrid } = await hybridFor({ maxDeviceMs: 0 });
    expect((await hybrid.detect(people)).ranOn).toBe('device');
    expect(hybrid.deviceMedianMs).toBeGreaterThan(0);
    expect(await hybrid.detect(people)).toMatchObject({ ranOn: 'server', reason: 'device-slow' });
  });

  it('answers from the device, marked with the server error, when the server is unreachable', async () => {
    const { hybrid } = await hybridFor({ unsureBand: [0.3, 1.01] }, 'http://127.0.0.1:9');
    const result = await hybrid.detect(people);
    expect(result).toMatchObject({ ranOn: 'device', reason: 'unsure' });
    if (result.ranOn !== 'device') throw new Error('unreachable');
    expect(result.serverError?.code).toBe('NETWORK_ERROR');
    expect(result.detection.objects.length).toBeGreaterThan(0);
  });

  it("throws the server's BAD_USER_INPUT rather than hiding a bad photo behind a device answer", async () => {
    const { hybrid } = await hybridFor();
    const bad = { bytes: new TextEncoder().encode('not a photo'), pixels: grey.pixels };
    const error = await hybrid.detect(bad, { preferServer: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WanshiError);
    expect((error as WanshiError).code).toBe('BAD_USER_INPUT');
  });
});
