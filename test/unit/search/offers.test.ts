import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { allPapersRanked, completionPapers, escapeIconSyntax, newestPapers, papersForQuery } from '../../../src/core/search/offers';
import { SearchIndex } from '../../../src/core/search';
import { exampleListing } from '../helpers';

describe('papers for a query', () => {
  const papers = Library.fromListings([exampleListing()]).papers;
  const index = new SearchIndex(papers);

  it('lists the newest papers first when nothing is typed, undated ones last', () => {
    const newest = papersForQuery(papers, index, '  ', 100);
    assert.equal(newest.length, papers.length);
    const dates = newest.map((paper) => paper.date ?? '');
    const dated = dates.filter(Boolean);
    assert.deepEqual(dated, [...dated].sort().reverse());
    assert.ok(dates.indexOf('') >= dated.length, 'undated papers come after dated ones');
    assert.deepEqual(newestPapers(papers, 3), newest.slice(0, 3));
  });

  it('keeps the engine’s order and limit for a query', () => {
    for (const query of ['search agent', 'ssrl', 'deep research', 'tree search']) {
      const expected = index.search(query, { limit: 5 }).map((hit) => hit.paper.key);
      assert.ok(expected.length > 0, query);
      assert.deepEqual(papersForQuery(papers, index, query, 5).map((paper) => paper.key), expected, query);
    }
  });

  it('ranks every paper for completion: the hits first, then the rest, each once', () => {
    const ranked = allPapersRanked(papers, index, 'zerosearch');
    assert.equal(ranked[0]!.key, 'zerosearch2025');
    assert.equal(ranked.length, papers.length);
    assert.equal(new Set(ranked.map((paper) => paper.key)).size, papers.length);
  });

  it('offers every paper for completion in a small library, the engine’s best few in a large one', () => {
    const small = completionPapers(papers, index, 'zerosearch', papers.length);
    assert.equal(small.complete, true);
    assert.equal(small.papers.length, papers.length);
    assert.equal(small.papers[0]!.key, 'zerosearch2025');
    const capped = completionPapers(papers, index, 'search', 10);
    assert.equal(capped.complete, false);
    assert.deepEqual(capped.papers.map((paper) => paper.key), index.search('search', { limit: 10 }).map((hit) => hit.paper.key));
    assert.deepEqual(completionPapers(papers, index, '', 10).papers, newestPapers(papers, 10), 'the newest before a key is typed');
  });

  it('escapes icon syntax in listing text and nothing else', () => {
    assert.equal(escapeIconSyntax('Cost $(x+y) and $(gear) or $(sync~spin)'), 'Cost $(x+y) and \\$(gear) or \\$(sync~spin)');
  });
});
