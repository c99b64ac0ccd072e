import { describe, expect, it } from 'vitest';
import { estimateArtifactMemory } from '../../api/src/scheduler/warm-up-memory';

describe('estimateArtifactMemory', () => {
  it('takes per-image memory from the step between batch 1 and batch 2', () => {
    const memory = estimateArtifactMemory({
      beforeLoadMB: 100,
      afterLoadMB: 150,
      afterBatchOfOneMB: 230,
      afterBatchOfTwoMB: 290,
    });

    // batch of one: 80 = 20 fixed workspace + 60 per image
    expect(memory).toEqual({ sessionMB: 70, perImageMB: 60 });
  });

  it('charges the whole batch-of-one cost per image when batch 2 added nothing measurable', () => {
    const memory = estimateArtifactMemory({
      beforeLoadMB: 100,
      afterLoadMB: 150,
      afterBatchOfOneMB: 230,
      afterBatchOfTwoMB: 230,
    });

    expect(memory).toEqual({ sessionMB: 50, perImageMB: 80 });
  });

  it('charges the whole batch-of-one cost per image when batch 2 was not run', () => {
    const memory = estimateArtifactMemory({ beforeLoadMB: 100, afterLoadMB: 150, afterBatchOfOneMB: 230 });

    expect(memory).toEqual({ sessionMB: 50, perImageMB: 80 });
  });

  it('never reports negative memory when readings fall (garbage collection)', () => {
    const memory = estimateArtifactMemory({ beforeLoadMB: 100, afterLoadMB: 90, afterBatchOfOneMB: 80 });

    expect(memory).toEqual({ sessionMB: 0, perImageMB: 0 });
  });
});
