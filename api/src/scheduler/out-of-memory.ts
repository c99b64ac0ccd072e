// Out-of-memory during inference: recognising it, and the batch size that has proven safe since.

// Messages seen from onnxruntime's CPU arena (BFCArena), CUDA/cuDNN/cuBLAS, TensorRT, DirectML, and V8 when
// the output buffers cannot be allocated.
const OUT_OF_MEMORY_MESSAGE =
  /out of memory|failed to allocate|bad_alloc|bad allocation|_ALLOC_FAILED|cudaErrorMemoryAllocation|E_OUTOFMEMORY|0x8007000E|allocation failed/i;

/** Whether an error thrown by a run means "not enough memory for this batch" (checked through `cause` too). */
export function isOutOfMemoryError(error: unknown): boolean {
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (OUT_OF_MEMORY_MESSAGE.test(message)) return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}

/**
 * The largest batch size not yet known to run out of memory. It only shrinks: memory estimates come from one
 * warm-up, while an OOM is proof, so the remembered size wins for the life of the process.
 */
export class OomSafeBatchSize {
  private safe = Number.POSITIVE_INFINITY;

  get limit(): number {
    return this.safe;
  }

  /** Records that `failedSize` ran out of memory; returns the size to retry with, or undefined at 1. */
  halve(failedSize: number): number | undefined {
    if (failedSize <= 1) return undefined;
    this.safe = Math.min(this.safe, Math.floor(failedSize / 2));
    return this.safe;
  }
}
