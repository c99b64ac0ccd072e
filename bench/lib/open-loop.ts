// Open-loop load: requests arrive at a fixed rate whatever the server answers (as from many independent
// users), the load that shows whether a server overloaded beyond capacity still does useful work.
import type { Reply, Sample, LoadResult } from './closed-loop';

export interface OpenLoopOptions {
  /** Requests per second. */
  rate: number;
  seconds: number;
  warmUpSeconds: number;
  send(n: number): Promise<Reply>;
}

export async function runOpenLoop({
  rate,
  seconds,
  warmUpSeconds,
  send,
}: OpenLoopOptions): Promise<LoadResult> {
  const startedAt = performance.now();
  const measureFrom = startedAt + warmUpSeconds * 1000;
  const measureUntil = measureFrom + seconds * 1000;
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const intervalMs = 1000 / rate;
  for (let n = 0; ; n++) {
    const due = startedAt + n * intervalMs;
    if (due >= measureUntil) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    pending.push(
      send(n).then((reply) => {
        const finishedAt = performance.now();
        if (sentAt >= measureFrom && finishedAt <= measureUntil) {
          samples.push({ ms: finishedAt - sentAt, errorCode: reply.errorCode });
        }
      }),
    );
  }
  await Promise.all(pending);
  return { seconds, samples };
}
