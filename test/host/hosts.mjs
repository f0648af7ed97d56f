// Where the test hosts live and which versions they are. Everything sits under `.hosts/`
// at the repository root (ignored by git), one folder per tool and version, so a version
// bump installs side by side and an old folder can simply be deleted.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOSTS_DIR = join(REPO_ROOT, '.hosts');

// code-server 4.139.1 ships VS Code 1.139's server build and requires Node 24.
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.22.3';

const NODE_ARCH = { x64: 'x64', arm64: 'arm64' }[process.arch];
export const NODE_PACKAGE = `node-${process.platform}-${NODE_ARCH ?? process.arch}`;

export const NODE_DIR = join(HOSTS_DIR, `node-${NODE_VERSION}`);
/** The package folder: holds bin/node and include/node (the headers node-gyp needs). */
export const NODE_HOME = join(NODE_DIR, 'node_modules', NODE_PACKAGE);
export const NODE_BIN = join(NODE_HOME, 'bin', 'node');

export const CODE_SERVER_DIR = join(HOSTS_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const VSCODE_DIR = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode');
/** VS Code's own server entry; code-server's wrapper rejects the flags tests need. */
export const SERVER_MAIN = join(VSCODE_DIR, 'out', 'server-main.js');

/** Written last by the installer, so a half-finished install is never mistaken for a good one. */
export const COMPLETE_MARKER = '.complete';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  if (process.env.LIT_REVIEW_CHROMIUM) return process.env.LIT_REVIEW_CHROMIUM;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

export function isInstalled(dir) {
  return existsSync(join(dir, COMPLETE_MARKER));
}
