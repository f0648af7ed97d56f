// Opens Lit Review on the bundled example library (examples/) in VS Code in the browser:
// starts VS Code's server with the extension loaded from this checkout and prints the URL.
// No browser is started here; open the URL in yours. Ctrl+C stops the server.
//   node test/host/demo.mjs [--port 8080] [--host 127.0.0.1] [--folder path]
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './hosts.mjs';
import { ensureHosts } from './install.mjs';
import { freePort, QUIET_SETTINGS, startServer, workbenchUrl } from './server.mjs';
import { EXAMPLES } from './workspaces.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    folder: { type: 'string', default: EXAMPLES },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: npm run demo -- [--port N] [--host ADDRESS] [--folder PATH]\nOpens Lit Review on PATH (default: the example library) in VS Code in the browser.');
  process.exit(0);
}

async function portToUse() {
  if (values.port) return Number(values.port);
  // A familiar port when it is free, any free port otherwise.
  const preferred = 8080;
  const { createServer } = await import('node:net');
  const free = await new Promise((resolvePort) => {
    const probe = createServer().once('error', () => resolvePort(false)).listen(preferred, values.host, () => probe.close(() => resolvePort(true)));
  });
  return free ? preferred : freePort();
}

const folder = isAbsolute(values.folder) ? values.folder : resolve(process.cwd(), values.folder);
if (!existsSync(folder)) {
  console.error(`No such folder: ${folder}`);
  process.exit(1);
}
if (!existsSync(resolve(REPO_ROOT, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first (`npm run demo` does).');
  process.exit(1);
}

await ensureHosts();
const server = await startServer({
  host: values.host,
  port: await portToUse(),
  settings: { ...QUIET_SETTINGS, 'workbench.colorTheme': 'Default Dark Modern' },
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping VS Code.`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
server.process.once('exit', (code, signal) => {
  if (stopping) return;
  console.error(`VS Code's server stopped by itself (${signal ?? `exit code ${code}`}).`);
  process.exit(1);
});

const url = workbenchUrl(server, { folder, extensionDevelopmentPath: REPO_ROOT });
console.log(`
Lit Review is running in VS Code ${server.vscodeVersion} on ${folder}.

Open this address in a browser (as printed: the extension is loaded through it):

  ${url}

Then click the book icon in the activity bar. Press Ctrl+C here to stop.
`);
