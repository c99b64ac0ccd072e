// The runner's stdout protocol: one JSON message per line; anything else on stdout is not a message.
import { describe, expect, it } from 'vitest';
import {
  encodeRunnerMessage,
  parseRunnerLine,
  type RunnerMessage,
} from '../../api/src/profile-jobs/runner-protocol';
import type { ProfileResult } from '../../api/src/profiles/result';

const result: ProfileResult = {
  precision: 'fp16-storage',
  inputSize: 160,
  artifact: 'fp16-storage-160.onnx',
  batchSize: 2,
  imagesPerSecond: 250.5,
  latencyP50Ms: 4.1,
  latencyP95Ms: 6.3,
  throughputByBatch: [
    { batchSize: 1, imagesPerSecond: 240 },
    { batchSize: 2, imagesPerSecond: 250.5 },
  ],
  memoryMB: 41.2,
  fileBytes: 7_607_344,
  mAP: 0.21,
  mAP50: 0.38,
  deltaMAP: 0,
  agreement: 1,
  flags: [],
  provider: 'cpu',
  machine: { cpuModel: 'Some CPU', cores: 2, memoryMB: 7936 },
  measuredAt: '2026-11-28T07:40:00.000Z',
};

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
