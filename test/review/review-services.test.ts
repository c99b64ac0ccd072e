// The review services on both databases: sampling into the queue (rules, seeded randomness, caps), flags,
// verdicts and how they show on detections, statistics and exports.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../api/src/auth/roles';
import { ReviewExportService, type ExportFormat } from '../../api/src/review/export/export-service';
import { ReviewService, type ReviewInput } from '../../api/src/review/review-service';
import { DEFAULT_REVIEW_RULES, type ReviewRules } from '../../api/src/review/rules';
import { ReviewRulesService } from '../../api/src/review/rules-service';
import { ReviewSampler } from '../../api/src/review/sampler';
import { ReviewStatsService } from '../../api/src/review/stats-service';
import {
  DetectionService,
  type DetectionView,
  type RecordDetectionInput,
} from '../../api/src/services/detections';
import { LabelService } from '../../api/src/services/labels';
import { ModelService } from '../../api/src/services/models';
import type { ImageStore } from '../../api/src/storage';
import { describeEachDatabase } from '../db/databases';
import { principal } from '../services/principals';
import { parseCoco, parseYolo, readZip, seededRandom } from './support';
import { testManifest } from '../support/manifest';

const MANIFEST = testManifest();

const OFF: ReviewRules = {
  ...DEFAULT_REVIEW_RULES,
  borderlineMargin: null,
  randomShare: 0,
  hourlyCap: 1000,
  dailyCap: 1000,
};
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

type ObjectInput = RecordDetectionInput['objects'][number];
const found = (classKey: string, labelZh: string, score: number, x = 10): ObjectInput => ({
  classKey,
  labelZh,
  score,
  box: { x, y: 20, width: 100, height: 50 },
});

/** An image store in memory. */
function memoryImages(): ImageStore & { photos: Map<string, Buffer> } {
  const photos = new Map<string, Buffer>();
  return {
    photos,
    put: async (sha, bytes) => void photos.set(sha, Buffer.from(bytes)),
    get: async (sha) => photos.get(sha) ?? null,
    has: async (sha) => photos.has(sha),
    delete: async (sha) => photos.delete(sha),
    prune: async () => 0,
  };
}

/** A clock tests move by hand. */
function manualClock(start: string) {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describeEachDatabase('review services', (db) => {
  let detections: DetectionService;
  let rules: ReviewRulesService;
  let reviews: ReviewService;
  let stats: ReviewStatsService;
  let images: ReturnType<typeof memoryImages>;
  let admin: Principal, reviewer: Principal, app: Principal, otherApp: Principal;
  let base: Omit<RecordDetectionInput, 'apiKeyId' | 'objects'>;
  let photoCounter = 0;

  beforeAll(async () => {
    const { prisma } = db();
    const labels = new LabelService(prisma);
    await labels.seedBuiltIn();
    const models = new ModelService(prisma);
    await models.registerManifests([MANIFEST]);
    detections = new DetectionService(prisma);
    rules = new ReviewRulesService(prisma);
    reviews = new ReviewService(prisma, detections, labels);
    stats = new ReviewStatsService(prisma, labels);
    images = memoryImages();
    [admin, reviewer, app, otherApp] = await Promise.all(
      (['admin', 'reviewer', 'app', 'app'] as const).map((role) => principal(prisma, role)),
    );
    base = {
      image: { sha256: '0'.repeat(64), width: 640, height: 480 },
      modelVersionId: (await models.resolveServingVersion()).id,
      precision: 'fp32',
      inputSize: 416,
      labelSetVersionId: (await labels.resolveLabelMap('coco80')).labelSetVersionId,
      minScore: 0.3,
      maxObjects: 100,
      timing: { queueMs: 1, inferenceMs: 10, totalMs: 12, batchSize: 1 },
      executionProvider: 'cpu',
    };
  });

  /** Records a detection of a new photo (stored in the image store) as the app, at `createdAt` if given. */
  async function record(objects: ObjectInput[], options: { owner?: Principal; createdAt?: string } = {}) {
    const sha256 = (++photoCounter).toString(16).padStart(64, '0');
    images.photos.set(sha256, JPEG);
    const view = await detections.record({
      ...base,
      image: { ...base.image, sha256 },
      apiKeyId: (options.owner ?? app).keyId,
      objects,
    });
    if (options.createdAt) {
      await db().prisma.detection.update({
        where: { id: view.id },
        data: { createdAt: new Date(options.createdAt) },
      });
    }
    return view;
  }

  const samplerWith = (options: { random?: () => number; now?: () => Date } = {}) =>
    new ReviewSampler(db().prisma, rules, options);
  const queued = async (ids: string[]) =>
    (
      await db().prisma.reviewItem.findMany({ where: { detectionId: { in: ids }, sampledAt: { not: null } } })
    ).map((i) => i.detectionId);

  it('samples what the rules pick: borderline to its class threshold, low score, watched class', async () => {
    await rules.update(admin, {
      ...OFF,
      borderlineMargin: 0.05,
      lowScoreBelow: 0.4,
      watchedClasses: ['knife'],
    });
    const sampler = samplerWith();
    const borderline = await sampler.consider(
      await record([found('dog', '狗', 0.33), found('person', '人', 0.9)]),
    );
    const low = await sampler.consider(await record([found('dog', '狗', 0.38)]));
    const knife = await sampler.consider(await record([found('knife', '刀', 0.97)]));
    const confident = await sampler.consider(await record([found('person', '人', 0.9)]));

    expect(borderline.review).toMatchObject({ status: 'QUEUED', reasons: ['low_score', 'borderline'] });
    expect(borderline.review.priority).toBeCloseTo(1 - 0.03 / 0.7);
    expect(low.review.reasons).toEqual(['low_score']);
    expect(knife.review.reasons).toEqual(['watched_class']);
    expect(confident.review.status).toBe('NOT_QUEUED');
    // What the detect answer said is what is stored.
    expect((await detections.get(reviewer, borderline.id)).review).toMatchObject({
      status: 'QUEUED',
      reasons: ['low_score', 'borderline'],
    });
    expect(await queued([confident.id])).toEqual([]);
  });

  it('samples the random share reproducibly with a seeded source', async () => {
    await rules.update(admin, { ...OFF, randomShare: 0.25 });
    const sampler = samplerWith({ random: seededRandom(42) });
    const views: DetectionView[] = [];
    for (let i = 0; i < 40; i++)
      views.push(await sampler.consider(await record([found('person', '人', 0.95)])));

    const draws = seededRandom(42);
    const expected = views.filter(() => draws() < 0.25).map((v) => v.id);
    expect(expected.length).toBeGreaterThan(4);
    expect(views.filter((v) => v.review.status === 'QUEUED').map((v) => v.id)).toEqual(expected);
    expect((await queued(views.map((v) => v.id))).sort()).toEqual([...expected].sort());
  });

  it('holds the hourly and daily caps, reopens as samples age out, and never counts flags', async () => {
    await rules.update(admin, { ...OFF, randomShare: 1, hourlyCap: 3, dailyCap: 5 });
    const clock = manualClock('2031-01-01T00:00:00Z');
    const sampler = samplerWith({ now: clock.now });
    const sampleMany = async (n: number) => {
      let count = 0;
      for (let i = 0; i < n; i++) {
        if ((await sampler.consider(await record([]))).review.status === 'QUEUED') count++;
      }
      return count;
    };

    expect(await sampleMany(6)).toBe(3); // hourly cap
    const flagged = await record([found('cat', '猫', 0.9)]);
    await reviews.flag(app, flagged.id, '用户说这不是猫');
    clock.advance(61 * MINUTE);
    expect(await sampleMany(4)).toBe(2); // the daily cap (5) is reached first; the flag did not count
    clock.advance(2 * HOUR);
    expect(await sampleMany(2)).toBe(0);
    clock.advance(22 * HOUR); // the first three have aged out of the day
    expect(await sampleMany(4)).toBe(3);

    await rules.update(admin, { ...OFF, randomShare: 1, hourlyCap: 10, dailyCap: 10 }); // a raised cap applies at once
    expect(await sampleMany(1)).toBe(1);
  });

  it('never fails the detection: a sampling error leaves it unqueued', async () => {
    const broken = new ReviewSampler(db().prisma, {
      current: () => Promise.reject(new Error('rules unreadable')),
    } as unknown as ReviewRulesService);
    const view = await record([found('dog', '狗', 0.31)]);
    expect(await broken.consider(view)).toEqual(view);
  });

  it('queues flagged detections first, then the most doubtful; apps flag only their own', async () => {
    await rules.update(admin, { ...OFF, borderlineMargin: 0.2 });
    const sampler = samplerWith();
    const fairlySure = await sampler.consider(await record([found('dog', '狗', 0.45)]));
    const doubtful = await sampler.consider(await record([found('dog', '狗', 0.31)]));
    const sure = await record([found('dog', '狗', 0.99)]);
    const flagged = await reviews.flag(app, sure.id, '不是狗，是狼');
    expect(flagged.review).toMatchObject({
      status: 'QUEUED',
      reasons: ['flagged'],
      flagReason: '不是狗，是狼',
    });
    const doubtfulFlagged = await reviews.flag(reviewer, doubtful.id, '看不清');
    expect(doubtfulFlagged.review.reasons).toEqual(['borderline', 'flagged']);

    const others = await record([found('cat', '猫', 0.9)], { owner: otherApp });
    await expect(reviews.flag(app, others.id, 'wrong')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reviews.flag(app, sure.id, '  ')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    const mine = new Set([fairlySure.id, doubtful.id, sure.id]);
    const queue = await reviews.queue(reviewer, { labelSet: 'coco80', first: 100 });
    expect(queue.items.map((d) => d.id).filter((id) => mine.has(id))).toEqual([
      sure.id,
      doubtful.id,
      fairlySure.id,
    ]);
    expect(queue.totalCount).toBeGreaterThanOrEqual(3);
  });

  describe('claims (one reviewer at a time per queued detection)', () => {
    let otherReviewer: Principal;
    beforeAll(async () => {
      otherReviewer = await principal(db().prisma, 'reviewer');
    });
    /** A detection queued by a flag, as apps do. */
    const flagged = async () => {
      const view = await record([]);
      await reviews.flag(app, view.id, '不对');
      return view.id;
    };
    const queueOf = async (who: Principal) =>
      (await reviews.queue(who, { first: 100 })).items.map((item) => item.id);
    const serviceAt = (clock: { now: () => Date }) =>
      new ReviewService(
        db().prisma,
        detections,
        new LabelService(db().prisma),
        { claimMinutes: 10, skipHours: 24 },
        clock.now,
      );

    it("takes a claimed detection out of other reviewers' queues, not out of the claimer's", async () => {
      const id = await flagged();
      const claim = await reviews.claim(reviewer, id);
      expect(claim.detectionId).toBe(id);
      expect(claim.claimedUntil.getTime() - Date.now()).toBeGreaterThan(9 * MINUTE);
      expect(await queueOf(reviewer)).toContain(id);
      expect(await queueOf(otherReviewer)).not.toContain(id);
      await reviews.release(reviewer, id);
    });

    it('refuses another reviewer a claim or a review while the claim holds (CONFLICT), and frees it when it lapses', async () => {
      const clock = manualClock('2032-01-01T00:00:00Z');
      const service = serviceAt(clock);
      const id = await flagged();
      await service.claim(reviewer, id);
      await expect(service.claim(otherReviewer, id)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'claimed', claimedUntil: '2032-01-01T00:10:00.000Z' },
      });
      await expect(service.review(otherReviewer, { detectionId: id, objects: [] })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      clock.advance(11 * MINUTE);
      expect((await service.claim(otherReviewer, id)).claimedUntil.toISOString()).toBe(
        '2032-01-01T00:21:00.000Z',
      );
      expect((await service.review(otherReviewer, { detectionId: id, objects: [] })).review.status).toBe(
        'REVIEWED',
      );
    });

    it('gives a skipped detection back, and a review ends the claim', async () => {
      const id = await flagged();
      await reviews.claim(reviewer, id);
      expect(await reviews.release(otherReviewer, id)).toBe(false);
      expect(await reviews.release(reviewer, id)).toBe(true);
      expect(await queueOf(otherReviewer)).toContain(id);

      await reviews.claim(otherReviewer, id);
      await reviews.review(otherReviewer, { detectionId: id, objects: [] });
      const item = await db().prisma.reviewItem.findUniqueOrThrow({ where: { detectionId: id } });
      expect([item.claimedByKeyId, item.claimedUntil]).toEqual([null, null]);
      await expect(reviews.claim(reviewer, id)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'reviewed' },
      });
    });

    it('gives a detection claimed by two reviewers at once to exactly one of them', async () => {
      const id = await flagged();
      const claims = await Promise.allSettled([
        reviews.claim(reviewer, id),
        reviews.claim(otherReviewer, id),
      ]);
      expect(claims.map((c) => c.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = claims.find((c): c is PromiseRejectedResult => c.status === 'rejected')!;
      expect(refused.reason.code).toBe('CONFLICT');
    });

    it('refuses apps, and says CONFLICT for a detection that is not queued', async () => {
      const notQueued = await record([]);
      await expect(reviews.claim(app, notQueued.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(reviews.claim(reviewer, notQueued.id)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'not_queued' },
      });
    });
  });

  it('lets reviewers and admins review; apps and anonymous callers cannot', async () => {
    const detection = await record([found('dog', '狗', 0.5)]);
    const input: ReviewInput = {
      detectionId: detection.id,
      objects: [{ objectId: detection.objects[0].id, verdict: 'correct' }],
    };
    await expect(reviews.review(app, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reviews.queue(app)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(stats.statistics(app, { labelSet: 'coco80' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reviews.review(null, input)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(rules.update(reviewer, OFF)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await reviews.review(reviewer, input)).review.status).toBe('REVIEWED');
    expect((await reviews.review(admin, input)).review.reviewerKeyId).toBe(admin.keyId);
  });

  it('needs a verdict for every object, and a label from the set exactly for wrong_label', async () => {
    const detection = await record([found('dog', '狗', 0.5), found('cat', '猫', 0.6, 200)]);
    const [dog, cat] = ['dog', 'cat'].map((key) => detection.objects.find((o) => o.label.key === key)!.id);
    const attempt = (objects: ReviewInput['objects'], missed: ReviewInput['missed'] = []) =>
      reviews.review(reviewer, { detectionId: detection.id, objects, missed });
    const refused = (objects: ReviewInput['objects'], missed?: ReviewInput['missed']) =>
      expect(attempt(objects, missed)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    await refused([{ objectId: dog, verdict: 'correct' }]); // cat has none
    await refused([
      { objectId: dog, verdict: 'correct' },
      { objectId: dog, verdict: 'correct' },
      { objectId: cat, verdict: 'correct' },
    ]);
    await refused([
      { objectId: dog, verdict: 'wrong_label' },
      { objectId: cat, verdict: 'correct' },
    ]);
    await refused([
      { objectId: dog, verdict: 'wrong_label', correctedKey: 'unicorn' },
      { objectId: cat, verdict: 'correct' },
    ]);
    await refused([
      { objectId: dog, verdict: 'wrong_label', correctedKey: 'dog' },
      { objectId: cat, verdict: 'correct' },
    ]);
    await refused([
      { objectId: dog, verdict: 'correct', correctedKey: 'cat' },
      { objectId: cat, verdict: 'correct' },
    ]);
    const both = [
      { objectId: dog, verdict: 'correct' as const },
      { objectId: cat, verdict: 'correct' as const },
    ];
    await refused(both, [{ classKey: 'person', box: { x: 700, y: 0, width: 10, height: 10 } }]); // outside the image
    await expect(
      reviews.review(reviewer, { detectionId: '00000000-0000-7000-8000-000000000000', objects: [] }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await detections.get(reviewer, detection.id)).review.status).toBe('NOT_QUEUED'); // nothing was written
  });

  it('shows the correction on the detection and its objects wherever it is read', async () => {
    const detection = await record([found('dog', '狗', 0.5), found('cat', '猫', 0.6, 200)]);
    const [dog, cat] = ['dog', 'cat'].map((key) => detection.objects.find((o) => o.label.key === key)!.id);
    const reviewed = await reviews.review(reviewer, {
      detectionId: detection.id,
      objects: [
        { objectId: dog, verdict: 'wrong_label', correctedKey: 'cat' },
        { objectId: cat, verdict: 'not_object' },
      ],
      missed: [{ classKey: 'person', box: { x: 600, y: 400, width: 100, height: 100 } }],
    });
    const read = await detections.get(reviewer, detection.id);
    expect(read).toEqual(reviewed);
    expect(read.review).toMatchObject({ status: 'REVIEWED', reviewerKeyId: reviewer.keyId, priority: null });
    expect(read.review.missed).toEqual([
      {
        label: expect.objectContaining({ key: 'person', zh: '人' }),
        box: { x: 600, y: 400, width: 40, height: 80 },
      }, // clipped
    ]);
    const byId = new Map(read.objects.map((o) => [o.id, o]));
    expect(byId.get(dog)!.review).toMatchObject({
      verdict: 'wrong_label',
      correctedLabel: { key: 'cat', zh: '猫' },
      reviewerKeyId: reviewer.keyId,
    });
    expect(byId.get(cat)!.review).toMatchObject({ verdict: 'not_object', correctedLabel: null });
    // the owner sees it in its history too, and the reviewed detection has left the queue
    const listed = (await detections.list(app, {}, { first: 100 })).edges.find(
      (e) => e.node.id === detection.id,
    );
    expect(listed?.node.review.status).toBe('REVIEWED');
    expect((await reviews.queue(reviewer, { first: 100 })).items.some((d) => d.id === detection.id)).toBe(
      false,
    );
  });

  describe('on reviewed detections of 2030-05', () => {
    const may = {
      labelSet: 'coco80',
      from: new Date('2030-05-01T00:00:00Z'),
      to: new Date('2030-06-01T00:00:00Z'),
      timeZone: 'Asia/Shanghai',
    };
    let first: DetectionView, second: DetectionView, third: DetectionView;

    beforeAll(async () => {
      first = await record([found('dog', '狗', 0.5), found('dog', '狗', 0.6, 200)], {
        createdAt: '2030-05-01T03:00:00Z',
      });
      second = await record([found('person', '人', 0.4)], { createdAt: '2030-05-02T03:00:00Z' });
      third = await record([found('cat', '猫', 0.9)], { createdAt: '2030-05-02T04:00:00Z' });
      await reviews.review(reviewer, {
        detectionId: first.id,
        objects: [
          { objectId: first.objects[0].id, verdict: 'correct' },
          { objectId: first.objects[1].id, verdict: 'wrong_label', correctedKey: 'cat' },
        ],
      });
      await reviews.review(reviewer, {
        detectionId: second.id,
        objects: [{ objectId: second.objects[0].id, verdict: 'not_object' }],
        missed: [{ classKey: 'cat', box: { x: 1, y: 2, width: 30, height: 40 } }],
      });
      await record([found('dog', '狗', 0.5)], { createdAt: '2030-05-03T03:00:00Z' }); // not reviewed: not counted
    });

    it('turns verdicts into precision, a confusion table with background, confused pairs and a daily trend', async () => {
      const result = await stats.statistics(reviewer, may);
      expect(result).toMatchObject({ images: 2, objects: 3, correct: 1, missed: 1 });
      expect(result.precision).toBeCloseTo(1 / 3);
      expect(result.classes.map((c) => [c.label.zh, c.predicted, c.correct, c.precision])).toEqual([
        ['狗', 2, 1, 0.5],
        ['猫', 0, 0, null], // missed once
        ['人', 1, 0, 0],
      ]);
      const cells = result.confusion.map((c) => [c.predicted?.zh ?? '背景', c.actual?.zh ?? '背景', c.count]);
      expect(cells).toEqual(
        expect.arrayContaining([
          ['狗', '狗', 1],
          ['狗', '猫', 1],
          ['人', '背景', 1],
          ['背景', '猫', 1],
        ]),
      );
      expect(cells).toHaveLength(4);
      expect(result.mostConfused).toHaveLength(3);
      expect(result.days.map((d) => [d.day, d.images, d.precision])).toEqual([
        ['2030-05-01', 1, 0.5],
        ['2030-05-02', 1, 0],
      ]);
    });

    it('updates the statistics when a detection is reviewed again or for the first time', async () => {
      await reviews.review(reviewer, {
        detectionId: first.id,
        objects: first.objects.map((o) => ({ objectId: o.id, verdict: 'correct' as const })),
      });
      await reviews.review(reviewer, {
        detectionId: third.id,
        objects: [{ objectId: third.objects[0].id, verdict: 'correct' }],
      });
      const result = await stats.statistics(reviewer, may);
      expect(result).toMatchObject({ images: 3, objects: 4, correct: 3 });
      expect(result.mostConfused.map((c) => [c.predicted?.key ?? null, c.actual?.key ?? null])).toEqual([
        [null, 'cat'],
        ['person', null],
      ]);
      await expect(stats.statistics(reviewer, { ...may, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });

    it('exports the reviewed images with corrected boxes as COCO and YOLO that parse back the same', async () => {
      await reviews.review(reviewer, {
        detectionId: first.id,
        objects: [
          { objectId: first.objects[0].id, verdict: 'correct' },
          { objectId: first.objects[1].id, verdict: 'wrong_label', correctedKey: 'cat' },
        ],
      });
      images.photos.delete(third.image.sha256); // evicted from the store since
      const exporter = new ReviewExportService(db().prisma, new LabelService(db().prisma), images);
      const download = async (format: ExportFormat) => {
        const chunks: Buffer[] = [];
        await exporter.write(reviewer, format, may, async (chunk) => void chunks.push(chunk));
        return Buffer.concat(chunks);
      };
      const expected = new Map([
        [
          first.image.sha256,
          [
            { classKey: 'dog', x: 200, y: 20, width: 100, height: 50 }, // objects[0]: the 0.6 dog, correct
            { classKey: 'cat', x: 10, y: 20, width: 100, height: 50 }, // objects[1]: relabelled
          ],
        ],
        [second.image.sha256, [{ classKey: 'cat', x: 1, y: 2, width: 30, height: 40 }]], // the false positive dropped
      ]);
      const boxesBySha = (parsed: { images: { fileName: string; boxes: unknown[] }[] }) =>
        new Map(parsed.images.map((i) => [i.fileName.slice('images/'.length, -'.jpg'.length), i.boxes]));

      const coco = await readZip(await download('coco.zip'));
      const fromCoco = parseCoco(JSON.parse(coco.get('annotations.json')!.toString('utf8')));
      expect(boxesBySha(fromCoco)).toEqual(expected);
      expect(fromCoco.categories.slice(0, 2)).toEqual([
        { key: 'person', zh: '人', category: '人' },
        { key: 'bicycle', zh: '自行车', category: '车辆' },
      ]);
      expect(coco.get(`images/${first.image.sha256}.jpg`)).toEqual(JPEG);
      expect(coco.get('missing-photos.txt')!.toString()).toContain(third.image.sha256);

      const yolo = await readZip(await download('yolo.zip'));
      const texts = new Map([...yolo].map(([name, bytes]) => [name, bytes.toString('utf8')]));
      const fromYolo = parseYolo(texts, fromCoco.images);
      for (const [sha, boxes] of boxesBySha(fromYolo)) {
        expect(boxes).toHaveLength(expected.get(sha)!.length);
        (boxes as { classKey: string; x: number }[]).forEach((box, i) => {
          expect(box.classKey).toBe(expected.get(sha)![i].classKey);
          expect(box.x).toBeCloseTo(expected.get(sha)![i].x, 2);
        });
      }
      expect(texts.get('data.yaml')).toContain('0: "person"');
      expect(texts.get('data.yaml')).toContain('0: "人"');

      const json = JSON.parse((await download('coco.json')).toString('utf8'));
      expect(json.images).toHaveLength(2);
      await expect(exporter.write(app, 'coco.json', may, async () => undefined)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });
});
