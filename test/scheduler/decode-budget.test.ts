import { describe, expect, it } from 'vitest';
import { DecodeBudget, DecodeBudgetExceeded } from '../../api/src/scheduler/decode-budget';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('DecodeBudget', () => {
  it('grants decodes at once while they fit', async () => {
    const budget = new DecodeBudget(100);
    await budget.acquire(40);
    await budget.acquire(60);

    expect(budget.snapshot()).toEqual({ budgetMB: 100, inUseMB: 100, waiting: 0 });
  });

  it('makes a decode that does not fit wait until enough is released', async () => {
    const budget = new DecodeBudget(100);
    const releaseFirst = await budget.acquire(70);
    let granted = false;
    void budget.acquire(50).then(() => (granted = true));
    await turn();
    expect([granted, budget.snapshot().waiting]).toEqual([false, 1]);

    releaseFirst();
    await turn();
    expect([granted, budget.snapshot().inUseMB]).toEqual([true, 50]);
  });

  it('serves waiting decodes first come, first served: a small one does not overtake a big one', async () => {
    const budget = new DecodeBudget(100);
    const release = await budget.acquire(90);
    const order: string[] = [];
    void budget.acquire(80).then(() => order.push('big'));
    void budget.acquire(5).then(() => order.push('small'));
    await turn();
    expect(order).toEqual([]);

    release();
    await turn();
    expect(order).toEqual(['big', 'small']);
  });

  it('refuses a decode bigger than the whole budget', async () => {
    await expect(new DecodeBudget(100).acquire(101)).rejects.toBeInstanceOf(DecodeBudgetExceeded);
  });

  it('counts a release once however often it is called', async () => {
    const budget = new DecodeBudget(100);
    const release = await budget.acquire(30);
    release();
    release();

    expect(budget.snapshot().inUseMB).toBe(0);
  });
});
