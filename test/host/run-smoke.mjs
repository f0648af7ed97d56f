// The smoke test of the package: builds the .vsix as `npm run package` does, installs it into
// a fresh extensions folder with the VS Code server's `--install-extension`, and runs
// test/smoke inside that server's extension host on a copy of the example library. The
// extension under test is the installed copy: the only development path given to the host
// is the smoke suite's own folder, an empty extension that carries the tests.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './hosts.mjs';
import { ensureHosts } from './install.mjs';
import { runSuite } from './run-suite.mjs';
import { startServer } from './server.mjs';
import { createExampleWorkspace } from './workspaces.mjs';

const SOURCE = join(REPO_ROOT, 'test', 'smoke');
const OUT = join(REPO_ROOT, 'out', 'test', 'smoke');
const VSIX = join(REPO_ROOT, 'out', 'smoke', 'lit-review.vsix');
const RESULTS = join(REPO_ROOT, 'test-results', 'smoke');
const BANNER = 'Smoke test in ';

function packageVsix() {
  rmSync(VSIX, { force: true });
  mkdirSync(join(VSIX, '..'), { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'package', '--', '--out', VSIX], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}`);
}

async function buildSuite() {
  rmSync(OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: readdirSync(SOURCE).filter((name) => name.endsWith('.ts')).map((name) => join(SOURCE, name)),
    outdir: OUT, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline',
    external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  // The host runs tests only for a development extension; this one contributes nothing.
  writeFileSync(join(OUT, 'package.json'), JSON.stringify({
    name: 'lit-review-smoke', publisher: 'lit-review', version: '0.0.0', engines: { vscode: '^1.100.0' },
  }, null, 2) + '\n');
}

// Stopping here stops the server too: its exit handler kills its process group.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

async function main() {
  const started = Date.now();
  packageVsix();
  await buildSuite();
  await ensureHosts();

  mkdirSync(RESULTS, { recursive: true });
  const log = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'lit-review-smoke-'));
  const extensionsDir = join(dataDir, 'extensions');
  const workspace = createExampleWorkspace();
  let server;
  try {
    server = await startServer({
      dataDir,
      install: [VSIX],
      env: { LIT_REVIEW_SMOKE_EXTENSIONS_DIR: extensionsDir },
      log: (line) => log.push(`[server] ${line}`),
    });
    console.log(`Smoke test: ${(statSync(VSIX).size / 1024).toFixed(0)} KB .vsix installed into VS Code ${server.vscodeVersion} server, example library`);
    const { code, started: ran } = await runSuite({
      server, folder: workspace.path, extensionDevelopmentPath: OUT, extensionTestsPath: join(OUT, 'index'), banner: BANNER, log: (line) => log.push(line),
    });
    if (!ran) console.error(`The smoke test never started; see ${join(RESULTS, 'host.log')}.`);
    console.log(`Smoke test ${code === 0 ? 'passed' : `failed (exit code ${code})`} in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    return code;
  } finally {
    writeFileSync(join(RESULTS, 'host.log'), log.join('\n') + '\n');
    await server?.stop();
    workspace.remove();
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
