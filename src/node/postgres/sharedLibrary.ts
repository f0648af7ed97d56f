// A published library read from its server: search as the local engine ranks, papers by
// key, topics a page at a time. Every call is bounded in time (see runQuery.ts) and fails
// with a SharedLibraryError saying why; nothing here ever writes.
import type pg from 'pg';
import type { Paper } from '../../core/paper/paper';
import { openPool } from './connect';
import { readConnectionSettings } from './connect';
import { describeConnection, type ConnectionSettings } from './connectionSettings';
import { paperOfRow } from './paperRows';
import { rank } from './rerank';
import { runQuery, type QueryLimits } from './runQuery';
import { SCHEMA_VERSION } from './schema';
import { expectedMatches, joinCandidates, lookupQueries, namesAuthors, planQuery, tsQueryText, wordGroups, wordWeights, type JoinedForm, type KnownForms, type QueryPlan } from './searchQuery';
import { PAPERS_BY_KEY_SQL, paperTopics, SEARCH_SQL, WORD_FORMS_SQL, type SearchRow, type WordFormsRow } from './searchSql';
import { SharedLibraryError, type Page, type SharedHit, type SharedLibrary, type SharedLibraryOptions, type SharedTopic } from './types';

const DEFAULT_TIMEOUT_MS = 1000;
const DEFAULT_LIMIT = 50;
const DEFAULT_PAGE = 100;
/** How many papers each full-text look-up of a search ranks: enough for the best to be among them, few enough for a keystroke. */
const CANDIDATES_PER_LOOKUP = 100;
/** About how many papers' titles and names are read before the index is asked (see SEARCH_SQL). */
const SAMPLED_PAPERS = 10_000;
/**
 * Titles are searched by trigrams (for typos the term list cannot mend) up to this size:
 * beyond it, one such pass over the titles sharing trigrams with a query costs more than a
 * keystroke may (measured: 70 ms at 100,000 papers).
 */
const TRIGRAM_TITLES_UP_TO = 200_000;
/** Papers found that are enough to stop looking further (in abstracts, say), however few are wanted: the best of them is what matters. */
const MIN_ENOUGH = 20;
/** Candidates returned for the final ranking, per result wanted. */
const CANDIDATES_PER_RESULT = 2;
const MIN_CANDIDATES = 40;
/** Word look-ups are kept this long (a publish meanwhile may change them) and at most this many. */
const FORMS_KEPT_MS = 60_000;
const FORMS_KEPT = 1000;
/**
 * Papers with only some of the words are looked for when fewer than this many have them
 * all (or fewer than asked for): a second pass costs a keystroke as much again, and a
 * list this long already holds what the words name.
 */
const PARTIAL_BELOW = 10;
/** Papers with only some of the words rank below every paper with all of them. */
const PARTIAL_SHARE = 0.5;

export function openSharedLibrary(options: SharedLibraryOptions): SharedLibrary {
  return new PostgresLibrary(options);
}

class PostgresLibrary implements SharedLibrary {
  private pool?: pg.Pool;
  private settings?: ConnectionSettings;
  private readonly settingsError?: SharedLibraryError;
  private checked?: Promise<void>;
  private readonly timeoutMs: number;
  /** Word look-ups lately made, and the library's size they were made against. */
  private readonly forms = new Map<string, KnownForms>();
  private formsSince = 0;
  private libraryPapers = 0;

  constructor(private readonly options: SharedLibraryOptions) {
    this.timeoutMs = options.queryTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      this.settings = readConnectionSettings(options.connectionString, options.password);
    } catch (error) {
      this.settingsError = new SharedLibraryError('error', `The shared library's connection settings are wrong: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async search(query: string, options: { limit?: number; signal?: AbortSignal } = {}): Promise<SharedHit[]> {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const plan = planQuery(query);
    if (!plan || !limit) return [];
    const limits = { timeoutMs: this.timeoutMs, signal: options.signal };
    await this.ready(limits);
    const words = await this.wordForms(plan, limits);
    const candidates = Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT);
    const measuredOf = (row: SearchRow) => measured(row, namesAuthors(plan, words.known, row.authors ?? []));
    const all = await this.candidates(plan, words, 'all', [], candidates, Math.max(limit, MIN_ENOUGH), limits);
    const hits = rank(plan, all.map(measuredOf)).map(({ item, score }) => ({ row: item.row, score: 1 + score }));
    if (hits.length < Math.min(limit, PARTIAL_BELOW) && plan.required.length > 1) {
      // Too few papers have every word: those that have some follow.
      const some = await this.candidates(plan, words, 'some', hits.map((hit) => hit.row.key), candidates, Math.max(limit - hits.length, MIN_ENOUGH), limits);
      hits.push(...rank(plan, some.map(measuredOf), 'some').map(({ item, score }) => ({ row: item.row, score: PARTIAL_SHARE * (score % 1) })));
    }
    const best = hits.slice(0, limit);
    const rows = await this.query<{ key: string; paper: unknown; topics: string[] | null }>(PAPERS_BY_KEY_SQL, [best.map((hit) => hit.row.key)], limits);
    const byKey = new Map(rows.map((row) => [row.key, paperOfRow(row.paper, row.topics)]));
    // A paper unpublished between the two queries is left out.
    return best.filter((hit) => byKey.has(hit.row.key)).map(({ row, score }) => ({ paper: byKey.get(row.key)!, score: Math.round(score * 1e6) / 1e6 }));
  }

  async papers(keys: readonly string[]): Promise<Paper[]> {
    if (!keys.length) return [];
    const limits = { timeoutMs: this.timeoutMs };
    await this.ready(limits);
    const wanted = [...new Set(keys.map((key) => key.toLowerCase()))];
    const rows = await this.query<{ paper: unknown; topics: string[] | null }>(`SELECT p.paper, ${paperTopics('p.key')} AS topics FROM papers p WHERE p.ids && $1::text[]`, [wanted], limits);
    // The ids hold arXiv ids and DOIs too: only a key or an alias names a paper here.
    const byKey = new Map<string, Paper>();
    for (const row of rows) {
      const paper = paperOfRow(row.paper, row.topics);
      for (const name of [paper.key, ...(paper.aliases ?? [])]) byKey.set(name.toLowerCase(), paper);
    }
    const seen = new Set<Paper>();
    return wanted.map((key) => byKey.get(key)).filter((paper): paper is Paper => paper !== undefined && !seen.has(paper) && !!seen.add(paper));
  }

  async topics(options: { parent?: string; offset?: number; limit?: number } = {}): Promise<Page<SharedTopic>> {
    const limits = { timeoutMs: this.timeoutMs };
    await this.ready(limits);
    const rows = await this.query<{ total: string; id: string | null; name: string; parent: string | null; papers: number }>(
      `WITH level AS (SELECT * FROM topics WHERE coalesce(parent, '') = $1)
       SELECT (SELECT count(*) FROM level) AS total, page.id, page.name, page.parent, page.papers
       FROM (SELECT 1) one LEFT JOIN (SELECT * FROM level ORDER BY papers DESC, position LIMIT $2 OFFSET $3) page ON true`,
      [options.parent ?? '', pageSize(options.limit), Math.max(0, Math.floor(options.offset ?? 0))],
      limits,
    );
    const items = rows.filter((row) => row.id !== null).map((row): SharedTopic => ({ id: row.id!, name: row.name, count: row.papers, ...(row.parent ? { parent: row.parent } : {}) }));
    return { items, total: Number(rows[0]?.total ?? 0) };
  }

  async topicPapers(topicId: string, options: { offset?: number; limit?: number } = {}): Promise<Page<Paper>> {
    const limits = { timeoutMs: this.timeoutMs };
    await this.ready(limits);
    const rows = await this.query<{ total: number | null; paper: unknown; topics: string[] | null }>(
      `SELECT (SELECT papers FROM topics WHERE id = $1) AS total, page.paper, page.topics
       FROM (SELECT 1) one LEFT JOIN (
         SELECT p.paper, ${paperTopics('p.key')} AS topics FROM topic_papers tp JOIN papers p ON p.key = tp.key
         WHERE tp.topic_id = $1 ORDER BY tp.position LIMIT $2 OFFSET $3
       ) page ON true`,
      [topicId, pageSize(options.limit), Math.max(0, Math.floor(options.offset ?? 0))],
      limits,
    );
    const items = rows.filter((row) => row.paper !== null).map((row) => paperOfRow(row.paper, row.topics));
    return { items, total: rows[0]?.total ?? 0 };
  }

  async stats(): Promise<{ papers: number; publishedAt?: string }> {
    const limits = { timeoutMs: this.timeoutMs };
    await this.ready(limits);
    const rows = await this.query<{ papers: number; published_at: Date | null }>('SELECT papers, published_at FROM library', [], limits);
    const row = rows[0];
    return { papers: row?.papers ?? 0, ...(row?.published_at ? { publishedAt: row.published_at.toISOString() } : {}) };
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  /** The connection works and the schema is one this reader knows; checked once, again after a failure. */
  private ready(limits: QueryLimits): Promise<void> {
    this.checked ??= this.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version', [], limits).then(
      (rows) => {
        const version = rows[0]?.version ?? 0;
        if (version < 1) throw new SharedLibraryError('not-published', 'Nothing has been published to this database yet.');
        if (version > SCHEMA_VERSION) throw new SharedLibraryError('error', `The shared library was published by a newer Lit Review (schema ${version}); update Lit Review to read it.`);
      },
    );
    const check = this.checked;
    check.catch(() => {
      if (this.checked === check) this.checked = undefined;
    });
    return check;
  }

  /**
   * What the term list knows of the query's words and of its neighbouring pairs joined.
   * Typing sends the same words again on every keystroke: their look-ups are kept a while.
   */
  private async wordForms(plan: QueryPlan, limits: QueryLimits): Promise<WordForms> {
    const candidates = joinCandidates(plan);
    if (!plan.required.length) return { known: [], joins: [], libraryPapers: 0 };
    const asked = [
      ...plan.required.map((planned) => ({ word: planned.word, prefix: planned.prefix, typos: true })),
      ...candidates.map((join) => ({ word: join.term, prefix: join.prefix, typos: false })),
    ];
    const now = Date.now();
    if (now - this.formsSince > FORMS_KEPT_MS) {
      this.forms.clear();
      this.formsSince = now;
    }
    const idOf = (ask: { word: string; prefix: boolean; typos: boolean }) => `${ask.prefix ? '*' : '='}${ask.typos ? '~' : ''}${ask.word}`;
    const missing = asked.filter((ask) => !this.forms.has(idOf(ask)));
    if (missing.length) {
      const rows = await this.query<WordFormsRow>(WORD_FORMS_SQL, [missing.map((ask) => ask.word), missing.map((ask) => ask.prefix), missing.map((ask) => ask.typos)], limits);
      if (this.forms.size > FORMS_KEPT) this.forms.clear();
      rows.forEach((row, i) => this.forms.set(idOf(missing[i]!), { exact: row.exact, completions: row.completions, near: row.near, papers: row.papers + Number(row.completion_papers) }));
      this.libraryPapers = rows[0]?.library ?? this.libraryPapers;
    }
    const formsOf = (ask: (typeof asked)[number]): KnownForms => this.forms.get(idOf(ask)) ?? { exact: false, near: [] };
    const known = asked.slice(0, plan.required.length).map(formsOf);
    const joins = candidates.filter((_, i) => {
      const forms = formsOf(asked[plan.required.length + i]!);
      return forms.exact || !!forms.completions?.length;
    });
    return { known, joins, libraryPapers: this.libraryPapers };
  }

  /** Papers with every word (`all`) or some (`some`), `exclude` left out, with what the ranking reads. */
  private candidates(plan: QueryPlan, words: WordForms, mode: 'all' | 'some', exclude: string[], count: number, enough: number, limits: QueryLimits): Promise<SearchRow[]> {
    const { known, joins } = words;
    return this.query<SearchRow>(
      SEARCH_SQL,
      [
        plan.ids,
        plan.compact,
        lookupQueries(plan, known, joins, mode, enough),
        plan.phrase,
        CANDIDATES_PER_LOOKUP,
        exclude,
        count,
        tsQueryText(plan, known, joins, mode),
        wordGroups(plan, known),
        wordWeights(known, words.libraryPapers),
        samplePercent(expectedMatches(known, words.libraryPapers, mode), words.libraryPapers, enough),
        enough,
        words.libraryPapers <= TRIGRAM_TITLES_UP_TO,
        plan.keyLike,
      ],
      limits,
    );
  }

  private query<Row extends pg.QueryResultRow>(text: string, values: unknown[], limits: QueryLimits): Promise<Row[]> {
    if (this.settingsError) return Promise.reject(this.settingsError);
    this.pool ??= openPool(this.settings!, {
      statementTimeoutMs: this.timeoutMs,
      connectTimeoutMs: this.options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS,
      applicationName: 'lit-review',
      max: 4,
      indexesOnly: true,
    });
    return runQuery<Row>(this.pool, text, values, { ...limits, where: describeConnection(this.settings!) });
  }
}

/**
 * The share of the library (percent of its pages) whose titles and names are read before
 * the index is asked: none when too few of the sampled papers would match to be enough,
 * all of a small library.
 */
function samplePercent(expected: number, libraryPapers: number, enough: number): number {
  const share = Math.min(1, SAMPLED_PAPERS / Math.max(1, libraryPapers));
  return expected * share >= enough ? 100 * share : 0;
}

/** What the term list knows of a query's words. */
interface WordForms {
  known: KnownForms[];
  joins: JoinedForm[];
  libraryPapers: number;
}

function pageSize(limit: number | undefined): number {
  return Math.max(0, Math.floor(limit ?? DEFAULT_PAGE));
}

function measured(row: SearchRow, byAuthors: boolean) {
  return {
    row,
    key: row.key,
    shortName: row.short_name,
    title: row.title,
    nonPaper: row.non_paper,
    identified: row.identified,
    headRank: row.head_rank,
    rank: row.rank,
    coverage: row.coverage,
    titleSimilarity: row.title_similarity,
    nameSimilarity: row.name_similarity,
    byAuthors,
  };
}
