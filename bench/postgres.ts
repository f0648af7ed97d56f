// The shared library at scale: a synthetic library of N papers (default 1,000,000) written
// as listing files, published into a throwaway PostgreSQL, then searched keystroke by
// keystroke over the same kind of typing stream as the local benchmark; beside it, the
// local engine at 100,000 papers in this process.
//   npm run bench:postgres -- [--papers N] [--local-papers N] [--json]
// It runs with the memory a publish of a million papers wants, as the README tells a lab to
// give the command: a larger heap, and a larger young generation (fewer rows copied by the
// collector while they wait to be written).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Library } from '../src/core/indexing/library';
import { SearchIndex } from '../src/core/search';
import { publish, type PublishReport } from '../src/node/postgres/publish';
import { openSharedLibrary } from '../src/node/postgres/sharedLibrary';
import { startCluster } from '../test/postgres/cluster';
import { generatePapers, type SyntheticPaper } from './corpus';
import { FORMATS, writeListings } from './listings';
import { benchQueries, keystrokes, type BenchQuery } from './queries';
import { percentile, printTable } from './report';

interface Options {
  papers: number;
  localPapers: number;
  json: boolean;
}

function readOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const papers = Number(value('papers') ?? 1_000_000);
  const localPapers = Number(value('local-papers') ?? Math.min(papers, 100_000));
  for (const [flag, n] of [['--papers', papers], ['--local-papers', localPapers]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive whole number.`);
  }
  return { papers, localPapers, json: argv.includes('--json') };
}

const MODIFIED_AT = new Date('2026-11-28T12:00:00Z');
/** Papers written per piece, so the listing text of a million papers is never held at once. */
const PIECE = 20_000;
/** Keystrokes searched untimed first, so that warm caches and compiled code are timed. */
const WARM_UP = 20;
/** Every search asks for 50 hits, as the local benchmark's. */
const LIMIT = 50;
/** Server settings a lab's database server would have for a library this size (the defaults are for a small machine). */
const SERVER_SETTINGS = { shared_buffers: '2GB', effective_cache_size: '12GB', maintenance_work_mem: '1GB', work_mem: '64MB', max_wal_size: '16GB', checkpoint_timeout: '30min' };

const round = (value: number): number => Math.round(value * 100) / 100;

/** The local benchmark's files (one per hundred papers, the formats taking turns), written to `folder`. */
function writeFolder(papers: readonly SyntheticPaper[], folder: string): number {
  let files = 0;
  for (let from = 0; from < papers.length; from += PIECE) {
    for (const listing of writeListings(papers.slice(from, from + PIECE), FORMATS, MODIFIED_AT)) {
      // Numbered across pieces, as one call over all the papers would number them.
      const file = listing.file.replace(/\d+(?=\.\w+$)/, (n) => String(Number(n) + from / 100).padStart(5, '0'));
      const full = path.join(folder, file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, listing.text);
      utimesSync(full, MODIFIED_AT, MODIFIED_AT);
      files++;
    }
  }
  return files;
}

/** Which generated papers keep their arXiv id: a saved Daily Papers page does not. */
function hasId(i: number): boolean {
  return FORMATS[Math.floor(i / 100) % FORMATS.length] !== 'hf';
}

interface Typing {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  keystrokes: number;
  knownItemAt1: string;
}

async function typeInto(search: (text: string) => Promise<string[]>, queries: readonly BenchQuery[]): Promise<Typing> {
  const stream = keystrokes(queries);
  for (const text of stream.slice(0, WARM_UP)) await search(text);
  const times: number[] = [];
  for (const text of stream) {
    const started = performance.now();
    await search(text);
    times.push(performance.now() - started);
  }
  const known = queries.filter((query) => query.expect);
  let first = 0;
  for (const query of known) if ((await search(query.text))[0] === query.expect) first++;
  return { p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), maxMs: round(Math.max(...times)), keystrokes: stream.length, knownItemAt1: `${first}/${known.length}` };
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'lit-review-bench-'));
  const cluster = await startCluster({ settings: SERVER_SETTINGS });
  try {
    let generated: SyntheticPaper[] | undefined = generatePapers(options.papers);
    const files = writeFolder(generated, path.join(folder, 'library'));
    const queries = benchQueries(generated, hasId);
    generated = undefined;
    console.log(`Wrote ${options.papers} papers in ${files} listings.`);

    const progress = (line: string) => !options.json && process.stdout.write(`\r  ${line.padEnd(60)}`);
    const started = performance.now();
    // When each step of the publish ended, from its progress.
    const phases: Record<string, number> = {};
    const report: PublishReport = await publish({
      folders: [path.join(folder, 'library')],
      connectionString: cluster.url,
      // The built worker, as the command line uses it (the script builds first).
      parserWorker: path.resolve('dist/listingParserWorker.js'),
      onProgress: (event) => {
        phases[event.kind] = event.ms;
        progress(event.kind === 'written' ? `writing: ${event.transaction}/${event.transactions}` : event.kind === 'read' ? `reading: ${event.files} files` : event.kind);
      },
    });
    const publishMs = performance.now() - started;
    if (!options.json) process.stdout.write('\n');

    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const size = await admin.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
    const tables = await admin.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'lit_review' AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 5`,
    );
    await admin.end();

    // A second publish with one listing touched: what a lab's daily publish costs.
    const touched = path.join(folder, 'library', 'md', 'listing-00002.md');
    writeFileSync(touched, `${'- [A Paper Added Later](https://arxiv.org/abs/2611.99999) - Ana Pérez, arXiv 2026\n'}`, { flag: 'a' });
    const again = await publish({ folders: [path.join(folder, 'library')], connectionString: cluster.url });

    const shared = openSharedLibrary({ connectionString: cluster.url, queryTimeoutMs: 5000 });
    const search = async (text: string) => (await shared.search(text, { limit: LIMIT })).map((hit) => hit.paper.title);
    // Right after the publishes, while the server's autovacuum goes over the rows just written.
    const serverFresh = await typeInto(search, queries);
    // Then as readers meet the library once the server has caught up: vacuumed and checkpointed.
    const settling = performance.now();
    const settle = new pg.Client({ connectionString: cluster.url });
    await settle.connect();
    await settle.query('VACUUM (ANALYZE)');
    await settle.query('CHECKPOINT');
    await settle.end();
    const settleMs = Math.round(performance.now() - settling);
    const server = await typeInto(search, queries);
    await shared.close();

    // The local engine beside it, at the size a researcher's own editor holds.
    const localGenerated = generatePapers(options.localPapers);
    const localQueries = benchQueries(localGenerated, hasId);
    const index = new SearchIndex(Library.fromListings(writeListings(localGenerated, FORMATS, MODIFIED_AT)).papers);
    const local = await typeInto(async (text) => index.search(text, { limit: LIMIT }).map((hit) => hit.paper.title), localQueries);

    const result = {
      papers: report.papers.total,
      listings: files,
      publishMs: Math.round(publishMs),
      publishMinutes: round(publishMs / 60000),
      publishSteps: {
        readAndParseMs: phases.parsed,
        mergeMs: phases.merged! - phases.parsed!,
        writeMs: phases.written! - phases.merged!,
        // The server makes the indexes and the term list while the topics are found: one step.
        indexTermsAndTopicsMs: phases.topics! - phases.written!,
      },
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      databaseMB: Math.round(Number(size.rows[0]!.bytes) / 1048576),
      largestTablesMB: Object.fromEntries(tables.rows.map((row) => [row.name, Math.round(Number(row.bytes) / 1048576)])),
      republishOneListingMs: again.elapsedMs,
      republished: again,
      serverFresh,
      settleMs,
      server,
      localPapers: options.localPapers,
      local,
      cores: os.cpus().length,
      loadAverage: round(os.loadavg()[0]!),
    };
    printTable([
      ['papers published', `${result.papers} in ${result.listings} listings`],
      ['publish (empty database)', `${result.publishMs} ms (${result.publishMinutes} min); peak memory ${result.peakRssMB} MB`],
      ['  read and parse / merge / write / indexes, terms and topics', Object.values(result.publishSteps).map((ms) => `${((ms ?? 0) / 1000).toFixed(0)} s`).join(' / ')],
      ['database size', `${result.databaseMB} MB (largest: ${Object.entries(result.largestTablesMB).map(([name, mb]) => `${name} ${mb} MB`).join(', ')})`],
      ['publish again, one listing changed', `${result.republishOneListingMs} ms (${again.listings.read} read, ${again.listings.skipped} skipped; papers +${again.papers.inserted} ~${again.papers.updated} -${again.papers.deleted})`],
      [`server search per keystroke (${server.keystrokes} keystrokes), right after publishing`, `p50 ${serverFresh.p50Ms} ms, p95 ${serverFresh.p95Ms} ms, max ${serverFresh.maxMs} ms; known items first ${serverFresh.knownItemAt1}`],
      [`  once the server has vacuumed and checkpointed (${(settleMs / 1000).toFixed(0)} s)`, `p50 ${server.p50Ms} ms, p95 ${server.p95Ms} ms, max ${server.maxMs} ms; known items first ${server.knownItemAt1}`],
      [`local engine at ${options.localPapers} papers`, `p50 ${local.p50Ms} ms, p95 ${local.p95Ms} ms, max ${local.maxMs} ms; known items first ${local.knownItemAt1}`],
      ['machine', `${result.cores} cores, load ${result.loadAverage}`],
    ]);
    if (options.json) console.log(JSON.stringify(result));
  } finally {
    cluster.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
