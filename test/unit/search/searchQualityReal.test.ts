// Search quality over a real mixed library: the Markdown reading lists, the Hugging Face
// JSON answers and two BibTeX folders of test/fixtures/real, read as the command line reads
// them. The queries (test/fixtures/search-queries-real.json) were written before any tuning.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Library, type Listing } from '../../../src/core/indexing/library';
import type { Paper } from '../../../src/core/paper/paper';
import { SearchIndex } from '../../../src/core/search';
import { readListings } from '../../../src/node/readListings';
import { FIXTURES } from '../helpers';
import { assertQuerySetWorthMeasuring, measure, plainFuse, querySet, report, type Quality } from './quality';

const REAL_FOLDERS = ['markdown', 'hf-json', 'bibtex/texlive', 'bibtex/split-iridia'];
const realCases = querySet('search-queries-real.json');

/** Each folder read as its own library folder would be, its files named under the folder. */
async function realPapers(): Promise<Paper[]> {
  const listings: Listing[] = [];
  for (const folder of REAL_FOLDERS) {
    const read = await readListings(path.join(FIXTURES, 'real', folder));
    listings.push(...read.listings.map((listing) => ({ ...listing, file: `${folder}/${listing.file}` })));
  }
  return Library.fromListings(listings).papers;
}

describe('search quality on a real mixed library: reading lists, daily papers and BibTeX', () => {
  let papers: Paper[] = [];
  let ours: Quality;
  let fuse: Quality;

  before(async function () {
    // Plain fuse.js reads every paper for every query: seconds over two and a half thousand.
    this.timeout(120_000);
    papers = await realPapers();
    const index = new SearchIndex(papers);
    ours = measure((query) => index.search(query, { limit: 20 }).map((hit) => hit.paper), realCases);
    fuse = measure(plainFuse(papers, true), realCases);
    console.log(`      ${realCases.length} queries over ${papers.length} papers`);
    report('index', ours);
    report('fuse anywhere', fuse);
  });

  it('has a query set worth measuring: every expected paper exists and at least 30 queries', () => {
    assertQuerySetWorthMeasuring(realCases, papers, 30);
  });

  it('finds the meant paper within k for at least 95% of the queries, ahead of plain fuse.js', () => {
    assert.ok(ours.successAtK >= 0.95, `success@k ${ours.successAtK}; misses:\n${ours.misses.join('\n')}`);
    assert.ok(ours.mrr > fuse.mrr, `MRR ${ours.mrr} <= fuse ${fuse.mrr}`);
  });

  it('puts the meant paper first for at least 90% of the queries', () => {
    assert.ok(ours.successAt1 >= 0.9, `success@1 ${ours.successAt1}`);
  });
});
