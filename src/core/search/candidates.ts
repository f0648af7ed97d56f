// The first, cheap pass of a search: which papers contain every word of the query (each
// word in any field, fuzzily), and a rough relevance for each, from the inverted index.
import { BODY_COUNT_BITS, HEAD_FIELD_BITS, HEAD_FIELDS, prefixQuality, type HeadField, type PrefixMatch, type TermIndex, type TermMatch } from './termIndex';

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
  /** Single terms: the word itself, typos, the word joined with its neighbour. */
  terms: TermMatch[];
  /** Runs of terms the word (or the joined form) begins. */
  prefixes: PrefixMatch[];
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
  /** The current word's score for each paper it hits, 0 for the rest: one read a posting. */
  private readonly wordScore: Float32Array;
  /** How many papers the last word hit (listed in `touched`): their scores are cleared before the next. */
  private lastFound = 0;
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
  /**
   * What `find` and `findSome` return, reused: a keystroke at 100k papers would otherwise
   * allocate most of a megabyte. A result is valid until the next call of either.
   */
  private readonly foundDocs: Int32Array;
  private readonly foundRelevance: Float32Array;

  constructor(private readonly index: TermIndex) {
    const n = index.documentCount;
    this.wordScore = new Float32Array(n);
    this.total = new Float32Array(n);
    this.touched = new Int32Array(n);
    this.termQuality = new Float32Array(index.termCount);
    this.termStamp = new Uint32Array(index.termCount);
    this.someDocs = new Int32Array(n);
    this.someStamp = new Uint32Array(n);
    this.foundDocs = new Int32Array(n);
    this.foundRelevance = new Float32Array(n);
  }

  /**
   * Papers that have some of the words, for a query one of whose words no paper has (a
   * paraphrase, a word misspelled past repair): each paper's relevance is the rarity-weighted
   * share of the query it holds, as BM25 weighs words, so the papers holding the rare words
   * come first. A word no paper has counts against every paper alike. Valid until the
   * next call of this or `find`.
   */
  findSome(words: readonly QueryWord[]): Candidates {
    const content = words.filter((word) => word.required);
    if (!content.length) return NONE;
    const n = this.index.documentCount;
    const round = ++this.someRound;
    let count = 0;
    let weightSum = 0;
    for (const word of content) {
      if (!hasMatches(word)) {
        weightSum += Math.log(1 + n);
        continue;
      }
      const found = this.scoreWord(word);
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
    const docs = this.someDocs.subarray(0, count).sort();
    const relevance = this.foundRelevance.subarray(0, count);
    for (let i = 0; i < count; i++) relevance[i] = Math.min(1, this.total[docs[i]!]! / weightSum);
    return { docs, relevance };
  }

  /** Papers that have every required word, with their rough relevance; valid until the next call. */
  find(words: readonly QueryWord[]): Candidates {
    const required = words.filter((word) => word.required);
    if (!required.length || required.some((word) => !hasMatches(word))) return NONE;
    // The rarest word first: it gives the smallest set for the others to narrow.
    const costs = new Map(required.map((word) => [word, this.index.cost(word.terms, word.prefixes)]));
    const ordered = [...required].sort((a, b) => costs.get(a)! - costs.get(b)!);
    const n = this.index.documentCount;
    let candidates: Int32Array = new Int32Array(0);
    let weightSum = 0;
    for (const [position, word] of ordered.entries()) {
      const cost = costs.get(word)!;
      if (position > 0 && isHeadOnly(word) && candidates.length * CHECK_COST < cost) {
        // A one- or two-letter prefix after other words: reading the few candidates' own
        // head terms is cheaper than walking the prefix's postings. Its rarity is
        // estimated from the postings, which count each paper at most once per term.
        const weight = Math.log(1 + n / Math.max(1, cost));
        weightSum += weight;
        candidates = this.checkEach(candidates, word, weight);
      } else {
        const found = this.scoreWord(word);
        const weight = Math.log(1 + n / Math.max(1, found));
        weightSum += weight;
        if (position === 0) {
          candidates = this.foundDocs.subarray(0, found);
          candidates.set(this.touched.subarray(0, found));
          for (const doc of candidates) this.total[doc] = weight * this.wordScore[doc]!;
        } else {
          let kept = 0;
          for (const doc of candidates) {
            if (this.wordScore[doc] === 0) continue;
            this.total[doc] = this.total[doc]! + weight * this.wordScore[doc]!;
            candidates[kept++] = doc;
          }
          candidates = candidates.subarray(0, kept);
        }
      }
      if (!candidates.length) return NONE;
    }
    for (const word of words) {
      if (word.required || !hasMatches(word)) continue;
      // An optional word adds a little for the papers that have it, and never filters.
      this.scoreWord(word);
      for (const doc of candidates) if (this.wordScore[doc] !== 0) this.total[doc] = this.total[doc]! + 0.1 * this.wordScore[doc]!;
    }
    const relevance = this.foundRelevance.subarray(0, candidates.length);
    for (let i = 0; i < candidates.length; i++) relevance[i] = Math.min(1, this.total[candidates[i]!]! / weightSum);
    return { docs: candidates, relevance };
  }

  /** Keeps the candidates with a head term among the word's matches, adding the word's score. */
  private checkEach(candidates: Int32Array, word: QueryWord, weight: number): Int32Array {
    const stamp = ++this.stamp;
    const { termQuality, termStamp, index } = this;
    for (const match of word.terms) {
      if (termStamp[match.term] !== stamp || match.quality > termQuality[match.term]!) termQuality[match.term] = match.quality;
      termStamp[match.term] = stamp;
    }
    const { prefixes } = word;
    let kept = 0;
    for (const doc of candidates) {
      let best = 0;
      for (const packed of index.headTermsOf(doc)) {
        const term = packed >>> HEAD_FIELD_BITS;
        let quality = termStamp[term] === stamp ? termQuality[term]! : 0;
        for (const run of prefixes) {
          // As a term's quality is kept above, in single precision.
          if (term >= run.from && term < run.to) quality = Math.max(quality, Math.fround(prefixQuality(run.wordLength, index.termLength(term))));
        }
        if (quality === 0) continue;
        const value = quality * MASK_WEIGHT[packed & ((1 << HEAD_FIELD_BITS) - 1)]!;
        if (value > best) best = value;
      }
      if (best === 0) continue;
      this.total[doc] = this.total[doc]! + weight * best;
      candidates[kept++] = doc;
    }
    return candidates.subarray(0, kept);
  }

  /** Fills `wordScore` for the papers a word hits (best match and field); returns how many. */
  private scoreWord(word: QueryWord): number {
    this.clearWordScores();
    let found = 0;
    for (const match of word.terms) found = this.scoreTerm(match.term, match.quality, match.headOnly, found);
    const { termStarts, headStart, headData, bodyStart, bodyData } = this.index;
    const { wordScore, touched } = this;
    for (const { from, to, wordLength, headOnly } of word.prefixes) {
      found = addRun(headStart, headData, HEAD_FIELD_BITS, MASK_WEIGHT, 1, from, to, wordLength, termStarts, wordScore, touched, found);
      if (!headOnly) found = addRun(bodyStart, bodyData, BODY_COUNT_BITS, REPEAT_FACTOR, FIELD_WEIGHTS.abstract, from, to, wordLength, termStarts, wordScore, touched, found);
    }
    this.lastFound = found;
    return found;
  }

  /** Zeroes the last word's scores: one by one when it hit few papers, else all at once. */
  private clearWordScores(): void {
    const { wordScore, touched, lastFound } = this;
    if (lastFound * 8 > wordScore.length) wordScore.fill(0);
    else for (let i = 0; i < lastFound; i++) wordScore[touched[i]!] = 0;
    this.lastFound = 0;
  }

  /** Adds one term's papers to the current word's scores; returns how many papers the word has hit. */
  private scoreTerm(term: number, quality: number, headOnly: boolean, found: number): number {
    const { headStart, headData, bodyStart, bodyData } = this.index;
    found = addPostings(headData, headStart[term]!, headStart[term + 1]!, HEAD_FIELD_BITS, MASK_WEIGHT, quality, this.wordScore, this.touched, found);
    if (headOnly) return found;
    return addPostings(bodyData, bodyStart[term]!, bodyStart[term + 1]!, BODY_COUNT_BITS, REPEAT_FACTOR, quality * FIELD_WEIGHTS.abstract, this.wordScore, this.touched, found);
  }
}

/**
 * Raises each paper's score for the word to `factor` times the weight its posting's low
 * bits pick, if higher; a paper met for the first time is listed in `touched`. Returns how
 * many are listed. The one loop every posting of a search goes through.
 */
function addPostings(data: Int32Array, from: number, to: number, lowBits: number, weights: Float32Array, factor: number, wordScore: Float32Array, touched: Int32Array, found: number): number {
  const mask = (1 << lowBits) - 1;
  for (let i = from; i < to; i++) {
    const posting = data[i]!;
    const doc = posting >>> lowBits;
    const value = factor * weights[posting & mask]!;
    const old = wordScore[doc]!;
    if (old === 0) {
      wordScore[doc] = value;
      touched[found++] = doc;
    } else if (value > old) wordScore[doc] = value;
  }
  return found;
}

/**
 * `addPostings` for every term of ids `from` to `to`, whose postings lie one after another:
 * one loop over them, the quality changing where a term ends, instead of a call per term
 * (a one-letter prefix has tens of thousands, most without a posting in the head fields).
 * `fieldWeight` times each term's prefix quality is the factor.
 */
function addRun(starts: Int32Array, data: Int32Array, lowBits: number, weights: Float32Array, fieldWeight: number, from: number, to: number, wordLength: number, termStarts: Int32Array, wordScore: Float32Array, touched: Int32Array, found: number): number {
  const mask = (1 << lowBits) - 1;
  let term = from - 1;
  let end = starts[from]!;
  let factor = 0;
  for (let i = starts[from]!, last = starts[to]!; i < last; i++) {
    if (i >= end) {
      do end = starts[++term + 1]!;
      while (i >= end);
      factor = prefixQuality(wordLength, termStarts[term + 1]! - termStarts[term]!) * fieldWeight;
    }
    const posting = data[i]!;
    const doc = posting >>> lowBits;
    const value = factor * weights[posting & mask]!;
    const old = wordScore[doc]!;
    if (old === 0) {
      wordScore[doc] = value;
      touched[found++] = doc;
    } else if (value > old) wordScore[doc] = value;
  }
  return found;
}

function hasMatches(word: QueryWord): boolean {
  return word.terms.length > 0 || word.prefixes.length > 0;
}

/** Whether every match is in the head fields only (a one- or two-letter prefix). */
function isHeadOnly(word: QueryWord): boolean {
  return word.terms.every((match) => match.headOnly) && word.prefixes.every((run) => run.headOnly);
}
