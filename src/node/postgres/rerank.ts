// The final order of a search's candidates, from what the server measured of each and the
// word checks the local engine makes on its own candidates: a paper named exactly (its key,
// an id, its short name) first; then an author's papers for a query that is their name;
// then relevance, raised for a short name the query begins or misspells, for a title
// holding the query as a phrase or its letters in one run, and a little lowered for code,
// data and web pages.
import { foldedWords } from '../../core/search/normalize';
import { misspells, titlePhrase } from '../../core/search/wordMatch';
import type { QueryPlan } from './searchQuery';

export interface Measured {
  key: string;
  shortName: string;
  /** The title's folded words joined by spaces. */
  title: string;
  nonPaper: boolean;
  /** The query is one of the paper's identifiers. */
  identified: boolean;
  /** ts_rank_cd over title and names, and over everything. */
  headRank: number;
  rank: number;
  /** The share of the query's words it has, rarer words weighing more and title words more than abstract ones. */
  coverage: number;
  /** pg_trgm's word similarity of the query to the title, and similarity to the short name. */
  titleSimilarity: number;
  nameSimilarity: number;
  /** The authors' names hold every word. */
  byAuthors: boolean;
}

/** Tiers above relevance: named exactly, then by name, then an author's papers. */
const IDENTIFIED = 3;
const SHORT_NAME = 2;
const AUTHOR = 1;
/** How much each finding weighs in relevance (title and names above the abstract, as locally). */
const HEAD_WEIGHT = 4;
const TITLE_SIMILARITY_WEIGHT = 0.5;
const COVERAGE_WEIGHT = 1;
const SOME_COVERAGE_WEIGHT = 4;
const SOME_DENSITY_WEIGHT = 0.25;
/** Multipliers, as the local engine's re-scoring weighs the same findings. */
const SHORT_NAME_START = 2;
const SHORT_NAME_TYPO = 3;
const PHRASE_AT_START = 2.2;
const PHRASE = 2;
const RUN_OF_LETTERS = 1.4;
const NON_PAPER = 1 / 1.3;

/** A score for each candidate (higher is better); tiers are whole numbers, relevance below 1. */
export function finalScore(plan: QueryPlan, measured: Measured, mode: 'all' | 'some' = 'all'): number {
  const { compact, words } = plan;
  const { shortName } = measured;
  if (measured.identified) return IDENTIFIED + relevance(measured);
  if (shortName && shortName === compact) return SHORT_NAME + relevance(measured);
  let factor = 1;
  if (compact.length >= 3 && shortName.startsWith(compact)) factor = SHORT_NAME_START;
  else if (misspells(compact, shortName)) factor = SHORT_NAME_TYPO;
  else {
    const titleWords = foldedWords(measured.title);
    const phrase = titlePhrase(titleWords, words);
    if (phrase) factor = phrase === 'start' ? PHRASE_AT_START : PHRASE;
    else if (compact.length >= 6 && titleWords.join('').includes(compact)) factor = RUN_OF_LETTERS;
  }
  if (measured.nonPaper) factor *= NON_PAPER;
  const density = HEAD_WEIGHT * measured.headRank + measured.rank;
  // With only some of the words, which of them a paper has says more than how often: rare words and title words count most.
  const found = mode === 'some' ? SOME_COVERAGE_WEIGHT * measured.coverage * (1 + SOME_DENSITY_WEIGHT * Math.log1p(density)) : density + COVERAGE_WEIGHT * measured.coverage;
  const raw = (found + TITLE_SIMILARITY_WEIGHT * measured.titleSimilarity + measured.nameSimilarity) * factor;
  // Squeezed below 1, so that no relevance reaches the tier above.
  const score = raw / (raw + 1);
  return measured.byAuthors ? AUTHOR + score : score;
}

function relevance(measured: Measured): number {
  const raw = HEAD_WEIGHT * measured.headRank + measured.rank;
  return raw / (raw + 1);
}

/** The candidates best first, ties by key. */
export function rank<T extends Measured>(plan: QueryPlan, candidates: readonly T[], mode: 'all' | 'some' = 'all'): { item: T; score: number }[] {
  return candidates
    .map((item) => ({ item, score: finalScore(plan, item, mode) }))
    .sort((a, b) => b.score - a.score || (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0));
}
