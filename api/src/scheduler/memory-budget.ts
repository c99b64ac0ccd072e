// Accounting for config scheduler.memoryBudgetMB: loaded sessions (least recently used first, for eviction)
// and the activation memory of batches in flight, from which each artifact's batch size follows.

export interface MemoryBudgetSnapshot {
  budgetMB: number;
  sessionsMB: number;
  /** Activation memory reserved by batches running now. */
  activationsMB: number;
}

export class MemoryBudget {
  // Map iteration order is insertion order; touch() re-inserts, so the first entry is the least recently used.
  private readonly sessions = new Map<string, number>();
  private readonly activations = new Set<{ mb: number }>();

  constructor(readonly budgetMB: number) {}

  /** Records (or updates) a loaded session's memory and marks it most recently used. */
  setSession(artifact: string, mb: number): void {
    this.sessions.delete(artifact);
    this.sessions.set(artifact, mb);
  }

  removeSession(artifact: string): void {
    this.sessions.delete(artifact);
  }

  touch(artifact: string): void {
    const mb = this.sessions.get(artifact);
    if (mb !== undefined) this.setSession(artifact, mb);
  }

  /** Loaded artifacts, least recently used first. */
  leastRecentlyUsed(): string[] {
    return [...this.sessions.keys()];
  }

  freeMB(): number {
    return this.budgetMB - this.sessionsMB() - this.activationsMB();
  }

  /**
   * The largest batch whose activations fit in what the loaded sessions and running batches leave:
   * floor(free / perImageMB). May be 0; the caller decides whether to run a single image anyway.
   */
  batchCapacity(perImageMB: number): number {
    if (perImageMB <= 0) return Number.POSITIVE_INFINITY;
    return Math.max(0, Math.floor(this.freeMB() / perImageMB));
  }

  /** Holds `mb` of activation memory for a running batch; call the returned function when it finishes. */
  reserveActivations(mb: number): () => void {
    const reservation = { mb };
    this.activations.add(reservation);
    return () => this.activations.delete(reservation);
  }

  snapshot(): MemoryBudgetSnapshot {
    return { budgetMB: this.budgetMB, sessionsMB: this.sessionsMB(), activationsMB: this.activationsMB() };
  }

  private sessionsMB(): number {
    let sum = 0;
    for (const mb of this.sessions.values()) sum += mb;
    return sum;
  }

  private activationsMB(): number {
    let sum = 0;
    for (const r of this.activations) sum += r.mb;
    return sum;
  }
}
