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

/** Items placed between pauses by `sortSteps`: a few milliseconds' work. */
const SORT_STEP = 4096;

/**
 * A stable sort as steps: runs of SORT_STEP items sorted at once, then merged pairwise a
 * step at a time. At 100k items one `Array.sort` holds a thread for half a second.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  let runs: T[][] = [];
  for (let at = 0; at < items.length; at += SORT_STEP) {
    runs.push(items.slice(at, at + SORT_STEP).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) merged.push(runs[i + 1] ? yield* mergeRuns(runs[i]!, runs[i + 1]!, compare) : runs[i]!);
    runs = merged;
  }
  return runs[0] ?? [];
}

/** Two sorted runs as one; on ties the first run's item comes first, which keeps the sort stable. */
function* mergeRuns<T>(a: readonly T[], b: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const out = new Array<T>(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    if (k % SORT_STEP === SORT_STEP - 1) yield;
    out[k] = j >= b.length || (i < a.length && compare(a[i]!, b[j]!) <= 0) ? a[i++]! : b[j++]!;
  }
  return out;
}
