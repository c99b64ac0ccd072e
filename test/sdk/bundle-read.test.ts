import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../sdk/src/bundle/read';
import { readZip } from '../../sdk/src/bundle/zip';
import { bundleFiles, zipBundle } from './bundle-fixture';

describe('readBundle', () => {
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    files = await bundleFiles('int8', 224);
  });

  it('returns the model bytes, labels, input and decoder of a bundle whose files match the manifest', async () => {
    const bundle = await readBundle(await zipBundle(files, 'int8', 224));
    expect(bundle.manifest).toMatchObject({
      precision: 'int8',
      inputSize: 224,
      model: { name: 'nanodet-m' },
    });
    expect(Buffer.from(bundle.model).equals(Buffer.from(files['model.onnx']))).toBe(true);
    expect(bundle.labels.labels.find((l) => l.key === 'person')?.zh).toBe('人');
    expect(bundle.input).toMatchObject({ channelOrder: 'BGR', size: 224 });
    expect(bundle.decoder.family).toBe('nanodet-gfl');
  });

  it('refuses a bundle whose model differs from the sha256 in its manifest', async () => {
    const genuine = await zipBundle(files, 'int8', 224);
    const manifest = JSON.parse(
      new TextDecoder().decode((await readZip(genuine)).get('manifest.json')),
    ).files;
    const tampered = Uint8Array.from(files['model.onnx']);
    tampered[tampered.length - 1] ^= 1;
    const zip = await zipBundle({ ...files, 'model.onnx': tampered }, 'int8', 224, manifest);
    await expect(readBundle(zip)).rejects.toThrow('model.onnx does not match its sha256');
  });

  it('refuses a bundle that lacks one of its files', async () => {
    const rest = Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'decoder.json'));
    await expect(readBundle(await zipBundle(rest, 'int8', 224))).rejects.toThrow('Bundle lacks decoder.json');
  });

  it('refuses a bundle whose input size differs from its manifest', async () => {
    await expect(readBundle(await zipBundle(files, 'int8', 320))).rejects.toThrow('input.json says size 224');
  });
});

describe('readZip', () => {
  it('inflates DEFLATE entries as well as STORE ones', async () => {
    const text = new TextEncoder().encode('万识 '.repeat(100));
    const zip = buildDeflatedZip('a.txt', text);
    expect(new TextDecoder().decode((await readZip(zip)).get('a.txt'))).toBe('万识 '.repeat(100));
  });
});

/** One DEFLATE entry, with the headers a ZIP tool writes (CRC left 0: the reader trusts the sha256 instead). */
function buildDeflatedZip(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = Buffer.from(name);
  const packed = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralAt = local.length + nameBytes.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, nameBytes, packed, central, nameBytes, end]);
}
