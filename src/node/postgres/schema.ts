// The shared library's tables, created and migrated by the publisher itself: each migration
// runs once, in order, recorded in schema_version, under an advisory lock so that two
// publishers starting at once never migrate together. Readers only check the version.
import type { ClientBase } from 'pg';
import { SharedLibraryError } from './types';

export const SCHEMA = 'lit_review';

/** Advisory lock keys (one namespace, two locks): migrating, and publishing. */
export const LOCK_NAMESPACE = 0x4c697452; // "LitR"
export const MIGRATE_LOCK = 1;
export const PUBLISH_LOCK = 2;

/**
 * The papers' search indexes. Made with the table; a first publish of many papers drops
 * them and makes them again once the papers are in (faster than keeping them up to date
 * row by row), and every publish makes any that are missing. A change here is a migration too.
 */
export const PAPER_INDEXES: Record<string, string> = {
  papers_head: `CREATE INDEX IF NOT EXISTS papers_head ON ${SCHEMA}.papers USING gin (head)`,
  papers_document: `CREATE INDEX IF NOT EXISTS papers_document ON ${SCHEMA}.papers USING gin (document)`,
  papers_ids: `CREATE INDEX IF NOT EXISTS papers_ids ON ${SCHEMA}.papers USING gin (ids)`,
  papers_title_trgm: `CREATE INDEX IF NOT EXISTS papers_title_trgm ON ${SCHEMA}.papers USING gin (title gin_trgm_ops)`,
  papers_key_trgm: `CREATE INDEX IF NOT EXISTS papers_key_trgm ON ${SCHEMA}.papers USING gin (lower(key) gin_trgm_ops)`,
  papers_key_prefix: `CREATE INDEX IF NOT EXISTS papers_key_prefix ON ${SCHEMA}.papers (lower(key) text_pattern_ops)`,
  papers_short_name: `CREATE INDEX IF NOT EXISTS papers_short_name ON ${SCHEMA}.papers (short_name text_pattern_ops) WHERE short_name <> ''`,
};

/**
 * Each migration is the SQL that brings the schema from the version before to its own.
 * Never edit one that has shipped: add the next.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the library as published.
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  -- One row: what the readers show as the library's size and age.
  CREATE TABLE ${SCHEMA}.library (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    papers integer NOT NULL DEFAULT 0,
    published_at timestamptz
  );
  INSERT INTO ${SCHEMA}.library DEFAULT VALUES;

  -- Each listing file as last published, with its parse result, so that an unchanged file
  -- is neither read nor parsed again.
  CREATE TABLE ${SCHEMA}.listings (
    root text NOT NULL,
    path text NOT NULL,
    size bigint NOT NULL,
    modified_ms double precision NOT NULL,
    hash text NOT NULL,
    parser text NOT NULL,
    parsed bytea NOT NULL,
    papers integer NOT NULL,
    problems integer NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (root, path)
  );

  -- Each paper merged and keyed: the whole record as jsonb, and beside it what search reads:
  -- identifiers, the title folded as the local engine folds it, the short name, and the
  -- local engine's own terms as a weighted vector (document: title A, names, authors and
  -- organisation B, abstract C, keywords and venue D), and its head without the abstract.
  CREATE TABLE ${SCHEMA}.papers (
    key text PRIMARY KEY,
    aliases text[] NOT NULL DEFAULT '{}',
    paper jsonb NOT NULL,
    hash text NOT NULL,
    files text[] NOT NULL,
    ids text[] NOT NULL,
    title text NOT NULL,
    arxiv_id text,
    doi text,
    short_name text NOT NULL DEFAULT '',
    year integer,
    upvotes integer,
    date text,
    non_paper boolean NOT NULL DEFAULT false,
    document tsvector NOT NULL,
    head tsvector GENERATED ALWAYS AS (ts_filter(document, '{a,b,d}')) STORED
  ) WITH (toast_tuple_target = 1024);
  -- (The record and the full vector go out of line, so that a row read while searching is
  -- a few hundred bytes: a search reads titles and names of thousands of rows.)
  ${Object.values(PAPER_INDEXES).join(';\n  ')};

  -- The words of titles, names and authors, with how many papers have each: for a query's
  -- words, which spellings the library knows and how rare they are.
  CREATE TABLE ${SCHEMA}.terms (
    term text PRIMARY KEY,
    papers integer NOT NULL
  );
  CREATE INDEX terms_prefix ON ${SCHEMA}.terms (term text_pattern_ops);
  CREATE INDEX terms_trgm ON ${SCHEMA}.terms USING gin (term gin_trgm_ops);

  -- Topics as the Papers view nests them, and their papers in the order shown.
  CREATE TABLE ${SCHEMA}.topics (
    id text PRIMARY KEY,
    name text NOT NULL,
    parent text,
    position integer NOT NULL,
    papers integer NOT NULL,
    why text NOT NULL,
    origin text NOT NULL
  );
  CREATE INDEX topics_parent ON ${SCHEMA}.topics (coalesce(parent, ''), papers DESC, position);
  CREATE TABLE ${SCHEMA}.topic_papers (
    topic_id text NOT NULL,
    position integer NOT NULL,
    key text NOT NULL,
    PRIMARY KEY (topic_id, position)
  );
  CREATE INDEX topic_papers_key ON ${SCHEMA}.topic_papers (key);

  -- lz4 where the server has it: several times faster to write and read than the default.
  DO $$
  BEGIN
    ALTER TABLE ${SCHEMA}.papers ALTER COLUMN paper SET COMPRESSION lz4, ALTER COLUMN document SET COMPRESSION lz4;
    ALTER TABLE ${SCHEMA}.listings ALTER COLUMN parsed SET COMPRESSION lz4;
  EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN NULL;
  END $$;

  -- Things kept whole between publishes (the topics as last computed, to keep them steady).
  CREATE TABLE ${SCHEMA}.state (
    name text PRIMARY KEY,
    value text NOT NULL
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The version the database is at: 0 before the first publish. */
export async function schemaVersion(client: ClientBase): Promise<number> {
  const found = await client.query<{ exists: boolean }>(`SELECT to_regclass('${SCHEMA}.schema_version') IS NOT NULL AS exists`);
  if (!found.rows[0]?.exists) return 0;
  const row = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${SCHEMA}.schema_version`);
  return row.rows[0]?.version ?? 0;
}

/**
 * Brings the schema to this version, one transaction and one lock for all of it. A
 * database migrated by a newer Lit Review is left alone: this one refuses to publish there.
 */
export async function migrate(client: ClientBase): Promise<{ from: number; to: number }> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, MIGRATE_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_version (version integer PRIMARY KEY, migrated_at timestamptz NOT NULL DEFAULT now())`);
    const from = await schemaVersion(client);
    if (from > SCHEMA_VERSION) throw new SharedLibraryError('error', `The shared library's schema is at version ${from}, newer than this Lit Review knows (${SCHEMA_VERSION}): update Lit Review to publish to it.`);
    for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
      await client.query(MIGRATIONS[version - 1]!);
      await client.query(`INSERT INTO ${SCHEMA}.schema_version (version) VALUES ($1)`, [version]);
    }
    await client.query('COMMIT');
    return { from, to: SCHEMA_VERSION };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export async function dropPaperIndexes(client: ClientBase): Promise<void> {
  for (const name of Object.keys(PAPER_INDEXES)) await client.query(`DROP INDEX IF EXISTS ${SCHEMA}.${name}`);
}

/** Makes the papers' search indexes that are missing; none, usually. */
export async function ensurePaperIndexes(client: ClientBase): Promise<number> {
  const present = new Set((await client.query<{ name: string }>('SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1', [SCHEMA])).rows.map((row) => row.name));
  const missing = Object.entries(PAPER_INDEXES).filter(([name]) => !present.has(name));
  for (const [, statement] of missing) await client.query(statement);
  return missing.length;
}
