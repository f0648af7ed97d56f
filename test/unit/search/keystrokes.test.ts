// Typing a query key by key into one index, whose look-ups, fuse.js scores and scratch
// arrays carry over from keystroke to keystroke, must answer each keystroke exactly as an
// index that has seen nothing before.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { SearchIndex } from '../../../src/core/search';
import { exampleListing } from '../helpers';
import { querySet } from './quality';

describe('a search index typed into key by key', () => {
  const papers = Library.fromListings([exampleListing()]).papers;

  function answers(index: SearchIndex, query: string, limit: number): string[] {
    return index.search(query, { limit }).map((hit) => `${hit.paper.key} ${hit.score}`);
  }

  it('answers every prefix of the quality set queries as a fresh index does', () => {
    const typed = new SearchIndex(papers);
    const queries = [...querySet('search-queries.json'), ...querySet('search-queries-hard.json')].map((item) => item.query);
    let keystrokes = 0;
    let compared = 0;
    for (const query of queries) {
      for (let end = 1; end <= query.length; end++) {
        const prefix = query.slice(0, end);
        const limit = end % 3 === 0 ? 5 : 50;
        const got = answers(typed, prefix, limit);
        // Every keystroke is typed; one in four compared, as building a fresh index is the slow part.
        if (keystrokes++ % 4 === 0 || end === query.length) {
          assert.deepEqual(got, answers(new SearchIndex(papers), prefix, limit), prefix);
          compared++;
        }
      }
    }
    assert.ok(compared > 300);
  });

  it('answers a query again as it did the first time, after others in between', () => {
    const index = new SearchIndex(papers);
    const first = answers(index, 'monte carlo tree search', 50);
    for (const other of ['zero', 'zerosearch', 'reinforcment lerning', 'x', 'stanford nlp']) index.search(other);
    assert.deepEqual(answers(index, 'monte carlo tree search', 50), first);
  });
});
