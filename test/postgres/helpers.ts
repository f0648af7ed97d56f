// Shared by the shared-library tests: a throwaway server per suite (stopped in `after`, and
// on exit when a suite dies), a fresh database per test that needs one, direct SQL for
// checking what was written, the library as a local reader builds it from the same folders,
// and the built command line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import pg from 'pg';
import { Library, type Listing } from '../../src/core/indexing/library';
import { libraryFile, rootName } from '../../src/node/postgres/publishRead';
import { readListings } from '../../src/node/readListings';
import { startCluster, type Cluster } from './cluster';

export const ROOT = path.resolve(__dirname, '../..');
export const EXAMPLES = path.join(ROOT, 'examples', 'papers');
export const REAL = path.join(ROOT, 'test', 'fixtures', 'real');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const PARSER_WORKER = path.join(ROOT, 'dist', 'listingParserWorker.js');

/** Starts a server before the suite's tests and stops it after them, failed or not. */
export function useCluster(): () => Cluster {
  let cluster: Cluster | undefined;
  before(async function () {
    this.timeout(120_000);
    cluster = await startCluster();
  });
  after(() => cluster?.stop());
  return () => {
    if (!cluster) throw new Error('The server did not start.');
    return cluster;
  };
}

let databases = 0;

/** A new empty database on the cluster; its connection URL. */
export async function freshDatabase(cluster: Cluster): Promise<string> {
  const name = `t${process.pid}_${++databases}`;
  await sql(cluster.url, `CREATE DATABASE ${name}`);
  return cluster.url.replace(/\/[^/]+$/, `/${name}`);
}

/** Rows of one statement, on a connection of its own, with the shared library's schema on the path. */
export async function sql<Row extends pg.QueryResultRow = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url, options: '-c search_path=lit_review,public' });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The library a local reader makes of the folders, each folder's files named under it as a publish names them. */
export async function localLibrary(folders: readonly string[]): Promise<Library> {
  const listings: Listing[] = [];
  for (const folder of folders) {
    const read = await readListings(folder);
    listings.push(...read.listings.map((listing) => ({ ...listing, file: libraryFile(rootName(folder), listing.file) })));
  }
  return Library.fromListings(listings);
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The built command line, built first when it is not there. */
export function ensureBuilt(): void {
  if (existsSync(CLI) && existsSync(PARSER_WORKER)) return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`The build failed:\n${build.stderr}`);
}

/**
 * Runs dist/cli.js. `onStderr` sees each chunk of its progress as it comes (a test stops a
 * publish half-way from there); `env` replaces PG* variables so the runner's own never leak in.
 */
export function cli(args: readonly string[], options: { env?: Record<string, string>; onStderr?: (text: string, child: ReturnType<typeof spawn>) => void } = {}): Promise<Run> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PG')));
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...env, ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    options.onStderr?.(stderr, child);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
