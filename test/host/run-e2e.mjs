// Runs the UI suite (test/e2e/*.test.mjs) with mocha: each test drives a real VS Code
// workbench in headless Chromium. Screenshots land in test-results/screenshots/.
// LIT_REVIEW_TEST_GREP filters tests by name.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { closeAllWorkbenches } from '../e2e/workbench.mjs';
import { findChromium, REPO_ROOT } from './hosts.mjs';
import { ensureHosts, vscodeVersion } from './install.mjs';

const E2E_DIR = join(REPO_ROOT, 'test', 'e2e');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: closing the workbench.`);
    void closeAllWorkbenches().finally(() => process.exit(130));
  });
}

async function main() {
  if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first.');
  const chromium = findChromium();
  if (!chromium) throw new Error('Chromium not found: apt-get install -y chromium (or set LIT_REVIEW_CHROMIUM).');
  await ensureHosts();
  console.log(`UI suite: VS Code ${vscodeVersion()} server with ${chromium} (headless)`);
  const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, reporter: 'spec', grep: process.env.LIT_REVIEW_TEST_GREP });
  for (const file of readdirSync(E2E_DIR).filter((name) => name.endsWith('.test.mjs')).sort()) mocha.addFile(join(E2E_DIR, file));
  await mocha.loadFilesAsync();
  const started = Date.now();
  const failures = await new Promise((resolve) => mocha.run(resolve));
  await closeAllWorkbenches();
  console.log(`UI suite ${failures === 0 ? 'passed' : `failed (${failures} failing)`} in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in test-results/screenshots/.`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeAllWorkbenches();
    process.exit(1);
  },
);
