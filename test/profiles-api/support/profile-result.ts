import type { ProfileResult } from '../../../api/src/profiles/result';

/** A plausible result row as the benchmark returns it. */
export function profileResult(overrides: Partial<ProfileResult> = {}): ProfileResult {
  return {
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
    ...overrides,
  };
}
