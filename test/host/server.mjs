// Starts and stops VS Code's server (from code-server) on a free port: the host the
// integration suite, the UI suite and the demo share. Each server gets fresh data folders
// unless told otherwise, and is killed with its whole process group on exit.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_BIN, SERVER_MAIN } from './hosts.mjs';
import { vscodeVersion } from './install.mjs';

const READY = /Web UI available at (\S+)/;

/** Settings that keep the workbench quiet and plain: no chat, no welcome page, no telemetry. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'chat.agent.enabled': false,
  'chat.setupFromDialog': false,
  'window.commandCenter': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'editor.bracketPairColorization.enabled': false,
  'editor.occurrencesHighlight': 'off',
  'workbench.layoutControl.enabled': false,
};

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Installs a .vsix into a server's extensions folder with the server's own
 * `--install-extension`, as a user installs one: unpacked from the package, nothing from source.
 */
export function installExtension(vsix, { extensionsDir, userDataDir }) {
  const result = spawnSync(NODE_BIN, [
    SERVER_MAIN, '--install-extension', vsix, '--force',
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--accept-server-license-terms',
  ], { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`Installing ${vsix} failed (${result.signal ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Starts a server and resolves once it serves the workbench.
 * `dataDir` reuses a folder for the user data and extensions, kept when the server stops (so a
 * second start finds what the first saved); otherwise a fresh one is made and deleted.
 * `install` lists .vsix files installed into the extensions folder before the server starts.
 * @param {{ settings?: object, port?: number, host?: string, log?: (line: string) => void,
 *           startTimeoutMs?: number, env?: object, dataDir?: string, install?: string[] }} options
 */
export async function startServer(options = {}) {
  const { settings = QUIET_SETTINGS, host = '127.0.0.1', log = () => {}, startTimeoutMs = 90_000 } = options;
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lit-review-host-'));
  const userDataDir = join(dataDir, 'user-data');
  const extensionsDir = join(dataDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  for (const vsix of options.install ?? []) installExtension(vsix, { extensionsDir, userDataDir });

  const args = [
    SERVER_MAIN,
    '--host', host, '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    // Makes the built workbench honour the `payload` that loads the extension and its tests.
    '--enable-smoke-test-driver',
    '--disable-workspace-trust', '--disable-telemetry',
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir,
  ];
  // Its own process group, so stopping it also stops the extension host and watchers it spawned.
  const child = spawn(NODE_BIN, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  const output = [];
  let stopped = false;

  const killGroup = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* already gone */ }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    // The extension host may outlive the server by a moment.
    killGroup('SIGKILL');
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await new Promise((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`VS Code server did not start within ${startTimeoutMs / 1000} s:\n${output.join('')}`)), startTimeoutMs);
      const onData = (chunk) => {
        const text = chunk.toString();
        output.push(text);
        for (const line of text.split('\n')) if (line.trim()) log(line);
        if (READY.test(output.join(''))) { clearTimeout(timer); resolveReady(); }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('error', (error) => { clearTimeout(timer); reject(error); });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`VS Code server exited (${signal ?? `code ${code}`}) before it was ready:\n${output.join('')}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    port,
    origin: `http://${host}:${port}`,
    /** Remote URIs the workbench resolves on this server's file system. */
    remoteUri: (absolutePath) => `vscode-remote://${host}:${port}${absolutePath}`,
    userDataDir,
    extensionsDir,
    vscodeVersion: vscodeVersion(),
    process: child,
    output: () => output.join(''),
    stop,
  };
}

/**
 * The workbench URL for a folder, loading the extension under development (and, for the
 * integration suite, its tests) through the smoke-test driver's `payload`.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, skipWelcome = true }) {
  const payload = [['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', server.remoteUri(extensionTestsPath)]);
  if (skipWelcome) payload.push(['skipWelcome', 'true']);
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.origin}/?${query.toString()}`;
}
