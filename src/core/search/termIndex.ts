// An inverted index from terms to papers, and the look-up of the terms a typed word may
// mean: the word itself, words it begins, and words one or two typos away. It is what
// keeps a search from reading every paper on every keystroke.
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
  /** Term ids and texts, the ids in alphabetical order of the texts. */
  dictionary: TermTable;
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

/**
 * The longer terms a typed word begins: terms are numbered alphabetically, so they are the
 * ids `from` to `to` (excluded), each of quality `prefixQuality(wordLength, its length)`.
 * A one-letter word begins tens of thousands of terms: a run, not a match each.
 */
export interface PrefixMatch {
  from: number;
  to: number;
  wordLength: number;
  /** As for a term match. */
  headOnly: boolean;
}

/** What a typed word may stand for: single terms (itself, typos) and runs of terms it begins. */
export interface WordMatches {
  terms: TermMatch[];
  prefixes: PrefixMatch[];
}

/** A longer word the typed one begins: the more of it typed, the better. */
export function prefixQuality(wordLength: number, termLength: number): number {
  return 0.6 + (0.35 * wordLength) / termLength;
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
/** Terms longer than this count as this long when typo matches are put in order. */
const MAX_ORDER_LENGTH = 40;
/** Runs of terms sharing a start this short are stepped over one by one, longer ones galloped. */
const NEAR_RUN = 8;

export class TermIndex {
  private readonly dictionary: TermTable;
  /** Head postings of term t: `headData[headStart[t] .. headStart[t+1])`, each `doc << HEAD_FIELD_BITS | fieldMask`. */
  readonly headStart: Int32Array;
  readonly headData: Int32Array;
  /** Abstract postings: `doc << BODY_COUNT_BITS | min(occurrences, 7)`. */
  readonly bodyStart: Int32Array;
  readonly bodyData: Int32Array;
  /** Document d's head terms: `docHeadData[docHeadEnd[d-1] .. docHeadEnd[d])`, each `term << HEAD_FIELD_BITS | fieldMask`. */
  private readonly docHeadData: Int32Array;
  private readonly docHeadEnd: Int32Array;

  /** The typo scan's table of distances, one column per letter of a term, grown as needed. */
  private columns = new Int32Array(1024);
  private columnMins = new Int32Array(64);

  readonly documentCount: number;

  /** From parts built by `buildTermIndex` or read back from a saved index; term ids are in alphabetical order. */
  constructor(private readonly parts: TermIndexParts) {
    this.dictionary = parts.dictionary;
    this.headStart = parts.headStart;
    this.headData = parts.headData;
    this.bodyStart = parts.bodyStart;
    this.bodyData = parts.bodyData;
    this.docHeadData = parts.docHeadData;
    this.docHeadEnd = parts.docHeadEnd;
    this.documentCount = parts.docHeadEnd.length;

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

  termLength(term: number): number {
    return this.dictionary.length(term);
  }

  /** Where each term's text starts in the terms' text (and the text's length at the end): term t is `termStarts[t+1] - termStarts[t]` long. */
  get termStarts(): Int32Array {
    return this.dictionary.starts;
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

  /** How many postings a word's matches walk: the cost of using them. */
  cost(terms: readonly TermMatch[], prefixes: readonly PrefixMatch[]): number {
    const { headStart, bodyStart } = this;
    let total = 0;
    for (const match of terms) {
      total += headStart[match.term + 1]! - headStart[match.term]!;
      if (!match.headOnly) total += bodyStart[match.term + 1]! - bodyStart[match.term]!;
    }
    for (const run of prefixes) {
      total += headStart[run.to]! - headStart[run.from]!;
      if (!run.headOnly) total += bodyStart[run.to]! - bodyStart[run.from]!;
    }
    return total;
  }

  /**
   * The terms a typed word may stand for. `asPrefix` when the word may be unfinished
   * (the one being typed) or may begin a longer word; typos are forgiven from four letters
   * (one) and eight (two), never more than `maxTypos`.
   */
  lookup(word: string, asPrefix: boolean, maxTypos = 2): WordMatches {
    const terms: TermMatch[] = [];
    const prefixes: PrefixMatch[] = [];
    const exact = this.dictionary.find(word);
    if (exact !== undefined) terms.push({ term: exact, quality: 1, headOnly: false, typo: false });
    if (asPrefix) {
      const [from, to] = this.prefixRange(word);
      // The word itself sorts first among the terms it begins.
      const first = exact === from ? from + 1 : from;
      if (first < to) prefixes.push({ from: first, to, wordLength: word.length, headOnly: word.length < MIN_PREFIX_LENGTH_FOR_ABSTRACT });
    }
    if (word.length >= MIN_FUZZY_LENGTH && maxTypos > 0) this.addTypos(word, asPrefix, Math.min(maxTypos, word.length >= TWO_TYPOS_LENGTH ? 2 : 1), terms, prefixes.length > 0);
    return { terms, prefixes };
  }

  private addTypos(word: string, asPrefix: boolean, maxTypos: number, matches: TermMatch[], begins: boolean): void {
    // Typos in a word's first letter are rare; starting from it keeps the walk below to
    // the terms of that letter, and of those to the few starts near the word.
    const [from, to] = this.prefixRange(word.charAt(0));
    const typos: TermMatch[] = [];
    this.walkTerms(word, from, to, maxTypos, false, (term, distance) => {
      if (distance > 0 && !this.begins(term, word)) typos.push({ term, quality: FUZZY_QUALITY[distance]!, headOnly: false, typo: true });
    });
    matches.push(...this.shortestFirst(typos));
    if (!asPrefix || matches.length || begins) return;
    // An unfinished word with a typo in it ("stratife" for "stratified"): only when
    // nothing else matched, as it means reading more of the longer terms of that letter.
    const unfinished: TermMatch[] = [];
    this.walkTerms(word, from, to, 1, true, (term) => {
      if (this.dictionary.length(term) > word.length) unfinished.push({ term, quality: FUZZY_PREFIX_QUALITY, headOnly: false, typo: false });
    });
    matches.push(...this.shortestFirst(unfinished));
  }

  /** Shorter terms first, then alphabetically: the order matches are listed in. */
  private shortestFirst(matches: TermMatch[]): TermMatch[] {
    const length = (term: number): number => Math.min(MAX_ORDER_LENGTH, this.dictionary.length(term));
    return matches.sort((a, b) => length(a.term) - length(b.term) || a.term - b.term);
  }

  /** Whether the term begins with the word. */
  private begins(term: number, word: string): boolean {
    return this.dictionary.length(term) >= word.length && this.dictionary.all.startsWith(word, this.dictionary.starts[term]!);
  }

  /**
   * Calls `found` for each term of ids `from` to `to` (all of one first letter) within
   * `maxTypos` typos of `word` (optimal string alignment: insertions, deletions,
   * substitutions, swaps of two neighbours), with the distance; or, `asStart`, for each
   * term whose first `word.length` letters, give or take one, are within `maxTypos` of the
   * word. Terms sharing a start share the table's columns for it, and a start already too
   * far from the word skips every term that has it: the walk reads a few hundred starts
   * where a scan would compare every term.
   */
  private walkTerms(word: string, from: number, to: number, maxTypos: number, asStart: boolean, found: (term: number, distance: number) => void): void {
    const { all, starts } = this.dictionary;
    const n = word.length;
    const width = n + 1;
    // No term longer than this can be near enough; a start this long decides.
    const deepest = n + (asStart ? 1 : maxTypos);
    if ((deepest + 1) * width > this.columns.length) this.columns = new Int32Array((deepest + 1) * width * 2);
    if (deepest + 1 > this.columnMins.length) this.columnMins = new Int32Array((deepest + 1) * 2);
    const { columns, columnMins } = this;
    const tooFar = maxTypos + 1;
    for (let i = 0; i <= n; i++) columns[i] = i;
    columnMins[0] = 0;
    /** Columns 0..depth hold the distances for the first `depth` letters of `pathStart`'s term. */
    let depth = 0;
    let pathStart = -1;
    for (let term = from; term < to; ) {
      const start = starts[term]!;
      const length = starts[term + 1]! - start;
      let common = 0;
      if (pathStart >= 0) {
        const limit = Math.min(depth, length);
        while (common < limit && all.charCodeAt(pathStart + common) === all.charCodeAt(start + common)) common++;
      }
      depth = common;
      pathStart = start;
      // Where the walk stops for this term: past it, no term with this start is near.
      let decided = 0;
      const limit = Math.min(length, deepest);
      while (depth < limit) {
        depth++;
        const b = all.charCodeAt(start + depth - 1);
        const before = depth > 1 ? all.charCodeAt(start + depth - 2) : -1;
        const at = depth * width;
        const previous = at - width;
        const twoBack = previous - width;
        // Only the band of rows within `maxTypos` of the diagonal can be near enough; the
        // cells just outside it read as too far (`tooFar`), and so does every distance past it.
        const low = Math.max(1, depth - maxTypos);
        const high = Math.min(n, depth + maxTypos);
        columns[at] = depth;
        if (low > 1) columns[at + low - 1] = tooFar;
        if (high < n) columns[at + high + 1] = tooFar;
        let least = low === 1 ? depth : tooFar;
        for (let i = low; i <= high; i++) {
          const a = word.charCodeAt(i - 1);
          let value = Math.min(columns[previous + i]! + 1, columns[at + i - 1]! + 1, columns[previous + i - 1]! + (a === b ? 0 : 1));
          if (i > 1 && depth > 1 && a === before && word.charCodeAt(i - 2) === b) value = Math.min(value, columns[twoBack + i - 2]! + 1);
          columns[at + i] = value;
          if (value < least) least = value;
        }
        columnMins[depth] = least;
        // A swap reaches two columns back: only when both are too far is every longer start.
        if (least > maxTypos && columnMins[depth - 1]! + 1 > maxTypos) {
          decided = depth;
          break;
        }
        if (asStart && depth >= n - 1 && columns[at + n]! <= maxTypos) {
          // Every term with this start matches (those long enough, as the caller checks).
          const end = this.endOfStart(term, start, depth, to);
          for (let match = term; match < end; match++) found(match, columns[at + n]!);
          decided = -end;
          break;
        }
      }
      if (decided < 0) {
        term = -decided;
        continue;
      }
      if (decided === 0 && !asStart && depth === length && Math.abs(length - n) <= maxTypos && columns[length * width + n]! <= maxTypos) found(term, columns[length * width + n]!);
      if (decided === 0 && length > deepest) decided = deepest;
      term = decided > 0 ? this.endOfStart(term, start, decided, to) : term + 1;
    }
  }

  /**
   * The first id after `term` (up to `to`) whose term does not begin with the first
   * `count` letters of `term`'s (at `start` of the text). Galloping past a few neighbours:
   * most such runs are short, and reading neighbours stays in the cache where a binary
   * search over the letter's terms would not.
   */
  private endOfStart(term: number, start: number, count: number, to: number): number {
    for (let next = term + 1; next <= term + NEAR_RUN; next++) if (next >= to || !this.sharesStart(next, start, count)) return next;
    let inside = term + NEAR_RUN;
    let step = NEAR_RUN;
    let outside = inside + step;
    while (outside < to && this.sharesStart(outside, start, count)) {
      inside = outside;
      step *= 2;
      outside = inside + step;
    }
    let lo = inside + 1;
    let hi = Math.min(outside, to);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sharesStart(mid, start, count)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether the term begins with the `count` letters at `start` of the terms' text. */
  private sharesStart(term: number, start: number, count: number): boolean {
    const { all, starts } = this.dictionary;
    const termStart = starts[term]!;
    if (starts[term + 1]! - termStart < count) return false;
    for (let i = 0; i < count; i++) if (all.charCodeAt(termStart + i) !== all.charCodeAt(start + i)) return false;
    return true;
  }

  /** Ids of the terms that begin with `prefix`, as a range. */
  private prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    const to = this.lowerBound(`${prefix}\uffff`);
    return [from, to];
  }

  private lowerBound(text: string): number {
    let lo = 0;
    let hi = this.dictionary.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.dictionary.text(mid) < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

