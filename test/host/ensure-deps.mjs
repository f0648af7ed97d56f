// Makes a fresh clone ready for `npm test` and `npm run demo`, cheapest check first: the
// system packages (installed with apt-get as root, otherwise the command to run is printed
// and this stops within seconds), then the npm packages when there are none or the lockfile
// changed since. Nothing slow starts before it is known that it can finish.
//   node test/host/ensure-deps.mjs [--no-browser] [--system-only]
// --no-browser: for the demo, which prints a URL for your own browser instead of starting one.
// --system-only: the system packages alone (CI runs `npm ci` itself).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './hosts.mjs';
import { ensureSystemPackages } from './system-deps.mjs';

const args = process.argv.slice(2);

try {
  ensureSystemPackages({ browser: !args.includes('--no-browser') });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

if (!args.includes('--system-only')) {
  const installed = join(REPO_ROOT, 'node_modules', '.package-lock.json');
  const lock = join(REPO_ROOT, 'package-lock.json');
  const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs;
  if (stale) {
    console.log('Installing npm packages (npm ci)…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
