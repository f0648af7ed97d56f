// The command line's two shared-library commands: `publish` (folders to the server, its
// progress on stderr, a summary or the report as JSON on stdout) and `search --postgres`
// (the server's ranking, printed as the local search prints its own).
import * as path from 'node:path';
import { publish, type PublishProgress, type PublishReport } from './publish';
import { openSharedLibrary } from './sharedLibrary';

export interface PublishCommandOptions {
  folders: string[];
  connectionString?: string;
  include?: string[];
  exclude?: string[];
  keyTemplate?: string;
  json: boolean;
  producer: string;
  /** Where progress goes (stderr). */
  log: (line: string) => void;
}

/** The listing parser worker, built beside the command line (run from the sources, there is none: listings are parsed on one thread). */
const PARSER_WORKER = path.join(__dirname, 'listingParserWorker.js');

export async function publishCommand(options: PublishCommandOptions): Promise<PublishReport> {
  const report = await publish({
    folders: options.folders,
    connectionString: options.connectionString,
    include: options.include,
    exclude: options.exclude,
    keyTemplate: options.keyTemplate,
    producer: options.producer,
    parserWorker: PARSER_WORKER,
    onProgress: (event) => {
      const line = progressLine(event);
      if (line) options.log(`${line} (${(event.ms / 1000).toFixed(1)} s)`);
    },
  });
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
  return report;
}

/** One line of progress, or nothing for an event not worth a line. */
export function progressLine(event: PublishProgress): string | undefined {
  switch (event.kind) {
    case 'connected':
      return `Publishing to ${event.server}`;
    case 'waiting':
      return 'Waiting for another publish to this library to finish...';
    case 'read':
      return event.files % 1000 === 0 ? `Read ${event.files} files...` : undefined;
    case 'parsed':
      return `Listings: ${event.changed} to publish, ${event.unchanged} unchanged, ${event.removed} removed`;
    case 'merged':
      return `Papers: ${event.papers} in the library, ${event.changed} to write, ${event.deleted} to delete`;
    case 'written':
      return `Wrote ${event.transaction} of ${event.transactions} transactions (${event.listings} listings, ${event.papers} papers)`;
    case 'indexed':
      return `Made ${event.indexes} search indexes`;
    case 'topics':
      return `Topics: ${event.topics}`;
  }
}

export function summary(report: PublishReport): string {
  const { listings, papers } = report;
  return (
    `Published ${papers.total} papers in ${(report.elapsedMs / 1000).toFixed(1)} s: ` +
    `listings ${listings.read} read, ${listings.skipped} unchanged, ${listings.removed} removed; ` +
    `papers ${papers.inserted} new, ${papers.updated} updated, ${papers.deleted} deleted; ${report.topics} topics` +
    `${report.problems ? `; ${report.problems} problems (lit-review index shows them)` : ''}\n`
  );
}

export interface SharedSearchOptions {
  query: string;
  connectionString: string;
  limit: number;
}

/**
 * The server's hits in the local search's shape: key, title and a score where 0 is the
 * best (the server's own scores, higher is better, turned around).
 */
export async function sharedSearch(options: SharedSearchOptions): Promise<{ key: string; title: string; score: number }[]> {
  // A command line waits for a slow server longer than an editor's keystroke does.
  const library = openSharedLibrary({ connectionString: options.connectionString || undefined, queryTimeoutMs: 10_000, connectTimeoutMs: 5_000 });
  try {
    const hits = await library.search(options.query, { limit: options.limit });
    return hits.map((hit) => ({ key: hit.paper.key, title: hit.paper.title, score: Number((1 / (1 + hit.score)).toFixed(4)) }));
  } finally {
    await library.close();
  }
}
