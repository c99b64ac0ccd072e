// Memory for decoded uploads, bounded: a 40 KB PNG can hold 40 megapixels, 120 MB once decoded, and a flood
// of them decoded side by side held the server at 1.3 GB. Each decode reserves its pixels' bytes first and
// waits (first come, first served) while the decodes in progress leave too little of the budget.

export interface DecodeBudgetSnapshot {
  budgetMB: number;
  inUseMB: number;
  waiting: number;
}

/** Thrown for an image that alone needs more than the whole budget: it can never be decoded here. */
export class DecodeBudgetExceeded extends Error {
  constructor(
    readonly neededMB: number,
    readonly budgetMB: number,
  ) {
    super(
      `Decoding this image needs ${neededMB.toFixed(0)} MB, more than the decode budget of ${budgetMB} MB.`,
    );
    this.name = 'DecodeBudgetExceeded';
  }
}

export class DecodeBudget {
  private inUseMB = 0;
  private readonly waiting: { mb: number; grant(): void }[] = [];

  constructor(readonly budgetMB: number) {}

  /** Resolves with the release function once `mb` fits beside the decodes in progress. */
  async acquire(mb: number): Promise<() => void> {
    if (mb > this.budgetMB) throw new DecodeBudgetExceeded(mb, this.budgetMB);
    if (this.waiting.length > 0 || this.inUseMB + mb > this.budgetMB) {
      await new Promise<void>((grant) => this.waiting.push({ mb, grant }));
    } else {
      this.inUseMB += mb;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUseMB -= mb;
      this.grantWaiting();
    };
  }

  snapshot(): DecodeBudgetSnapshot {
    return { budgetMB: this.budgetMB, inUseMB: this.inUseMB, waiting: this.waiting.length };
  }

  private grantWaiting(): void {
    while (this.waiting.length > 0 && this.inUseMB + this.waiting[0].mb <= this.budgetMB) {
      const next = this.waiting.shift()!;
      this.inUseMB += next.mb;
      next.grant();
    }
  }
}
