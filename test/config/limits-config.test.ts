// The hardening settings: their defaults and how the environment changes them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config';

describe('hardening settings', () => {
  it('lets anonymous callers introspect in development, not with NODE_ENV=production, unless told', () => {
    expect(loadConfig({}).graphql.anonymousIntrospection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphql.anonymousIntrospection).toBe(false);
    const told = { NODE_ENV: 'production', WANSHI_ANONYMOUS_INTROSPECTION: 'true' };
    expect(loadConfig(told).graphql.anonymousIntrospection).toBe(true);
  });

  it('caps photos per operation at the detectBatch input cap', () => {
    expect(loadConfig({ WANSHI_MAX_BATCH_INPUTS: '8' }).graphql.maxDetectImages).toBe(8);
  });

  it('confines benchmarks to the evaluation set’s folders by default, or to the listed roots', () => {
    const set = {
      WANSHI_EVAL_IMAGES: '/srv/eval/images',
      WANSHI_EVAL_ANNOTATIONS: '/srv/eval/instances.json',
    };
    expect(loadConfig(set).evaluationRoots).toEqual(['/srv/eval/images', '/srv/eval']);
    const listed = loadConfig({ ...set, WANSHI_EVAL_ROOTS: ' /data/sets , relative/dir,' }).evaluationRoots;
    expect(listed).toEqual(['/data/sets', path.resolve('relative/dir')]);
  });

  it('reads the anonymous body limit in KB', () => {
    expect(loadConfig({ WANSHI_MAX_ANONYMOUS_REQUEST_KB: '16' }).limits.maxAnonymousRequestBytes).toBe(
      16 * 1024,
    );
  });
});
