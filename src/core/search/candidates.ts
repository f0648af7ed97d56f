// The first, cheap pass of a search: which papers contain every word of the query (each
// word in any field, fuzzily), and a rough relevance for each, from the inverted index.
import { BODY_COUNT_BITS, HEAD_FIELD_BITS, HEAD_FIELDS, type HeadField, type TermIndex, type TermMatch } from './termIndex';

/** How much a word found in each field says about the paper. */
export const FIELD_WEIGHTS: Record<HeadField | 'abstract', number> = {
  name: 1,
  title: 0.9,
  people: 0.8,
  organization: 0.8,
  extra: 0.6,
  abstract: 0.4,
};

/** The best field weight for each combination of head-field bits. */
const MASK_WEIGHT = (() => {
  const weights = new Float32Array(1 << HEAD_FIELD_BITS);
  for (let mask = 1; mask < weights.length; mask++) {
    HEAD_FIELDS.forEach((field, bit) => {
      if (mask & (1 << bit)) weights[mask] = Math.max(weights[mask]!, FIELD_WEIGHTS[field]);
    });
  }
  return weights;
})();

/** An abstract naming a term once counts 1; seven times, 1.3. */
const REPEAT_FACTOR = Float32Array.from({ length: 1 << BODY_COUNT_BITS }, (_, n) => 1 + 0.1 * Math.log2(Math.max(1, n)));

/** Roughly how many head terms a paper has: checking one candidate costs about that many postings. */
const CHECK_COST = 32;

/** One word of the query with every term it may stand for. */
export interface QueryWord {
  matches: TermMatch[];
  /** Stop words ("of", "the") raise a paper that has them but never exclude one that lacks them. */
  required: boolean;
}

/** Papers found, in document order, each with its rough relevance. */
export interface Candidates {
  docs: Int32Array;
  /** 0..1: the share of the query's (rarity-weighted) words found, and how well. */
  relevance: Float32Array;
}

const NONE: Candidates = { docs: new Int32Array(0), relevance: new Float32Array(0) };

/**
 * Scratch arrays sized to the library, reused by every search: a keystroke allocates
 * only the list of papers that match.
 */
export class CandidateFinder {
  private readonly wordScore: Float32Array;
  private readonly wordStamp: Uint32Array;
  private readonly total: Float32Array;
  private readonly touched: Int32Array;
  /** A word's matching terms, by term id, for checking candidates one by one. */
  private readonly termQuality: Float32Array;
  private readonly termStamp: Uint32Array;
  private stamp = 0;
  /** The papers a partial search has met so far, and the round each was last met in. */
  private readonly someDocs: Int32Array;
  private readonly someStamp: Uint32Array;
  private someRound = 0;

  constructor(private readonly index: TermIndex) {
    const n = index.documentCount;
    this.wordScore = new Float32Array(n);
    this.wordStamp = new Uint32Array(n);
    this.total = new Float32Array(n);
    this.touched = new Int32Array(n);
    this.termQuality = new Float32Array(index.termCount);
    this.termStamp = new Uint32Array(index.termCount);
    this.someDocs = new Int32Array(n);
    this.someStamp = new Uint32Array(n);
  }

  /**
   * Papers that have some of the words, for a query one of whose words no paper has (a
   * paraphrase, a word misspelled past repair): each paper's relevance is the rarity-weighted
   * share of the query it holds, as BM25 weighs words, so the papers holding the rare words
   * come first. A word no paper has counts against every paper alike.
   */
  findSome(words: readonly QueryWord[]): Candidates {
    const content = words.filter((word) => word.required);
    if (!content.length) return NONE;
    const n = this.index.documentCount;
    const round = ++this.someRound;
    let count = 0;
    let weightSum = 0;
    for (const word of content) {
      if (!word.matches.length) {
        weightSum += Math.log(1 + n);
        continue;
      }
      const found = this.scoreWord(word.matches);
      const weight = Math.log(1 + n / Math.max(1, found));
      weightSum += weight;
      for (let i = 0; i < found; i++) {
        const doc = this.touched[i]!;
        if (this.someStamp[doc] !== round) {
          this.someStamp[doc] = round;
          this.total[doc] = 0;
          this.someDocs[count++] = doc;
        }
        this.total[doc] = this.total[doc]! + weight * this.wordScore[doc]!;
      }
    }
    if (!count) return NONE;
    const docs = this.someDocs.slice(0, count).sort();
    const relevance = new Float32Array(count);
    for (let i = 0; i < count; i++) relevance[i] = Math.min(1, this.total[docs[i]!]! / weightSum);
    return { docs, relevance };
  }

  /** Papers that have every required word, with their rough relevance. */
  find(words: readonly QueryWord[]): Candidates {
    const required = words.filter((word) => word.required);
    if (!required.length || required.some((word) => !word.matches.length)) return NONE;
    // The rarest word first: it gives the smallest set for the others to narrow.
    const ordered = [...required].sort((a, b) => this.index.cost(a.matches) - this.index.cost(b.matches));
    const n = this.index.documentCount;
    let candidates: Int32Array = new Int32Array(0);
    let weightSum = 0;
    for (const [position, word] of ordered.entries()) {
      const cost = this.index.cost(word.matches);
      if (position > 0 && word.matches.every((match) => match.headOnly) && candidates.length * CHECK_COST < cost) {
        // A one- or two-letter prefix after other words: reading the few candidates' own
        // head terms is cheaper than walking the prefix's postings. Its rarity is
        // estimated from the postings, which count each paper at most once per term.
        const weight = Math.log(1 + n / Math.max(1, cost));
        weightSum += weight;
        candidates = this.checkEach(candidates, word.matches, weight);
      } else {
        const found = this.scoreWord(word.matches);
        const weight = Math.log(1 + n / Math.max(1, found));
        weightSum += weight;
        if (position === 0) {
          candidates = this.touched.slice(0, found);
          for (const doc of candidates) this.total[doc] = weight * this.wordScore[doc]!;
        } else {
          let kept = 0;
          for (const doc of candidates) {
            if (this.wordStamp[doc] !== this.stamp) continue;
            this.total[doc] = this.total[doc]! + weight * this.wordScore[doc]!;
            candidates[kept++] = doc;
          }
          candidates = candidates.subarray(0, kept);
        }
      }
      if (!candidates.length) return NONE;
    }
    for (const word of words) {
      if (word.required || !word.matches.length) continue;
      // An optional word adds a little for the papers that have it, and never filters.
      this.scoreWord(word.matches);
      for (const doc of candidates) if (this.wordStamp[doc] === this.stamp) this.total[doc] = this.total[doc]! + 0.1 * this.wordScore[doc]!;
    }
    const relevance = new Float32Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) relevance[i] = Math.min(1, this.total[candidates[i]!]! / weightSum);
    return { docs: candidates, relevance };
  }

  /** Keeps the candidates with a head term among the matches, adding the word's score. */
  private checkEach(candidates: Int32Array, matches: readonly TermMatch[], weight: number): Int32Array {
    const stamp = ++this.stamp;
    const { termQuality, termStamp } = this;
    for (const match of matches) {
      if (termStamp[match.term] !== stamp || match.quality > termQuality[match.term]!) termQuality[match.term] = match.quality;
      termStamp[match.term] = stamp;
    }
    let kept = 0;
    for (const doc of candidates) {
      let best = 0;
      for (const packed of this.index.headTermsOf(doc)) {
        const term = packed >>> HEAD_FIELD_BITS;
        if (termStamp[term] !== stamp) continue;
        const value = termQuality[term]! * MASK_WEIGHT[packed & ((1 << HEAD_FIELD_BITS) - 1)]!;
        if (value > best) best = value;
      }
      if (best === 0) continue;
      this.total[doc] = this.total[doc]! + weight * best;
      candidates[kept++] = doc;
    }
    return candidates.subarray(0, kept);
  }

  /** Fills `wordScore` for the papers a word hits (best match and field); returns how many. */
  private scoreWord(matches: readonly TermMatch[]): number {
    const stamp = ++this.stamp;
    const { wordScore, wordStamp, touched } = this;
    let found = 0;
    for (const match of matches) {
      const head = this.index.headPostings(match.term);
      for (let i = 0; i < head.length; i++) {
        const posting = head[i]!;
        const doc = posting >>> HEAD_FIELD_BITS;
        const value = match.quality * MASK_WEIGHT[posting & ((1 << HEAD_FIELD_BITS) - 1)]!;
        if (wordStamp[doc] !== stamp) {
          wordStamp[doc] = stamp;
          wordScore[doc] = value;
          touched[found++] = doc;
        } else if (value > wordScore[doc]!) wordScore[doc] = value;
      }
      if (match.headOnly) continue;
      const body = this.index.bodyPostings(match.term);
      const base = match.quality * FIELD_WEIGHTS.abstract;
      for (let i = 0; i < body.length; i++) {
        const posting = body[i]!;
        const doc = posting >>> BODY_COUNT_BITS;
        const value = base * REPEAT_FACTOR[posting & ((1 << BODY_COUNT_BITS) - 1)]!;
        if (wordStamp[doc] !== stamp) {
          wordStamp[doc] = stamp;
          wordScore[doc] = value;
          touched[found++] = doc;
        } else if (value > wordScore[doc]!) wordScore[doc] = value;
      }
    }
    return found;
  }
}
