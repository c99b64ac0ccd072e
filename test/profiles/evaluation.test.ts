// The evaluation's pure parts: agreement with fp32, timing statistics, flags and the table.
import { describe, expect, it } from 'vitest';
import type { CocoDetection } from '../../api/src/evaluation/coco-format';
import { agreementCounts, detectionAgreement } from '../../api/src/profiles/agreement';
import { profileFlags, type FlagFacts } from '../../api/src/profiles/flags';
import type { ProfileResult } from '../../api/src/profiles/result';
import { percentile } from '../../api/src/statistics/percentile';
import { pairedSpeedup, summariseSpeed } from '../../api/src/profiles/speed';
import { profileTable } from '../../api/src/profiles/table';

const box = (image_id: number, category_id: number, x: number, score = 0.9): CocoDetection => ({
  image_id,
  category_id,
  bbox: [x, 10, 100, 100],
  score,
});

describe('agreement with fp32', () => {
  it('is 1 for identical detections and for two empty results', () => {
    const same = [box(1, 1, 0), box(2, 3, 50)];
    expect(detectionAgreement(same, same)).toBe(1);
    expect(detectionAgreement([], [])).toBe(1);
  });

  it('matches one-to-one on the same image and class at IoU ≥ 0.5', () => {
    const reference = [box(1, 1, 0), box(1, 1, 300), box(2, 1, 0)];
    const candidate = [
      box(1, 1, 20), // IoU 0.67 with the first: match
      box(1, 1, 10), // would match the first too, which is taken
      box(1, 2, 300), // other class
      box(3, 1, 0), // other image
    ];
    expect(agreementCounts(reference, candidate)).toEqual({ matched: 1, reference: 3, candidate: 4 });
    expect(detectionAgreement(reference, candidate)).toBeCloseTo(2 / 7);
  });

  it('ignores boxes below the display threshold', () => {
    expect(agreementCounts([box(1, 1, 0)], [box(1, 1, 0), box(1, 1, 200, 0.1)])).toEqual({
      matched: 1,
      reference: 1,
      candidate: 1,
    });
  });
});

describe('speed statistics', () => {
  it('take nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(10);
    expect(percentile(values, 0.95)).toBe(19);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it('pair runs by position to compare two sessions under the same load', () => {
    // Load doubles in the second pair: the subject is 2× faster in both, whatever the absolute times.
    const reference = new Map([[1, [10, 20]]]);
    const subject = new Map([[1, [5, 10]]]);
    expect(pairedSpeedup(subject, reference)).toBe(2);
  });

  it('report batch-1 latency and the batch size with the best throughput', () => {
    const summary = summariseSpeed(
      new Map([
        [1, [10, 11, 12]],
        [4, [30, 31, 90]],
        [8, [100, 100, 100]],
      ]),
    );
    expect(summary.latencyP50Ms).toBe(11);
    expect(summary.latencyP95Ms).toBe(12);
    expect(summary.throughputByBatch.map((t) => Math.round(t.imagesPerSecond))).toEqual([91, 129, 80]);
    expect(summary.best.batchSize).toBe(4);
  });
});

describe('flags', () => {
  const kernels = { integerConvs: 0, floatConvs: 34, halfConvs: 0, runtimeDequantize: 0 };
  const facts = (over: Partial<FlagFacts>): FlagFacts => ({
    precision: 'int8',
    speedupVsFp32: 1.5,
    deltaMAP: -0.3,
    agreement: 0.95,
    kernels: { integerConvs: 34, floatConvs: 0, halfConvs: 0, runtimeDequantize: 3 },
    fp32Kernels: kernels,
    requestedProvider: 'cpu',
    provider: 'cpu',
    ...over,
  });

  it('leave a fast, accurate int8 profile with integer kernels unflagged', () => {
    expect(profileFlags(facts({}))).toEqual([]);
  });

  it('say when a profile is slower than fp32 where it was measured, with both speeds', () => {
    expect(profileFlags(facts({ precision: 'fp16-storage', speedupVsFp32: 0.6 }))).toEqual([
      'slower than fp32 on cpu: 0.60× its speed (paired runs)',
    ]);
  });

  it('say when fp16 Convs are computed in float32 for lack of half-precision kernels', () => {
    const fp16 = facts({ precision: 'fp16', speedupVsFp32: 1, kernels });
    expect(profileFlags(fp16)).toEqual([
      'no fp16 kernels on cpu: all 34 Convs computed in float32 between Casts',
    ]);
    expect(profileFlags({ ...fp16, kernels: { ...kernels, halfConvs: 34 } })).toEqual([]);
  });

  it('say when int8 Convs did not become integer kernels', () => {
    expect(profileFlags(facts({ kernels: kernels }))).toEqual([
      'no fast int8 kernels on cpu: 0 of 34 Convs run as integer kernels',
    ]);
    expect(
      profileFlags(
        facts({ kernels: { integerConvs: 31, floatConvs: 3, halfConvs: 0, runtimeDequantize: 0 } }),
      ),
    ).toEqual(['partly integer on cpu: 31 of 34 Convs run as integer kernels']);
  });

  it('say when int4 weights are widened on every run', () => {
    const int4 = facts({
      precision: 'int4',
      speedupVsFp32: 1,
      kernels: { integerConvs: 0, floatConvs: 34, halfConvs: 0, runtimeDequantize: 30 },
    });
    expect(profileFlags(int4)).toEqual([
      'int4 weights widened to float on every run on cpu: 30 DequantizeLinear left after optimisation',
    ]);
  });

  it('say when accuracy drops, boxes change, or the provider was not the one asked for', () => {
    expect(profileFlags(facts({ deltaMAP: -2.5, agreement: 0.8, requestedProvider: 'webgpu' }))).toEqual([
      'mAP -2.50 points vs fp32',
      'agrees with fp32 on 80.0% of confident boxes',
      'ran on cpu: webgpu was unavailable',
    ]);
  });
});

describe('table', () => {
  it('prints one row per profile with Δ vs fp32 and the flags', () => {
    const row = (
      precision: ProfileResult['precision'],
      deltaMAP: number,
      flags: string[],
    ): ProfileResult => ({
      precision,
      inputSize: 320,
      artifact: `${precision}-320.onnx`,
      batchSize: 4,
      imagesPerSecond: 123.45,
      speedupVsFp32: 1.53,
      latencyP50Ms: 8.1,
      latencyP95Ms: 9.9,
      throughputByBatch: [],
      memoryMB: 61.2,
      fileBytes: 3_950_000,
      mAP: 0.3654,
      mAP50: 0.528,
      deltaMAP,
      agreement: 0.93,
      flags,
      provider: 'cpu',
      machine: { cpuModel: 'Test CPU', cores: 2, memoryMB: 4096 },
      measuredAt: '2026-01-01T00:00:00.000Z',
    });
    const lines = profileTable([row('fp32', 0, []), row('int8', 0.21, ['slow'])]).split('\n');
    expect(lines[0]).toBe('cpu on Test CPU (2 cores), 2026-01-01T00:00:00.000Z');
    expect(lines[2]).toBe(
      '| precision | size | batch | images/s | × fp32 | p50 ms | p95 ms | memory MB | file MB | mAP | mAP50 | Δ mAP | agreement | flags |',
    );
    expect(lines[4]).toBe(
      '| fp32 | 320 | 4 | 123.5 | — | 8.1 | 9.9 | 61 | 3.95 | 36.54 | 52.80 | — | 93.0% | — |',
    );
    expect(lines[5]).toBe(
      '| int8 | 320 | 4 | 123.5 | 1.53× | 8.1 | 9.9 | 61 | 3.95 | 36.54 | 52.80 | +0.21 | 93.0% | slow |',
    );
  });
});
