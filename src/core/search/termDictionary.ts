// Term ids by text. Besides whole strings, it looks up a word straight from the text it
// sits in (lower-casing ASCII on the fly), so indexing 100k abstracts does not cut out,
// lower-case and hash twenty million short strings only to find ids it already has.

const EMPTY_SLOT = -1;
const FIRST_CAPACITY = 1 << 12;

export class TermDictionary {
  private readonly texts: string[] = [];
  private readonly hashes: number[] = [];
  /** Open addressing: each slot holds a term id or EMPTY_SLOT; at most half are used. */
  private slots = new Int32Array(FIRST_CAPACITY).fill(EMPTY_SLOT);

  get size(): number {
    return this.texts.length;
  }

  text(id: number): string {
    return this.texts[id]!;
  }

  /** The id of a (lower-case) term, if it has one. */
  find(term: string): number | undefined {
    const id = this.slots[this.slotOf(term, 0, term.length, hashOf(term, 0, term.length))]!;
    return id === EMPTY_SLOT ? undefined : id;
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

  private insert(slot: number, term: string, hash: number): number {
    const id = this.texts.length;
    this.texts.push(term);
    this.hashes.push(hash);
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

/** A-Z as a-z, every other UTF-16 unit as it is. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** FNV-1a over the lower-cased units, as a non-negative integer. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ lowerAscii(text.charCodeAt(i)), 0x01000193);
  return hash >>> 0;
}

function sameText(term: string, text: string, start: number, end: number): boolean {
  if (term.length !== end - start) return false;
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) !== lowerAscii(text.charCodeAt(start + i))) return false;
  return true;
}
