// Lit Review's own engine, the one every peer is compared with.
import type { Paper } from '../../src/core/paper/paper';
import { SearchIndex } from '../../src/core/search';
import type { SearchEngine } from './engine';

export class LitReviewEngine implements SearchEngine {
  readonly name = 'Lit Review';
  /** Kept for the rest of the benchmark, which saves and loads it. */
  index?: SearchIndex;
  private papers: readonly Paper[] = [];
  /**
   * Hits name papers, not places; this map back (well under a microsecond a hit) is the
   * benchmark's plumbing, not the index's, so it is made on the first search, after the
   * build's memory has been measured.
   */
  private places?: Map<Paper, number>;

  // Never skipped, so it takes no checkpoints: it is what the others are measured against.
  build(papers: readonly Paper[]): void {
    this.index = new SearchIndex(papers);
    this.papers = papers;
  }

  search(query: string, limit: number): number[] {
    this.places ??= new Map(this.papers.map((paper, place) => [paper, place]));
    return this.index!.search(query, { limit }).map((hit) => this.places!.get(hit.paper)!);
  }
}
