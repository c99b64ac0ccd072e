import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOutOfMemoryError } from '../../api/src/scheduler';
import { WorkerSession } from '../../api/src/scheduler/worker-session';

const MODEL = path.join(__dirname, 'fixtures/blocking-model');

let session: WorkerSession<number, number> | undefined;

function hostedModel(options: { gate?: Int32Array; allocationLimit?: number } = {}) {
  session = new WorkerSession<number, number>({
    module: MODEL,
    exportName: 'BlockingModel',
    args: [options.gate, options.allocationLimit ?? Number.POSITIVE_INFINITY],
  });
  return session;
}

afterEach(async () => {
  await session?.unload();
});

describe('WorkerSession', () => {
  it('runs a batch in the worker and returns its outputs', async () => {
    const model = hostedModel();
    await model.load();

    expect(await model.run([1, 2])).toEqual([2, 4]);
  });

  it('keeps the event loop turning while a run blocks the worker', async () => {
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const model = hostedModel({ gate });
    await model.load();

    const result = model.run([1]);
    await new Promise((resolve) => setImmediate(resolve)); // would never come if the run held this thread
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);

    expect(await result).toEqual([2]);
  });

  it('passes errors back with their message, so an allocation failure counts as out of memory', async () => {
    const model = hostedModel({ allocationLimit: 1 });
    await model.load();

    const error = await model.run([1, 2]).catch((e: unknown) => e);

    expect(isOutOfMemoryError(error)).toBe(true);
  });

  it('replaces a worker that died, on the next run', async () => {
    const model = hostedModel();
    await model.load();
    await expect(model.run([-1])).rejects.toThrow();

    expect(await model.run([3])).toEqual([6]);
  });
});
