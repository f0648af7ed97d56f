// Words and phrases as small integers. A library of 10,000 abstracts has millions of
// phrase occurrences; building a string for each would take seconds, so a phrase is an id
// made from (the id of its first words, its last word) in an open-addressing table, and
// its text is only spelled out for the few phrases that become topics.
import { toAscii } from '../util/text';
import { IntList } from '../util/intList';
import { LEXICON } from './lexicon';
import { LY_NOUNS, NO_END, NO_SINGLE, NO_START, STOP } from './words';

/** Ends a run of words (punctuation, a stop word). */
const BREAK = -1;
/** Ignored ("s" after an apostrophe). */
const SKIP = -2;
/** Codes below this stand for an acronym's long form: expansion number FIRST_EXPANSION - code. */
const FIRST_EXPANSION = -3;

const NOT_FIRST = 1;
const NOT_LAST = 2;
const ALONE = 4;

const MAX_PHRASE_WORDS = 4;
/** The most codes an acronym's long form takes, its final break included. */
const MAX_EXPANSION = 12;

/** Lower-case acronym (singular) -> its long form. */
export type Acronyms = ReadonlyMap<string, string>;

const KEEP_S = new Set('bias atlas canvas alias gas lens news chaos cosmos series species diabetes herpes rabies means corpus status virus consensus thesis analysis basis hypothesis synthesis diagnosis genesis prognosis axis'.split(' '));
const PLURAL_ICS = new Set('metrics topics heuristics characteristics clinics tactics critics mosaics'.split(' '));

/** "queries" -> "query", "agents" -> "agent"; "process", "analysis" and "robotics" stay. */
export function singular(word: string): string {
  // One spelling for British and American forms: "optimisation" is "optimization".
  if (word.endsWith('isation') || word.endsWith('isations')) word = word.replace(/isation(s?)$/, 'ization$1');
  if (word.length <= 3 || !word.endsWith('s') || KEEP_S.has(word)) return word;
  if (word.endsWith('ics')) return PLURAL_ICS.has(word) ? word.slice(0, -1) : word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses') || word.endsWith('shes') || word.endsWith('ches') || word.endsWith('xes')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
}

/** Single words the lexicon names a concept by ("multimodal", "memory") are always candidates. */
const LEXICON_WORDS = new Set(LEXICON.flatMap((c) => c.phrases).filter((p) => !p.includes(' ')));

/**
 * Whether one word may be a topic: not a vague noun ("context"), and not shaped like an
 * adjective or participle ("optimal", "adaptive", "aware", "optimized"), which name no subject.
 */
function canStandAlone(word: string): boolean {
  if (LEXICON_WORDS.has(word)) return true;
  return word.length >= 3 && !NO_SINGLE.has(word) && !ADJECTIVE_ENDINGS.some((ending) => word.endsWith(ending));
}

const ADJECTIVE_ENDINGS = ['al', 'ive', 'able', 'ible', 'ous', 'ful', 'less', 'ary', 'ed', 'ic', 'ware'];

/** Two or more capitals, at most ten letters: LLM, PRMs, CoT, dLLM. */
export function isAcronymShaped(word: string): boolean {
  if (word.length < 2 || word.length > 10) return false;
  let capitals = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
  }
  return capitals >= 2;
}

/** "PRMs" and "PRM" are the same acronym. */
export function acronymKey(word: string): string {
  const plural = word.length > 2 && word.endsWith('s') && /[A-Z]/.test(word[word.length - 2]!);
  return (plural ? word.slice(0, -1) : word).toLowerCase();
}

export class Vocabulary {
  private readonly words: string[] = [];
  private readonly wordIds = new Map<string, number>();
  private wordFlags = new Uint8Array(1 << 12);
  /** Word id -> the id of the one-word phrase, or -1 until first seen: no hashing for most lookups. */
  private unigrams = new Int32Array(1 << 12).fill(-1);
  // Raw words as written -> their code: a word id, BREAK, SKIP, or an acronym's long form
  // (see FIRST_EXPANSION). Looked up by two independent 32-bit hashes of the characters
  // and the length (a false match among a library's words is about as likely as one in
  // 10^9), so a known word is never sliced out of the text or compared character by
  // character. Open addressing, each slot four numbers side by side (hash, check, length,
  // code; length 0 when empty), so a probe reads one cache line.
  private rawTable = new Int32Array(4 << 14);
  private rawCount = 0;
  private readonly expansions: Int32Array[] = [];

  // Phrase table, open addressing: per slot (prefix phrase id + 1, or 0; last word id;
  // phrase id + 1, or 0 when empty), side by side so a probe reads one cache line.
  private slots: Int32Array;
  private capacity: number;
  private count = 0;
  private prefix: Int32Array;
  private last: Int32Array;
  private lengths: Uint8Array;
  private readonly texts = new Map<number, string>();

  /** @param expected How many phrases to make room for (the table grows past it if need be). */
  constructor(
    private readonly acronyms: Acronyms,
    expected = 1 << 15,
  ) {
    let capacity = 1 << 16;
    while (capacity < 2 * expected) capacity *= 2;
    this.capacity = capacity;
    this.slots = new Int32Array(3 * capacity);
    this.prefix = new Int32Array(capacity / 2);
    this.last = new Int32Array(capacity / 2);
    this.lengths = new Uint8Array(capacity / 2);
  }

  get phraseCount(): number {
    return this.count;
  }

  wordsIn(phrase: number): number {
    return this.lengths[phrase]!;
  }

  /** The phrase without its last word ("monte carlo tree" for "monte carlo tree search"), if it has more than one. */
  head(phrase: number): number | undefined {
    const before = this.prefix[phrase]!;
    return before < 0 ? undefined : before;
  }

  /** The phrase spelled out, normalised: "monte carlo tree search". */
  text(phrase: number): string {
    let text = this.texts.get(phrase);
    if (text === undefined) {
      const before = this.prefix[phrase]!;
      const word = this.words[this.last[phrase]!]!;
      text = before < 0 ? word : `${this.text(before)} ${word}`;
      this.texts.set(phrase, text);
    }
    return text;
  }

  /** The id of a normalised phrase ("tree search"), if any paper used it. */
  find(phrase: string): number | undefined {
    let id = -1;
    for (const word of phrase.split(' ')) {
      const w = this.wordIds.get(word);
      if (w === undefined) return undefined;
      id = this.lookup(id + 1, w, false);
      if (id < 0) return undefined;
    }
    return id < 0 ? undefined : id;
  }

  /** The id of a phrase given word by word, stop words included (a heading). */
  internWords(words: readonly string[]): number | undefined {
    let id = -1;
    for (const word of words) id = this.lookup(id + 1, this.wordId(word), true);
    return id < 0 ? undefined : id;
  }

  /**
   * Appends the codes of a text to `out`: word ids, with BREAK where a phrase cannot
   * continue (punctuation, digits, stop words, after an acronym's long form). Accents are
   * folded first, but only in the rare text that has any.
   */
  encode(text: string, out: IntList): void {
    const from = out.length;
    const length = text.length;
    // A character adds at most a few codes (a two-letter acronym and a space, its long
    // form): room made once, so the loop below writes without checking.
    out.reserve(4 * length + MAX_EXPANSION + 2);
    // Written straight into the list's array (this loop sees every character of the library).
    const data = out.data;
    let n = from;
    let broken = n === 0 || data[n - 1] === BREAK;
    let start = -1;
    let hash = 0;
    let check = 0;
    for (let i = 0; i <= length; i++) {
      const c = i < length ? text.charCodeAt(i) : 32;
      // A letter, either case: setting the 32 bit makes capitals small.
      if (((c | 32) - 97) >>> 0 < 26) {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
          check = 7;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
        check = (Math.imul(check, 31) + c) | 0;
        continue;
      }
      if (c > 127) {
        out.length = from;
        this.encode(toAscii(text), out);
        return;
      }
      if (start >= 0) {
        // Most words were seen before: found at their first slot here, without a call.
        const table = this.rawTable;
        const at = ((hash ^ (hash >>> 15)) & ((table.length >> 2) - 1)) << 2;
        const code = table[at] === hash && table[at + 1] === check && table[at + 2] === i - start ? table[at + 3]! : this.rawCode(text, start, i, hash, check);
        start = -1;
        if (code >= 0) {
          data[n++] = code;
          broken = false;
        } else if (code === BREAK) {
          if (!broken) data[n++] = BREAK;
          broken = true;
        } else if (code !== SKIP) {
          // An acronym's long form, which ends with a break.
          const parts = this.expansions[FIRST_EXPANSION - code]!;
          for (let k = 0; k < parts.length - 1; k++) data[n++] = parts[k]!;
          data[n++] = BREAK;
          broken = true;
        }
      }
      // Spaces, hyphens and apostrophes join words; anything else ends the run.
      if (!broken && c !== 32 && c !== 45 && c !== 39 && c !== 10 && c !== 13 && c !== 9) {
        data[n++] = BREAK;
        broken = true;
      }
    }
    if (!broken) data[n++] = BREAK;
    out.length = n;
  }

  /** Appends to `out` the id of every candidate phrase in the codes (repeats included). */
  phrasesIn(codes: IntList, out: IntList): void {
    const flags = this.wordFlags;
    const data = codes.data;
    const end = codes.length;
    for (let i = 0; i < end; i++) {
      const first = data[i]!;
      if (first < 0 || flags[first]! & NOT_FIRST) continue;
      let id = this.unigrams[first]!;
      if (id < 0) id = this.unigrams[first] = this.lookup(0, first, true);
      if (flags[first]! & ALONE) out.push(id);
      for (let n = 1; n < MAX_PHRASE_WORDS && i + n < end; n++) {
        const word = data[i + n]!;
        // A word said twice in a row ("model model") is two phrases that met, not one.
        if (word < 0 || word === data[i + n - 1]) break;
        id = this.lookup(id + 1, word, true);
        if (!(flags[word]! & NOT_LAST)) out.push(id);
      }
    }
  }

  private rawCode(text: string, start: number, end: number, hash: number, check: number): number {
    const length = end - start;
    for (;;) {
      const table = this.rawTable;
      const mask = (table.length >> 2) - 1;
      for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
        const at = slot << 2;
        if (table[at + 2] === 0) {
          if ((this.rawCount + 1) * 2 > mask + 1) break;
          const code = this.codeOf(text.slice(start, end));
          this.rawCount++;
          table[at] = hash;
          table[at + 1] = check;
          table[at + 2] = length;
          table[at + 3] = code;
          return code;
        }
        if (table[at] === hash && table[at + 1] === check && table[at + 2] === length) return table[at + 3]!;
      }
      this.growRaw();
    }
  }

  private growRaw(): void {
    const old = this.rawTable;
    const table = new Int32Array(old.length * 2);
    const mask = (table.length >> 2) - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 2] === 0) continue;
      const hash = old[at]!;
      let slot = (hash ^ (hash >>> 15)) & mask;
      while (table[(slot << 2) + 2] !== 0) slot = (slot + 1) & mask;
      const to = slot << 2;
      table[to] = hash;
      table[to + 1] = old[at + 1]!;
      table[to + 2] = old[at + 2]!;
      table[to + 3] = old[at + 3]!;
    }
    this.rawTable = table;
  }

  private codeOf(raw: string): number {
    if (isAcronymShaped(raw)) {
      const long = this.acronyms.get(acronymKey(raw));
      if (long) {
        // The long form ends a phrase: "offline RL" is a phrase, but "LLM reasoning" would make "model reasoning".
        const parts: number[] = [];
        for (const word of long.split(/[\s-]+/).slice(0, MAX_EXPANSION - 1)) {
          const code = this.plainCode(word);
          // Two breaks in a row say no more than one.
          if (code !== SKIP && (code !== BREAK || (parts.length && parts[parts.length - 1] !== BREAK))) parts.push(code);
        }
        if (parts[parts.length - 1] !== BREAK) parts.push(BREAK);
        this.expansions.push(Int32Array.from(parts));
        return FIRST_EXPANSION - (this.expansions.length - 1);
      }
    }
    return this.plainCode(raw);
  }

  private plainCode(raw: string): number {
    const lower = raw.toLowerCase();
    if (lower.length < 2) return lower === 's' || lower === 't' ? SKIP : BREAK;
    if (STOP.has(lower) || (lower.endsWith('ly') && !LY_NOUNS.has(lower))) return BREAK;
    return this.wordId(singular(lower));
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.wordIds.set(word, id);
      if (id === this.wordFlags.length) {
        const flags = new Uint8Array(id * 2);
        flags.set(this.wordFlags);
        this.wordFlags = flags;
        const unigrams = new Int32Array(id * 2).fill(-1);
        unigrams.set(this.unigrams);
        this.unigrams = unigrams;
      }
      this.wordFlags[id] = (NO_START.has(word) ? NOT_FIRST : 0) | (NO_END.has(word) ? NOT_LAST : 0) | (canStandAlone(word) ? ALONE : 0);
    }
    return id;
  }

  private lookup(a: number, b: number, add: boolean): number {
    const mask = this.capacity - 1;
    const slots = this.slots;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & mask;
    for (;;) {
      const at = slot * 3;
      const stored = slots[at + 2]!;
      if (stored === 0) break;
      if (slots[at] === a && slots[at + 1] === b) return stored - 1;
      slot = (slot + 1) & mask;
    }
    if (!add) return -1;
    const id = this.count++;
    const at = slot * 3;
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = id + 1;
    if (id === this.prefix.length) {
      this.prefix = grownInt(this.prefix);
      this.last = grownInt(this.last);
      const lengths = new Uint8Array(id * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.prefix[id] = a - 1;
    this.last[id] = b;
    this.lengths[id] = a === 0 ? 1 : this.lengths[a - 1]! + 1;
    if (this.count * 2 > this.capacity) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const size = this.capacity * 2;
    const mask = size - 1;
    const slots = new Int32Array(size * 3);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      const a = old[at]!;
      const b = old[at + 1]!;
      let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & mask;
      while (slots[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
      slots[slot * 3] = a;
      slots[slot * 3 + 1] = b;
      slots[slot * 3 + 2] = old[at + 2]!;
    }
    this.slots = slots;
    this.capacity = size;
  }
}

function grownInt(from: Int32Array): Int32Array<ArrayBuffer> {
  const to = new Int32Array(from.length * 2);
  to.set(from);
  return to;
}
