// FlexSearch's Document index over the four fields: "forward" tokenizing indexes every
// word's starts, so a word being typed matches; the LatinBalance encoder folds case and
// accents and evens out common spelling variants; suggestions keep papers that have only
// some of the words, as the others do.
import { Charset, Document } from 'flexsearch';
import type { Paper } from '../../src/core/paper/paper';
import { BATCH, paperFields, type PaperFields, type SearchEngine } from './engine';

export class FlexSearchEngine implements SearchEngine {
  readonly name = 'FlexSearch';
  private index?: Document<PaperFields>;

  build(papers: readonly Paper[], checkpoint: () => void): void {
    this.index = new Document<PaperFields>({
      tokenize: 'forward',
      encoder: Charset.LatinBalance,
      // Merged results list title matches first: the field order is the boost.
      document: { id: 'id', index: ['title', 'abstract', 'authors', 'organization'] },
    });
    papers.forEach((paper, place) => {
      this.index!.add(paperFields(paper, place));
      if (place % BATCH === BATCH - 1) checkpoint();
    });
  }

  search(query: string, limit: number): number[] {
    // The limit applies to each field; merging the fields can give more.
    return this.index!.search(query, { limit, suggest: true, merge: true })
      .slice(0, limit)
      .map((hit) => Number(hit.id));
  }
}
