// Shared by the unit tests: the example listing, read as it would be from disk.
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
