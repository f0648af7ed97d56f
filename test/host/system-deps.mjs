// The system packages the test hosts need, checked in well under a second before anything
// is installed or compiled: Chromium (the UI suite and the integration host run in it),
// PostgreSQL (the shared-library tests start throwaway servers of their own) and, while
// code-server is not yet installed, what its native modules compile with. Missing ones
// are installed with apt-get when running as root, otherwise the exact command is printed.
// LIT_REVIEW_NO_APT=1 never runs apt-get (as if not root).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { CODE_SERVER_DIR, SERVER_MAIN, findChromium, isInstalled } from './hosts.mjs';

/** Debian package, how to tell it is there, and why it is needed. */
const PACKAGES = {
  chromium: { present: () => Boolean(findChromium()), why: 'the browser the integration host and the UI suite run in' },
  'libkrb5-dev': { present: () => debInstalled('libkrb5-dev') ?? (existsSync('/usr/include/krb5.h') || existsSync('/usr/include/gssapi/gssapi.h')), why: "Kerberos headers: code-server's native `kerberos` module compiles against them" },
  make: { present: () => onPath('make'), why: "node-gyp runs it to compile code-server's native modules" },
  'g++': { present: () => onPath('g++') || onPath('c++'), why: "the C++ compiler for code-server's native modules" },
  python3: { present: () => onPath('python3'), why: 'node-gyp is written in Python' },
  postgresql: { present: () => postgresInstalled(), why: 'the shared-library tests and benchmark start throwaway PostgreSQL servers' },
  'postgresql-contrib': { present: () => postgresInstalled() && trigramInstalled(), why: 'pg_trgm, the typo-tolerant index of the shared library' },
};

/** initdb of a Debian PostgreSQL (not on the PATH there), or one on the PATH. */
function postgresInstalled() {
  const root = '/usr/lib/postgresql';
  return (existsSync(root) && readdirSync(root).some((version) => existsSync(`${root}/${version}/bin/initdb`))) || onPath('initdb');
}

function trigramInstalled() {
  const root = '/usr/share/postgresql';
  return existsSync(root) && readdirSync(root).some((version) => existsSync(`${root}/${version}/extension/pg_trgm.control`));
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** true or false from dpkg, undefined where there is no dpkg. */
function debInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (result.error) return undefined;
  return result.status === 0 && result.stdout.includes('install ok installed');
}

export function codeServerInstalled() {
  return isInstalled(CODE_SERVER_DIR) && existsSync(SERVER_MAIN);
}

/** The Debian packages missing for what is about to run. */
export function missingSystemPackages({ browser = true, build = !codeServerInstalled(), postgres = browser } = {}) {
  const needed = [...(browser ? ['chromium'] : []), ...(postgres ? ['postgresql', 'postgresql-contrib'] : []), ...(build ? ['libkrb5-dev', 'make', 'g++', 'python3'] : [])];
  return needed.filter((name) => !PACKAGES[name].present());
}

function describe(names) {
  const width = Math.max(...names.map((name) => name.length));
  return names.map((name) => `  ${name.padEnd(width)}  ${PACKAGES[name].why}`).join('\n');
}

/**
 * Installs what is missing (root with apt-get) or throws with the command to run. Logs nothing
 * when everything is there.
 */
export function ensureSystemPackages({ browser, build, postgres, log = console.log } = {}) {
  if (process.platform !== 'linux') return;
  const missing = missingSystemPackages({ browser, build, postgres });
  if (missing.length === 0) return;
  const hasApt = onPath('apt-get');
  const isRoot = process.getuid?.() === 0 && !['1', 'true'].includes(process.env.LIT_REVIEW_NO_APT ?? '');
  if (!hasApt) {
    throw new Error(`These system packages are missing (Debian names; install your system's equivalents, then run this again):\n${describe(missing)}`);
  }
  if (!isRoot) {
    throw new Error(`These system packages are missing:\n${describe(missing)}\nInstall them, then run this again:\n\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n`);
  }
  log(`Installing system packages with apt-get (running as root):\n${describe(missing)}`);
  // Nothing may prompt: this runs unattended in CI and under `npm test`.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', ...missing]]) {
    log(`$ apt-get ${args.join(' ')}`);
    const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`apt-get ${args[0]} failed (${result.signal ?? `exit ${result.status}`}).`);
  }
  const still = missingSystemPackages({ browser, build, postgres });
  if (still.length) throw new Error(`apt-get finished but these are still missing: ${still.join(', ')}`);
}
