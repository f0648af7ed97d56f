// How well search finds the paper a person means, on a real listing: success@1, success@k
// and mean reciprocal rank, for the search index and for plain fuse.js on the same queries.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { SearchIndex } from '../../../src/core/search';
import { exampleListing } from '../helpers';
import { assertQuerySetWorthMeasuring, measure, plainFuse, querySet, report } from './quality';

const cases = querySet('search-queries.json');
/** Paraphrases, partial queries (a word no paper has), misspellings and word starts. */
const hardCases = querySet('search-queries-hard.json');
const papers = Library.fromListings([exampleListing()]).papers;

describe('search quality on the Daily Papers listing', () => {
  const index = new SearchIndex(papers);
  const ours = measure((query) => index.search(query, { limit: 20 }).map((hit) => hit.paper), cases);
  const baselines = { 'fuse': measure(plainFuse(papers, false), cases), 'fuse anywhere': measure(plainFuse(papers, true), cases) };

  before(() => {
    console.log(`      ${cases.length} queries over ${papers.length} papers`);
    report('index', ours);
    for (const [name, quality] of Object.entries(baselines)) report(name, quality);
  });

  it('has a query set worth measuring: every expected paper exists and at least 25 queries', () => {
    assertQuerySetWorthMeasuring(cases, papers, 25);
  });

  it('finds the meant paper within k for at least 95% of the queries', () => {
    assert.ok(ours.successAtK >= 0.95, `success@k ${ours.successAtK}; misses:\n${ours.misses.join('\n')}`);
  });

  it('puts the meant paper first for at least 85% of the queries', () => {
    assert.ok(ours.successAt1 >= 0.85, `success@1 ${ours.successAt1}`);
  });

  it('ranks at least as well as plain fuse.js, either way it is set up', () => {
    for (const [name, baseline] of Object.entries(baselines)) {
      assert.ok(ours.mrr >= baseline.mrr, `MRR ${ours.mrr} < ${name} ${baseline.mrr}`);
      assert.ok(ours.successAtK >= baseline.successAtK, `success@k ${ours.successAtK} < ${name} ${baseline.successAtK}`);
    }
  });
});

describe('search quality on harder queries: paraphrases, partial queries, misspellings, word starts', () => {
  const index = new SearchIndex(papers);
  const ours = measure((query) => index.search(query, { limit: 20 }).map((hit) => hit.paper), hardCases);
  const fuse = measure(plainFuse(papers, true), hardCases);

  before(() => {
    console.log(`      ${hardCases.length} queries over ${papers.length} papers`);
    report('index', ours);
    report('fuse anywhere', fuse);
  });

  it('has a query set worth measuring: every expected paper exists and at least 60 queries', () => {
    assertQuerySetWorthMeasuring(hardCases, papers, 60);
  });

  it('answers every query with some papers: a word no paper has never empties the list', () => {
    for (const item of hardCases) assert.ok(index.search(item.query).length > 0, item.query);
  });

  it('finds the meant paper within k for at least 85% of them, ahead of plain fuse.js', () => {
    assert.ok(ours.successAtK >= 0.85, `success@k ${ours.successAtK}; misses:\n${ours.misses.join('\n')}`);
    assert.ok(ours.mrr > fuse.mrr, `MRR ${ours.mrr} <= fuse ${fuse.mrr}`);
  });
});
