// runProfileBenchmark end to end on four annotated photos: it builds the missing profiles, measures each one
// and returns plain JSON rows with every field the profile comparison needs. (Speeds are not asserted: this
// machine is shared, so only their presence and consistency are.)
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProfileBenchmark, type ProfileProgress } from '../../api/src/profiles/benchmark';
import type { ProfileResult } from '../../api/src/profiles/result';
import { LIMITS, NANODET_AT_160, SIZE, temporaryDirs } from './support/small-repository';

const EVALSET = '/work/shared/evalset/coco64';

let dirs: Awaited<ReturnType<typeof temporaryDirs>>;
let results: ProfileResult[];
const progress: ProfileProgress[] = [];

beforeAll(async () => {
  dirs = await temporaryDirs();
  const full = JSON.parse(await readFile(path.join(EVALSET, 'instances.json'), 'utf8'));
  const images = full.images.sort((a: { id: number }, b: { id: number }) => a.id - b.id).slice(0, 4);
  const ids = new Set(images.map((i: { id: number }) => i.id));
  const annotationsFile = path.join(dirs.dataDir, 'four.json');
  await mkdir(dirs.dataDir, { recursive: true });
  await writeFile(
    annotationsFile,
    JSON.stringify({
      ...full,
      images,
      annotations: full.annotations.filter((a: { image_id: number }) => ids.has(a.image_id)),
    }),
  );
  results = await runProfileBenchmark(
    {
      modelsDir: dirs.modelsDir,
      dataDir: dirs.dataDir,
      model: NANODET_AT_160,
      imagesDir: path.join(EVALSET, 'images'),
      annotationsFile,
      sizes: [SIZE],
      precisions: ['int8', 'int4'],
      speed: { batchSizes: [1, 2], rounds: 1, runsPerRound: 2 },
      limits: LIMITS,
    },
    (p) => progress.push(p),
  );
});

afterAll(() => rm(path.dirname(dirs.modelsDir), { recursive: true, force: true }));

describe('runProfileBenchmark', () => {
  it('measures fp32 first, as the reference, then the profiles asked for', () => {
    expect(results.map((r) => [r.precision, r.inputSize, r.artifact])).toEqual([
      ['fp32', 160, 'fp32-160.onnx'],
      ['int8', 160, 'int8-160.onnx'],
      ['int4', 160, 'int4-160.onnx'],
    ]);
  });

  it('reports progress through building, accuracy, memory and speed', () => {
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(['build', 'accuracy', 'memory', 'speed']));
    expect(progress.filter((p) => p.phase === 'build').map((p) => p.message)).toContain(
      'built int8-160.onnx',
    );
  });

  it('returns plain JSON rows with accuracy, agreement, speed, memory, size and where it ran', () => {
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
    for (const r of results) {
      expect(r.mAP).toBeGreaterThan(0);
      expect(r.mAP50).toBeGreaterThanOrEqual(r.mAP);
      expect(r.agreement).toBeGreaterThan(0.5);
      expect(r.throughputByBatch.map((t) => t.batchSize)).toEqual([1, 2]);
      expect(r.imagesPerSecond).toBe(Math.max(...r.throughputByBatch.map((t) => t.imagesPerSecond)));
      expect(r.latencyP95Ms).toBeGreaterThanOrEqual(r.latencyP50Ms);
      expect(r.memoryMB).toBeGreaterThan(0);
      expect(r.fileBytes).toBeGreaterThan(1e6);
      expect(r.provider).toBe('cpu');
      expect(r.machine.cores).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(r.measuredAt))).toBe(false);
    }
  });

  it('states deltas against fp32: none for fp32 itself', () => {
    const [fp32, int8, int4] = results;
    expect([fp32.deltaMAP, fp32.agreement]).toEqual([0, 1]);
    expect(int8.deltaMAP).toBeCloseTo((int8.mAP - fp32.mAP) * 100, 10);
    expect(int4.fileBytes).toBeLessThanOrEqual(fp32.fileBytes / 6);
  });

  it('opens int4 as serving does, weights folded at load (not widened every run), and int8 on integer kernels', () => {
    const [, int8, int4] = results;
    expect(int4.flags.some((f) => f.startsWith('int4 weights widened to float on every run on cpu'))).toBe(
      false,
    );
    expect(int8.flags.filter((f) => f.includes('integer kernels'))).toEqual([]);
  });
});
