// Closed-loop load: `concurrency` clients, each sending its next request as soon as the previous one is
// answered (or, after OVERLOADED, once the server's retryAfterMs has passed, as a well-behaved app would).
import { setTimeout as sleep } from 'node:timers/promises';

/** What the loop needs of an answer (GraphQLReply has it; so can an in-process call). */
export interface Reply {
  /** undefined: success. */
  errorCode: string | undefined;
  retryAfterMs?: number;
}

export interface LoadOptions {
  concurrency: number;
  /** Measured time; requests started earlier (warm-up) or still running at the end are not counted. */
  seconds: number;
  warmUpSeconds: number;
  /** Sends request number `n` of client `client`. */
  send(client: number, n: number): Promise<Reply>;
}

export interface Sample {
  ms: number;
  /** undefined: success. */
  errorCode: string | undefined;
}

export interface LoadResult {
  seconds: number;
  samples: Sample[];
}

/** Longest pause a client takes after OVERLOADED, whatever the server suggests. */
const MAX_BACKOFF_MS = 1000;

export async function runClosedLoop({
  concurrency,
  seconds,
  warmUpSeconds,
  send,
}: LoadOptions): Promise<LoadResult> {
  const measureFrom = performance.now() + warmUpSeconds * 1000;
  const measureUntil = measureFrom + seconds * 1000;
  const samples: Sample[] = [];
  const client = async (id: number) => {
    for (let n = 0; performance.now() < measureUntil; n++) {
      const startedAt = performance.now();
      const reply = await send(id, n);
      const finishedAt = performance.now();
      if (startedAt >= measureFrom && finishedAt <= measureUntil) {
        samples.push({ ms: finishedAt - startedAt, errorCode: reply.errorCode });
      }
      if (reply.errorCode === 'OVERLOADED') {
        await sleep(
          Math.max(0, Math.min(MAX_BACKOFF_MS, reply.retryAfterMs ?? 0, measureUntil - performance.now())),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => client(id)));
  return { seconds, samples };
}
