// Installs the hosts the integration and UI suites run in: Node 24 and code-server (VS Code's
// server build) under `.hosts/`, keyed by version. Safe to run again: finished installs are
// reused, half-finished ones are redone. `node test/host/install.mjs` or `npm run hosts`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_DIR, CODE_SERVER_VERSION, COMPLETE_MARKER, HOSTS_DIR, NODE_BIN, NODE_DIR, NODE_HOME,
  NODE_PACKAGE, NODE_VERSION, SERVER_MAIN, VSCODE_DIR, findChromium, isInstalled,
} from './hosts.mjs';
import { ensureSystemPackages } from './system-deps.mjs';

const MINUTE = 60_000;

/** npm's JavaScript entry, so npm can be run under a Node other than the one on PATH. */
export function findNpmCli() {
  const candidates = [];
  if (process.env.npm_execpath) candidates.push(process.env.npm_execpath);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const npm = join(dir, 'npm');
    if (existsSync(npm)) {
      const real = realpathSync(npm);
      candidates.push(real, join(dirname(real), 'npm-cli.js'), join(dirname(real), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
    }
  }
  candidates.push(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'));
  const found = candidates.find((file) => file.endsWith('npm-cli.js') && existsSync(file));
  if (!found) throw new Error(`Cannot find npm-cli.js (looked at: ${candidates.join(', ')})`);
  return found;
}

function run(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} took more than ${timeoutMs / MINUTE} minutes`));
    }, timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * An outer `npm run` exports its own settings as npm_config_* and friends, which a nested npm
 * reads as its own: its prefix would point the install at the repository, its nodedir at the
 * machine's Node headers, and its user agent would tell code-server's postinstall that Node is
 * the machine's version. Registry, proxy and certificate settings are kept.
 */
const KEPT_NPM_CONFIG = /^npm_config_(registry|@.*:registry|proxy|https_proxy|http_proxy|noproxy|no_proxy|cafile|ca|strict_ssl|cache|userconfig|globalconfig)$/i;

function cleanNpmEnv(extra) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_/i.test(key) && !KEPT_NPM_CONFIG.test(key)) delete env[key];
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

/** One install at a time per folder, even when two suites start together. */
async function withLock(dir, work) {
  const lock = `${dir}.lock`;
  const deadline = Date.now() + 40 * MINUTE;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (!lockHolderAlive(lock)) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new Error(`Gave up waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockHolderAlive(lock) {
  try {
    process.kill(Number(readFileSync(join(lock, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

async function installPackage({ dir, spec, npmNode, env, extraArgs, timeoutMs }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A package.json of its own stops npm from walking up to the repository's.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'lit-review-test-host', private: true }, null, 2) + '\n');
  await run(npmNode, [findNpmCli(), 'install', '--prefix', dir, '--no-audit', '--no-fund', ...extraArgs, spec], { cwd: dir, env, timeoutMs });
}

export async function ensureNode({ log = console.log } = {}) {
  if (isInstalled(NODE_DIR) && existsSync(NODE_BIN)) return { installed: false };
  return withLock(NODE_DIR, async () => {
    if (isInstalled(NODE_DIR) && existsSync(NODE_BIN)) return { installed: false };
    log(`Installing Node ${NODE_VERSION} (${NODE_PACKAGE}) into ${NODE_DIR}`);
    const started = Date.now();
    // --ignore-scripts: the package's own postinstall would try to relink a global node.
    await installPackage({ dir: NODE_DIR, spec: `${NODE_PACKAGE}@${NODE_VERSION}`, npmNode: process.execPath, env: cleanNpmEnv({}), extraArgs: ['--ignore-scripts'], timeoutMs: 15 * MINUTE });
    const version = spawnSync(NODE_BIN, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version !== `v${NODE_VERSION}`) throw new Error(`${NODE_BIN} reports ${version || 'nothing'}, expected v${NODE_VERSION}`);
    writeFileSync(join(NODE_DIR, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    log(`Installed Node ${version} in ${seconds(started)}`);
    return { installed: true };
  });
}

export async function ensureCodeServer({ log = console.log } = {}) {
  if (isInstalled(CODE_SERVER_DIR) && existsSync(SERVER_MAIN)) return { installed: false };
  await ensureNode({ log });
  return withLock(CODE_SERVER_DIR, async () => {
    if (isInstalled(CODE_SERVER_DIR) && existsSync(SERVER_MAIN)) return { installed: false };
    // Before minutes of compiling, not after: the native modules need headers and a toolchain.
    ensureSystemPackages({ browser: false, build: true, log });
    log(`Installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (compiles native modules: several minutes)`);
    const started = Date.now();
    // npm and node-gyp must both run under Node 24 and build against its headers.
    const env = cleanNpmEnv({
      PATH: `${dirname(NODE_BIN)}${delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: NODE_HOME,
    });
    await installPackage({ dir: CODE_SERVER_DIR, spec: `code-server@${CODE_SERVER_VERSION}`, npmNode: NODE_BIN, env, extraArgs: [], timeoutMs: 40 * MINUTE });
    if (!existsSync(SERVER_MAIN)) throw new Error(`code-server installed but ${SERVER_MAIN} is missing`);
    // Built by code-server's postinstall; missing when npm skipped install scripts.
    const nativeModule = join(VSCODE_DIR, 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node');
    if (!existsSync(nativeModule)) {
      throw new Error(`code-server's native modules were not built (${nativeModule} is missing). Check that npm runs install scripts and that a C++ compiler, make, python3 and libkrb5-dev are installed.`);
    }
    writeFileSync(join(CODE_SERVER_DIR, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
    log(`Installed code-server ${CODE_SERVER_VERSION} (VS Code ${vscodeVersion()}) in ${seconds(started)}`);
    return { installed: true };
  });
}

/** The VS Code version inside code-server, from its product.json / package.json. */
export function vscodeVersion() {
  for (const file of ['package.json', 'product.json']) {
    try {
      const data = JSON.parse(readFileSync(join(VSCODE_DIR, file), 'utf8'));
      if (data.version) return data.version;
    } catch { /* try the next */ }
  }
  return 'unknown';
}

export async function ensureHosts({ log = console.log } = {}) {
  mkdirSync(HOSTS_DIR, { recursive: true });
  const node = await ensureNode({ log });
  const server = await ensureCodeServer({ log });
  return { node, server };
}

function seconds(started) {
  return `${((Date.now() - started) / 1000).toFixed(0)} s`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const { node, server } = await ensureHosts();
    console.log(`Node ${NODE_VERSION}: ${node.installed ? 'installed' : 'already installed'} (${NODE_BIN})`);
    console.log(`code-server ${CODE_SERVER_VERSION} / VS Code ${vscodeVersion()}: ${server.installed ? 'installed' : 'already installed'} (${SERVER_MAIN})`);
    const chromium = findChromium();
    console.log(chromium ? `Chromium for the UI suite: ${chromium}` : 'Chromium not found: the UI suite needs it (apt-get install -y chromium); the demo does not.');
    console.log(`Done in ${seconds(started)}.`);
  } catch (error) {
    console.error(`Installing the test hosts failed: ${error.message}`);
    process.exit(1);
  }
}
