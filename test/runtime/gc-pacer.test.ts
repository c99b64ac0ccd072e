import { afterEach, describe, expect, it, vi } from 'vitest';
import { paceOnce, startGcPacer } from '../../api/src/runtime/gc-pacer';

const MB = 1024 * 1024;

/** Memory that grows by what the test allocates and falls to `live` when collected. */
function fakeMemory(live: number) {
  let inUse = live;
  return {
    allocate: (mb: number) => (inUse += mb * MB),
    read: () => ({ heapUsed: inUse / 2, external: inUse / 2 }),
    collect: vi.fn(() => (inUse = live)),
  };
}

describe('paceOnce', () => {
  it('does not collect while heap plus external memory stays within the allowed growth', () => {
    const memory = fakeMemory(100 * MB);
    memory.allocate(31);
    expect(paceOnce(100 * MB, 32, memory.read, memory.collect)).toBe(100 * MB);
    expect(memory.collect).not.toHaveBeenCalled();
  });

  it('collects once growth passes the threshold and measures the next growth from what survived', () => {
    const memory = fakeMemory(100 * MB);
    memory.allocate(40);
    expect(paceOnce(100 * MB, 32, memory.read, memory.collect)).toBe(100 * MB);
    expect(memory.collect).toHaveBeenCalledTimes(1);
  });

  it("follows memory down when V8's own collection freed it, so growth counts from the lower level", () => {
    const memory = fakeMemory(60 * MB);
    expect(paceOnce(100 * MB, 32, memory.read, memory.collect)).toBe(60 * MB);
    expect(memory.collect).not.toHaveBeenCalled();
  });
});

describe('startGcPacer', () => {
  afterEach(() => vi.useRealTimers());

  it('checks on a timer and collects under allocation, not when idle', () => {
    vi.useFakeTimers();
    const memory = fakeMemory(100 * MB);
    const stop = startGcPacer({ growthMB: 32, checkEveryMs: 250 }, memory.collect, memory.read);
    vi.advanceTimersByTime(1000);
    expect(memory.collect).not.toHaveBeenCalled();
    memory.allocate(50);
    vi.advanceTimersByTime(250);
    expect(memory.collect).toHaveBeenCalledTimes(1);
    stop();
    memory.allocate(50);
    vi.advanceTimersByTime(1000);
    expect(memory.collect).toHaveBeenCalledTimes(1);
  });

  it('does nothing where gc is not exposed', () => {
    vi.useFakeTimers();
    const read = vi.fn(() => ({ heapUsed: 0, external: 0 }));
    startGcPacer({ growthMB: 32, checkEveryMs: 250 }, undefined, read)();
    vi.advanceTimersByTime(1000);
    expect(read).not.toHaveBeenCalled();
  });
});
