// Installs the npm packages when a fresh clone has none (or the lockfile changed since),
// so `npm test` and `npm run demo` work as the first command after `git clone`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './hosts.mjs';

const installed = join(REPO_ROOT, 'node_modules', '.package-lock.json');
const lock = join(REPO_ROOT, 'package-lock.json');
const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;

if (stale) {
  console.log('Installing npm packages (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
