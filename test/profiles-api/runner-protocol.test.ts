// The runner's stdout protocol: one JSON message per line; anything else on stdout is not a message.
import { describe, expect, it } from 'vitest';
import {
  encodeRunnerMessage,
  parseRunnerLine,
  type RunnerMessage,
} from '../../api/src/profile-jobs/runner-protocol';
import { profileResult } from './support/profile-result';

const result = profileResult();

describe('runner protocol', () => {
  it.each<RunnerMessage>([
    { type: 'progress', phase: 'build', message: 'built int8-160.onnx' },
    { type: 'results', results: [result] },
    { type: 'failed', error: 'ENOENT: no such file or directory, open instances.json' },
  ])('reads back what the runner writes: $type', (message) => {
    const line = encodeRunnerMessage(message);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(parseRunnerLine(line)).toEqual(message);
  });

  it('skips lines that are not messages: text a library printed, broken JSON, other JSON', () => {
    for (const line of [
      '',
      '2026-11-28 07:40:00 [W:onnxruntime] some warning',
      '{"type":"progress","phase":"build"',
      '[1, 2, 3]',
      '{"level":"info","msg":"hello"}',
    ]) {
      expect(parseRunnerLine(line)).toBeUndefined();
    }
  });

  it('does not trust a malformed message: unknown phase, result missing a field, not-a-number metric', () => {
    for (const message of [
      { type: 'progress', phase: 'warming', message: 'x' },
      { type: 'results', results: [{ ...result, mAP: undefined }] }, // JSON leaves it out
      { type: 'results', results: [{ ...result, imagesPerSecond: 'fast' }] },
      { type: 'results', results: [{ ...result, precision: 'int2' }] },
    ]) {
      expect(parseRunnerLine(JSON.stringify(message))).toBeUndefined();
    }
  });
});
