// Compiles the integration suite to out/test/integration/: its runner and each *.test.ts as
// CommonJS for the extension host. `vscode` comes from the editor and mocha from node_modules.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './hosts.mjs';

const SOURCE = join(REPO_ROOT, 'test', 'integration');
export const INTEGRATION_OUT = join(REPO_ROOT, 'out', 'test', 'integration');

export async function buildIntegrationTests() {
  rmSync(INTEGRATION_OUT, { recursive: true, force: true });
  const entryPoints = readdirSync(SOURCE)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(SOURCE, name));
  await esbuild.build({
    entryPoints,
    outdir: INTEGRATION_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return entryPoints.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = await buildIntegrationTests();
  console.log(`Built ${count} integration file(s) into ${INTEGRATION_OUT}`);
}
