// Bundles the extension and the command-line tool into dist/.
// `node esbuild.mjs` is the build that ships (and that every test runs): minified, so the
// editor has less to read when it activates the extension, with source maps beside it
// (dist/*.map, left out of the .vsix by .vscodeignore) so stack traces still name the source.
// `node esbuild.mjs --watch` rebuilds on change, unminified.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !watch,
  sourcemap: true,
  logLevel: 'info',
  // zod looks at `navigator` to spot a Cloudflare worker; in the extension host that one
  // look logs "PendingMigrationError: navigator is now a global" on every activation.
  define: { navigator: 'undefined' },
};

const builds = [
  // `vscode` is provided by the editor at run time.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Formats references off the editor's thread; citeproc lives only here, not in extension.js.
  { ...common, entryPoints: ['src/vscode/referenceWorker.ts'], outfile: 'dist/referenceWorker.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
