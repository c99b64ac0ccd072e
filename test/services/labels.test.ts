import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../api/src/auth/roles';
import { COCO_ZH } from '../../api/src/labels/coco-zh';
import { AuditService } from '../../api/src/services/audit';
import { LabelService } from '../../api/src/services/labels';
import { describeEachDatabase } from '../db/databases';
import { principal } from './principals';

describeEachDatabase('label sets', (db) => {
  let labels: LabelService;
  let admin: Principal;
  let setCount = 0;

  beforeAll(async () => {
    labels = new LabelService(db().prisma);
    admin = await principal(db().prisma, 'admin');
  });

  /** A new set published as version 1 with a cat and a dog. */
  async function publishedSet(): Promise<string> {
    const key = `pets-${++setCount}`;
    await labels.createLabelSet(admin, { key, name: 'Pets' });
    await labels.addDraftLabel(admin, key, { key: 'cat', zh: '猫', color: '#FF0000' });
    await labels.addDraftLabel(admin, key, { key: 'dog', zh: '狗', aliases: ['犬'], color: '#00ff00' });
    await labels.publishDraft(admin, key, 'first');
    return key;
  }

  it('seeds coco80 once, as published version 1 with the 80 COCO labels in class order', async () => {
    await labels.seedBuiltIn();
    await labels.seedBuiltIn();

    const coco = await labels.getVersion('coco80');
    expect(coco).toMatchObject({ labelSet: 'coco80', version: 1, status: 'PUBLISHED' });
    expect(coco.labels.map((l) => l.key)).toEqual(COCO_ZH.labels.map((l) => l.key));
    expect(coco.labels[0]).toEqual({
      ...COCO_ZH.labels[0],
      enabled: true,
      minScore: null,
      nameSource: 'curated',
      classes: [],
      categories: [],
    });
    expect(await labels.listLabelSets()).toContainEqual(
      expect.objectContaining({ key: 'coco80', latestVersion: 1, hasDraft: false }),
    );
  });

  it('edits go to a draft copied from the latest version; the published version stays as it was', async () => {
    const key = await publishedSet();

    const edited = await labels.updateDraftLabel(admin, key, 'cat', { zh: '猫咪', minScore: 0.5 });

    expect(edited).toMatchObject({ key: 'cat', zh: '猫咪', minScore: 0.5, color: '#ff0000' });
    const draft = await labels.getVersion(key, 'draft');
    expect(draft).toMatchObject({ version: null, status: 'DRAFT' });
    expect(draft.labels.map((l) => [l.key, l.zh])).toEqual([
      ['cat', '猫咪'],
      ['dog', '狗'],
    ]);
    expect((await labels.getVersion(key, 1)).labels[0].zh).toBe('猫');
    expect(await labels.getVersion(key)).toMatchObject({ version: 1 }); // the default is the latest published
    expect(await labels.listLabelSets()).toContainEqual(expect.objectContaining({ key, hasDraft: true }));
  });

  it('diffs the draft against the latest published version', async () => {
    const key = await publishedSet();
    await labels.updateDraftLabel(admin, key, 'dog', { enabled: false });
    await labels.addDraftLabel(admin, key, { key: 'bird', zh: '鸟', color: '#0000ff' });

    const diff = await labels.diffDraft(key);

    expect(diff).toEqual([
      {
        key: 'dog',
        change: 'CHANGED',
        before: expect.objectContaining({ enabled: true }),
        after: expect.objectContaining({ enabled: false }),
      },
      { key: 'bird', change: 'ADDED', before: null, after: expect.objectContaining({ zh: '鸟' }) },
    ]);
  });

  it('publishing freezes the draft as the next version, and older versions keep their labels', async () => {
    const key = await publishedSet();
    await labels.updateDraftLabel(admin, key, 'cat', { zh: '家猫' });

    const v2 = await labels.publishDraft(admin, key, 'rename cat');

    expect(v2).toMatchObject({
      version: 2,
      status: 'PUBLISHED',
      note: 'rename cat',
      publishedAt: expect.any(Date),
    });
    await expect(labels.getVersion(key, 'draft')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await labels.resolveLabelMap(key)).labels.get('cat')?.zh).toBe('家猫');
    const v1 = await labels.resolveLabelMap(key, 1);
    expect(v1).toMatchObject({ version: 1, labelSet: key });
    expect(v1.labels.get('cat')?.zh).toBe('猫');

    // The next edit starts a new draft from version 2.
    await labels.updateDraftLabel(admin, key, 'dog', { color: '#123456' });
    expect((await labels.getVersion(key, 'draft')).labels[0].zh).toBe('家猫');
    expect((await labels.publishDraft(admin, key)).version).toBe(3);
  });

  it('refuses to publish no draft, an unchanged draft, or an empty set', async () => {
    const key = await publishedSet();
    await expect(labels.publishDraft(admin, key)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    await labels.updateDraftLabel(admin, key, 'cat', { zh: '猫' }); // same as published
    await expect(labels.publishDraft(admin, key)).rejects.toThrow(/does not differ/);

    await labels.createLabelSet(admin, { key: `empty-${key}`, name: 'Empty' });
    await expect(labels.publishDraft(admin, `empty-${key}`)).rejects.toThrow(/no labels/);
  });

  it('clones a published version into a new set whose draft starts as a copy', async () => {
    const key = await publishedSet();
    await labels.updateDraftLabel(admin, key, 'cat', { zh: '家猫' });
    await labels.publishDraft(admin, key);

    const clone = await labels.cloneLabelSet(admin, {
      from: key,
      fromVersion: 1,
      key: `${key}-copy`,
      name: 'Copy',
    });

    expect(clone).toMatchObject({ latestVersion: null, hasDraft: true });
    expect((await labels.getVersion(`${key}-copy`, 'draft')).labels.map((l) => l.zh)).toEqual(['猫', '狗']);
    await expect(labels.getVersion(`${key}-copy`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(labels.createLabelSet(admin, { key, name: 'Again' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('audits each change with who made it and the label before and after', async () => {
    const key = await publishedSet();
    await labels.updateDraftLabel(admin, key, 'cat', { color: '#abcdef' });

    const audit = await new AuditService(db().prisma).list(admin, { entity: `label:${key}/cat` });

    expect(audit.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        action: 'label.update',
        actorKeyId: admin.keyId,
        before: expect.objectContaining({ color: '#ff0000' }),
        after: expect.objectContaining({ color: '#abcdef' }),
      }),
      expect.objectContaining({ action: 'label.add', before: null }),
    ]);
  });

  it('rejects invalid labels with the field at fault, and unknown sets and labels', async () => {
    const key = await publishedSet();
    await expect(labels.updateDraftLabel(admin, key, 'cat', { color: 'red' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { issues: [expect.objectContaining({ field: 'color' })] },
    });
    await expect(labels.updateDraftLabel(admin, key, 'cat', { minScore: 1.5 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(labels.updateDraftLabel(admin, key, 'horse', { zh: '马' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(labels.updateDraftLabel(admin, 'nope', 'cat', { zh: '猫' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      labels.addDraftLabel(admin, key, { key: 'cat', zh: '猫', color: '#000000' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(labels.getVersion(key, 7)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only admins change labels', async () => {
    const key = await publishedSet();
    const reviewer = await principal(db().prisma, 'reviewer');
    await expect(labels.updateDraftLabel(reviewer, key, 'cat', { zh: '猫' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(labels.publishDraft(null, key)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('names a set made from class keys: curated, then dictionary, else untranslated under its English key', async () => {
    const key = `imported-${++setCount}`;
    const summary = await labels.createLabelSet(admin, {
      key,
      name: 'Imported',
      classes: ['Motorbike', 'abacus', 'zx_widget_9'],
      publish: true,
    });

    expect(summary).toMatchObject({ key, latestVersion: 1, hasDraft: false });
    const byKey = Object.fromEntries((await labels.getVersion(key, 1)).labels.map((l) => [l.key, l]));
    expect(byKey['Motorbike']).toMatchObject({
      zh: '摩托车',
      pinyin: 'mo tuo che',
      category: '车辆',
      nameSource: 'curated',
    });
    expect(byKey['abacus']).toMatchObject({ zh: '算盘', pinyin: 'suan pan', nameSource: 'dictionary' });
    expect(byKey['zx_widget_9']).toMatchObject({ zh: 'zx_widget_9', pinyin: '', nameSource: 'untranslated' });
  });

  it('keeps a set made from class keys as a draft unless told to publish it', async () => {
    const key = `draft-named-${++setCount}`;
    expect(await labels.createLabelSet(admin, { key, name: 'Draft', classes: ['dog'] })).toMatchObject({
      latestVersion: null,
      hasDraft: true,
    });
    expect((await labels.getVersion(key, 'draft')).labels[0]).toMatchObject({
      zh: '狗',
      nameSource: 'curated',
    });
  });

  it('derives pinyin from the new name on a rename, and marks a saved name as the admin’s', async () => {
    const key = `named-${++setCount}`;
    await labels.createLabelSet(admin, { key, name: 'Named', classes: ['abacus'], publish: true });

    const renamed = await labels.updateDraftLabel(admin, key, 'abacus', { zh: '绿色算盘' });

    expect(renamed).toMatchObject({ zh: '绿色算盘', pinyin: 'lv se suan pan', nameSource: 'admin' });
    const untouched = await labels.updateDraftLabel(admin, key, 'abacus', { enabled: false });
    expect(untouched).toMatchObject({ pinyin: 'lv se suan pan', nameSource: 'admin' });
  });

  it('names a label added without a Chinese name from its key, and gives a new label its pinyin', async () => {
    const key = await publishedSet();
    expect(await labels.addDraftLabel(admin, key, { key: 'giraffe' })).toMatchObject({
      zh: '长颈鹿',
      pinyin: 'chang jing lu',
      category: '动物',
      nameSource: 'curated',
    });
    expect(await labels.addDraftLabel(admin, key, { key: 'rabbit', zh: '兔子' })).toMatchObject({
      pinyin: 'tu zi',
      nameSource: 'admin',
    });
  });

  it('seeds coarse5: 人 / 车 / 动物 / 植物 / 建筑, each covering its coarse category', async () => {
    await labels.seedBuiltIn();
    const coarse = await labels.getVersion('coarse5');
    expect(coarse.labels.map((l) => [l.zh, l.categories])).toEqual([
      ['人', ['人']],
      ['车', ['车']],
      ['动物', ['动物']],
      ['植物', ['植物']],
      ['建筑', ['建筑']],
    ]);
  });

  it('rejects a set made from repeated or empty class keys, and writes nothing', async () => {
    const key = `bad-${++setCount}`;
    await expect(
      labels.createLabelSet(admin, { key, name: 'Bad', classes: ['a', 'a'] }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(labels.createLabelSet(admin, { key, name: 'Bad', classes: [] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect((await labels.listLabelSets()).map((s) => s.key)).not.toContain(key);
  });

  it('re-derives at start pinyin saved before the server derived it (stale after a rename, or empty)', async () => {
    const key = await publishedSet();
    const version = await db().prisma.labelSetVersion.findFirstOrThrow({
      where: { labelSet: { key }, version: 1 },
    });
    await db().prisma.label.updateMany({
      where: { labelSetVersionId: version.id, key: 'cat' },
      data: { zh: '猫咪', pinyin: 'mao' },
    });
    await db().prisma.label.updateMany({
      where: { labelSetVersionId: version.id, key: 'dog' },
      data: { pinyin: '' },
    });

    await labels.seedBuiltIn();

    const pinyin = (await labels.getVersion(key, 1)).labels.map((l) => [l.key, l.pinyin]);
    expect(pinyin).toEqual([
      ['cat', 'mao mi'],
      ['dog', 'gou'],
    ]);
  });
});
