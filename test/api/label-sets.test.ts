// Label sets that map classes, the coarse5 preset, NMS modes, the labels filter and automatic naming, over
// HTTP on both databases with the real model and coco64 photos.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachKind } from '../db/databases';
import { iou } from '../../sdk/src/geometry/box';
import { errorCode, photoBase64, startTestServer, type TestServer } from './harness';

const DETECT = /* GraphQL */ `
  mutation Detect($input: DetectInput!) {
    detect(input: $input) {
      id
      labelSet
      objects {
        classKey
        label {
          key
          zh
        }
        score
        box {
          x
          y
          width
          height
        }
      }
    }
  }
`;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Found {
  classKey: string;
  label: { key: string; zh: string };
  score: number;
  box: Box;
}

/** IoU of two boxes as the API gives them (x, y, width, height). */
const overlap = (a: Box, b: Box) =>
  iou([a.x, a.y, a.x + a.width, a.y + a.height], [b.x, b.y, b.x + b.width, b.y + b.height]);

describeEachKind('label sets that map classes, over HTTP', (kind) => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer(kind);
  });
  afterAll(() => api?.close());

  async function detect(photo: string, input: Record<string, unknown> = {}) {
    const response = await api.gql(DETECT, { input: { imageBase64: photoBase64(photo), ...input } });
    expect(response.errors).toBeUndefined();
    return response.data.detect as { id: string; labelSet: string; objects: Found[] };
  }
  const names = (objects: Found[]) => objects.map((o) => o.label.zh);

  it('answers coarse5 in its five names: the person of photo 36 is 人', async () => {
    const detection = await detect('000000000036.jpg', { labelSet: 'coarse5' });
    expect(detection.labelSet).toBe('coarse5');
    expect(detection.objects.find((o) => o.classKey === 'person')?.label).toEqual({
      key: 'person',
      zh: '人',
    });
    for (const zh of names(detection.objects)) expect(['人', '车', '动物', '植物', '建筑']).toContain(zh);
  });

  it('gives one 车 box where the model sees a bus and a truck on one vehicle (photo 532)', async () => {
    const coco = await detect('000000000532.jpg');
    const bus = coco.objects.find((o) => o.classKey === 'bus')!;
    const onTheBus = (objects: Found[]) => objects.filter((o) => overlap(o.box, bus.box) > 0.6);
    expect(onTheBus(coco.objects).map((o) => o.label.zh)).toEqual(['公交车', '卡车']);

    const coarse = await detect('000000000532.jpg', { labelSet: 'coarse5' });
    expect(onTheBus(coarse.objects)).toEqual([
      expect.objectContaining({ classKey: 'bus', label: { key: 'vehicle', zh: '车' } }),
    ]);

    const perClass = await detect('000000000532.jpg', { labelSet: 'coarse5', nms: 'PER_CLASS' });
    expect(onTheBus(perClass.objects).map((o) => [o.classKey, o.label.zh])).toEqual([
      ['bus', '车'],
      ['truck', '车'],
    ]);
  });

  it('keeps one of 狗 and 猫 on the same animal with class-agnostic NMS (photo 74)', async () => {
    const perLabel = await detect('000000000074.jpg');
    expect(names(perLabel.objects)).toEqual(expect.arrayContaining(['狗', '猫']));

    const agnostic = await detect('000000000074.jpg', { nms: 'CLASS_AGNOSTIC' });
    expect(names(agnostic.objects)).toContain('狗');
    expect(names(agnostic.objects)).not.toContain('猫');
  });

  it('answers only the labels asked for, by key or Chinese name', async () => {
    const all = await detect('000000000074.jpg');
    expect(new Set(names(all.objects)).size).toBeGreaterThan(1);
    const onlyDogs = await detect('000000000074.jpg', { labels: ['狗'] });
    expect(new Set(names(onlyDogs.objects))).toEqual(new Set(['狗']));
    const byKey = await detect('000000000074.jpg', { labels: ['dog'] });
    expect(names(byKey.objects)).toEqual(names(onlyDogs.objects));
  });

  it('refuses a label the set does not have, with the field at fault, and records nothing', async () => {
    const count = async () =>
      (await api.gql(`query { detections { totalCount } }`)).data.detections.totalCount;
    const before = await count();
    const response = await api.gql(DETECT, {
      input: { imageBase64: photoBase64('000000000074.jpg'), labelSet: 'coarse5', labels: ['狗'] },
    });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.details).toMatchObject({ field: 'labels' });
    expect(await count()).toBe(before);
  });

  it('keeps in history the label a mapped class was shown under, and the model class', async () => {
    const coarse = await detect('000000000532.jpg', { labelSet: 'coarse5' });
    const again = await api.gql(
      `query($id: ID!) { detection(id: $id) { labelSet objects { classKey label { key zh } score } } }`,
      { id: coarse.id },
    );
    expect(again.data.detection.objects).toEqual(
      coarse.objects.map(({ classKey, label, score }) => ({ classKey, label, score })),
    );
  });

  it('names a label set made from class keys, and derives pinyin again after a rename', async () => {
    const created = await api.gql(`mutation {
      createLabelSet(input: { key: "shop-goods", name: "货架", classes: ["Traffic_Light", "abacus", "qx-gizmo"], publish: true }) {
        latestVersion
      }
    }`);
    expect(created.data.createLabelSet.latestVersion).toBe(1);
    const fields = 'key zh pinyin nameSource';
    const set = await api.gql(`query { labelSet(key: "shop-goods") { labels { ${fields} } } }`);
    expect(set.data.labelSet.labels).toEqual([
      { key: 'Traffic_Light', zh: '红绿灯', pinyin: 'hong lv deng', nameSource: 'CURATED' },
      { key: 'abacus', zh: '算盘', pinyin: 'suan pan', nameSource: 'DICTIONARY' },
      { key: 'qx-gizmo', zh: 'qx-gizmo', pinyin: '', nameSource: 'UNTRANSLATED' },
    ]);

    const renamed = await api.gql(
      `mutation { updateLabel(input: { labelSet: "shop-goods", key: "qx-gizmo", zh: "小玩意" }) { ${fields} } }`,
    );
    expect(renamed.data.updateLabel).toEqual({
      key: 'qx-gizmo',
      zh: '小玩意',
      pinyin: 'xiao wan yi',
      nameSource: 'ADMIN',
    });
  });
});
