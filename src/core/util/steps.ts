// Long work written as a generator that yields wherever it may pause: run at once, or a
// slice at a time so that the thread it runs on (an editor's) stays responsive.

export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  return new SliceRunner(steps).finish();
}

/** Runs steps a slice at a time; `finish` runs whatever is left at once. */
export class SliceRunner<T> {
  private result?: { value: T };

  constructor(private readonly steps: Steps<T>) {}

  /** Runs for about `budgetMs` (at least one step); true once the work is done. */
  runFor(budgetMs: number): boolean {
    const end = Date.now() + budgetMs;
    while (!this.result) {
      const next = this.steps.next();
      if (next.done) this.result = { value: next.value };
      else if (Date.now() >= end) return false;
    }
    return true;
  }

  finish(): T {
    this.runFor(Infinity);
    return this.result!.value;
  }
}
