// Temporary workspaces for the suites, so no test ever writes into the repository.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './hosts.mjs';

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const EXAMPLES = join(REPO_ROOT, 'examples');
/**
 * The day the example page was saved. Its year-less dates ("Mar 16") are read relative to the
 * file's modification time, so copies get this time to read the same on any day.
 */
export const EXAMPLE_SAVED_AT = new Date('2026-11-28T12:00:00Z');

function stampExampleTime(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) stampExampleTime(path);
    else utimesSync(path, EXAMPLE_SAVED_AT, EXAMPLE_SAVED_AT);
  }
}

/** test/fixtures/workspace plus the example listing in its `papers/` library folder. */
export function createFixtureWorkspace() {
  const root = mkdtempSync(join(tmpdir(), 'lit-review-workspace-'));
  cpSync(join(FIXTURES, 'workspace'), root, { recursive: true });
  mkdirSync(join(root, 'papers'), { recursive: true });
  copyFileSync(join(FIXTURES, 'hf-daily-papers-rl-search.txt'), join(root, 'papers', 'hf-daily-papers-rl-search.txt'));
  stampExampleTime(root);
  return { path: root, remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }) };
}

/** A copy of the bundled example library (examples/), opened as the workspace folder itself. */
export function createExampleWorkspace() {
  const root = mkdtempSync(join(tmpdir(), 'lit-review-examples-'));
  cpSync(EXAMPLES, root, { recursive: true });
  stampExampleTime(root);
  return { path: root, remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }) };
}

/** The folders of test/fixtures/real that make one mixed library: TeX, optimisation, LLMs and medical AI. */
export const REAL_MIXED_FOLDERS = ['bibtex/texlive', 'bibtex/split-iridia', 'markdown', 'hf-json'];

/**
 * A workspace whose `papers/` folder holds the real mixed library's listings side by side,
 * as a researcher who gathered them would keep them (their provenance notes left out).
 */
export function createRealMixedWorkspace() {
  const root = mkdtempSync(join(tmpdir(), 'lit-review-real-'));
  mkdirSync(join(root, 'papers'), { recursive: true });
  for (const folder of REAL_MIXED_FOLDERS) {
    for (const name of readdirSync(join(FIXTURES, 'real', folder))) {
      if (name !== 'PROVENANCE.md') copyFileSync(join(FIXTURES, 'real', folder, name), join(root, 'papers', name));
    }
  }
  return { path: root, remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 3 }) };
}
