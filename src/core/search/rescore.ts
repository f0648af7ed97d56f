// The second pass of a search: fuse.js scores the hundred or so candidates the index found
// by how closely their names and titles match each query word, character by character.
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { SearchDocument } from './documents';

/**
 * Names and titles only: the index already weighs authors, organisations and abstracts,
 * and fuzzy matching over them (or over the query as one long phrase) tripled the cost of
 * a keystroke without changing a rank in the quality tests.
 */
const FUSE_OPTIONS: IFuseOptions<SearchDocument> = {
  keys: [
    { name: 'shortName', weight: 1 },
    { name: 'title', weight: 1 },
  ],
  includeScore: true,
  // Text is folded already; a word may be anywhere in a title.
  ignoreDiacritics: false,
  ignoreLocation: true,
  threshold: 0.3,
  shouldSort: false,
};

/** Bitap patterns are at most 32 characters; longer words are cut. */
const MAX_PATTERN = 32;

/** Words whose scores are kept, and papers kept a word: typing re-sends the same words. */
const CACHED_WORDS = 64;
const CACHED_PAPERS_PER_WORD = 2048;

/**
 * Fuse scores (0 best, 1 no match) of candidates, in candidate order: the mean over the
 * query's words of each word's score, so every word counts and words may hit different
 * fields. Fuse.js scores a paper for a word by that paper alone (its fields, their
 * lengths), so each paper's score for each word is kept: on the next keystroke only the
 * word being typed, and the papers new among the candidates, are scored again.
 */
export class FuseScorer {
  private readonly byWord = new Map<string, Map<number, number>>();

  /** `docs` are document numbers; `documentOf` gives each one's folded fields. */
  scores(docs: readonly number[], documentOf: (doc: number) => SearchDocument, words: readonly string[]): Float64Array {
    const scores = new Float64Array(docs.length);
    if (!docs.length || !words.length) return scores.fill(1);
    // One Fuse.js collection per set of papers to score, shared by the words that lack the same ones.
    const collections = new Map<string, Fuse<SearchDocument>>();
    for (const word of words) {
      const pattern = word.slice(0, MAX_PATTERN);
      const known = this.known(pattern);
      const missing = docs.filter((doc) => !known.has(doc));
      if (missing.length) {
        const id = missing.join(' ');
        let fuse = collections.get(id);
        if (!fuse) {
          fuse = new Fuse(missing.map(documentOf), FUSE_OPTIONS);
          collections.set(id, fuse);
        }
        for (const doc of missing) known.set(doc, 1);
        for (const hit of fuse.search(pattern)) known.set(missing[hit.refIndex]!, hit.score ?? 1);
      }
      for (let i = 0; i < scores.length; i++) scores[i] = scores[i]! + known.get(docs[i]!)! / words.length;
    }
    return scores;
  }

  /** The scores kept for a word, made room for. */
  private known(pattern: string): Map<number, number> {
    let known = this.byWord.get(pattern);
    if (!known || known.size > CACHED_PAPERS_PER_WORD) {
      if (!known && this.byWord.size >= CACHED_WORDS) this.byWord.clear();
      known = new Map();
      this.byWord.set(pattern, known);
    }
    return known;
  }
}
