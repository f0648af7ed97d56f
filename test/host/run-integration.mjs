// Runs the compiled integration suite (out/test/integration) inside a real VS Code, and exits
// with the suite's exit code. Two hosts run the same suite:
//   electron: desktop VS Code through @vscode/test-electron (needs its download, or a cached copy)
//   server:   VS Code's server build (code-server) with the workbench in headless Chromium
// LIT_REVIEW_HOST=electron|server forces one. Otherwise electron runs only when a downloaded
// copy is already cached in .vscode-test/, and the server host everywhere else.
// LIT_REVIEW_TEST_GREP filters tests by name; LIT_REVIEW_TIMEOUT (seconds, default 600) bounds
// the run once the host is installed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './hosts.mjs';
import { ensureHosts } from './install.mjs';
import { runSuite } from './run-suite.mjs';
import { startServer } from './server.mjs';
import { createFixtureWorkspace } from './workspaces.mjs';

const TESTS_INDEX = join(REPO_ROOT, 'out', 'test', 'integration', 'index');
const ELECTRON_CACHE = join(REPO_ROOT, '.vscode-test');
const RESULTS = join(REPO_ROOT, 'test-results', 'integration');
const TIMEOUT_MS = Number(process.env.LIT_REVIEW_TIMEOUT ?? 600) * 1000;
// The first line the suite prints; the workbench's own chatter before it is kept in the log file only.
const SUITE_BANNER = 'Integration suite in ';

const cleanups = [];
let cleaning;
function cleanUp() {
  cleaning ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try { await cleanup(); } catch (error) { console.error(`Cleanup failed: ${error.message}`); }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the test host.`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** The newest complete desktop VS Code that @vscode/test-electron has already downloaded. */
function cachedElectronVersion() {
  if (!existsSync(ELECTRON_CACHE)) return undefined;
  return readdirSync(ELECTRON_CACHE)
    .map((name) => /^vscode-[^-]+(?:-[^-]+)*?-(\d+\.\d+\.\d+|stable|insiders)$/.exec(name))
    .filter((match) => match && existsSync(join(ELECTRON_CACHE, match[0], 'is-complete')))
    .map((match) => match[1])
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))[0];
}

function chooseHost() {
  const forced = process.env.LIT_REVIEW_HOST;
  if (forced) {
    if (forced !== 'electron' && forced !== 'server') throw new Error(`LIT_REVIEW_HOST must be "electron" or "server", not "${forced}".`);
    return forced;
  }
  return cachedElectronVersion() ? 'electron' : 'server';
}

async function runInElectron(workspace) {
  const { runTests } = await import('@vscode/test-electron');
  const version = cachedElectronVersion();
  console.log(`Host: desktop VS Code ${version ?? 'stable (to download)'} through @vscode/test-electron`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'lit-review-electron-'));
  cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }));
  try {
    return await runTests({
      version,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_INDEX,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userDataDir}`],
      timeout: 60_000,
    });
  } catch (error) {
    // test-electron rejects when the suite fails; its error carries the exit code.
    if (typeof error?.code === 'number') return error.code;
    if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(String(error?.message ?? error))) {
      throw new Error(`Desktop VS Code could not be downloaded (${error.message}). Without internet, use the server host: LIT_REVIEW_HOST=server, or leave LIT_REVIEW_HOST unset.`);
    }
    throw error;
  }
}

async function runInServer(workspace) {
  mkdirSync(RESULTS, { recursive: true });
  const logLines = [];
  const hostLog = (line) => logLines.push(line);
  cleanups.push(() => writeFileSync(join(RESULTS, 'host.log'), logLines.join('\n') + '\n'));

  const server = await startServer({ log: (line) => hostLog(`[server] ${line}`) });
  cleanups.push(() => server.stop());
  console.log(`Host: VS Code ${server.vscodeVersion} server (code-server) with headless Chromium, port ${server.port}`);

  const { code, started } = await runSuite({
    server, folder: workspace, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: TESTS_INDEX, banner: SUITE_BANNER, log: hostLog,
  });
  if (!started) console.error(`The suite never started; see ${join(RESULTS, 'host.log')}.`);
  return code;
}

async function main() {
  if (!existsSync(`${TESTS_INDEX}.js`)) throw new Error(`${TESTS_INDEX}.js is missing: run \`npm run build:tests\` first.`);
  if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first.');
  const started = Date.now();
  const host = chooseHost();
  // Installing the server host the first time takes minutes: it is not part of the run's time limit.
  if (host === 'server') await ensureHosts();
  const workspace = createFixtureWorkspace();
  cleanups.push(() => workspace.remove());

  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The integration run took longer than ${TIMEOUT_MS / 1000} s and was stopped.`)), TIMEOUT_MS);
  });
  try {
    const run = host === 'electron' ? runInElectron(workspace.path) : runInServer(workspace.path);
    const code = await Promise.race([run, timeout]);
    console.log(`Integration suite ${code === 0 ? 'passed' : `failed (exit code ${code})`} on the ${host} host in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    return code;
  } finally {
    clearTimeout(timer);
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    void cleanUp().finally(() => process.exit(1));
  },
);
