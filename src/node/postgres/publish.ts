// Publishing library folders to a shared library: the listings read with the command line's
// reader, parsed (on worker threads, given the built worker), merged and keyed by the same
// core as everywhere, topics found by the core while the server makes its indexes, and the
// difference from what the server holds written a listing at a time (see publishPlan.ts).
// Only one publish runs at a time per database (an advisory lock: a second waits, then
// finds little left to do); a publish stopped half-way leaves every listing as it was or as
// it is now, and the next one finishes the job.
import type pg from 'pg';
import { Library } from '../../core/indexing/library';
import type { Paper, ParseResult } from '../../core/paper/paper';
import { CACHE_VERSION, decodeCache } from '../../core/persist/cache';
import { computeTopicsSteps, parseSavedTopics, serializeSavedTopics, type Topic } from '../../core/topics';
import { SliceRunner, type Steps } from '../../core/util/steps';
import { parseListings } from '../parseListings';
import { openPool, readConnectionSettings } from './connect';
import { describeConnection } from './connectionSettings';
import { sharedLibraryError } from './errors';
import { SharedLibraryError } from './types';
import { paperJson, paperRow, rowHash } from './paperRows';
import { planWrites, type PaperChange, type PaperGone } from './publishPlan';
import { libraryFile, readFolders, type ReadListing, type StoredStamp } from './publishRead';
import { deleteListings, deletePapers, markPublished, paperRowJson, readState, refreshTerms, replaceTopics, restampListings, saveState, upsertListings, upsertPapers, type ListingRow } from './publishWrite';
import { dropPaperIndexes, ensurePaperIndexes, LOCK_NAMESPACE, migrate, PUBLISH_LOCK } from './schema';
import { topicRows } from './topicRows';

export interface PublishOptions {
  /** Library folders (or single listing files), each published under its own name. */
  folders: string[];
  connectionString?: string;
  password?: string;
  onProgress?: (event: PublishProgress) => void;
  /** Globs of files to read and to leave out in each folder (the extension's settings). */
  include?: readonly string[];
  exclude?: readonly string[];
  keyTemplate?: string;
  /** What parses the listings (the program and its version): stored parse results of another are not used. */
  producer?: string;
  /** The built listing parser worker (beside the command line): with it, listings are parsed on several threads. */
  parserWorker?: string;
}

/** What a publish is doing, with the milliseconds since it started. */
export type PublishProgress = PublishEvent & { ms: number };

type PublishEvent =
  | { kind: 'connected'; server: string }
  | { kind: 'waiting' }
  | { kind: 'read'; files: number; file: string }
  | { kind: 'parsed'; changed: number; unchanged: number; removed: number }
  | { kind: 'merged'; papers: number; changed: number; deleted: number }
  | { kind: 'written'; transaction: number; transactions: number; listings: number; papers: number }
  | { kind: 'indexed'; indexes: number }
  | { kind: 'topics'; topics: number };

export interface PublishReport {
  listings: { read: number; skipped: number; removed: number };
  papers: { inserted: number; updated: number; deleted: number; total: number };
  topics: number;
  problems: number;
  elapsedMs: number;
}

/** Papers a transaction holds, about: small enough to commit often, large enough to be quick. */
const PAPERS_PER_TRANSACTION = 2000;
/** Rows made between two turns of the event loop, so the server is kept fed meanwhile. */
const ROWS_BETWEEN_TURNS = 50;
const TOPICS_STATE = 'topics';
/** A first publish of at least this many papers makes the search indexes after the papers are in, with this much memory. */
const BULK_PAPERS = 20_000;
const BULK_INDEX_MEMORY = '512MB';
/** How long topics are found between two turns of the event loop. */
const SLICE_MS = 20;

export async function publish(options: PublishOptions): Promise<PublishReport> {
  const started = performance.now();
  const progress = (event: PublishEvent) => options.onProgress?.({ ...event, ms: Math.round(performance.now() - started) });
  const parser = `${options.producer ?? 'lit-review'}/${CACHE_VERSION}`;
  let settings;
  try {
    settings = readConnectionSettings(options.connectionString, options.password);
  } catch (error) {
    throw new SharedLibraryError('error', `The shared library's connection settings are wrong: ${error instanceof Error ? error.message : String(error)}`);
  }
  const where = describeConnection(settings);
  // Two connections: the publish's own, and one that makes the term list while the first makes the indexes.
  const pool = openPool(settings, { statementTimeoutMs: 0, connectTimeoutMs: 10_000, applicationName: 'lit-review publish', max: 2 });
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect().catch((error: unknown) => {
      throw sharedLibraryError(error, where);
    });
    progress({ kind: 'connected', server: where });
    // Each transaction is complete and consistent when it commits; waiting for the disk
    // as well only slows thousands of them down (a crash loses the last few, redone next time).
    await client.query('SET synchronous_commit = off');
    await migrate(client);
    const locked = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [LOCK_NAMESPACE, PUBLISH_LOCK]);
    if (!locked.rows[0]?.locked) {
      progress({ kind: 'waiting' });
      await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, PUBLISH_LOCK]);
    }
    try {
      return await publishLocked(client, pool, options, parser, progress, started);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, PUBLISH_LOCK]).catch(() => undefined);
    }
  } catch (error) {
    // Server and connection failures by kind; anything else (a bug) as it was, with its stack.
    throw error instanceof SharedLibraryError || (error instanceof Error && !(error as { code?: unknown }).code) ? error : sharedLibraryError(error, where);
  } finally {
    client?.release();
    await pool.end();
  }
}

async function publishLocked(client: pg.PoolClient, pool: pg.Pool, options: PublishOptions, parser: string, progress: (event: PublishEvent) => void, started: number): Promise<PublishReport> {
  // A first publish stopped half-way may have left the search indexes dropped (see below).
  const remade = await ensurePaperIndexes(client);
  if (remade) progress({ kind: 'indexed', indexes: remade });
  const stored = (
    await client.query<{ root: string; path: string; size: string; modified_ms: number; hash: string; parser: string }>('SELECT root, path, size, modified_ms, hash, parser FROM listings')
  ).rows.map((row): StoredStamp => ({ root: row.root, path: row.path, size: Number(row.size), modifiedMs: row.modified_ms, hash: row.hash, parser: row.parser }));
  const read = await readFolders(options.folders, stored, parser, {
    include: options.include,
    exclude: options.exclude,
    onFile: (files, file) => files % 100 === 0 && progress({ kind: 'read', files, file }),
  });

  // Parse results: the changed listings parsed here (their text let go at once, their rows
  // made), every other one as stored.
  let library: Library | undefined = new Library({ template: options.keyTemplate });
  const listingRows = new Map<string, ListingRow>();
  await parseChanged(read.changed.splice(0), parser, options.parserWorker, (entry, result, encoded) => {
    listingRows.set(entry.listing.file, listingRow(entry, result, encoded, parser));
    library!.setParsed(entry.listing.file, result);
  });
  const reparse = new Set([...listingRows.keys(), ...read.removed.map((l) => libraryFile(l.root, l.path))]);
  await loadStoredResults(client, reparse, (file, result) => library!.setParsed(file, result));
  progress({ kind: 'parsed', changed: listingRows.size, unchanged: read.unchanged.length + read.restamped.length, removed: read.removed.length });

  const papers = library.papers;
  const problems = read.problems.length + library.problems.length;
  // What is left is the merged papers: the parse results behind them are let go (at a million papers, gigabytes).
  library = undefined;
  const storedHashes = new Map((await client.query<{ key: string; hash: string }>('SELECT key, hash FROM papers')).rows.map((row) => [row.key, row.hash]));
  const byKey = new Map<string, Paper>();
  const changes: PaperChange[] = [];
  for (const paper of papers) {
    byKey.set(paper.key, paper);
    const before = storedHashes.get(paper.key);
    if (before !== undefined && before === rowHash(paperJson(paper), parser)) continue;
    changes.push({ key: paper.key, files: paper.sources.map((source) => source.file), kind: before === undefined ? 'insert' : 'update' });
  }
  // The files of the rows about to be replaced or deleted: their listings are written with the new ones.
  const updated = changes.filter((change) => change.kind === 'update');
  if (updated.length) {
    const previous = await client.query<{ key: string; files: string[] }>('SELECT key, files FROM papers WHERE key = ANY($1::text[])', [updated.map((change) => change.key)]);
    const filesOf = new Map(previous.rows.map((row) => [row.key, row.files]));
    for (const change of updated) change.previousFiles = filesOf.get(change.key);
  }
  const goneKeys = [...storedHashes.keys()].filter((key) => !byKey.has(key));
  const gone: PaperGone[] = goneKeys.length ? (await client.query<{ key: string; files: string[] }>('SELECT key, files FROM papers WHERE key = ANY($1::text[])', [goneKeys])).rows : [];
  progress({ kind: 'merged', papers: papers.length, changed: changes.length, deleted: gone.length });

  const listingOrder = [...listingRows.keys(), ...read.removed.map((l) => libraryFile(l.root, l.path))];
  const plan = planWrites(listingOrder, changes, gone, PAPERS_PER_TRANSACTION);
  // Into an empty library, many papers go in faster without the search indexes, made once at the end.
  const bulk = storedHashes.size === 0 && plan.inserted >= BULK_PAPERS;
  if (bulk) await dropPaperIndexes(client);
  const removedByFile = new Map(read.removed.map((l) => [libraryFile(l.root, l.path), l]));
  // The rows of the next transaction are made while the server writes this one's.
  const rowsOf = async (keys: readonly string[]): Promise<string[]> => {
    const rows: string[] = [];
    for (const [i, key] of keys.entries()) {
      if (i % ROWS_BETWEEN_TURNS === ROWS_BETWEEN_TURNS - 1) await new Promise((resolve) => setImmediate(resolve));
      rows.push(paperRowJson(paperRow(byKey.get(key)!, parser)));
    }
    return rows;
  };
  let next = plan.batches[0] && rowsOf(plan.batches[0].upserts);
  for (const [i, batch] of plan.batches.entries()) {
    const rows = await next!;
    const written = inTransaction(client, async () => {
      await upsertPapers(client, rows);
      await deletePapers(client, batch.deletes);
      await upsertListings(client, batch.listings.map((file) => listingRows.get(file)).filter((row) => row !== undefined));
      await deleteListings(client, batch.listings.map((file) => removedByFile.get(file)).filter((item) => item !== undefined));
      await markPublished(client, batch.inserted - batch.deletes.length);
    });
    next = plan.batches[i + 1] && rowsOf(plan.batches[i + 1]!.upserts);
    await written;
    progress({ kind: 'written', transaction: i + 1, transactions: plan.batches.length, listings: batch.listings.length, papers: batch.upserts.length + batch.deletes.length });
  }
  storedHashes.clear();

  const saved = await readState(client, TOPICS_STATE);
  const findTopics = plan.batches.length > 0 || saved === undefined;
  // The server makes the search indexes and, on a second connection, the term list while
  // topics are found here, a slice at a time, so that each of its next statements goes out
  // as soon as the last ends.
  const serverWork = Promise.all([
    (async () => {
      if (bulk) {
        await client.query(`SET maintenance_work_mem = '${BULK_INDEX_MEMORY}'`);
        progress({ kind: 'indexed', indexes: await ensurePaperIndexes(client) });
      }
      await restampListings(client, read.restamped);
    })(),
    findTopics && withSecondClient(pool, (other) => inTransaction(other, () => refreshTerms(other))),
  ]);
  // (Awaited below, after the topics; a failure meanwhile must not go unhandled.)
  serverWork.catch(() => undefined);
  // The topics of last time, so that a few new papers do not reshuffle everyone else's.
  const topics = findTopics ? await inSlices(libraryTopicsSteps(papers, parseSavedTopics(saved ?? '')?.topics)) : undefined;
  await serverWork;

  let topicCount: number;
  if (topics) {
    const rows = topicRows(topics, byKey);
    await inTransaction(client, async () => {
      await replaceTopics(client, rows);
      await saveState(client, TOPICS_STATE, serializeSavedTopics({ stamp: 'published', topics }));
      await markPublished(client, 0);
    });
    topicCount = rows.length;
    // Fresh statistics, so that the readers' plans fit the library's size now.
    await client.query('ANALYZE papers, terms, topics, topic_papers');
    progress({ kind: 'topics', topics: topicCount });
  } else {
    topicCount = Number((await client.query<{ count: string }>('SELECT count(*) AS count FROM topics')).rows[0]?.count ?? 0);
  }
  return {
    listings: { read: listingRows.size, skipped: read.unchanged.length + read.restamped.length, removed: read.removed.length },
    papers: { inserted: plan.inserted, updated: plan.updated, deleted: plan.deleted, total: papers.length },
    topics: topicCount,
    problems,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * The topics of the published papers, as a local library's with the default settings:
 * each paper's files named within its own folder, so that a folder's subfolders are topics
 * and the folders themselves (one per person, say) are not.
 */
function* libraryTopicsSteps(papers: readonly Paper[], previous?: readonly Topic[]): Steps<Topic[]> {
  const withinFolders = papers.map((paper) => ({ ...paper, sources: paper.sources.map((source) => ({ ...source, file: source.file.slice(source.file.indexOf('/') + 1) })) }));
  return (yield* computeTopicsSteps(withinFolders, { folderTopics: true, previous })).topics;
}

/** Runs steps in slices with a turn of the event loop between them, so that queries in flight are answered and followed. */
async function inSlices<T>(steps: Steps<T>): Promise<T> {
  const runner = new SliceRunner(steps);
  while (!runner.runFor(SLICE_MS)) await new Promise((resolve) => setImmediate(resolve));
  return runner.finish();
}

function listingRow(entry: ReadListing, result: ParseResult, parsed: Uint8Array, parser: string): ListingRow {
  return {
    root: entry.root,
    path: entry.path,
    size: entry.size,
    modifiedMs: entry.modifiedMs,
    hash: entry.hash,
    parser,
    parsed,
    papers: result.papers.length,
    problems: result.problems.length,
  };
}

/**
 * The changed listings parsed, each handed to `take` with its result encoded for storing.
 * Only `take` keeps them: the texts and the list of results are let go when this returns
 * (at a million papers, gigabytes the rest of the publish need not hold).
 */
async function parseChanged(changed: readonly ReadListing[], parser: string, worker: string | undefined, take: (entry: ReadListing, result: ParseResult, encoded: Uint8Array) => void): Promise<void> {
  const parsed = await parseListings(
    changed.map((entry) => ({ listing: entry.listing, mtimeMs: entry.modifiedMs, size: entry.size })),
    parser,
    worker,
  );
  for (const [i, entry] of changed.entries()) take(entry, parsed[i]!.result, parsed[i]!.encoded);
}

/**
 * Every stored parse result but those about to be replaced, a slice of listings at a time.
 * One that does not decode (published by a Lit Review that stored them differently) stops
 * the publish: merging without it would unpublish that listing's papers.
 */
async function loadStoredResults(client: pg.PoolClient, skip: ReadonlySet<string>, take: (file: string, result: ParseResult) => void): Promise<void> {
  const files = (await client.query<{ root: string; path: string }>('SELECT root, path FROM listings ORDER BY root, path')).rows.filter((row) => !skip.has(libraryFile(row.root, row.path)));
  const SLICE = 500;
  for (let from = 0; from < files.length; from += SLICE) {
    const slice = files.slice(from, from + SLICE);
    const rows = await client.query<{ root: string; path: string; parser: string; parsed: Buffer }>(
      'SELECT l.root, l.path, l.parser, l.parsed FROM listings l JOIN unnest($1::text[], $2::text[]) AS s(root, path) ON l.root = s.root AND l.path = s.path',
      [slice.map((row) => row.root), slice.map((row) => row.path)],
    );
    for (const row of rows.rows) {
      const result = decodeCache(new Uint8Array(row.parsed.buffer, row.parsed.byteOffset, row.parsed.byteLength), { producer: row.parser })?.[0]?.result;
      if (!result) throw new SharedLibraryError('error', `The listing "${libraryFile(row.root, row.path)}" was published by another version of Lit Review (${row.parser}); publish its folder again with this one first.`);
      take(libraryFile(row.root, row.path), result);
    }
  }
}

async function withSecondClient(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const other = await pool.connect();
  try {
    await other.query('SET synchronous_commit = off');
    await work(other);
  } finally {
    other.release();
  }
}

async function inTransaction(client: pg.PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
