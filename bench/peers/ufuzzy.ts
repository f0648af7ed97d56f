// uFuzzy, a fuzzy matcher for short strings such as titles: it has no index and reads one
// "title authors organization" line per paper on every keystroke (abstracts would make it
// a full-text search it is not built for). One typo per word (intraMode 1), words in any
// order when there are at most three, accents folded with its own latinize().
import type UFuzzy from '@leeoniya/ufuzzy' with { 'resolution-mode': 'import' };
import type { Paper } from '../../src/core/paper/paper';
import type { SearchEngine } from './engine';

// The package says it is an ES module, so TypeScript refuses a plain import in this
// CommonJS file, yet its `main` is CommonJS: require it, typed from its declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const uFuzzy = require('@leeoniya/ufuzzy') as typeof UFuzzy;

/** Queries of up to this many words also match their words in another order (3! = 6 passes at most). */
const OUT_OF_ORDER_WORDS = 3;

export class UFuzzyEngine implements SearchEngine {
  readonly name = 'uFuzzy';
  private readonly matcher = new uFuzzy({ intraMode: 1 });
  private haystack: string[] = [];

  build(papers: readonly Paper[]): void {
    this.haystack = uFuzzy.latinize(papers.map((paper) => `${paper.title} ${paper.authors.join(', ')} ${paper.organization ?? ''}`));
  }

  search(query: string, limit: number): number[] {
    const [matches, info, order] = this.matcher.search(this.haystack, uFuzzy.latinize(query), OUT_OF_ORDER_WORDS);
    if (!matches) return [];
    // Past a thousand matches uFuzzy does not rank them (its infoThresh): they come in list order.
    if (!info || !order) return matches.slice(0, limit);
    return order.slice(0, limit).map((at) => info.idx[at]!);
  }
}
