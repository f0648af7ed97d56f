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

/** Runs `work(from, to)` over 0..count in chunks of `step`, pausing after each. A loop with a
 * `yield` inside runs about half as fast as a plain one (V8 keeps a generator's loop in
 * slower code), so the work of a chunk is a plain function and only the loop over chunks pauses. */
export function* inChunks(count: number, step: number, work: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < count; from += step) {
    work(from, Math.min(count, from + step));
    yield;
  }
}

/** Items placed between pauses by `sortSteps`: a few milliseconds' work. */
const SORT_STEP = 4096;

/**
 * A stable sort as steps: runs of SORT_STEP items sorted at once, then merged pairwise,
 * SORT_STEP items at a time in plain code. At 100k items one `Array.sort` holds a thread
 * for half a second.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  let runs: T[][] = [];
  for (let at = 0; at < items.length; at += SORT_STEP) {
    runs.push(items.slice(at, at + SORT_STEP).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const a = runs[i]!;
      const b = runs[i + 1];
      if (!b) {
        merged.push(a);
        continue;
      }
      const out = new Array<T>(a.length + b.length);
      // Read positions in a, b and out, kept between steps.
      const at = [0, 0, 0];
      while (at[2]! < out.length) {
        mergeSome(a, b, out, at, SORT_STEP, compare);
        yield;
      }
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}

/** Up to `count` more items of the merge of sorted runs a and b; on ties a's come first (stable). */
function mergeSome<T>(a: readonly T[], b: readonly T[], out: T[], at: number[], count: number, compare: (a: T, b: T) => number): void {
  let i = at[0]!;
  let j = at[1]!;
  let k = at[2]!;
  const end = Math.min(out.length, k + count);
  for (; k < end; k++) out[k] = j >= b.length || (i < a.length && compare(a[i]!, b[j]!) <= 0) ? a[i++]! : b[j++]!;
  at[0] = i;
  at[1] = j;
  at[2] = k;
}
