// The statements a publish writes with. Rows go in many at a time: papers as one jsonb
// array decomposed by jsonb_to_recordset, other rows as arrays through unnest, so a
// transaction of thousands of rows is a handful of round trips.
import type { ClientBase } from 'pg';
import { PAPER_COLUMNS, PAPER_COLUMN_TYPES, rowValues, type PaperRow } from './paperRows';
import type { StoredStamp } from './publishRead';
import type { TopicRow } from './topicRows';

/** A listing as the listings table holds it: its stamp, and its parse result. */
export interface ListingRow extends StoredStamp {
  parsed: Uint8Array;
  papers: number;
  problems: number;
}

/** Rows per statement when a table is filled in pieces. */
const ROWS_PER_STATEMENT = 5000;

/**
 * A row as the JSON object the upsert reads, the paper's own JSON text spliced in as it is:
 * made as soon as the row is, so that one flat string per paper waits to be written.
 */
export function paperRowJson(row: PaperRow): string {
  const values = rowValues(row);
  const fields = PAPER_COLUMNS.map((column, i) => `${JSON.stringify(column)}:${column === 'paper' ? row.paper : JSON.stringify(values[i] ?? null)}`);
  return `{${fields.join(',')}}`;
}

const UPSERT_PAPERS = `
INSERT INTO papers (${PAPER_COLUMNS.join(', ')})
SELECT ${PAPER_COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${PAPER_COLUMNS.map((column, i) => `${column} ${PAPER_COLUMN_TYPES[i]}`).join(', ')})
ON CONFLICT (key) DO UPDATE SET ${PAPER_COLUMNS.filter((column) => column !== 'key').map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

/** Rows (as `paperRowJson` makes them) inserted or replaced. */
export async function upsertPapers(client: ClientBase, rows: readonly string[]): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) await client.query(UPSERT_PAPERS, [`[${rows.slice(from, from + ROWS_PER_STATEMENT).join(',')}]`]);
}

export async function deletePapers(client: ClientBase, keys: readonly string[]): Promise<void> {
  if (keys.length) await client.query('DELETE FROM papers WHERE key = ANY($1::text[])', [keys]);
}

export async function upsertListings(client: ClientBase, rows: readonly ListingRow[]): Promise<void> {
  if (!rows.length) return;
  await client.query(
    `INSERT INTO listings (root, path, size, modified_ms, hash, parser, parsed, papers, problems, published_at)
     SELECT *, now() FROM unnest($1::text[], $2::text[], $3::bigint[], $4::float8[], $5::text[], $6::text[], $7::bytea[], $8::integer[], $9::integer[])
     ON CONFLICT (root, path) DO UPDATE SET size = EXCLUDED.size, modified_ms = EXCLUDED.modified_ms, hash = EXCLUDED.hash, parser = EXCLUDED.parser,
       parsed = EXCLUDED.parsed, papers = EXCLUDED.papers, problems = EXCLUDED.problems, published_at = EXCLUDED.published_at`,
    [rows.map((r) => r.root), rows.map((r) => r.path), rows.map((r) => r.size), rows.map((r) => r.modifiedMs), rows.map((r) => r.hash), rows.map((r) => r.parser), rows.map((r) => Buffer.from(r.parsed.buffer, r.parsed.byteOffset, r.parsed.byteLength)), rows.map((r) => r.papers), rows.map((r) => r.problems)],
  );
}

/** A file touched but not changed: its new stamp, nothing else (its published_at stays). */
export async function restampListings(client: ClientBase, rows: readonly { root: string; path: string; size: number; modifiedMs: number }[]): Promise<void> {
  if (!rows.length) return;
  await client.query(
    `UPDATE listings l SET size = s.size, modified_ms = s.modified_ms
     FROM unnest($1::text[], $2::text[], $3::bigint[], $4::float8[]) AS s(root, path, size, modified_ms)
     WHERE l.root = s.root AND l.path = s.path`,
    [rows.map((r) => r.root), rows.map((r) => r.path), rows.map((r) => r.size), rows.map((r) => r.modifiedMs)],
  );
}

export async function deleteListings(client: ClientBase, listings: readonly { root: string; path: string }[]): Promise<void> {
  if (!listings.length) return;
  await client.query('DELETE FROM listings l USING unnest($1::text[], $2::text[]) AS d(root, path) WHERE l.root = d.root AND l.path = d.path', [listings.map((l) => l.root), listings.map((l) => l.path)]);
}

/** The library's size moved by `delta` papers, and its publication time now. */
export async function markPublished(client: ClientBase, delta: number): Promise<void> {
  await client.query('UPDATE library SET papers = papers + $1, published_at = now()', [delta]);
}

/** The topics and their papers, replaced whole. */
export async function replaceTopics(client: ClientBase, rows: readonly TopicRow[]): Promise<void> {
  await client.query('DELETE FROM topic_papers');
  await client.query('DELETE FROM topics');
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const slice = rows.slice(from, from + ROWS_PER_STATEMENT);
    await client.query(
      'INSERT INTO topics (id, name, parent, position, papers, why, origin) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::integer[], $5::integer[], $6::text[], $7::text[])',
      [slice.map((r) => r.id), slice.map((r) => r.name), slice.map((r) => r.parent), slice.map((r) => r.position), slice.map((r) => r.papers), slice.map((r) => r.why), slice.map((r) => r.origin)],
    );
  }
  const ids: string[] = [];
  const positions: number[] = [];
  const keys: string[] = [];
  const flush = async () => {
    if (!keys.length) return;
    await client.query('INSERT INTO topic_papers (topic_id, position, key) SELECT * FROM unnest($1::text[], $2::integer[], $3::text[])', [ids, positions, keys]);
    ids.length = positions.length = keys.length = 0;
  };
  for (const row of rows) {
    for (const [position, key] of row.keys.entries()) {
      ids.push(row.id);
      positions.push(position);
      keys.push(key);
      if (keys.length >= 10 * ROWS_PER_STATEMENT) await flush();
    }
  }
  await flush();
}

/**
 * The term list made again from the papers' titles and names (their head vectors), written
 * as a difference: terms gone deleted, new ones inserted, counts that moved updated.
 */
export async function refreshTerms(client: ClientBase): Promise<void> {
  await client.query(`CREATE TEMPORARY TABLE fresh_terms ON COMMIT DROP AS SELECT word AS term, ndoc AS papers FROM ts_stat('SELECT head FROM papers')`);
  await client.query('DELETE FROM terms t WHERE NOT EXISTS (SELECT 1 FROM fresh_terms f WHERE f.term = t.term)');
  await client.query('INSERT INTO terms (term, papers) SELECT term, papers FROM fresh_terms ON CONFLICT (term) DO UPDATE SET papers = EXCLUDED.papers WHERE terms.papers <> EXCLUDED.papers');
}

/** A value kept whole between publishes. */
export async function saveState(client: ClientBase, name: string, value: string): Promise<void> {
  await client.query('INSERT INTO state (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value', [name, value]);
}

export async function readState(client: ClientBase, name: string): Promise<string | undefined> {
  const rows = await client.query<{ value: string }>('SELECT value FROM state WHERE name = $1', [name]);
  return rows.rows[0]?.value;
}
