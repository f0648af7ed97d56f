// MiniSearch over the four fields, set up for search as you type: every word also a prefix,
// a typo allowed per five letters, title matches counting double, accents folded.
import MiniSearch from 'minisearch';
import type { Paper } from '../../src/core/paper/paper';
import { BATCH, foldAccents, paperFields, type PaperFields, type SearchEngine } from './engine';

export class MiniSearchEngine implements SearchEngine {
  readonly name = 'MiniSearch';
  private index?: MiniSearch<PaperFields>;

  build(papers: readonly Paper[], checkpoint: () => void): void {
    this.index = new MiniSearch<PaperFields>({
      fields: ['title', 'abstract', 'authors', 'organization'],
      processTerm: foldAccents,
      searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
    });
    for (let start = 0; start < papers.length; start += BATCH) {
      this.index.addAll(papers.slice(start, start + BATCH).map((paper, i) => paperFields(paper, start + i)));
      checkpoint();
    }
  }

  // MiniSearch has no limit: it scores and sorts every match, and that is part of its time.
  search(query: string, limit: number): number[] {
    return this.index!.search(query).slice(0, limit).map((result) => result.id as number);
  }
}
