// How well search finds the paper a person means, on a real listing: success@1, success@k
// and mean reciprocal rank, for the search index and for plain fuse.js on the same queries.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Fuse from 'fuse.js';
import { Library } from '../../../src/core/indexing/library';
import { FIXTURES } from '../helpers';
import type { Paper } from '../../../src/core/paper/paper';
import { SearchIndex } from '../../../src/core/search';

interface QueryCase {
  query: string;
  /** The title of the paper the query means. */
  expect: string;
  /** The paper must be within the first k hits. */
  k: number;
  kind: string;
}

interface Quality {
  successAt1: number;
  successAtK: number;
  mrr: number;
  misses: string[];
}

const fixtures = FIXTURES;
const listing = readFileSync(path.join(fixtures, 'hf-daily-papers-rl-search.txt'), 'utf8');
const querySet = (name: string): QueryCase[] => (JSON.parse(readFileSync(path.join(fixtures, name), 'utf8')) as { queries: QueryCase[] }).queries;
const cases = querySet('search-queries.json');
/** Paraphrases, partial queries (a word no paper has), misspellings and word starts. */
const hardCases = querySet('search-queries-hard.json');
const papers = Library.fromListings([{ file: 'hf.txt', text: listing, modifiedAt: new Date('2026-11-28T12:00:00Z') }]).papers;

/**
 * What a first version would write: fuse.js over the main fields, accents ignored; by
 * default (matches near the start of a field count) or anywhere in a field (much slower).
 */
function plainFuse(all: readonly Paper[], ignoreLocation: boolean): (query: string) => Paper[] {
  const fuse = new Fuse(all, { keys: ['title', 'abstract', 'authors', 'organization'], ignoreDiacritics: true, ignoreLocation, includeScore: true });
  return (query) => fuse.search(query).map((hit) => hit.item);
}

function measure(search: (query: string) => Paper[], queries: readonly QueryCase[] = cases): Quality {
  let atOne = 0;
  let atK = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const item of queries) {
    const rank = search(item.query).findIndex((paper) => paper.title === item.expect) + 1;
    if (rank === 1) atOne++;
    if (rank >= 1 && rank <= item.k) atK++;
    else misses.push(`"${item.query}" (${item.kind}): rank ${rank || 'not found'}, wanted <= ${item.k}`);
    if (rank) reciprocal += 1 / rank;
  }
  return { successAt1: atOne / queries.length, successAtK: atK / queries.length, mrr: reciprocal / queries.length, misses };
}

function report(name: string, quality: Quality): void {
  const figures = `success@1 ${quality.successAt1.toFixed(3)}  success@k ${quality.successAtK.toFixed(3)}  MRR ${quality.mrr.toFixed(3)}`;
  console.log(`      ${name.padEnd(14)} ${figures}`);
  for (const miss of quality.misses) console.log(`        miss: ${miss}`);
}

describe('search quality on the Daily Papers listing', () => {
  const index = new SearchIndex(papers);
  const ours = measure((query) => index.search(query, { limit: 20 }).map((hit) => hit.paper));
  const baselines = { 'fuse': measure(plainFuse(papers, false)), 'fuse anywhere': measure(plainFuse(papers, true)) };

  before(() => {
    console.log(`      ${cases.length} queries over ${papers.length} papers`);
    report('index', ours);
    for (const [name, quality] of Object.entries(baselines)) report(name, quality);
  });

  it('has a query set worth measuring: every expected paper exists and at least 25 queries', () => {
    assert.ok(cases.length >= 25);
    const titles = new Set(papers.map((paper) => paper.title));
    for (const item of cases) assert.ok(titles.has(item.expect), `no paper titled "${item.expect}"`);
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

  it('has a query set worth measuring: every expected paper exists and at least 30 queries', () => {
    assert.ok(hardCases.length >= 30);
    const titles = new Set(papers.map((paper) => paper.title));
    for (const item of hardCases) assert.ok(titles.has(item.expect), `no paper titled "${item.expect}"`);
  });

  it('answers every query with some papers: a word no paper has never empties the list', () => {
    for (const item of hardCases) assert.ok(index.search(item.query).length > 0, item.query);
  });

  it('finds the meant paper within k for at least 85% of them, ahead of plain fuse.js', () => {
    assert.ok(ours.successAtK >= 0.85, `success@k ${ours.successAtK}; misses:\n${ours.misses.join('\n')}`);
    assert.ok(ours.mrr > fuse.mrr, `MRR ${ours.mrr} <= fuse ${fuse.mrr}`);
  });
});
