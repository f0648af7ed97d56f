// Activation time in the real host: starts VS Code's server on a copy of the example library
// and runs the integration suite's "Activation time" test (test/integration/activation.test.ts)
// with the extension loaded from dist/, as the integration suite does. Each round is a cold
// start (fresh user data: nothing saved) and then a warm one (the same user data again: the
// library, search index and topics the first start saved). Prints min / median / max.
// Benchmarks report; nothing here fails on timing.
//   node test/host/bench-activation.mjs [--runs 5] [--json]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildIntegrationTests, INTEGRATION_OUT } from './build-tests.mjs';
import { REPO_ROOT } from './hosts.mjs';
import { ensureHosts } from './install.mjs';
import { runSuite } from './run-suite.mjs';
import { freePort, startServer } from './server.mjs';
import { createExampleWorkspace } from './workspaces.mjs';

const REPORT_PREFIX = 'LIT_REVIEW_ACTIVATION ';
const GOAL_MS = 300;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs) || 5);

// Stopping here stops the server too: its exit handler kills its process group.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/** One start of the host; resolves with the test's report. */
async function measure(workspace, dataDir, port) {
  const log = [];
  const server = await startServer({ dataDir, port, env: { LIT_REVIEW_TEST_GREP: '^Activation time' }, log: (line) => log.push(line) });
  let report;
  try {
    const { code } = await runSuite({
      server, folder: workspace, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: join(INTEGRATION_OUT, 'index'),
      banner: 'Integration suite in ', log: (line) => log.push(line),
      print: (line) => { if (line.startsWith(REPORT_PREFIX)) report = JSON.parse(line.slice(REPORT_PREFIX.length)); },
    });
    if (code !== 0 || !report) throw new Error(`The activation test did not report (exit code ${code}):\n${log.slice(-30).join('\n')}`);
  } finally {
    await server.stop();
  }
  return report;
}

function summary(reports, field) {
  const sorted = reports.map((report) => report[field]).sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (value) => Math.round(value * 10) / 10;
  return { min: round(sorted[0]), median: round(median), max: round(sorted.at(-1)) };
}

async function main() {
  if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first.');
  await buildIntegrationTests();
  await ensureHosts();
  const workspace = createExampleWorkspace();
  const results = { cold: [], warm: [] };
  try {
    for (let round = 1; round <= runs; round++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'lit-review-bench-'));
      // The workspace's storage is keyed by its URI, which holds the server's address: the warm
      // start must use the same port to find what the cold one saved.
      const port = await freePort();
      try {
        for (const start of ['cold', 'warm']) {
          const report = await measure(workspace.path, dataDir, port);
          results[start].push(report);
          if (!values.json) console.log(`round ${round} ${start}: activate ${report.activateMs} ms, papers ${report.papersMs} ms, tree ${report.treeMs} ms, indexed ${report.indexedMs} ms (${report.papers} papers, search index ${report.searchIndex}, topics ${report.topics})`);
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    }
  } finally {
    workspace.remove();
  }

  const fields = ['activateMs', 'papersMs', 'treeMs', 'indexedMs'];
  const table = Object.fromEntries(Object.entries(results).map(([start, reports]) => [start, Object.fromEntries(fields.map((field) => [field, summary(reports, field)]))]));
  if (values.json) {
    console.log(JSON.stringify({ runs, goalMs: GOAL_MS, summary: table, results }, null, 2));
    return;
  }
  console.log(`\nFrom the start of activate(), ms (min / median / max of ${runs}; goal: a tree with papers within ${GOAL_MS} ms):`);
  console.log('start  activate()          library has papers  tree has items      indexing finished');
  for (const [start, row] of Object.entries(table)) {
    console.log(`${start.padEnd(6)} ${fields.map((field) => `${row[field].min} / ${row[field].median} / ${row[field].max}`.padEnd(19)).join(' ')}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
