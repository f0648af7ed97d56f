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

/**
 * Fuse scores (0 best, 1 no match) of each candidate, in candidate order: the mean over
 * the query's words of each word's score, so every word counts and words may hit
 * different fields.
 */
export function fuseScores(candidates: readonly SearchDocument[], words: readonly string[]): Float64Array {
  const scores = new Float64Array(candidates.length);
  if (!candidates.length || !words.length) return scores.fill(1);
  const fuse = new Fuse(candidates, FUSE_OPTIONS);
  const position = new Map(candidates.map((candidate, i) => [candidate, i]));
  for (const word of words) {
    const best = new Float64Array(candidates.length).fill(1);
    for (const hit of fuse.search(word.slice(0, MAX_PATTERN))) best[position.get(hit.item)!] = hit.score ?? 1;
    for (let i = 0; i < scores.length; i++) scores[i] = scores[i]! + best[i]! / words.length;
  }
  return scores;
}
