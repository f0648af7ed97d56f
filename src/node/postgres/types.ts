// What the editor and the command line see of a shared library on PostgreSQL: the papers a
// lab published, searched and fetched on the server. Every call may fail: the server is
// down or slow, and local work must never wait on it.
import type { Paper } from '../../core/paper/paper';

/** A paper found on the server, with the server's score (higher is better). */
export interface SharedHit {
  paper: Paper;
  score: number;
}

/** A topic of the published library; `parent` names the topic it is nested in. */
export interface SharedTopic {
  id: string;
  name: string;
  count: number;
  parent?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface SharedLibrary {
  /**
   * The best papers for a query, ranked as the local engine ranks: exact keys, ids and short names first, then typo-tolerant titles, then words anywhere.
   * Aborting `signal` rejects at once with the signal's reason (an AbortError, not a SharedLibraryError): a keystroke replaced by the next is no failure.
   */
  search(query: string, options?: { limit?: number; signal?: AbortSignal }): Promise<SharedHit[]>;
  /** Papers by key or alias, with every field (for citing: the full BibTeX comes from them). */
  papers(keys: readonly string[]): Promise<Paper[]>;
  /** Topics, top level when no parent is given, largest first, a page at a time. */
  topics(options?: { parent?: string; offset?: number; limit?: number }): Promise<Page<SharedTopic>>;
  /** The papers of a topic, a page at a time. */
  topicPapers(topicId: string, options?: { offset?: number; limit?: number }): Promise<Page<Paper>>;
  /** How many papers the library holds and when it was last published. */
  stats(): Promise<{ papers: number; publishedAt?: string }>;
  close(): Promise<void>;
}

/** Why a call failed, so the editor can say it in the status bar. */
export type SharedLibraryFailure = 'unreachable' | 'timeout' | 'authentication' | 'not-published' | 'error';

export class SharedLibraryError extends Error {
  constructor(
    readonly failure: SharedLibraryFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SharedLibraryError';
  }
}

export interface SharedLibraryOptions {
  /** `postgres://…`, key=value, or a bare service name (as `service=name`); the PG* variables, PGSERVICE and ~/.pgpass fill in what it leaves out, as in psql. */
  connectionString?: string;
  /** A password given apart from the connection string (the editor keeps it in its secret storage). */
  password?: string;
  /** Each query is cancelled after this long (default 1000 ms). */
  queryTimeoutMs?: number;
  /** Giving up on connecting after this long (default 1000 ms). */
  connectTimeoutMs?: number;
}
