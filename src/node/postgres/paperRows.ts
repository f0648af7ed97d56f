// A paper as one row of the papers table and back. The whole record goes in as jsonb, so
// every field (BibTeX records, alias entries, sources) comes back as it was; beside it go
// what search reads: the title folded as the local engine folds it, its identifiers and
// short name, and the terms the local engine indexes, as weighted text-search vectors.
import { createHash } from 'node:crypto';
import { shortName } from '../../core/paper/keys';
import type { Paper } from '../../core/paper/paper';
import { documentTerms } from '../../core/search/documents';
import type { DocumentTerms } from '../../core/search/termIndex';
import { isNonPaper } from '../../core/search/entryKind';
import { compactForm, foldedWords, foldForSearch } from '../../core/search/normalize';
import { TsVectorBuilder } from './tsvector';

/** Bumped when what a row holds beside the paper changes, so that every row is written again. */
export const ROW_FORMAT = 1;

export interface PaperRow {
  key: string;
  aliases: string[];
  /** The paper as JSON text, topics left out (they are the topic tables' to say). */
  paper: string;
  hash: string;
  files: string[];
  ids: string[];
  /** The title's folded words, for typo-tolerant similarity. */
  title: string;
  arxivId: string | null;
  doi: string | null;
  shortName: string;
  year: number | null;
  upvotes: number | null;
  date: string | null;
  nonPaper: boolean;
  /** tsvector text: the title (A), names, authors and organisation (B), abstract (C), keywords and venue (D). */
  document: string;
}

/** The columns in the order `rowValues` gives each row's values. */
export const PAPER_COLUMNS = ['key', 'aliases', 'paper', 'hash', 'files', 'ids', 'title', 'arxiv_id', 'doi', 'short_name', 'year', 'upvotes', 'date', 'non_paper', 'document'] as const;
/** Each column's type, for reading rows out of a JSON array. */
export const PAPER_COLUMN_TYPES = ['text', 'text[]', 'jsonb', 'text', 'text[]', 'text[]', 'text', 'text', 'text', 'text', 'integer', 'integer', 'text', 'boolean', 'tsvector'] as const;

/**
 * The paper as JSON that PostgreSQL's jsonb accepts: jsonb has no NUL character and no
 * unpaired surrogate, which JSON.stringify writes as escapes; those become U+FFFD.
 */
export function paperJson(paper: Paper): string {
  const { topics: _topics, ...rest } = paper;
  const json = JSON.stringify({ ...rest, topics: [] });
  // (Few papers have any \u escape: the others skip the search.)
  return json.includes('\\u') ? json.replace(/(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi, '$1\\ufffd') : json;
}

/** The hash of what a row holds: when it is unchanged, the row is not written again. */
export function rowHash(json: string, producer: string): string {
  return createHash('sha1').update(`${ROW_FORMAT}\n${producer}\n`).update(json).digest('base64url');
}

export function paperRow(paper: Paper, producer: string, json = paperJson(paper)): PaperRow {
  // The local engine's own terms for each field, so that both engines read the same words.
  const { head, abstract } = documentTerms(paper);
  return {
    key: paper.key,
    aliases: paper.aliases ?? [],
    paper: json,
    hash: rowHash(json, producer),
    files: [...new Set(paper.sources.map((source) => source.file))],
    ids: identifiersOf(paper),
    title: foldedWords(foldForSearch(paper.title)).join(' '),
    arxivId: paper.arxivId ?? null,
    doi: paper.doi ?? null,
    shortName: compactForm(shortName(paper.title) ?? ''),
    year: paper.year ?? null,
    upvotes: paper.upvotes ?? null,
    date: paper.date ?? (paper.year ? String(paper.year) : null),
    nonPaper: isNonPaper(paper),
    document: documentVector(head, abstract),
  };
}

/** The title (A), names, authors and organisation (B), abstract (C), keywords and venue (D). */
function documentVector(head: DocumentTerms['head'], abstract: string): string {
  const vector = new TsVectorBuilder();
  vector.addAll(head.title, 'A');
  for (const terms of [head.name, head.people, head.organization]) vector.addAll(terms, 'B');
  vector.addBody(abstract, 'C');
  vector.addAll(head.extra, 'D');
  return vector.text();
}

/** What a query may be exactly to name the paper: its key, aliases, arXiv id and DOI, lower-cased. */
export function identifiersOf(paper: Paper): string[] {
  const ids = [paper.key, ...(paper.aliases ?? []), paper.arxivId, paper.doi].filter((id): id is string => !!id).map((id) => id.toLowerCase());
  return [...new Set(ids)];
}

/** A row's values in PAPER_COLUMNS order. */
export function rowValues(row: PaperRow): unknown[] {
  return [row.key, row.aliases, row.paper, row.hash, row.files, row.ids, row.title, row.arxivId, row.doi, row.shortName, row.year, row.upvotes, row.date, row.nonPaper, row.document];
}

/** The paper a row's jsonb holds, with the topics the topic tables give it. */
export function paperOfRow(paper: unknown, topics: readonly string[] | null | undefined): Paper {
  return { ...(paper as Paper), topics: topics ? [...topics] : [] };
}
