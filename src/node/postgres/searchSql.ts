// The SQL a search sends: first the typed words against the term list (which spellings the
// library knows), then the candidates and what the ranking reads of each. The text is fixed;
// everything typed goes in as parameters.

/** The topics of the paper whose key is `key`, in the order the Papers view lists them, as a jsonb array. */
export function paperTopics(key: string): string {
  return `(
  SELECT jsonb_agg(named.name ORDER BY named.first)
  FROM (SELECT t.name, min(t.position) AS first FROM topic_papers tp JOIN topics t ON t.id = tp.topic_id WHERE tp.key = ${key} GROUP BY t.name) named
)`;
}

/** Fewer papers than this holding the words, and titles are looked up by trigrams too. */
const FEW = 5;
/** An unfinished word of at least this many letters stands for the commonest words it begins, this many of them. */
export const MIN_COMPLETED = 3;
export const COMPLETIONS = 12;

/** Strings that begin with $n, by byte order (text_pattern_ops), whatever the database's collation. */
function beginsWith(column: string, parameter: string): string {
  return `(${column} ~>=~ ${parameter} AND ${column} ~<~ (${parameter} || chr(1114111)))`;
}

/**
 * Per typed word ($1 words, $2 whether each may be unfinished, $3 whether its typos are
 * wanted): how many papers have it in their title or names (none: the library lacks it
 * there), the commonest words it begins (for an unfinished word of three letters or more),
 * and, for a word known in neither way, the terms nearest it by trigrams (whole words, or
 * for an unfinished word, words whose start is near). The library's size comes along.
 */
export const WORD_FORMS_SQL = `
SELECT w.n, e.papers IS NOT NULL AS exact, coalesce(e.papers, 0) AS papers, c.completions, c.completion_papers, (SELECT papers FROM library) AS library,
  CASE WHEN w.typos AND length(w.word) >= 4 AND e.papers IS NULL AND cardinality(c.completions) = 0 THEN ARRAY(
    SELECT t.term FROM terms t
    WHERE t.term % w.word OR (w.prefix AND t.term %> w.word)
    ORDER BY greatest(similarity(t.term, w.word), CASE WHEN w.prefix THEN word_similarity(w.word, t.term) ELSE 0 END) DESC, t.papers DESC, t.term
    LIMIT 16
  ) ELSE '{}'::text[] END AS near
FROM unnest($1::text[], $2::boolean[], $3::boolean[]) WITH ORDINALITY AS w(word, prefix, typos, n)
LEFT JOIN LATERAL (SELECT t.papers FROM terms t WHERE t.term = w.word) e ON true
CROSS JOIN LATERAL (
  SELECT coalesce(array_agg(top.term ORDER BY top.papers DESC, top.term), '{}') AS completions, coalesce(sum(top.papers), 0) AS completion_papers
  FROM (
    SELECT t.term, t.papers FROM terms t
    WHERE w.prefix AND length(w.word) >= ${MIN_COMPLETED} AND ${beginsWith('t.term', 'w.word')} AND t.term <> w.word
    ORDER BY t.papers DESC, t.term LIMIT ${COMPLETIONS}
  ) top
) c
ORDER BY w.n`;

export interface WordFormsRow {
  n: string;
  exact: boolean;
  /** How many papers have the word in their title or names, and how many the library has. */
  papers: number;
  completions: string[];
  completion_papers: string;
  library: number;
  near: string[];
}

/**
 * The candidates of a search and what the ranking reads of each. Parameters:
 * $1 the identifiers the query may be, $2 its compact form, $3 the tsquery texts to find
 * papers by, $4 the query's words joined by spaces, $5 how many papers each full-text
 * look-up takes, $6 keys already found (left out), $7 how many candidates to return,
 * $8 the tsquery text to rank by ('' for none), $9 each word's own tsquery text and
 * $10 its weight (rarer words weigh more), $11 the share of the library sampled first
 * (percent), $12 how many papers found are enough not to look further, $13 whether titles
 * may be searched by trigrams, $14 the query as a citation key ('' when it is none).
 *
 * Each way of finding a paper is its own bounded look-up: identifiers, short names
 * beginning with the query, the title and names (head) and then everything (document)
 * holding the words, titles similar to the query as typed, and for a letter or two, keys
 * beginning with them. The candidates come back best first
 * by a rough score; the final order is made from the figures beside each.
 */
export const SEARCH_SQL = `
WITH q AS (SELECT CASE WHEN $8 = '' THEN NULL ELSE $8::tsquery END AS tsq),
lookups AS MATERIALIZED (SELECT text::tsquery AS tsq FROM unnest($3::text[]) AS l(text)),
words AS (SELECT text::tsquery AS tsq, weight FROM unnest($9::text[], $10::float8[]) AS w(text, weight)),
-- Titles and names of a fixed sample of the library first ($11 percent of its pages): words
-- common enough to be found there at once would cost an index a pass over a hundred
-- thousand entries each at a million papers, and any of their many papers does as well.
sampled AS MATERIALIZED (
  SELECT f.key FROM lookups l CROSS JOIN LATERAL (SELECT key FROM papers TABLESAMPLE SYSTEM ($11) REPEATABLE (0) WHERE head @@ l.tsq LIMIT $5) f
),
-- Then the index, for words too rare for the sample (unless the sample was everything).
in_head AS MATERIALIZED (
  SELECT f.key FROM lookups l CROSS JOIN LATERAL (SELECT key FROM papers WHERE $11::real < 100 AND (SELECT count(*) FROM sampled) < $12 AND head @@ l.tsq LIMIT $5) f
),
-- Abstracts only when titles and names hold too few: what is found there ranks above them anyway.
in_document AS MATERIALIZED (
  SELECT f.key FROM lookups l CROSS JOIN LATERAL (
    SELECT key FROM papers WHERE (SELECT count(*) FROM sampled) + (SELECT count(*) FROM in_head) < $12 AND document @@ l.tsq LIMIT $5
  ) f
),
found AS (
  (SELECT key FROM papers WHERE ids && $1::text[] LIMIT 20)
  UNION
  (SELECT key FROM papers WHERE length($2) >= 3 AND short_name <> '' AND ${beginsWith('short_name', '$2')} ORDER BY short_name USING ~<~ LIMIT 30)
  UNION
  (SELECT key FROM sampled)
  UNION
  (SELECT key FROM in_head)
  UNION
  (SELECT key FROM in_document)
  UNION
  -- Titles by trigrams only when the words found next to nothing: rechecking every title
  -- that shares trigrams with a long query costs more than a keystroke may.
  (SELECT key FROM papers WHERE $13 AND length($4) >= 4 AND (SELECT count(*) FROM sampled) + (SELECT count(*) FROM in_head) + (SELECT count(*) FROM in_document) < ${FEW} AND title %> $4 LIMIT 30)
  UNION
  -- A citation key with a typo ("ssrl2052"), the same way.
  (SELECT key FROM papers WHERE $14 <> '' AND (SELECT count(*) FROM sampled) + (SELECT count(*) FROM in_head) + (SELECT count(*) FROM in_document) < ${FEW} AND lower(key) % $14 LIMIT 10)
  UNION
  -- (In byte order, the order of their index: read as far as needed, never sorted whole.)
  (SELECT key FROM papers WHERE length($2) BETWEEN 1 AND 2 AND ${beginsWith('lower(key)', '$2')} ORDER BY lower(key) USING ~<~ LIMIT 30)
),
scored AS (
  SELECT p.key, p.short_name, p.title, p.non_paper, p.paper->'authors' AS authors,
    p.ids && $1::text[] AS identified,
    coalesce(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', p.head, q.tsq), 0) AS head_rank,
    coalesce(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.document, q.tsq), 0) AS rank,
    coalesce((SELECT sum(w.weight * CASE WHEN p.head @@ w.tsq THEN 1 WHEN d.document @@ w.tsq THEN 0.5 ELSE 0 END) / nullif(sum(w.weight), 0) FROM words w), 0) AS coverage,
    CASE WHEN length($4) >= 3 THEN word_similarity($4, p.title) ELSE 0 END AS title_similarity,
    CASE WHEN length($2) >= 4 AND p.short_name <> '' THEN similarity(p.short_name, $2) ELSE 0 END AS name_similarity
  FROM found JOIN papers p USING (key)
  -- The full vector is read from its out-of-line storage once, not once for each use.
  CROSS JOIN LATERAL (SELECT p.document || ''::tsvector AS document OFFSET 0) d, q
  WHERE NOT (p.key = ANY($6::text[]))
)
SELECT key, short_name, title, non_paper, authors, identified, head_rank, rank, coverage, title_similarity, name_similarity
FROM scored s
ORDER BY identified DESC,
  (short_name <> '' AND short_name = $2) DESC,
  (length($2) >= 3 AND short_name <> '' AND ${beginsWith('short_name', '$2')}) DESC,
  (4 * head_rank + rank + 2 * coverage + title_similarity + 2 * name_similarity) DESC,
  key
LIMIT $7`;

/** The papers of the final ranking, whole, with their topics ($1 their keys). */
export const PAPERS_BY_KEY_SQL = `SELECT p.key, p.paper, ${paperTopics('p.key')} AS topics FROM papers p WHERE p.key = ANY($1::text[])`;

export interface SearchRow {
  key: string;
  short_name: string;
  authors: string[] | null;
  title: string;
  non_paper: boolean;
  identified: boolean;
  head_rank: number;
  rank: number;
  coverage: number;
  title_similarity: number;
  name_similarity: number;
}
