// What keeps junk out of the review queue: an admin trying the model (Try it sends sampleForReview: false) is
// not sampled, and a detection a reviewer skipped stays out of their queue after a reload while others get it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_EVAL_SET } from '../../api/src/config';
import { DETECT, startTestServer, type TestServer } from '../api/harness';
import { SAMPLE_EVERY_DETECTION } from './support';

const PHOTO = readFileSync(path.join(SHIPPED_EVAL_SET, 'images/000000000389.jpg')).toString('base64');
const DETECT_WITH_REVIEW = DETECT.replace('executionProvider', 'executionProvider review { status }');
const QUEUE = `query { reviewQueue(first: 100) { items { id } } }`;

describe('review queue pollution [pglite]', () => {
  let api: TestServer;
  let reviewerA: string;
  let reviewerB: string;

  beforeAll(async () => {
    api = await startTestServer('pglite');
    const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
    const key = async (name: string) =>
      (await api.gql(create, { input: { name, role: 'REVIEWER' } })).data.createApiKey.secret as string;
    [reviewerA, reviewerB] = [await key('a'), await key('b')];
    await api.gql(`mutation($input: ReviewRulesInput!) { updateReviewRules(input: $input) { enabled } }`, {
      input: SAMPLE_EVERY_DETECTION,
    });
  });
  afterAll(() => api?.close());

  const queueOf = async (key: string) =>
    ((await api.gql(QUEUE, {}, key)).data.reviewQueue.items as { id: string }[]).map((item) => item.id);

  it('does not sample a detection sent with sampleForReview: false, even when the rules sample everything', async () => {
    const tried = await api.gql(DETECT_WITH_REVIEW, {
      input: { imageBase64: PHOTO, sampleForReview: false },
    });
    expect(tried.errors).toBeUndefined();
    expect(tried.data.detect.review.status).toBe('NOT_QUEUED');
    expect(await queueOf(reviewerA)).not.toContain(tried.data.detect.id);
    const sampled = await api.gql(DETECT_WITH_REVIEW, { input: { imageBase64: PHOTO } });
    expect(sampled.data.detect.review.status).toBe('QUEUED');
  });

  it('keeps a skipped detection out of the skipper’s queue on reload, and gives it to other reviewers', async () => {
    const [head] = await queueOf(reviewerA);
    await api.gql(
      `mutation($id: ID!) { claimReview(detectionId: $id) { claimedUntil } }`,
      { id: head },
      reviewerA,
    );
    expect(await queueOf(reviewerB)).not.toContain(head);
    const skipped = await api.gql(
      `mutation($id: ID!) { skipReview(detectionId: $id) }`,
      { id: head },
      reviewerA,
    );
    expect(skipped.data.skipReview).toBe(true);
    expect(await queueOf(reviewerA)).not.toContain(head); // the page reloads: not back
    expect(await queueOf(reviewerB)).toContain(head); // the hold ended with the skip
  });
});
