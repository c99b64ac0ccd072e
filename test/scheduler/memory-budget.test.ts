import { describe, expect, it } from 'vitest';
import { MemoryBudget } from '../../api/src/scheduler/memory-budget';

describe('MemoryBudget', () => {
  it('lists sessions least recently used first', () => {
    const budget = new MemoryBudget(1000);
    budget.setSession('a', 100);
    budget.setSession('b', 100);

    budget.touch('a');

    expect(budget.leastRecentlyUsed()).toEqual(['b', 'a']);
  });

  it('sizes batches as floor((budget − sessions) / perImageMB)', () => {
    const budget = new MemoryBudget(1000);
    budget.setSession('a', 150);

    expect(budget.batchCapacity(200)).toBe(4);
  });

  it('leaves running batches their reserved activations', () => {
    const budget = new MemoryBudget(1000);
    budget.reserveActivations(400);

    expect(budget.batchCapacity(200)).toBe(3);
  });

  it('returns reserved activations when the batch ends', () => {
    const budget = new MemoryBudget(1000);
    const release = budget.reserveActivations(400);

    release();

    expect(budget.freeMB()).toBe(1000);
  });

  it('does not limit batches when no per-image memory was measured', () => {
    expect(new MemoryBudget(1000).batchCapacity(0)).toBe(Number.POSITIVE_INFINITY);
  });
});
