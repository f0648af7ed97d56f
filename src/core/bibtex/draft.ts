// Turns one BibTeX entry's fields into a paper draft: what Lit Review understands of it
// (title, authors, identifiers, date, venue), with the entry's every field kept as written.

import { decodeLatex } from './latex';
import type { BibField, PaperDraftInput } from '../paper/paper';
import { extractLinks, formatDate, monthNumber, parseArxivId, parseDoi, parseDoiField } from '../util/text';
import { fillMacroPlaceholders, hasMacroPlaceholder, macroPlaceholders, readNames } from './read';

/** Types of entries that are containers of papers (a proceedings volume, a book). */
export const CONTAINER_TYPES = new Set(['proceedings', 'mvproceedings', 'collection', 'mvcollection', 'book', 'mvbook', 'reference']);

/** One entry as its file gives it, with what it took from the entries it refers to. */
export interface BibtexEntryFields {
  type: string;
  /** '' for an entry written without a key. */
  key: string;
  fields: BibField[];
  inherited: BibField[];
  /** Whether the entry still needs the library's other .bib files (see BibtexRecord.pending). */
  pending: boolean;
  /** Proceedings or book that another entry crossrefs. */
  container: boolean;
  file: string;
  line: number;
}

const NO_MACROS = new Map<string, string>();

export function bibtexDraft(entry: BibtexEntryFields): PaperDraftInput | undefined {
  const fields: Record<string, string> = {};
  for (const [name, value] of [...entry.fields, ...entry.inherited]) {
    if (fields[name] === undefined) fields[name] = hasMacroPlaceholder(value) ? fillMacroPlaceholders(value, NO_MACROS) : value;
  }
  const decoded = (name: string): string | undefined => {
    const value = fields[name];
    const plain = value === undefined ? '' : decodeLatex(value);
    return plain === '' ? undefined : plain;
  };
  const title = decoded('title') ?? provisionalTitle(entry) ?? standInTitle(entry.key, decoded);
  if (title === undefined) return undefined;
  const subtitle = decoded('subtitle');
  const authors = fields.author !== undefined ? readNames(fields.author) : { names: [], truncated: false };
  const arxivId = arxivIdOf(fields);
  const doi = doiOf(fields);
  const { date, year } = dateOf(fields);
  return {
    // biblatex splits "Title: Subtitle" in two; the paper is known by both.
    title: subtitle ? `${title}${/[.:?!]$/.test(title) ? '' : ':'} ${subtitle}` : title,
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
    pinnedKey: entry.key || undefined,
    bibtex: { fields: entry.fields, inherited: entry.inherited, pending: entry.pending || undefined },
    container: entry.container || undefined,
    sources: [{ file: entry.file, line: entry.line }],
  };
}

/** Whether an entry has a title of its own, so that nothing needs to stand in for it. */
export function hasOwnTitle(entry: Pick<BibtexEntryFields, 'fields' | 'inherited'>): boolean {
  const title = [...entry.fields, ...entry.inherited].find(([name]) => name === 'title')?.[1];
  return title !== undefined && decodeLatex(fillMacroPlaceholders(title, NO_MACROS)) !== '';
}

/** A title that is a macro of another file (`title = aaai10`) is known by the macro's name until the library fills it. */
function provisionalTitle(entry: BibtexEntryFields): string | undefined {
  const title = entry.fields.find(([name]) => name === 'title')?.[1];
  const names = title !== undefined ? macroPlaceholders(title) : [];
  return entry.pending && names.length > 0 ? names.join(' ') : undefined;
}

/**
 * BibTeX reads an entry without a title (a whole journal issue, a note), and a draft may cite
 * its key: it is listed under the field that best names it, else its key.
 */
function standInTitle(key: string, decoded: (name: string) => string | undefined): string | undefined {
  const journal = decoded('journal') ?? decoded('journaltitle');
  const volume = decoded('volume');
  const set = decoded('entryset');
  return decoded('booktitle') ?? (journal && volume ? `${journal} ${volume}` : journal) ?? (set && `Set of ${set.split(/\s*,\s*/).join(', ')}`) ?? decoded('note') ?? decoded('howpublished') ?? decoded('key') ?? (key || undefined);
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

/** A `doi` field is kept whole: Wiley's SICI DOIs hold `<`, `>`, `;` and `#`. */
function doiOf(fields: Record<string, string>): string | undefined {
  const fromField = fields.doi !== undefined ? parseDoiField(verbatim(fields.doi)) : undefined;
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
