// The baseline: plain Fuse.js as a first version would use it, with its default options
// (ignoring accents or location, as search needs, makes it some 10 and 40 times slower
// again). It reads every paper on every keystroke, so only a sample of keystrokes is timed.
import Fuse from 'fuse.js';
import type { Paper } from '../../src/core/paper/paper';
import type { SearchEngine } from './engine';

export class FuseEngine implements SearchEngine {
  readonly name = 'Fuse.js';
  readonly timedOnSample = true;
  private fuse?: Fuse<Paper>;

  build(papers: readonly Paper[]): void {
    this.fuse = new Fuse(papers, { keys: ['title', 'abstract', 'authors', 'organization'], includeScore: true });
  }

  search(query: string, limit: number): number[] {
    return this.fuse!.search(query, { limit }).map((hit) => hit.refIndex);
  }
}
