// Reads .bib files: every entry with a title becomes a paper, every broken entry a problem,
// and one broken entry never hides the others.

import { decodeLatex } from '../latex';
import { acceptDraft, problem, type ParseContext, type ParseResult, type PaperDraftInput } from '../paper';
import { extractLinks, formatDate, monthNumber, parseArxivId, parseDoi } from '../text';
import { splitBibtex, type BibtexChunk } from './bibtexChunks';
import { EntryReadError, MacroScope, readNames, type BibtexEntry } from './bibtexRead';

/** An entry longer than this is not a bibliography entry (and would be slow to read). */
const MAX_ENTRY_LENGTH = 1_000_000;
/** Real entries nest braces a few levels deep; hostile ones would exhaust the stack. */
const MAX_BRACE_DEPTH = 100;

/** Entry types that carry no paper. */
const IGNORED_TYPES = new Set(['comment', 'preamble', 'xdata', 'set']);
/** Types of entries that are containers of papers (a proceedings volume, a book). */
const CONTAINER_TYPES = new Set(['proceedings', 'mvproceedings', 'collection', 'mvcollection', 'book', 'mvbook', 'reference']);

/** Fields a child entry never takes from its crossref parent: they describe the parent itself. */
const NOT_INHERITED = new Set([
  'title', 'subtitle', 'doi', 'url', 'eprint', 'archiveprefix', 'eprinttype', 'primaryclass', 'abstract',
  'keywords', 'note', 'file', 'crossref', 'xdata', 'ids', 'biburl', 'bibsource', 'timestamp', 'isbn', 'pages',
]);

interface LocatedEntry extends BibtexEntry {
  line: number;
}

export function parseBibtex(text: string, file: string, _context?: ParseContext): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const entries = readEntries(text, file, result);
  const byKey = new Map<string, LocatedEntry>();
  for (const entry of entries) {
    const known = byKey.get(entry.key.toLowerCase());
    if (known) {
      result.problems.push(problem(file, entry.line, `Entry '${entry.key}' at line ${entry.line} repeats the key of the entry at line ${known.line}.`, 'warning'));
    } else {
      byKey.set(entry.key.toLowerCase(), entry);
    }
  }
  const parents = inheritFields(entries, byKey, file, result);
  for (const entry of entries) {
    if (parents.has(entry) && CONTAINER_TYPES.has(entry.type)) continue;
    const draft = toDraft(entry, file);
    if (draft) acceptDraft(draft, result);
    else result.problems.push(problem(file, entry.line, `Entry '${entry.key}' at line ${entry.line} has no title; skipped.`));
  }
  return result;
}

/** Reads every entry, applying `@string` macros in file order; unreadable ones become problems. */
function readEntries(text: string, file: string, result: ParseResult): LocatedEntry[] {
  const entries: LocatedEntry[] = [];
  const macros = new MacroScope();
  try {
    for (const chunk of splitBibtex(text)) {
      if (IGNORED_TYPES.has(chunk.type)) continue;
      const reason = unreadable(chunk);
      const name = chunk.key ? `Entry '${chunk.key}' at line ${chunk.line}` : `The @${chunk.type} entry at line ${chunk.line}`;
      if (reason) {
        result.problems.push(problem(file, chunk.line, `${name} ${reason}; skipped.`));
        continue;
      }
      try {
        if (chunk.type === 'string') {
          macros.define(text.slice(chunk.bodyStart, chunk.bodyEnd));
          continue;
        }
        if (!chunk.key) {
          result.problems.push(problem(file, chunk.line, `${name} has no citation key; skipped.`));
          continue;
        }
        const entry = macros.read(text.slice(chunk.start, chunk.end));
        if (entry) entries.push({ ...entry, line: chunk.line });
      } catch (error) {
        if (!(error instanceof EntryReadError)) throw error;
        const at = error.lineInEntry !== undefined ? ` at line ${chunk.line + error.lineInEntry - 1}` : '';
        result.problems.push(problem(file, chunk.line, `${name} could not be read: ${error.message}${at}; skipped.`));
      }
    }
  } finally {
    macros.close();
  }
  return entries;
}

function unreadable(chunk: BibtexChunk): string | undefined {
  if (!chunk.closed) return 'is not closed (its braces or quotes do not balance)';
  if (chunk.end - chunk.start > MAX_ENTRY_LENGTH) return `is ${chunk.end - chunk.start} characters long, too long for an entry`;
  if (chunk.depth > MAX_BRACE_DEPTH) return `nests braces ${chunk.depth} deep, too deep to read`;
  return undefined;
}

/**
 * Fills each entry's missing fields from its `crossref` parent (and `xdata` sources), as BibTeX
 * does; a parent proceedings' title becomes the child's booktitle. Returns the parents.
 */
function inheritFields(entries: LocatedEntry[], byKey: Map<string, LocatedEntry>, file: string, result: ParseResult): Set<LocatedEntry> {
  const parents = new Set<LocatedEntry>();
  for (const entry of entries) {
    const sources = [entry.fields.crossref, ...(entry.fields.xdata ?? '').split(',')].map((key) => key?.trim()).filter((key): key is string => !!key);
    for (const [index, key] of sources.entries()) {
      const parent = byKey.get(key.toLowerCase());
      if (!parent || parent === entry) {
        result.problems.push(problem(file, entry.line, `Entry '${entry.key}' at line ${entry.line} refers to '${key}', which is not in this file.`, 'warning'));
        continue;
      }
      const isCrossref = index === 0 && entry.fields.crossref !== undefined;
      if (isCrossref) parents.add(parent);
      if (isCrossref && !entry.fields.booktitle && !parent.fields.booktitle && parent.fields.title && CONTAINER_TYPES.has(parent.type)) {
        entry.fields.booktitle = parent.fields.title;
      }
      for (const [field, value] of Object.entries(parent.fields)) {
        if (entry.fields[field] === undefined && !(isCrossref && NOT_INHERITED.has(field))) entry.fields[field] = value;
      }
    }
  }
  return parents;
}

function toDraft(entry: LocatedEntry, file: string): PaperDraftInput | undefined {
  const fields = entry.fields;
  const title = fields.title !== undefined ? decodeLatex(fields.title) : '';
  if (title === '') return undefined;
  const decoded = (name: string): string | undefined => {
    const value = fields[name];
    const plain = value === undefined ? '' : decodeLatex(value);
    return plain === '' ? undefined : plain;
  };
  const authors = fields.author !== undefined ? readNames(fields.author) : { names: [], truncated: false };
  const arxivId = arxivIdOf(fields);
  const doi = doiOf(fields);
  const { date, year } = dateOf(fields);
  return {
    title,
    abstract: decoded('abstract'),
    authors: authors.names,
    authorCount: !authors.truncated && authors.names.length > 0 ? authors.names.length : undefined,
    organization: decoded('institution') ?? decoded('organization'),
    date,
    year,
    links: linksOf(fields, doi, arxivId),
    arxivId,
    doi,
    venue: venueOf(fields),
    entryType: entry.type,
    keywords: keywordsOf(fields),
    pinnedKey: entry.key,
    sources: [{ file, line: entry.line }],
  };
}

/**
 * A field meant to be read verbatim (url, doi, eprint): `\url{}` unwrapped, escapes and braces
 * removed, but no other LaTeX decoding (a URL's `--` or `~` must stay).
 */
function verbatim(value: string | undefined): string {
  if (value === undefined) return '';
  return value
    .replace(/\\(?:url|href|path|nolinkurl)\s*/g, '')
    .replace(/\\([_&%#$~{}])/g, '$1')
    .replace(/[{}]/g, '')
    .trim();
}

const OLD_OR_NEW_ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

function arxivIdOf(fields: Record<string, string>): string | undefined {
  const eprint = verbatim(fields.eprint);
  const archive = verbatim(fields.archiveprefix ?? fields.eprinttype).toLowerCase();
  if (eprint && (archive === 'arxiv' || (archive === '' && OLD_OR_NEW_ARXIV_ID.test(eprint)))) {
    const id = parseArxivId(eprint);
    if (id) return id;
  }
  for (const name of ['arxiv', 'arxivid']) {
    const id = fields[name] !== undefined ? parseArxivId(verbatim(fields[name])) : undefined;
    if (id) return id;
  }
  const arxivDoi = /10\.48550\/arxiv\.(\S+)/i.exec(verbatim(fields.doi));
  if (arxivDoi) {
    const id = parseArxivId(arxivDoi[1]!);
    if (id) return id;
  }
  for (const link of extractLinks(verbatim(fields.url))) {
    const id = /arxiv\.org\//i.test(link) ? parseArxivId(link) : undefined;
    if (id) return id;
  }
  for (const name of ['journal', 'journaltitle', 'howpublished', 'note', 'booktitle']) {
    const value = fields[name] !== undefined ? decodeLatex(fields[name]!) : '';
    const id = /arxiv/i.test(value) ? parseArxivId(value) : undefined;
    if (id) return id;
  }
  // DBLP: journal = {CoRR}, volume = {abs/2401.01234}.
  const corr = /^corr$/i.test(verbatim(fields.journal)) ? /abs\/(\S+)/.exec(verbatim(fields.volume)) : null;
  return corr ? parseArxivId(corr[1]!) : undefined;
}

function doiOf(fields: Record<string, string>): string | undefined {
  const fromField = fields.doi !== undefined ? parseDoi(verbatim(fields.doi)) : undefined;
  if (fromField) return fromField;
  for (const link of extractLinks(verbatim(fields.url))) {
    if (/doi\.org\//i.test(link)) return parseDoi(decodeURIComponentSafely(link));
  }
  return undefined;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `date` (biblatex) wins; else year, month (a macro, a name or a number) and day. */
function dateOf(fields: Record<string, string>): { date?: string; year?: number } {
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(verbatim(fields.date));
  if (iso) {
    const date = formatDate(Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined);
    if (date) return { date, year: Number(iso[1]) };
  }
  // "2020", "{2020}", "2020a" (a second paper that year), "circa 1999".
  const yearMatch = /(?<!\d)(\d{4})(?!\d)/.exec(decodeLatex(fields.year ?? ''));
  if (!yearMatch) return {};
  const year = Number(yearMatch[1]);
  const monthText = decodeLatex(fields.month ?? '');
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : monthText ? monthNumber(monthText) : undefined;
  const dayText = decodeLatex(fields.day ?? '');
  const day = month !== undefined && /^\d{1,2}$/.test(dayText) ? Number(dayText) : undefined;
  const date = formatDate(year, month, day);
  return date ? { date, year } : {};
}

/** The journal or conference; never a bare URL or arXiv itself. */
function venueOf(fields: Record<string, string>): string | undefined {
  for (const name of ['journal', 'journaltitle', 'booktitle', 'howpublished']) {
    const value = fields[name] !== undefined ? decodeLatex(fields[name]!) : '';
    if (value === '' || isPreprintServer(value) || /^(https?:\/\/|www\.)/i.test(value) || /\\url/.test(fields[name]!)) continue;
    return value;
  }
  return undefined;
}

/** "arXiv", "arXiv preprint arXiv:2401.01234", "ArXiv e-prints", "CoRR abs/...": not a venue. */
function isPreprintServer(venue: string): boolean {
  return /^(arxiv\b|corr$|corr\s+abs\/)/i.test(venue.trim()) || /^arxiv preprint/i.test(venue.trim());
}

function linksOf(fields: Record<string, string>, doi: string | undefined, arxivId: string | undefined): string[] {
  const links = [...extractLinks(verbatim(fields.url)), ...extractLinks(verbatim(fields.howpublished))];
  if (doi) links.push(`https://doi.org/${doi}`);
  if (arxivId) links.push(`https://arxiv.org/abs/${arxivId}`);
  return [...new Set(links)];
}

function keywordsOf(fields: Record<string, string>): string[] {
  if (fields.keywords === undefined) return [];
  const keywords = decodeLatex(fields.keywords)
    .split(/[,;]/)
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
  return [...new Set(keywords)];
}
