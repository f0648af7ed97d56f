// A saved search index: what loads back searches exactly as the index that was saved, and
// anything else (another stamp, other papers, damaged bytes) loads as nothing, never as a
// crash or a wrong answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Library } from '../../../src/core/indexing/library';
import type { Paper } from '../../../src/core/paper/paper';
import { decodeSearchIndex, encodeSearchIndex, SearchIndex } from '../../../src/core/search';
import { exampleListing, FIXTURES } from '../helpers';

const queries = (JSON.parse(readFileSync(path.join(FIXTURES, 'search-queries.json'), 'utf8')) as { queries: { query: string }[] }).queries.map((q) => q.query);
const papers = Library.fromListings([exampleListing()]).papers;
const STAMP = 'hf-daily-papers-rl-search.txt 1764331200000 48213';

function results(index: SearchIndex, query: string): string[] {
  return index.search(query, { limit: 20 }).map((hit) => `${hit.paper.key} ${hit.score}`);
}

describe('saved search index', () => {
  const index = new SearchIndex(papers);
  const bytes = encodeSearchIndex(index, STAMP);

  it('loads back an index that answers every query of the quality set exactly as the saved one', () => {
    const loaded = decodeSearchIndex(bytes, papers, STAMP);
    assert.ok(loaded, 'the saved index did not load');
    assert.equal(loaded.size, papers.length);
    assert.ok(queries.length >= 50);
    for (const query of [...queries, 'stratifed grpo', 'zero search', 'muller', 'mars2', 'a', 'ze']) {
      assert.deepEqual(results(loaded, query), results(index, query), query);
    }
  });

  it('finds a paper by its key, arXiv id or DOI after loading', () => {
    const bibtex = ['@article{first, title={Zeta Functions}, eprint={2501.01234}, year={2025}}', '@article{second, title={Zeta Again}, doi={10.1000/xyz.42}, year={2025}}'].join('\n');
    const cited = Library.fromListings([{ file: 'refs.bib', text: bibtex, modifiedAt: new Date(0) }]).papers;
    const loaded = decodeSearchIndex(encodeSearchIndex(new SearchIndex(cited), STAMP), cited, STAMP)!;
    const [first, second] = ['first', 'second'].map((key) => cited.find((paper) => paper.key === key)!);
    assert.equal(loaded.search('first')[0]?.paper, first);
    assert.equal(loaded.search('https://arxiv.org/abs/2501.01234')[0]?.paper, first);
    assert.equal(loaded.search('10.1000/xyz.42')[0]?.paper, second);
  });

  it('loads into the same papers, so a hit is the library paper itself', () => {
    const loaded = decodeSearchIndex(bytes, papers, STAMP)!;
    const hit = loaded.search('zerosearch')[0]!;
    assert.ok(papers.includes(hit.paper));
  });

  it('loads nothing for another stamp, or for papers other than those it was made from', () => {
    assert.equal(decodeSearchIndex(bytes, papers, `${STAMP}x`), undefined);
    assert.equal(decodeSearchIndex(bytes, papers.slice(1), STAMP), undefined, 'one paper fewer');
    assert.equal(decodeSearchIndex(bytes, [...papers].reverse(), STAMP), undefined, 'the same papers in another order');
    const rekeyed: Paper[] = papers.map((paper) => ({ ...paper, key: `${paper.key}x` }));
    assert.equal(decodeSearchIndex(bytes, rekeyed, STAMP), undefined, 'papers with other keys');
  });

  it('loads nothing from bytes that are not a whole saved index', () => {
    assert.equal(decodeSearchIndex(new Uint8Array(0), papers, STAMP), undefined);
    assert.equal(decodeSearchIndex(new TextEncoder().encode('{"format":"lit-review-search-index"}'), papers, STAMP), undefined);
    for (const length of [10, 100, Math.floor(bytes.length / 2), bytes.length - 1]) {
      assert.equal(decodeSearchIndex(bytes.subarray(0, length), papers, STAMP), undefined, `cut to ${length} bytes`);
    }
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    assert.equal(decodeSearchIndex(longer, papers, STAMP), undefined, 'bytes left over');
  });

  it('never throws on damaged bytes, and an index that still loads still searches', () => {
    let refused = 0;
    for (let at = 0; at < bytes.length; at += 97) {
      const damaged = bytes.slice();
      damaged[at] = damaged[at]! ^ 0xa5;
      const loaded = decodeSearchIndex(damaged, papers, STAMP);
      if (!loaded) {
        refused++;
        continue;
      }
      for (const query of ['search', 'zerosearch', 'grpo reasoning', 'stratifed']) {
        for (const hit of loaded.search(query)) assert.ok(papers.includes(hit.paper));
      }
    }
    assert.ok(refused > 0, 'no damage was noticed');
  });

  it('reads integers from bytes at any offset in memory', () => {
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const loaded = decodeSearchIndex(shifted.subarray(1), papers, STAMP);
    assert.ok(loaded);
    assert.deepEqual(results(loaded, 'zerosearch'), results(index, 'zerosearch'));
  });
});
