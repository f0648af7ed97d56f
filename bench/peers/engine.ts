// What the benchmark asks of a search engine, Lit Review's own or a peer's, so that every
// one is built, timed and judged the same way.
import type { Paper } from '../../src/core/paper/paper';

export interface SearchEngine {
  readonly name: string;
  /** It reads every paper on every keystroke, too slowly to time on all of them: it is timed on a sample. */
  readonly timedOnSample?: boolean;
  /**
   * Indexes `papers`. A build that adds papers a batch at a time calls `checkpoint`
   * between batches: it throws when the build is over its time or memory budget, so that
   * a peer too slow or too big at 100k papers is skipped instead of hanging the run.
   */
  build(papers: readonly Paper[], checkpoint: () => void): void;
  /** The places in the built `papers` of the best `limit` matches, best first. */
  search(query: string, limit: number): number[];
}

/** Papers a batched build adds between two checkpoints. */
export const BATCH = 1000;

/**
 * The fields every peer indexes, as a person would hand them over: the four that Lit
 * Review and the Fuse.js baseline search, authors joined into one text.
 */
export type PaperFields = {
  id: number;
  title: string;
  abstract: string;
  authors: string;
  organization: string;
};

export function paperFields(paper: Paper, id: number): PaperFields {
  return { id, title: paper.title, abstract: paper.abstract ?? '', authors: paper.authors.join(', '), organization: paper.organization ?? '' };
}

/** Accents off and lower case, for the peers that do not fold accents themselves. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
