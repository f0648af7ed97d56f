// Term ids by text, while an index is built; then frozen into a table for look-ups.
// Besides whole strings, the dictionary looks up a word straight from the text it sits in
// (lower-casing ASCII on the fly), so indexing 100k abstracts does not cut out,
// lower-case and hash twenty million short strings only to find ids it already has.
import { inChunks, runToEnd, type Steps } from '../util/steps';

const EMPTY_SLOT = -1;
const FIRST_CAPACITY = 1 << 12;
/** Every this many terms of a restored table are looked up to check its slots. */
const RESTORE_CHECK_STRIDE = 16;
/** Terms handled between two pauses while freezing: a few milliseconds' work. */
const TERMS_PER_STEP = 65536;

export class TermDictionary {
  private readonly texts: string[] = [];
  /** Each term's hash, kept so that growing the slots rehashes numbers, not a million strings. */
  private hashes = new Int32Array(FIRST_CAPACITY / 2);
  /** Open addressing: each slot holds a term id or EMPTY_SLOT; at most half are used. */
  private slots = new Int32Array(FIRST_CAPACITY).fill(EMPTY_SLOT);

  get size(): number {
    return this.texts.length;
  }

  text(id: number): string {
    return this.texts[id]!;
  }

  /** The id of a (lower-case) term, given one if new. */
  add(term: string): number {
    const hash = hashOf(term, 0, term.length);
    const slot = this.slotOf(term, 0, term.length, hash);
    const found = this.slots[slot]!;
    return found === EMPTY_SLOT ? this.insert(slot, term, hash) : found;
  }

  /** The id of `text.slice(start, end)` lower-cased, where the slice holds only ASCII letters and digits. */
  addAsciiWord(text: string, start: number, end: number): number {
    const hash = hashOf(text, start, end);
    const slot = this.slotOf(text, start, end, hash);
    const found = this.slots[slot]!;
    return found === EMPTY_SLOT ? this.insert(slot, text.slice(start, end).toLowerCase(), hash) : found;
  }

  /**
   * The terms as a table for look-ups; the dictionary is not to be added to afterwards.
   * With `order` (ids in the order wanted), term `order[i]` becomes id `i` in the table.
   */
  freeze(order?: Int32Array): TermTable {
    return runToEnd(this.freezeInSteps(order));
  }

  /** `freeze` in steps: at 100k papers the table holds millions of terms, a third of a second of work in one piece. */
  *freezeInSteps(order?: Int32Array): Steps<TermTable> {
    const size = this.texts.length;
    const texts = order ? new Array<string>(size) : this.texts;
    if (order) yield* inChunks(size, TERMS_PER_STEP, (from, to) => {
      for (let i = from; i < to; i++) texts[i] = this.texts[order[i]!]!;
    });
    const starts = new Int32Array(size + 1);
    const pieces: string[] = [];
    yield* inChunks(size, TERMS_PER_STEP, (from, to) => {
      for (let id = from; id < to; id++) starts[id + 1] = starts[id]! + texts[id]!.length;
      pieces.push(texts.slice(from, to).join(''));
    });
    let slots = this.slots;
    if (order) {
      const newId = new Int32Array(order.length);
      yield* inChunks(size, TERMS_PER_STEP, (from, to) => {
        for (let i = from; i < to; i++) newId[order[i]!] = i;
      });
      const old = this.slots;
      slots = new Int32Array(old.length);
      yield* inChunks(old.length, 4 * TERMS_PER_STEP, (from, to) => {
        for (let slot = from; slot < to; slot++) slots[slot] = old[slot] === EMPTY_SLOT ? EMPTY_SLOT : newId[old[slot]!]!;
      });
    }
    return new TermTable(pieces.join(''), starts, slots);
  }

  private insert(slot: number, term: string, hash: number): number {
    const id = this.texts.length;
    this.texts.push(term);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id;
    if (this.texts.length * 2 > this.slots.length) this.grow();
    return id;
  }

  /** The slot holding this text's id, or the empty slot where it would go. */
  private slotOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY_SLOT || sameText(this.texts[id]!, text, start, end)) return slot;
    }
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY_SLOT);
    const mask = slots.length - 1;
    for (let id = 0; id < this.texts.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/**
 * Terms by id, all in one text, looked up through the dictionary's slots: one string
 * instead of hundreds of thousands, so a saved table loads as a single decode.
 */
export class TermTable {
  /** Term `id` is `all.slice(starts[id], starts[id + 1])`; `slots` as in TermDictionary. */
  constructor(
    readonly all: string,
    readonly starts: Int32Array,
    readonly slots: Int32Array,
  ) {}

  /**
   * A saved table, or undefined unless its parts fit: starts rising through the text,
   * each id in one slot of a table at most half full, and a sample of terms found.
   */
  static restore(all: string, starts: Int32Array, slots: Int32Array): TermTable | undefined {
    const size = starts.length - 1;
    if (size < 0 || starts[0] !== 0 || starts[size] !== all.length) return undefined;
    for (let id = 0; id < size; id++) if (starts[id + 1]! < starts[id]!) return undefined;
    if (slots.length < FIRST_CAPACITY || slots.length & (slots.length - 1) || size * 2 > slots.length) return undefined;
    const placed = new Uint8Array(size);
    for (const id of slots) {
      if (id === EMPTY_SLOT) continue;
      if (id < 0 || id >= size || placed[id]) return undefined;
      placed[id] = 1;
    }
    if (!placed.every((seen) => seen === 1)) return undefined;
    const table = new TermTable(all, starts, slots);
    for (let id = 0; id < size; id += RESTORE_CHECK_STRIDE) if (table.find(table.text(id)) !== id) return undefined;
    return table;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  text(id: number): string {
    return this.all.slice(this.starts[id], this.starts[id + 1]);
  }

  length(id: number): number {
    return this.starts[id + 1]! - this.starts[id]!;
  }

  firstCode(id: number): number {
    return this.all.charCodeAt(this.starts[id]!);
  }

  /** Whether the terms are in strictly rising order of their UTF-16 units, as string comparison orders them. */
  isAscending(): boolean {
    const { all, starts } = this;
    for (let id = 0; id + 2 < starts.length; id++) {
      const a = starts[id]!;
      const b = starts[id + 1]!;
      const aLength = b - a;
      const bLength = starts[id + 2]! - b;
      let i = 0;
      while (i < aLength && i < bLength && all.charCodeAt(a + i) === all.charCodeAt(b + i)) i++;
      if (i < aLength && (i === bLength || all.charCodeAt(a + i) > all.charCodeAt(b + i))) return false;
      if (i === aLength && aLength === bLength) return false;
    }
    return true;
  }

  /** The id of a (lower-case) term, if it has one. */
  find(term: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(term, 0, term.length) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY_SLOT) return undefined;
      if (this.length(id) === term.length && this.all.startsWith(term, this.starts[id])) return id;
    }
  }
}

/** A-Z as a-z, every other UTF-16 unit as it is. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** FNV-1a over the lower-cased units, as a non-negative integer. */
export function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ lowerAscii(text.charCodeAt(i)), 0x01000193);
  return hash >>> 0;
}

function sameText(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false;
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) !== lowerAscii(text.charCodeAt(start + i))) return false;
  return true;
}
