// Whether the database answers now, for readiness: a load balancer should stop sending traffic to a replica
// whose database is unreachable, and send it again as soon as it answers.

/** A probe that takes longer than this counts as unreachable (a cut network does not refuse, it stalls). */
const PING_TIMEOUT_MS = 1000;
/** Load balancers probe every few seconds; several probing at once share one query. */
const REUSE_MS = 500;

export class DatabaseHealth {
  private last: { at: number; reachable: Promise<boolean> } | undefined;

  constructor(private readonly ping: () => Promise<unknown>) {}

  reachable(): Promise<boolean> {
    const now = performance.now();
    if (!this.last || now - this.last.at >= REUSE_MS) this.last = { at: now, reachable: this.probe() };
    return this.last.reachable;
  }

  private async probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([
        this.ping().then(
          () => true,
          () => false,
        ),
        timedOut,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
