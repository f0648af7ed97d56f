// Shared by the unit tests: the example listing, read as it would be from disk, and small
// checks several tests make.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const EXAMPLE_FILE = 'hf-daily-papers-rl-search.txt';
/** The day the example page was saved: year-less dates are read relative to it. */
export const EXAMPLE_SAVED_AT = new Date('2026-11-28T12:00:00Z');

export function fixture(...parts: string[]): string {
  return readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

export function exampleListing(): { file: string; text: string; modifiedAt: Date } {
  return { file: EXAMPLE_FILE, text: fixture(EXAMPLE_FILE), modifiedAt: EXAMPLE_SAVED_AT };
}

/** Braces as classic BibTeX counts them: escaped ones too. */
export function bibtexBracesBalance(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** The paper whose title starts so, failing the test when there is none. */
export function paperTitled<T extends { title: string }>(papers: readonly T[], start: string): T {
  const paper = papers.find((p) => p.title.startsWith(start));
  assert.ok(paper, `no paper titled ${start}`);
  return paper;
}

/** How long `run` took, with what it returned: tests print such figures, never fail on them. */
export function timed<T>(run: () => T): { value: T; ms: number } {
  const start = Date.now();
  const value = run();
  return { value, ms: Date.now() - start };
}

/** The 1-based number of the first line (from line `from` on) that contains `needle`; fails the test when there is none. */
export function lineWith(text: string, needle: string, from = 1): number {
  const index = text.split('\n').findIndex((line, i) => i + 1 >= from && line.includes(needle));
  assert.ok(index >= 0, `no line with ${needle}`);
  return index + 1;
}
