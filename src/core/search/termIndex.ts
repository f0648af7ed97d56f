// An inverted index from terms to papers, and the look-up of the terms a typed word may
// mean: the word itself, words it begins, and words one or two typos away. It is what
// keeps a search from reading every paper on every keystroke.
import { boundedDistance } from './editDistance';
import type { TermTable } from './termDictionary';

/**
 * Where in a paper a term was found. "Head" fields are short and telling (a hit there
 * means more); the abstract is long and has postings of its own so that a one-letter
 * prefix need not walk it.
 */
export const HEAD_FIELDS = ['name', 'title', 'people', 'organization', 'extra'] as const;
export type HeadField = (typeof HEAD_FIELDS)[number];
export const HEAD_FIELD_BITS = 5;
/** An abstract that names a term again and again is about it: up to 7 occurrences count. */
export const BODY_COUNT_BITS = 3;

/** One paper's text: its short fields already split into index terms, its abstract as it is. */
export interface DocumentTerms {
  head: Record<HeadField, readonly string[]>;
  abstract: string;
}

/** The index's tables, as built (see termIndexBuild.ts) or read back from a saved index. */
export interface TermIndexParts {
  /** Term ids and texts. */
  dictionary: TermTable;
  sorted: Int32Array;
  headStart: Int32Array;
  headData: Int32Array;
  bodyStart: Int32Array;
  bodyData: Int32Array;
  docHeadData: Int32Array;
  docHeadEnd: Int32Array;
}

export interface TermMatch {
  term: number;
  /** 1 for the word itself, less for a longer word it begins or a typo. */
  quality: number;
  /** Only the head fields: a one- or two-letter prefix of an abstract word means nothing. */
  headOnly: boolean;
  /** A whole word a typo or two away: a misspelled name may be one. */
  typo: boolean;
}

const MIN_PREFIX_LENGTH_FOR_ABSTRACT = 3;
const MIN_FUZZY_LENGTH = 4;
const TWO_TYPOS_LENGTH = 8;
/**
 * By number of typos. A typo counts for less than the abstract's weight of an exact hit
 * (0.4 x 1), so a word spelled right in an abstract beats its near-miss in a title.
 */
const FUZZY_QUALITY = [1, 0.4, 0.3];
const FUZZY_PREFIX_QUALITY = 0.35;
/** Terms longer than this share the typo scan's last length bucket. */
const MAX_BUCKET_LENGTH = 40;
const EMPTY = new Int32Array(0);

export class TermIndex {
  private readonly dictionary: TermTable;
  /** Term ids in alphabetical order, for prefix ranges and typo scans. */
  private readonly sorted: Int32Array;
  /** Head postings of term t: `headData[headStart[t] .. headStart[t+1])`, each `doc << HEAD_FIELD_BITS | fieldMask`. */
  private readonly headStart: Int32Array;
  private readonly headData: Int32Array;
  /** Abstract postings: `doc << BODY_COUNT_BITS | min(occurrences, 7)`. */
  private readonly bodyStart: Int32Array;
  private readonly bodyData: Int32Array;
  /** Document d's head terms: `docHeadData[docHeadEnd[d-1] .. docHeadEnd[d])`, each `term << HEAD_FIELD_BITS | fieldMask`. */
  private readonly docHeadData: Int32Array;
  private readonly docHeadEnd: Int32Array;
  /** Term ids by first character and length, for the typo scan. */
  private readonly buckets: Map<number, Int32Array>;

  readonly documentCount: number;

  /** From parts built by `buildTermIndex` or read back from a saved index. */
  constructor(private readonly parts: TermIndexParts) {
    this.dictionary = parts.dictionary;
    this.sorted = parts.sorted;
    this.headStart = parts.headStart;
    this.headData = parts.headData;
    this.bodyStart = parts.bodyStart;
    this.bodyData = parts.bodyData;
    this.docHeadData = parts.docHeadData;
    this.docHeadEnd = parts.docHeadEnd;
    this.documentCount = parts.docHeadEnd.length;
    // The typo scan's buckets take little time to group, so a saved index leaves them out.
    this.buckets = typoBuckets(this.dictionary, this.sorted);
  }

  /** The tables, for saving. */
  toParts(): TermIndexParts {
    return this.parts;
  }

  get termCount(): number {
    return this.dictionary.size;
  }

  /** The term written exactly so, if any paper has it. */
  termOf(word: string): number | undefined {
    return this.dictionary.find(word);
  }

  termText(term: number): string {
    return this.dictionary.text(term);
  }

  /** Head postings of a term: `doc << HEAD_FIELD_BITS | fieldMask`. */
  headPostings(term: number): Int32Array {
    return this.headData.subarray(this.headStart[term]!, this.headStart[term + 1]!);
  }

  /** A document's head terms: `term << HEAD_FIELD_BITS | fieldMask`. */
  headTermsOf(doc: number): Int32Array {
    return this.docHeadData.subarray(doc ? this.docHeadEnd[doc - 1]! : 0, this.docHeadEnd[doc]!);
  }

  /** Whether a document has one of the terms in a head field: a few dozen terms to read. */
  hasHeadTerm(doc: number, terms: ReadonlySet<number>, field: HeadField): boolean {
    const bit = 1 << HEAD_FIELDS.indexOf(field);
    const { docHeadData, docHeadEnd } = this;
    for (let i = doc ? docHeadEnd[doc - 1]! : 0, end = docHeadEnd[doc]!; i < end; i++) {
      const packed = docHeadData[i]!;
      if ((packed & bit) !== 0 && terms.has(packed >>> HEAD_FIELD_BITS)) return true;
    }
    return false;
  }

  /** Documents whose abstract has the term: `doc << BODY_COUNT_BITS | occurrences`. */
  bodyPostings(term: number): Int32Array {
    return this.bodyData.subarray(this.bodyStart[term]!, this.bodyStart[term + 1]!);
  }

  /** How many postings a match list walks: the cost of using it. */
  cost(matches: readonly TermMatch[]): number {
    let total = 0;
    for (const match of matches) {
      total += this.headStart[match.term + 1]! - this.headStart[match.term]!;
      if (!match.headOnly) total += this.bodyStart[match.term + 1]! - this.bodyStart[match.term]!;
    }
    return total;
  }

  /**
   * The terms a typed word may stand for. `asPrefix` when the word may be unfinished
   * (the one being typed) or may begin a longer word; typos are forgiven from four letters
   * (one) and eight (two), never more than `maxTypos`.
   */
  lookup(word: string, asPrefix: boolean, maxTypos = 2): TermMatch[] {
    const matches: TermMatch[] = [];
    const exact = this.dictionary.find(word);
    if (exact !== undefined) matches.push({ term: exact, quality: 1, headOnly: false, typo: false });
    if (asPrefix) {
      const headOnly = word.length < MIN_PREFIX_LENGTH_FOR_ABSTRACT;
      const [from, to] = this.prefixRange(word);
      for (let i = from; i < to; i++) {
        const term = this.sorted[i]!;
        if (term === exact) continue;
        const quality = 0.6 + (0.35 * word.length) / this.dictionary.length(term);
        matches.push({ term, quality, headOnly, typo: false });
      }
    }
    if (word.length >= MIN_FUZZY_LENGTH && maxTypos > 0) this.addTypos(word, asPrefix, Math.min(maxTypos, word.length >= TWO_TYPOS_LENGTH ? 2 : 1), matches);
    return matches;
  }

  private addTypos(word: string, asPrefix: boolean, maxTypos: number, matches: TermMatch[]): void {
    const first = word.charCodeAt(0);
    // Typos in a word's first letter are rare; starting from it, and from terms of about
    // the word's length, keeps the scan to a few hundred terms.
    for (let length = word.length - maxTypos; length <= word.length + maxTypos; length++) {
      for (const term of this.bucket(first, length)) {
        const text = this.dictionary.text(term);
        if (text.startsWith(word)) continue;
        const distance = boundedDistance(word, text, maxTypos);
        if (distance > 0 && distance <= maxTypos) matches.push({ term, quality: FUZZY_QUALITY[distance]!, headOnly: false, typo: true });
      }
    }
    if (!asPrefix || matches.length) return;
    // An unfinished word with a typo in it ("stratife" for "stratified"): only when
    // nothing else matched, as it means reading every longer term of that letter.
    for (let length = word.length + 1; length <= MAX_BUCKET_LENGTH; length++) {
      for (const term of this.bucket(first, length)) {
        const text = this.dictionary.text(term);
        for (let end = word.length - 1; end <= word.length + 1; end++) {
          if (boundedDistance(word, text, 1, end) <= 1) {
            matches.push({ term, quality: FUZZY_PREFIX_QUALITY, headOnly: false, typo: false });
            break;
          }
        }
      }
    }
  }

  /** Terms with this first character and length (the last bucket holds all longer ones). */
  private bucket(first: number, length: number): Int32Array {
    if (length < 1) return EMPTY;
    return this.buckets.get(bucketKey(first, length)) ?? EMPTY;
  }

  /** Positions in `sorted` of the terms that begin with `prefix`. */
  private prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    const to = this.lowerBound(`${prefix}\uffff`);
    return [from, to];
  }

  private lowerBound(text: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.dictionary.text(this.sorted[mid]!) < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function bucketKey(first: number, length: number): number {
  return first * (MAX_BUCKET_LENGTH + 1) + Math.min(length, MAX_BUCKET_LENGTH);
}

/** Term ids grouped by first character and length, each group in alphabetical order, all in one array. */
function typoBuckets(dictionary: TermTable, sorted: Int32Array): Map<number, Int32Array> {
  const keys = new Int32Array(sorted.length);
  const counts = new Map<number, number>();
  for (let i = 0; i < sorted.length; i++) {
    const term = sorted[i]!;
    const key = bucketKey(dictionary.firstCode(term), dictionary.length(term));
    keys[i] = key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const grouped = new Int32Array(sorted.length);
  const buckets = new Map<number, Int32Array>();
  const fill = new Map<number, number>();
  let at = 0;
  for (const [key, count] of counts) {
    buckets.set(key, grouped.subarray(at, at + count));
    fill.set(key, at);
    at += count;
  }
  for (let i = 0; i < sorted.length; i++) {
    const next = fill.get(keys[i]!)!;
    grouped[next] = sorted[i]!;
    fill.set(keys[i]!, next + 1);
  }
  return buckets;
}
