import { beforeAll, expect, it } from 'vitest';
import type { Principal } from '../../api/src/auth/roles';
import { DetectionService, type RecordDetectionInput } from '../../api/src/services/detections';
import { LabelService } from '../../api/src/services/labels';
import { ModelService } from '../../api/src/services/models';
import type { DetectionFilter } from '../../api/src/services/detections';
import type { PageArgs } from '../../api/src/services/pagination';
import { describeEachDatabase } from '../db/databases';
import { principal } from './principals';
import { testManifest } from '../support/manifest';

const MANIFEST = testManifest();

describeEachDatabase('detections', (db) => {
  let detections: DetectionService;
  let reviewer: Principal;
  let base: Omit<RecordDetectionInput, 'apiKeyId' | 'objects'>;

  beforeAll(async () => {
    const { prisma } = db();
    detections = new DetectionService(prisma);
    const labels = new LabelService(prisma);
    await labels.seedBuiltIn();
    const models = new ModelService(prisma);
    await models.registerManifests([MANIFEST, { ...MANIFEST, name: 'yolo' }]);
    reviewer = await principal(prisma, 'reviewer');
    base = {
      image: { sha256: 'f'.repeat(64), width: 640, height: 480 },
      modelVersionId: (await models.resolveServingVersion('nanodet-m')).id,
      precision: 'fp32',
      inputSize: 416,
      labelSetVersionId: (await labels.resolveLabelMap('coco80')).labelSetVersionId,
      minScore: 0.3,
      maxObjects: 100,
      timing: { queueMs: 1.5, inferenceMs: 14.2, totalMs: 20.1, batchSize: 4 },
      executionProvider: 'cpu',
    };
  });

  const person = (score: number) => ({
    classKey: 'person',
    labelZh: '人',
    score,
    box: { x: 1, y: 2, width: 30, height: 60 },
  });
  const dog = (score: number) => ({
    classKey: 'dog',
    labelZh: '狗',
    score,
    box: { x: 5, y: 6, width: 7, height: 8 },
  });

  /** Every page of a listing, following endCursor. */
  async function allPages(viewer: Principal, filter: DetectionFilter, first: number, after?: string | null) {
    const pages = [];
    let page: PageArgs = { first, after };
    for (;;) {
      const connection = await detections.list(viewer, filter, page);
      pages.push(connection);
      if (!connection.pageInfo.hasNextPage) return pages;
      page = { first, after: connection.pageInfo.endCursor };
    }
  }

  it('records a detection and reads it back with the labels as shown, best score first', async () => {
    const app = await principal(db().prisma, 'app');

    const recorded = await detections.record({
      ...base,
      apiKeyId: app.keyId,
      objects: [dog(0.4), person(0.9)],
    });

    expect(await detections.get(app, recorded.id)).toEqual(recorded);
    expect(recorded).toMatchObject({
      image: base.image,
      model: { name: 'nanodet-m', version: '1', precision: 'fp32', inputSize: 416 },
      labelSet: 'coco80',
      labelSetVersion: 1,
      timing: base.timing,
      executionProvider: 'cpu',
      apiKeyId: app.keyId,
    });
    expect(recorded.objects.map((o) => [o.label.zh, o.score])).toEqual([
      ['人', 0.9],
      ['狗', 0.4],
    ]);
    expect(recorded.objects[0].label).toMatchObject({
      key: 'person',
      pinyin: 'ren',
      color: expect.stringMatching(/^#/),
    });
    expect(recorded.objects[0].box).toEqual({ x: 1, y: 2, width: 30, height: 60 });
  });

  it('records several detections in one write, each as it reads back, equal scores ordered as stored', async () => {
    const app = await principal(db().prisma, 'app');

    const recorded = await detections.recordMany([
      { ...base, apiKeyId: app.keyId, objects: [person(0.5), dog(0.5), person(0.7)] },
      { ...base, apiKeyId: app.keyId, objects: [] },
      { ...base, apiKeyId: null, objects: [dog(0.9)] },
    ]);

    expect(recorded.map((d) => d.objects.map((o) => o.score))).toEqual([[0.7, 0.5, 0.5], [], [0.9]]);
    for (const view of recorded) expect(await detections.get(reviewer, view.id)).toEqual(view);
  });

  it('writes a detection and its objects in one transaction: a failing object leaves no detection', async () => {
    const app = await principal(db().prisma, 'app');
    const tooLongClassKey = { ...person(0.9), classKey: 'x'.repeat(65) }; // class_key is VARCHAR(64)

    await expect(
      detections.record({ ...base, apiKeyId: app.keyId, objects: [person(0.5), tooLongClassKey] }),
    ).rejects.toThrow(/too long/); // refused by the database, after the detection row was inserted

    expect(await db().prisma.detection.count({ where: { apiKeyId: app.keyId } })).toBe(0);
    expect(await db().prisma.detectedObject.count({ where: { detection: { apiKeyId: app.keyId } } })).toBe(0);
  });

  it('shows an app key only its own detections', async () => {
    const [alice, bob] = [await principal(db().prisma, 'app'), await principal(db().prisma, 'app')];
    const alices = await detections.record({ ...base, apiKeyId: alice.keyId, objects: [] });
    await detections.record({ ...base, apiKeyId: bob.keyId, objects: [] });

    await expect(detections.get(bob, alices.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await detections.get(reviewer, alices.id)).id).toBe(alices.id);
    const bobs = await detections.list(bob);
    expect(bobs.totalCount).toBe(1);
    expect(bobs.edges.every((e) => e.node.apiKeyId === bob.keyId)).toBe(true);
    await expect(detections.list(bob, { apiKeyId: alice.keyId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(detections.list(null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('pages newest first without duplicates or gaps, across equal timestamps and new arrivals', async () => {
    const app = await principal(db().prisma, 'app');
    for (let i = 0; i < 23; i++)
      await detections.record({ ...base, apiKeyId: app.keyId, objects: [person(i / 23)] });
    // Ten detections in the same millisecond: the id must break the tie.
    const recorded = await db().prisma.detection.findMany({
      where: { apiKeyId: app.keyId },
      select: { id: true },
    });
    await db().prisma.detection.updateMany({
      where: { id: { in: recorded.slice(5, 15).map((d) => d.id) } },
      data: { createdAt: new Date('2026-01-01T00:00:00.000Z') },
    });
    const expected = (
      await db().prisma.detection.findMany({
        where: { apiKeyId: app.keyId },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true },
      })
    ).map((d) => d.id);

    const firstPage = await detections.list(app, {}, { first: 5 });
    const newcomer = await detections.record({ ...base, apiKeyId: app.keyId, objects: [] });
    const rest = await allPages(app, {}, 5, firstPage.pageInfo.endCursor);

    const idsOf = (pages: (typeof firstPage)[]) => pages.flatMap((p) => p.edges.map((e) => e.node.id));
    expect(firstPage.totalCount).toBe(23);
    expect(idsOf([firstPage, ...rest])).toEqual(expected); // the newcomer is newer than the cursor: not in later pages
    const fresh = await allPages(app, {}, 7);
    expect(fresh.map((p) => p.edges.length)).toEqual([7, 7, 7, 3]);
    expect(idsOf(fresh)).toEqual([newcomer.id, ...expected]);
    expect(fresh.at(-1)?.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by time range, label, score, model and key', async () => {
    const app = await principal(db().prisma, 'app');
    const yolo = await new ModelService(db().prisma).resolveServingVersion('yolo');
    const record = async (
      createdAt: string,
      objects: RecordDetectionInput['objects'],
      modelVersionId = base.modelVersionId,
    ) => {
      const { id } = await detections.record({ ...base, modelVersionId, apiKeyId: app.keyId, objects });
      await db().prisma.detection.update({ where: { id }, data: { createdAt: new Date(createdAt) } });
      return id;
    };
    const early = await record('2026-03-01T00:00:00Z', [person(0.9)]);
    const dogs = await record('2026-03-02T00:00:00Z', [dog(0.35), person(0.2)]);
    const late = await record('2026-03-03T00:00:00Z', [dog(0.8)], yolo.id);
    const ids = async (filter: DetectionFilter) =>
      (await detections.list(reviewer, { apiKeyId: app.keyId, ...filter })).edges.map((e) => e.node.id);

    expect(await ids({})).toEqual([late, dogs, early]);
    expect(
      await ids({ from: new Date('2026-03-02T00:00:00Z'), to: new Date('2026-03-03T00:00:00Z') }),
    ).toEqual([dogs]);
    expect(await ids({ labelKey: 'dog' })).toEqual([late, dogs]);
    expect(await ids({ minScore: 0.5 })).toEqual([late, early]);
    expect(await ids({ labelKey: 'person', minScore: 0.5 })).toEqual([early]); // the same object must match both
    expect(await ids({ labelKey: 'dog', minScore: 0.5 })).toEqual([late]);
    expect(await ids({ model: 'yolo' })).toEqual([late]);
    expect((await detections.list(reviewer, { apiKeyId: app.keyId, labelKey: 'dog' })).totalCount).toBe(2);
  });

  it('rejects malformed cursors, page sizes and ids', async () => {
    await expect(detections.list(reviewer, {}, { after: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(detections.list(reviewer, {}, { first: 0 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(detections.list(reviewer, {}, { first: 101 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(detections.list(reviewer, { apiKeyId: 'abc' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(detections.get(reviewer, 'abc')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
