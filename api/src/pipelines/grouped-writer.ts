// Group commit for the detect path: writes submitted while one is in flight go together in the next, so under
// load one transaction carries many detections, while at low load each is written at once (no timer, no added
// latency). On a 2-core machine a transaction per detection cost as much CPU as the inference behind it.

interface Waiting<I, O> {
  input: I;
  resolve(output: O): void;
  reject(error: unknown): void;
}

export class GroupedWriter<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private writing = false;

  constructor(
    /** Writes all inputs or none; returns one output per input, in order. */
    private readonly writeMany: (inputs: I[]) => Promise<O[]>,
    private readonly maxGroup: number,
  ) {}

  write(input: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.writing || this.waiting.length === 0) return;
    this.writing = true;
    const group = this.waiting.splice(0, this.maxGroup);
    void this.writeGroup(group).finally(() => {
      this.writing = false;
      this.startNext();
    });
  }

  private async writeGroup(group: Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.writeMany(group.map((w) => w.input));
      group.forEach((w, i) => w.resolve(outputs[i]));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // One bad input must not fail the others: alone, each gets its own outcome.
      for (const w of group) await this.writeMany([w.input]).then(([output]) => w.resolve(output), w.reject);
    }
  }
}
