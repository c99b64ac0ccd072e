// The review flow over HTTP, as apps and reviewers use it: a real photo sampled at detect time, flagged by its
// app, corrected by a reviewer, counted in the statistics and exported for fine-tuning.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_KEY,
  DETECT,
  EVAL_IMAGES,
  errorCode,
  photoBase64,
  startTestServer,
  type TestServer,
} from '../api/harness';
import { readZip, SAMPLE_EVERY_DETECTION } from './support';

const PHOTO = '000000000036.jpg'; // a person

const DETECTION_REVIEW = /* GraphQL */ `
  query ($id: ID!) {
    detection(id: $id) {
      objects {
        id
        label {
          key
          zh
        }
        review {
          verdict
          correctedLabel {
            key
            zh
          }
          reviewer
          at
        }
      }
      review {
        status
        reasons
        flagReason
        reviewer
        reviewedAt
        missed {
          label {
            key
            zh
          }
          box {
            x
            y
            width
            height
          }
        }
      }
    }
  }
`;

describe('review over HTTP [pglite]', () => {
  let api: TestServer;
  let appKey: string;
  let reviewerKey: string;
  let reviewerId: string;
  let detection: {
    id: string;
    image: { sha256: string; width: number; height: number };
    objects: { id: string; label: { key: string } }[];
  };

  beforeAll(async () => {
    api = await startTestServer('pglite');
    const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`;
    appKey = (await api.gql(create, { input: { name: 'app', role: 'APP' } })).data.createApiKey.secret;
    const reviewer = (await api.gql(create, { input: { name: 'reviewer', role: 'REVIEWER' } })).data
      .createApiKey;
    [reviewerKey, reviewerId] = [reviewer.secret, reviewer.apiKey.id];
  });
  afterAll(() => api?.close());

  it('lets an admin set the sampling rules, and only an admin', async () => {
    const update = `mutation($input: ReviewRulesInput!) { updateReviewRules(input: $input) { randomShare hourlyCap } }`;
    const input = SAMPLE_EVERY_DETECTION;
    expect(errorCode(await api.gql(update, { input }, reviewerKey))).toBe('FORBIDDEN');
    expect((await api.gql(update, { input })).data.updateReviewRules).toEqual({
      randomShare: 1,
      hourlyCap: 100,
    });
    expect(
      (await api.gql(`query { reviewRules { randomShare } }`, {}, reviewerKey)).data.reviewRules.randomShare,
    ).toBe(1);
  });

  it('samples a detection for review as it is recorded, and says so in the detect answer', async () => {
    const query = DETECT.replace(
      'executionProvider',
      'executionProvider objects { id } review { status reasons }',
    );
    const { data, errors } = await api.gql(query, { input: { imageBase64: photoBase64(PHOTO) } }, appKey);
    expect(errors).toBeUndefined();
    detection = data.detect;
    expect(data.detect.review).toEqual({ status: 'QUEUED', reasons: ['RANDOM'] });
    expect(detection.objects.some((o) => o.label.key === 'person')).toBe(true);
  });

  it('lets an app flag its own detection, not review it or see the queue', async () => {
    const flag = `mutation($id: ID!, $reason: String!) { flagDetection(id: $id, reason: $reason) { review { reasons flagReason } } }`;
    const flagged = await api.gql(flag, { id: detection.id, reason: '用户说：这不是人' }, appKey);
    expect(flagged.data.flagDetection.review).toEqual({
      reasons: ['RANDOM', 'FLAGGED'],
      flagReason: '用户说：这不是人',
    });
    const adminDetection = (
      await api.gql(DETECT, { input: { imageBase64: photoBase64('000000000009.jpg') } })
    ).data.detect;
    expect(errorCode(await api.gql(flag, { id: adminDetection.id, reason: 'x' }, appKey))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(`query { reviewQueue { totalCount } }`, {}, appKey))).toBe('FORBIDDEN');
    const review = `mutation { reviewDetection(input: { detectionId: "${detection.id}", objects: [] }) { id } }`;
    expect(errorCode(await api.gql(review, {}, appKey))).toBe('FORBIDDEN');
  });

  it('puts the flagged detection at the head of the queue for reviewers', async () => {
    const queue = await api.gql(
      `query { reviewQueue(labelSet: "coco80") { totalCount items { id review { status } } } }`,
      {},
      reviewerKey,
    );
    expect(queue.data.reviewQueue.totalCount).toBe(2);
    expect(queue.data.reviewQueue.items[0]).toEqual({ id: detection.id, review: { status: 'QUEUED' } });
  });

  it('records a reviewer’s corrections and shows them on the detection, to its app too', async () => {
    const person = detection.objects.find((o) => o.label.key === 'person')!;
    const objects = detection.objects.map((o) =>
      o === person
        ? { objectId: o.id, verdict: 'WRONG_LABEL', correctedLabel: 'dog' }
        : { objectId: o.id, verdict: 'NOT_OBJECT' },
    );
    const missed = [{ label: 'cat', box: { x: 10, y: 10, width: 50, height: 40 } }];
    const reviewed = await api.gql(
      `mutation($input: ReviewDetectionInput!) { reviewDetection(input: $input) { review { status } } }`,
      { input: { detectionId: detection.id, objects, missed } },
      reviewerKey,
    );
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data.reviewDetection.review.status).toBe('REVIEWED');

    const seen = (await api.gql(DETECTION_REVIEW, { id: detection.id }, appKey)).data.detection;
    expect(seen.review).toMatchObject({
      status: 'REVIEWED',
      reviewer: reviewerId,
      missed: [{ label: { key: 'cat', zh: '猫' } }],
    });
    expect(seen.objects.find((o: { id: string }) => o.id === person.id).review).toMatchObject({
      verdict: 'WRONG_LABEL',
      correctedLabel: { key: 'dog', zh: '狗' },
      reviewer: reviewerId,
    });
  });

  it('counts the correction in the statistics: person read as dog, a missed cat', async () => {
    const stats = await api.gql(
      `query { reviewStats(labelSet: "coco80", timeZone: "Asia/Shanghai") {
        images precision
        mostConfused { predicted { key zh } actual { key zh } count }
        classes { label { key } predicted correct precision }
        days { day images }
      } }`,
      {},
      reviewerKey,
    );
    expect(stats.errors).toBeUndefined();
    const result = stats.data.reviewStats;
    expect(result.images).toBe(1);
    expect(result.precision).toBe(0);
    expect(result.mostConfused).toContainEqual({
      predicted: { key: 'person', zh: '人' },
      actual: { key: 'dog', zh: '狗' },
      count: 1,
    });
    expect(result.mostConfused).toContainEqual({
      predicted: null,
      actual: { key: 'cat', zh: '猫' },
      count: 1,
    });
    expect(result.classes.find((c: { label: { key: string } }) => c.label.key === 'person')).toMatchObject({
      correct: 0,
      precision: 0,
    });
    expect(result.days).toHaveLength(1);
  });

  it('exports the reviewed photo with its corrected boxes as a YOLO zip, for reviewers only', async () => {
    const download = (file: string, key: string | null = reviewerKey) =>
      fetch(`${api.url}/exports/${file}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const response = await download('review.yolo.zip?labelSet=coco80');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="wanshi-review-coco80-.*\.yolo\.zip"/,
    );
    const files = await readZip(Buffer.from(await response.arrayBuffer()));
    expect(files.get(`images/${detection.image.sha256}.jpg`)).toEqual(
      readFileSync(path.join(EVAL_IMAGES, PHOTO)),
    );
    const labels = files.get(`labels/${detection.image.sha256}.txt`)!.toString().trim().split('\n');
    expect(labels.map((line) => Number(line.split(' ')[0])).sort((a, b) => a - b)).toEqual([15, 16]); // cat, dog
    expect(files.get('data.yaml')!.toString()).toContain('16: "狗"');

    const coco = (await (await download('review.coco.json?labelSet=coco80')).json()) as { images: unknown[] };
    expect(coco.images).toEqual([
      { id: 1, file_name: `images/${detection.image.sha256}.jpg`, width: 481, height: 640 },
    ]);

    expect((await download('review.yolo.zip?labelSet=coco80', null)).status).toBe(401);
    expect((await download('review.yolo.zip?labelSet=coco80', appKey)).status).toBe(403);
    expect((await download('review.yolo.zip?labelSet=nope')).status).toBe(404);
    expect((await download('review.yolo.zip')).status).toBe(400);
    expect((await download('review.tar?labelSet=coco80', ADMIN_KEY)).status).toBe(404);
  });
});
