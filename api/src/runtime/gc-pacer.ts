// V8 collects garbage by the pressure on its own heap. The Buffers a request leaves behind (the upload, decoded
// and resized pixels, output tensors) live outside that heap, and V8 lets ~64 MB of them pile up before it
// collects: under load that was most of the gap between steady and peak RSS (bench:load, c=16/64). Where `gc`
// is exposed (npm start passes --expose-gc), this collects whenever the heap plus external memory has grown by
// `growthMB` since the last collection: a few times a second under load, never when idle.

export interface GcPacerOptions {
  growthMB: number;
  checkEveryMs: number;
}

export const DEFAULT_GC_PACING: GcPacerOptions = { growthMB: 32, checkEveryMs: 250 };

type Collect = () => void;
type ReadMemory = () => { heapUsed: number; external: number };

const MB = 1024 * 1024;

function bytesInUse(read: ReadMemory): number {
  const { heapUsed, external } = read();
  return heapUsed + external;
}

/** One check: collects if memory grew `growthMB` past `baseline`; returns the baseline for the next check. */
export function paceOnce(baseline: number, growthMB: number, read: ReadMemory, collect: Collect): number {
  const inUse = bytesInUse(read);
  if (inUse - baseline < growthMB * MB) return Math.min(baseline, inUse);
  collect();
  return bytesInUse(read);
}

/** Starts pacing in this thread; returns a stop function. Does nothing where gc is not exposed. */
export function startGcPacer(
  options: GcPacerOptions = DEFAULT_GC_PACING,
  collect: Collect | undefined = (globalThis as { gc?: Collect }).gc,
  read: ReadMemory = () => process.memoryUsage(),
): () => void {
  if (!collect) return () => {};
  let baseline = bytesInUse(read);
  const timer = setInterval(() => {
    baseline = paceOnce(baseline, options.growthMB, read, collect);
  }, options.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
