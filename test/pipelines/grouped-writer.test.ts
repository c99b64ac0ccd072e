import { describe, expect, it } from 'vitest';
import { GroupedWriter } from '../../api/src/pipelines/grouped-writer';

/** A writeMany that records the groups it was given and is finished by hand. */
function manualWrites() {
  const groups: number[][] = [];
  const finish: (() => void)[] = [];
  const writeMany = (inputs: number[]) =>
    new Promise<string[]>((resolve) => {
      groups.push(inputs);
      finish.push(() => resolve(inputs.map((n) => `#${n}`)));
    });
  return { groups, finish, writeMany };
}

describe('GroupedWriter', () => {
  it('writes at once when idle, and groups what arrives while a write is in flight', async () => {
    const { groups, finish, writeMany } = manualWrites();
    const writer = new GroupedWriter(writeMany, 10);
    const first = writer.write(1);
    const rest = [writer.write(2), writer.write(3)];
    expect(groups).toEqual([[1]]);
    finish[0]();
    expect(await first).toBe('#1');
    await Promise.resolve();
    expect(groups).toEqual([[1], [2, 3]]);
    finish[1]();
    expect(await Promise.all(rest)).toEqual(['#2', '#3']);
  });

  it('caps a group at maxGroup', async () => {
    const { groups, finish, writeMany } = manualWrites();
    const writer = new GroupedWriter(writeMany, 2);
    const all = [1, 2, 3, 4].map((n) => writer.write(n));
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setImmediate(r));
      finish[i]();
    }
    expect(await Promise.all(all)).toEqual(['#1', '#2', '#3', '#4']);
    expect(groups).toEqual([[1], [2, 3], [4]]);
  });

  it('fails only the bad input of a failed group: the others are written alone', async () => {
    const writer = new GroupedWriter(async (inputs: number[]) => {
      if (inputs.includes(-1)) throw new Error('bad input -1');
      return inputs.map((n) => `#${n}`);
    }, 10);
    const blocker = writer.write(0);
    const group = [writer.write(1), writer.write(-1), writer.write(2)];
    await blocker;
    const settled = await Promise.allSettled(group);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      '#1',
      'bad input -1',
      '#2',
    ]);
  });
});
