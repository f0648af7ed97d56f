// Measuring how well a search finds the paper a person means: success@1, success@k and
// mean reciprocal rank over a query set, for the search index and for plain fuse.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Fuse from 'fuse.js';
import type { Paper } from '../../../src/core/paper/paper';
import { FIXTURES } from '../helpers';

export interface QueryCase {
  query: string;
  /** The title of the paper the query means, exactly as the library has it. */
  expect: string;
  /** The paper must be within the first k hits. */
  k: number;
  kind: string;
}

export interface Quality {
  successAt1: number;
  successAtK: number;
  mrr: number;
  misses: string[];
}

export function querySet(name: string): QueryCase[] {
  return (JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as { queries: QueryCase[] }).queries;
}

/**
 * What a first version would write: fuse.js over the main fields, accents ignored; by
 * default (matches near the start of a field count) or anywhere in a field (much slower).
 */
export function plainFuse(all: readonly Paper[], ignoreLocation: boolean): (query: string) => Paper[] {
  const fuse = new Fuse(all, { keys: ['title', 'abstract', 'authors', 'organization'], ignoreDiacritics: true, ignoreLocation, includeScore: true });
  return (query) => fuse.search(query).map((hit) => hit.item);
}

export function measure(search: (query: string) => Paper[], queries: readonly QueryCase[]): Quality {
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

export function report(name: string, quality: Quality): void {
  const figures = `success@1 ${quality.successAt1.toFixed(3)}  success@k ${quality.successAtK.toFixed(3)}  MRR ${quality.mrr.toFixed(3)}`;
  console.log(`      ${name.padEnd(14)} ${figures}`);
  for (const miss of quality.misses) console.log(`        miss: ${miss}`);
}

/** Fails unless the set has at least `minimum` queries and every paper it expects is in the library. */
export function assertQuerySetWorthMeasuring(queries: readonly QueryCase[], papers: readonly Paper[], minimum: number): void {
  assert.ok(queries.length >= minimum, `${queries.length} queries, fewer than ${minimum}`);
  const titles = new Set(papers.map((paper) => paper.title));
  for (const item of queries) assert.ok(titles.has(item.expect), `no paper titled "${item.expect}"`);
}
