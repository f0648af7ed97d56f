// The queries the benchmark types, drawn from the generated library so that they find
// something at every size: names (some with typos), people, organisations, topics.
import { foldText } from '../src/core/search';
import type { SyntheticPaper } from './corpus';

export interface BenchQuery {
  text: string;
  /** The title of the paper the query names, for the known-item success rate. */
  expect?: string;
}

/** The generated papers whose arXiv ids have five digits after the month, as real ones do. */
const VALID_IDS = 90_000;

/** `hasId` tells the papers whose listing format keeps the arXiv id (a saved page does not). */
export function benchQueries(papers: readonly SyntheticPaper[], hasId: (index: number) => boolean): BenchQuery[] {
  const at = (share: number): SyntheticPaper => papers[Math.min(papers.length - 1, Math.floor(papers.length * share))]!;
  const named = at(0.37);
  const typo = at(0.61);
  const spaced = papers.find((paper, i) => i >= papers.length / 2 && /^[A-Z][a-z]+[A-Z][a-z]+$/.test(paper.shortName)) ?? at(0.5);
  const byTitle = at(0.83);
  // An id a parser takes as arXiv's (past 90,000 papers the generator's numbers have six digits, which none is).
  const valid = (paper: SyntheticPaper, i: number): boolean => hasId(i) && /^\d{4}\.\d{5}$/.test(paper.arxivId);
  let idIndex = papers.findIndex((paper, i) => i >= papers.length * 0.29 && valid(paper, i));
  if (idIndex < 0) idIndex = papers.findIndex((paper, i) => i >= VALID_IDS * 0.29 && valid(paper, i));
  const byId = idIndex >= 0 ? papers[idIndex] : undefined;
  const author = at(0.45).authors[0]!;
  return [
    { text: named.shortName.toLowerCase(), expect: named.title },
    { text: withTypo(typo.shortName.toLowerCase()), expect: typo.title },
    { text: spaced.shortName.replace(/([a-z])([A-Z])/, '$1 $2').toLowerCase(), expect: spaced.title },
    { text: byTitle.title.slice(byTitle.title.indexOf(':') + 2).toLowerCase(), expect: byTitle.title },
    ...(byId ? [{ text: byId.arxivId, expect: byId.title }] : []),
    { text: foldText(author.slice(author.lastIndexOf(' ') + 1)).toLowerCase() },
    { text: 'stanford' },
    { text: 'eth zurich' },
    { text: 'reinforcement learning search' },
    { text: 'monte carlo tree search' },
    { text: 'theorem proving' },
    { text: 'reinforcment lerning' },
  ];
}

/** Swaps two letters in the middle of a word, the commonest typo. */
function withTypo(word: string): string {
  if (word.length < 5) return word;
  const i = Math.floor(word.length / 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** Every prefix of every query, as typed one key at a time. */
export function keystrokes(queries: readonly BenchQuery[]): string[] {
  return queries.flatMap((query) => Array.from({ length: query.text.length }, (_, i) => query.text.slice(0, i + 1)));
}
