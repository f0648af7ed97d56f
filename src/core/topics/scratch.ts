// Per-phrase working arrays, one set per index and reused by every topic and nested topic:
// allocating them afresh for each of a hundred topics in a large library is most of the
// garbage collector's work. Whoever uses them leaves them all zero again, and no two
// uses overlap (each finishes before the next begins).
import { IntList } from '../util/intList';
import type { PaperIndex } from './paperIndex';

export interface Scratch {
  counts: Int32Array;
  sums: Float64Array;
  squares: Float64Array;
  /** Phrases whose entries above are not zero: what to read, and to reset after. */
  touched: IntList;
}

const scratches = new WeakMap<PaperIndex, Scratch>();

export function scratchFor(index: PaperIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const size = index.table.count;
    scratch = { counts: new Int32Array(size), sums: new Float64Array(size), squares: new Float64Array(size), touched: new IntList() };
    scratches.set(index, scratch);
  }
  return scratch;
}
