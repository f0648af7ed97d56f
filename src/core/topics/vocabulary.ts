// Words and phrases as small integers. A library of 10,000 abstracts has millions of
// phrase occurrences; building a string for each would take seconds, so a phrase is an id
// made from (the id of its first words, its last word) in an open-addressing table, and
// its text is only spelled out for the few phrases that become topics.
import { LEXICON } from './lexicon';
import { LY_NOUNS, NO_END, NO_SINGLE, NO_START, STOP } from './words';

/** Ends a run of words (punctuation, a stop word). */
const BREAK = -1;
/** Ignored ("s" after an apostrophe). */
const SKIP = -2;

const NOT_FIRST = 1;
const NOT_LAST = 2;
const ALONE = 4;

const MAX_PHRASE_WORDS = 4;

/** Lower-case acronym (singular) -> its long form. */
export type Acronyms = ReadonlyMap<string, string>;

const KEEP_S = new Set('bias atlas canvas alias gas lens news chaos cosmos series species diabetes herpes rabies means corpus status virus consensus thesis analysis basis hypothesis synthesis diagnosis genesis prognosis axis'.split(' '));
const PLURAL_ICS = new Set('metrics topics heuristics characteristics clinics tactics critics mosaics'.split(' '));

/** "queries" -> "query", "agents" -> "agent"; "process", "analysis" and "robotics" stay. */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || KEEP_S.has(word)) return word;
  if (word.endsWith('ics')) return PLURAL_ICS.has(word) ? word.slice(0, -1) : word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us|is)$/.test(word)) return word;
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
  return word.length >= 3 && !NO_SINGLE.has(word) && !/(?:al|ive|able|ible|ous|ful|less|ary|ed|ic|ware)$/.test(word);
}

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
  private readonly wordFlags: number[] = [];
  /** Word id -> the id of the one-word phrase, or -1 until first seen: no hashing for most lookups. */
  private readonly unigrams: number[] = [];
  // Raw words as written -> their code(s): a word id, BREAK, SKIP, or an acronym's long
  // form. Looked up by two independent 32-bit hashes of the characters and the length
  // (a false match among a library's words is about as likely as one in 10^9), so a
  // known word is never sliced out of the text or compared character by character.
  private rawSlots = new Int32Array(1 << 14).fill(-1);
  private readonly rawHashes: number[] = [];
  private readonly rawChecks: number[] = [];
  private readonly rawLengths: number[] = [];
  private readonly rawCodes: (number | number[])[] = [];

  // Phrase table: key (prefix phrase id + 1, or 0; last word id) -> phrase id.
  private keysA = new Int32Array(1 << 16);
  private keysB = new Int32Array(1 << 16);
  private slots = new Int32Array(1 << 16).fill(-1);
  private readonly prefix: number[] = [];
  private readonly last: number[] = [];
  private readonly lengths: number[] = [];
  private readonly texts: (string | undefined)[] = [];

  constructor(private readonly acronyms: Acronyms) {}

  get phraseCount(): number {
    return this.lengths.length;
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
    let text = this.texts[phrase];
    if (text === undefined) {
      const before = this.prefix[phrase]!;
      const word = this.words[this.last[phrase]!]!;
      text = before < 0 ? word : `${this.text(before)} ${word}`;
      this.texts[phrase] = text;
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
   * Appends the codes of an ASCII text to `out`: word ids, with BREAK where a phrase
   * cannot continue (punctuation, digits, stop words, after an acronym's long form).
   */
  encode(text: string, out: number[]): void {
    let start = -1;
    let hash = 0;
    let check = 0;
    const length = text.length;
    for (let i = 0; i <= length; i++) {
      const c = i < length ? text.charCodeAt(i) : 32;
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
          check = 7;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
        check = (Math.imul(check, 31) + c) | 0;
        continue;
      }
      if (start >= 0) {
        this.pushCode(this.rawCode(text, start, i, hash, check), out);
        start = -1;
      }
      // Spaces, hyphens and apostrophes join words; anything else ends the run.
      if (c !== 32 && c !== 45 && c !== 39 && c !== 10 && c !== 13 && c !== 9 && c !== 0x2019 && out[out.length - 1] !== BREAK) out.push(BREAK);
    }
    if (out.length && out[out.length - 1] !== BREAK) out.push(BREAK);
  }

  /** Calls `visit` with the id of every candidate phrase in the codes (repeats included). */
  eachPhrase(codes: readonly number[], visit: (phrase: number) => void): void {
    const flags = this.wordFlags;
    for (let i = 0; i < codes.length; i++) {
      const first = codes[i]!;
      if (first < 0 || flags[first]! & NOT_FIRST) continue;
      let id = this.unigrams[first]!;
      if (id < 0) id = this.unigrams[first] = this.lookup(0, first, true);
      if (flags[first]! & ALONE) visit(id);
      for (let n = 1; n < MAX_PHRASE_WORDS; n++) {
        const word = codes[i + n];
        if (word === undefined || word < 0) break;
        id = this.lookup(id + 1, word, true);
        if (!(flags[word]! & NOT_LAST)) visit(id);
      }
    }
  }

  private rawCode(text: string, start: number, end: number, hash: number, check: number): number | number[] {
    const mask = this.rawSlots.length - 1;
    const length = end - start;
    for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const id = this.rawSlots[slot]!;
      if (id < 0) {
        const code = this.codeOf(text.slice(start, end));
        this.rawSlots[slot] = this.rawCodes.length;
        this.rawHashes.push(hash);
        this.rawChecks.push(check);
        this.rawLengths.push(length);
        this.rawCodes.push(code);
        if (this.rawCodes.length * 2 > this.rawSlots.length) this.growRaw();
        return code;
      }
      if (this.rawHashes[id] === hash && this.rawChecks[id] === check && this.rawLengths[id] === length) return this.rawCodes[id]!;
    }
  }

  private growRaw(): void {
    const size = this.rawSlots.length * 2;
    const mask = size - 1;
    this.rawSlots = new Int32Array(size).fill(-1);
    this.rawHashes.forEach((hash, id) => {
      let slot = (hash ^ (hash >>> 15)) & mask;
      while (this.rawSlots[slot]! >= 0) slot = (slot + 1) & mask;
      this.rawSlots[slot] = id;
    });
  }

  private pushCode(code: number | number[], out: number[]): void {
    if (typeof code === 'number') {
      if (code === SKIP) return;
      if (code !== BREAK || out[out.length - 1] !== BREAK) out.push(code);
    } else {
      for (const part of code) if (part !== BREAK || out[out.length - 1] !== BREAK) out.push(part);
    }
  }

  private codeOf(raw: string): number | number[] {
    if (isAcronymShaped(raw)) {
      const long = this.acronyms.get(acronymKey(raw));
      if (long) {
        // The long form ends a phrase: "offline RL" is a phrase, but "LLM reasoning" would make "model reasoning".
        const parts: number[] = [];
        for (const word of long.split(/[\s-]+/)) {
          const code = this.plainCode(word);
          if (code !== SKIP) parts.push(code);
        }
        parts.push(BREAK);
        return parts;
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
      this.wordFlags.push((NO_START.has(word) ? NOT_FIRST : 0) | (NO_END.has(word) ? NOT_LAST : 0) | (canStandAlone(word) ? ALONE : 0));
      this.unigrams.push(-1);
    }
    return id;
  }

  private lookup(a: number, b: number, add: boolean): number {
    const mask = this.slots.length - 1;
    let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) & mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0) break;
      if (this.keysA[slot] === a && this.keysB[slot] === b) return id;
      slot = (slot + 1) & mask;
    }
    if (!add) return -1;
    const id = this.lengths.length;
    this.slots[slot] = id;
    this.keysA[slot] = a;
    this.keysB[slot] = b;
    this.prefix.push(a - 1);
    this.last.push(b);
    this.lengths.push(a === 0 ? 1 : this.lengths[a - 1]! + 1);
    this.texts.push(undefined);
    if (this.lengths.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const oldA = this.keysA;
    const oldB = this.keysB;
    const oldSlots = this.slots;
    const size = oldSlots.length * 2;
    this.keysA = new Int32Array(size);
    this.keysB = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const id = oldSlots[i]!;
      if (id < 0) continue;
      let slot = (Math.imul(oldA[i]!, 0x9e3779b1) ^ Math.imul(oldB[i]! + 1, 0x85ebca77)) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
      this.keysA[slot] = oldA[i]!;
      this.keysB[slot] = oldB[i]!;
    }
  }
}
