import { describe, expect, it } from 'vitest';
import { isOutOfMemoryError } from '../../api/src/scheduler';
import { OomSafeBatchSize } from '../../api/src/scheduler/out-of-memory';

describe('isOutOfMemoryError', () => {
  it.each([
    'Failed to allocate memory for requested buffer of size 1073741824',
    'std::bad_alloc',
    'CUDA failure 2: out of memory ; GPU=0',
    'CUBLAS failure 3: CUBLAS_STATUS_ALLOC_FAILED',
    'D3D12 error E_OUTOFMEMORY',
    'Array buffer allocation failed',
  ])('recognises "%s"', (message) => {
    expect(isOutOfMemoryError(new Error(message))).toBe(true);
  });

  it('does not mistake other failures for out of memory', () => {
    expect(isOutOfMemoryError(new Error('Got invalid dimensions for input: images'))).toBe(false);
  });

  it('looks through the cause chain', () => {
    expect(isOutOfMemoryError(new Error('run failed', { cause: new Error('std::bad_alloc') }))).toBe(true);
  });
});

describe('OomSafeBatchSize', () => {
  it('halves the failed size and remembers it', () => {
    const safe = new OomSafeBatchSize();

    expect(safe.halve(8)).toBe(4);
    expect(safe.limit).toBe(4);
  });

  it('never grows back after a larger size fails later', () => {
    const safe = new OomSafeBatchSize();
    safe.halve(4);

    safe.halve(8);

    expect(safe.limit).toBe(2);
  });

  it('has nothing smaller to offer after a batch of one fails', () => {
    expect(new OomSafeBatchSize().halve(1)).toBeUndefined();
  });
});
