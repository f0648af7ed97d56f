// Bundles the extension and the command-line tool into dist/.
// `node esbuild.mjs` is the build that ships (and that every test runs): minified, so the
// editor has less to read when it activates the extension, with source maps beside it
// (dist/*.map, left out of the .vsix by .vscodeignore) so stack traces still name the source.
// `node esbuild.mjs --watch` rebuilds on change, unminified.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  // pg requires its optional native binding only when asked for it, which Lit Review never does.
  external: ['pg-native'],
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
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: [...common.external, 'vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Formats references off the editor's thread; citeproc lives only here, not in extension.js.
  { ...common, entryPoints: ['src/vscode/referenceWorker.ts'], outfile: 'dist/referenceWorker.js' },
  // Parses listings for `lit-review publish` on several threads.
  { ...common, entryPoints: ['src/node/listingParserWorker.ts'], outfile: 'dist/listingParserWorker.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  writeNotices(results.map((result) => result.metafile));
}

/**
 * dist/THIRD-PARTY-NOTICES.md: every package the bundles carry, with its licence text, as
 * their licences ask of whoever ships them (citeproc's CPAL asks for its attribution).
 */
function writeNotices(metafiles) {
  const packages = new Map();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.set(match[1], input.slice(0, match.index + match[0].length));
    }
  }
  const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, folder]) => {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(folder).find((file) => /^(licen[cs]e|copying)/i.test(file));
    const text = licenceFile ? readFileSync(join(folder, licenceFile), 'utf8').trim() : `Licensed under ${manifest.license ?? 'its own terms'}.`;
    return `## ${name} ${manifest.version}\n\n${manifest.license ? `License: ${manifest.license}\n\n` : ''}\`\`\`\n${text}\n\`\`\`\n`;
  });
  writeFileSync('dist/THIRD-PARTY-NOTICES.md', `# Third-party notices\n\nLit Review's bundles include these packages.\n\n${sections.join('\n')}`);
}
