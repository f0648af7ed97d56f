// The details page's "Similar papers": the five nearest papers of the library. The index is
// built once per library; the first page of a new library is drawn without waiting for it, and
// drawn again once the papers are found.
import type * as vscode from 'vscode';
import type { Library } from '../../core/indexing/library';
import type { Paper } from '../../core/paper/paper';
import { readingOf } from '../../core/reading/display';
import type { ReadingList } from '../../core/reading/status';
import type { SimilarPaper } from '../../core/views/detailsHtml';
import { paperYear } from '../../core/paper/order';
import type { LibraryService } from '../shared/services';
import { hasSimilarityIndex, similarityIndexOf } from '../shared/similarIndex';

const SHOWN = 5;

export class SimilarSection implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly library: LibraryService, private readonly found: () => void) {}

  /** The nearest papers, or `pending` when the index is still to be built (the page is drawn again then). */
  of(paper: Paper, reading: ReadingList): readonly SimilarPaper[] | 'pending' {
    const library = this.library.current;
    if (!library.byKey(paper.key)) return [];
    if (!hasSimilarityIndex(library)) {
      this.buildSoon(library);
      return 'pending';
    }
    return similarityIndexOf(library).similarToPaper(paper.key, { limit: SHOWN }).flatMap((hit) => {
      const other = library.byKey(hit.key);
      if (!other) return [];
      const year = paperYear(other);
      const status = readingOf(reading, other)?.status;
      return [{ key: other.key, title: other.title, score: hit.score, why: hit.why, ...(year !== undefined ? { year } : {}), ...(status ? { status } : {}) }];
    });
  }

  /** Builds the index after the page is drawn, so the page never waits for it. */
  private buildSoon(library: Library): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      similarityIndexOf(library);
      if (this.library.current === library) this.found();
    }, 0);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
