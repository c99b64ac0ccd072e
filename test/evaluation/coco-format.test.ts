// Loading a COCO instances file: what a wrong file answers, without quoting it (benchmark errors reach reviewers).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCocoDataset } from '../../api/src/evaluation/coco-format';

const SECRET = 'root:*:20244:0:99999:7:::';
const image = (file_name: string) => ({ id: 1, file_name, width: 10, height: 10 });

describe('loadCocoDataset', () => {
  let dir: string;
  const file = async (name: string, content: unknown) => {
    const at = path.join(dir, name);
    await writeFile(at, typeof content === 'string' ? content : JSON.stringify(content));
    return at;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'wanshi-coco-format-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a valid file', async () => {
    const dataset = await loadCocoDataset(
      await file('ok.json', { images: [image('a.jpg')], annotations: [], categories: [] }),
    );
    expect(dataset.images[0].file_name).toBe('a.jpg');
  });

  it('says a file that is not JSON is not JSON, without quoting it', async () => {
    const loading = loadCocoDataset(await file('shadow', SECRET));
    await expect(loading).rejects.toThrow('The annotations file shadow is not JSON');
    await expect(loading).rejects.not.toThrow(/root/);
  });

  it('names where JSON that is not COCO goes wrong, without quoting it', async () => {
    const loading = loadCocoDataset(await file('other.json', { images: SECRET }));
    await expect(loading).rejects.toThrow(
      'The annotations file other.json is not a COCO instances file (at images)',
    );
  });

  it.each(['../../etc/passwd', '/etc/passwd', 'sub/../../x.jpg'])(
    'refuses the image file name %s',
    async (name) => {
      const loading = loadCocoDataset(
        await file('climb.json', { images: [image(name)], annotations: [], categories: [] }),
      );
      await expect(loading).rejects.toThrow('(at images.0.file_name)');
    },
  );

  it('takes a file name in a subfolder', async () => {
    const dataset = await loadCocoDataset(
      await file('sub.json', { images: [image('val2017/a.jpg')], annotations: [], categories: [] }),
    );
    expect(dataset.images[0].file_name).toBe('val2017/a.jpg');
  });
});
