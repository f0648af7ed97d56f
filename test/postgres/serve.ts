// A shared library to try, in one command: a throwaway PostgreSQL with the bundled example
// library published to it (and any folders given), up until Ctrl+C, then stopped and deleted.
//   npm run shared-library:try [-- --library DIR ...] [--json]
// With --json it prints one line once ready, {"url", "password", "connection"}, for a
// script (or a test) to read; otherwise, what to put in VS Code's settings.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { publish } from '../../src/node/postgres/publish';
import { startCluster } from './cluster';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples', 'papers');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { library: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    process.stdout.write('npm run shared-library:try [-- --library DIR ...] [--json]\n  A throwaway PostgreSQL with the example library (and DIR) published, up until Ctrl+C.\n  --json prints one line once ready: {"url", "password", "connection"} (use npm run --silent).\n');
    return;
  }
  const say = (line: string) => !values.json && process.stderr.write(`${line}\n`);
  say('Starting a throwaway PostgreSQL...');
  const cluster = await startCluster();
  const folders = [EXAMPLES, ...(values.library ?? []).map((folder) => path.resolve(folder))];
  const report = await publish({ folders, connectionString: cluster.url, onProgress: (event) => event.kind === 'written' && say(`  wrote ${event.transaction} of ${event.transactions} transactions`) });
  const connection = `postgres://${cluster.user}@${cluster.host}:${cluster.port}/${cluster.database}`;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: cluster.url, password: cluster.password, connection })}\n`);
  } else {
    process.stdout.write(
      [
        '',
        `A shared library of ${report.papers.total} papers is up (${folders.join(', ')}).`,
        '',
        `  connection URL:  ${cluster.url}`,
        '',
        'In VS Code, add to your user settings (settings.json):',
        '',
        `  "litReview.sharedLibrary.connection": "${connection}"`,
        '',
        `and give the password when Lit Review asks for it: ${cluster.password}`,
        '(or run "Lit Review: Connect to Shared Library..." and paste both).',
        '',
        'From a terminal:',
        `  lit-review search "zero search" --postgres "${cluster.url}"`,
        '',
        'Ctrl+C stops the server and deletes it.',
        '',
      ].join('\n'),
    );
  }
  // The cluster stops itself on Ctrl+C or termination (see cluster.ts); until then, stay up.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
