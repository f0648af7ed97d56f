// An inverted index from terms to papers, and the look-up of the terms a typed word may
// mean: the word itself, words it begins, and words one or two typos away. It is what
// keeps a search from reading every paper on every keystroke.
import { IntList } from '../intList';
import { boundedDistance } from './editDistance';
import { isStopWord, scanBodyTerms } from './normalize';
import { TermDictionary } from './termDictionary';

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
const MAX_BODY_COUNT = (1 << BODY_COUNT_BITS) - 1;

/** One paper's text: its short fields already split into index terms, its abstract as it is. */
export interface DocumentTerms {
  head: Record<HeadField, readonly string[]>;
  abstract: string;
}

export interface TermMatch {
  term: number;
  /** 1 for the word itself, less for a longer word it begins or a typo. */
  quality: number;
  /** Only the head fields: a one- or two-letter prefix of an abstract word means nothing. */
  headOnly: boolean;
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

/** Counts and scratch values the build keeps for each term, grown as terms appear. */
class PerTermArrays {
  readonly headCounts = new IntList();
  readonly bodyCounts = new IntList();
  readonly seenIn = new IntList();
  readonly scratch = new IntList();
  /** 1 for a stop word, which running text does not index. */
  readonly stopWord = new IntList();
  get length(): number {
    return this.seenIn.length;
  }
  add(term: string): void {
    this.headCounts.push(0);
    this.bodyCounts.push(0);
    this.seenIn.push(0);
    this.scratch.push(0);
    this.stopWord.push(isStopWord(term) ? 1 : 0);
  }
}

/** What the first pass over the documents gathers. */
interface DocumentsRead {
  /** Every document's head terms in turn, `term << HEAD_FIELD_BITS | fieldMask`; `headEnds[d]` ends document d's. */
  headTerms: IntList;
  headEnds: IntList;
  /** Every document's abstract terms in turn, `term << BODY_COUNT_BITS | occurrences`. */
  bodyTerms: IntList;
  bodyEnds: IntList;
  perTerm: PerTermArrays;
}

export class TermIndex {
  /** Term ids and texts. */
  private readonly dictionary = new TermDictionary();
  /** Term ids in alphabetical order, for prefix ranges and typo scans. */
  private sorted: Int32Array = new Int32Array(0);
  /** Head postings of term t: `headData[headStart[t] .. headStart[t+1])`, each `doc << HEAD_FIELD_BITS | fieldMask`. */
  private headStart: Int32Array = new Int32Array(1);
  private headData: Int32Array = new Int32Array(0);
  /** Abstract postings: `doc << BODY_COUNT_BITS | min(occurrences, 7)`. */
  private bodyStart: Int32Array = new Int32Array(1);
  private bodyData: Int32Array = new Int32Array(0);
  /** Document d's head terms: `docHeadData[docHeadEnd[d-1] .. docHeadEnd[d])`, each `term << HEAD_FIELD_BITS | fieldMask`. */
  private readonly docHeadData: Int32Array;
  private readonly docHeadEnd: Int32Array;
  /** Term ids by first character and length, for the typo scan. */
  private readonly buckets = new Map<number, Int32Array>();

  constructor(documents: Iterable<DocumentTerms>) {
    // Two passes keep memory flat: first each document's term ids, one after another in
    // one buffer, then the postings laid out term by term from the counts.
    const read = this.readDocuments(documents);
    this.documentCount = read.headEnds.length;
    // Kept as a forward index: each document's head terms, for checking a few candidates
    // against a short prefix without walking the prefix's long postings.
    this.docHeadData = read.headTerms.data.slice(0, read.headTerms.length);
    this.docHeadEnd = read.headEnds.data.slice(0, read.headEnds.length);
    this.layOutPostings(read);
    this.sortVocabulary();
  }

  private readDocuments(documents: Iterable<DocumentTerms>): DocumentsRead {
    const read: DocumentsRead = { headTerms: new IntList(), headEnds: new IntList(), bodyTerms: new IntList(), bodyEnds: new IntList(), perTerm: new PerTermArrays() };
    const { headTerms, bodyTerms, perTerm } = read;
    const fresh: number[] = [];
    let pass = 0;
    const bodyTerm = (id: number): void => {
      this.note(id, pass, perTerm, fresh);
      perTerm.scratch.data[id]!++;
    };
    const visitor = {
      asciiWord: (text: string, start: number, end: number, skippable: boolean): void => {
        const id = this.dictionary.addAsciiWord(text, start, end);
        if (id >= perTerm.length) perTerm.add(this.dictionary.text(id));
        if (!skippable || perTerm.stopWord.data[id] === 0) bodyTerm(id);
      },
      term: (term: string): void => bodyTerm(this.dictionary.add(term)),
    };
    for (const document of documents) {
      // "Seen in this pass" and a per-term scratch value (field bits, then occurrences),
      // indexed by term id instead of a map per document: this loop reads every word
      // of every abstract.
      pass++;
      fresh.length = 0;
      for (let bit = 0; bit < HEAD_FIELDS.length; bit++) {
        for (const term of document.head[HEAD_FIELDS[bit]!]) {
          const id = this.dictionary.add(term);
          this.note(id, pass, perTerm, fresh);
          perTerm.scratch.data[id]! |= 1 << bit;
        }
      }
      for (const id of fresh) {
        headTerms.push((id << HEAD_FIELD_BITS) | perTerm.scratch.data[id]!);
        perTerm.headCounts.data[id]!++;
      }
      read.headEnds.push(headTerms.length);
      pass++;
      fresh.length = 0;
      scanBodyTerms(document.abstract, visitor);
      for (const id of fresh) {
        bodyTerms.push((id << BODY_COUNT_BITS) | Math.min(perTerm.scratch.data[id]!, MAX_BODY_COUNT));
        perTerm.bodyCounts.data[id]!++;
      }
      read.bodyEnds.push(bodyTerms.length);
    }
    return read;
  }

  /** Turns documents' term lists into term-by-term postings, each list in document order. */
  private layOutPostings({ headTerms, headEnds, bodyTerms, bodyEnds, perTerm }: DocumentsRead): void {
    const termCount = this.dictionary.size;
    this.headStart = prefixSums(perTerm.headCounts.data, termCount);
    this.bodyStart = prefixSums(perTerm.bodyCounts.data, termCount);
    this.headData = new Int32Array(this.headStart[termCount]!);
    this.bodyData = new Int32Array(this.bodyStart[termCount]!);
    const headFill = this.headStart.slice(0, termCount);
    const bodyFill = this.bodyStart.slice(0, termCount);
    let head = 0;
    let body = 0;
    for (let doc = 0; doc < this.documentCount; doc++) {
      for (const end = headEnds.data[doc]!; head < end; head++) {
        const packed = headTerms.data[head]!;
        const mask = packed & ((1 << HEAD_FIELD_BITS) - 1);
        this.headData[headFill[packed >>> HEAD_FIELD_BITS]!++] = (doc << HEAD_FIELD_BITS) | mask;
      }
      for (const end = bodyEnds.data[doc]!; body < end; body++) {
        const packed = bodyTerms.data[body]!;
        this.bodyData[bodyFill[packed >>> BODY_COUNT_BITS]!++] = (doc << BODY_COUNT_BITS) | (packed & MAX_BODY_COUNT);
      }
    }
  }

  /** The alphabetical order for prefix ranges, and the buckets for the typo scan. */
  private sortVocabulary(): void {
    const order = Array.from({ length: this.dictionary.size }, (_, i) => i);
    order.sort((a, b) => (this.dictionary.text(a) < this.dictionary.text(b) ? -1 : 1));
    this.sorted = Int32Array.from(order);
    const groups = new Map<number, number[]>();
    for (const term of order) {
      const text = this.dictionary.text(term);
      const key = text.charCodeAt(0) * (MAX_BUCKET_LENGTH + 1) + Math.min(text.length, MAX_BUCKET_LENGTH);
      const group = groups.get(key);
      if (group) group.push(term);
      else groups.set(key, [term]);
    }
    for (const [key, group] of groups) this.buckets.set(key, Int32Array.from(group));
  }

  readonly documentCount: number;

  get termCount(): number {
    return this.dictionary.size;
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
    if (exact !== undefined) matches.push({ term: exact, quality: 1, headOnly: false });
    if (asPrefix) {
      const headOnly = word.length < MIN_PREFIX_LENGTH_FOR_ABSTRACT;
      const [from, to] = this.prefixRange(word);
      for (let i = from; i < to; i++) {
        const term = this.sorted[i]!;
        if (term === exact) continue;
        const quality = 0.6 + (0.35 * word.length) / this.dictionary.text(term).length;
        matches.push({ term, quality, headOnly });
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
        if (distance > 0 && distance <= maxTypos) matches.push({ term, quality: FUZZY_QUALITY[distance]!, headOnly: false });
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
            matches.push({ term, quality: FUZZY_PREFIX_QUALITY, headOnly: false });
            break;
          }
        }
      }
    }
  }

  /** Terms with this first character and length (the last bucket holds all longer ones). */
  private bucket(first: number, length: number): Int32Array {
    if (length < 1) return EMPTY;
    return this.buckets.get(first * (MAX_BUCKET_LENGTH + 1) + Math.min(length, MAX_BUCKET_LENGTH)) ?? EMPTY;
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

  /** Marks a term seen in this pass, listing it in `fresh` once; a new term gets its per-term slots. */
  private note(id: number, pass: number, perTerm: PerTermArrays, fresh: number[]): void {
    if (id >= perTerm.length) perTerm.add(this.dictionary.text(id));
    if (perTerm.seenIn.data[id] !== pass) {
      perTerm.seenIn.data[id] = pass;
      perTerm.scratch.data[id] = 0;
      fresh.push(id);
    }
  }
}

function prefixSums(counts: Int32Array, length: number): Int32Array {
  const starts = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) starts[i + 1] = starts[i]! + counts[i]!;
  return starts;
}
