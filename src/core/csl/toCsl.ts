// Papers as CSL-JSON items, the data Pandoc, Zotero and every CSL processor read: what the
// listings know of each paper, and every field its .bib entry wrote that CSL has a variable for.
import { decodeLatex } from '../bibtex/latex';
import { readNames } from '../bibtex/read';
import { bibtexEntryType, entryOfKey } from '../bibtex/write';
import { splitDisplayName } from '../bibtex/writeNames';
import { isArxivVenue, publishedVersion, type PaperVersion } from '../bibtex/writeVersion';
import type { Paper } from '../paper/paper';
import { squash } from '../util/text';
import { CSL_TYPE_OF_BIBTEX, DATE_FIELDS, NAME_FIELDS, TEXT_FIELDS, type CslItem } from './fields';

export type { CslItem } from './fields';

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
}

export interface CslWriteOptions {
  /** Whether abstracts are written (the default). */
  abstracts?: boolean;
  /** `published`: an arXiv paper with a journal or DOI is described as that publication. */
  version?: PaperVersion;
}

/**
 * Every paper as CSL-JSON items. With `keyFor`, one item per paper under the key it gives;
 * without, one under each key that has an entry of its own (as `formatBibtex` writes them),
 * so every key a draft cites resolves.
 */
export function toCslJson(papers: readonly Paper[], keyFor?: (paper: Paper) => string, options: CslWriteOptions = {}): CslItem[] {
  return papers.flatMap((paper) => {
    const keys = keyFor ? [keyFor(paper)] : [paper.key, ...(paper.aliasEntries ?? []).map((entry) => entry.key)];
    return keys.map((key) => toCslItem(paper, key, options));
  });
}

/** One paper as a CSL item whose id (and `citation-key`) is the key. */
export function toCslItem(paper: Paper, key: string = paper.key, options: CslWriteOptions = {}): CslItem {
  const { record } = entryOfKey(paper, key);
  const bibType = bibtexEntryType(paper, { key, version: options.version }).toLowerCase();
  const published = options.version === 'published' ? publishedVersion(paper) : undefined;
  const fields = new Map<string, string>();
  for (const [name, value] of [...(record?.fields ?? []), ...(record?.inherited ?? [])]) if (!fields.has(name)) fields.set(name, value);
  const decoded = (name: string): string | undefined => {
    const value = fields.get(name);
    const text = value === undefined ? '' : decodeLatex(value);
    return text === '' ? undefined : text;
  };

  const venue = paper.venue && !isArxivVenue(paper.venue) ? paper.venue : undefined;
  const preprint = paper.arxivId !== undefined && (bibType === 'misc' || bibType === 'unpublished' || bibType === 'online') && !venue;
  const type = preprint ? 'article' : (CSL_TYPE_OF_BIBTEX[bibType] ?? (venue ? 'article-journal' : paper.links.length ? 'webpage' : 'document'));
  const item: CslItem = { id: key, type, 'citation-key': key, title: paper.title };

  const authors = paper.authors.map(squash).filter((name) => name !== '').map(cslName);
  if (authors.length) item['author'] = authors;
  for (const [variable, field] of NAME_FIELDS) {
    const value = fields.get(field);
    if (variable === 'author' || value === undefined) continue;
    const names = readNames(value).names.map(cslName);
    if (names.length) item[variable] = names;
  }
  const issued = issuedOf(paper, decoded('date'));
  if (issued) item['issued'] = issued;
  for (const [variable, field] of DATE_FIELDS) {
    const date = isoDate(decoded(field));
    if (date) item[variable] = date;
  }

  if (venue) item['container-title'] = venue;
  for (const [variable, field] of TEXT_FIELDS) {
    const value = decoded(field);
    if (value !== undefined) item[variable] = value;
  }
  const number = decoded('number') ?? decoded('issue');
  if (number !== undefined) item[type.startsWith('article') || type === 'paper-conference' ? 'issue' : 'number'] = number;
  if (item['publisher'] === undefined && (type === 'report' || type === 'thesis')) {
    const institution = decoded('institution') ?? decoded('school') ?? decoded('organization') ?? paper.organization;
    if (institution) item['publisher'] = institution;
  }
  if (type === 'thesis' && item['genre'] === undefined) item['genre'] = bibType === 'mastersthesis' ? 'Master’s thesis' : 'Doctoral dissertation';

  if (preprint) {
    // As Zotero describes an arXiv preprint: the repository as publisher, the id as number.
    item['publisher'] ??= 'arXiv';
    item['number'] ??= `arXiv:${paper.arxivId}`;
  }
  const doi = published?.doi ?? paper.doi ?? (preprint ? `10.48550/arXiv.${paper.arxivId}` : undefined);
  if (doi) item['DOI'] = doi;
  const url = urlOf(paper, fields.get('url'));
  if (url) item['URL'] = url;
  if (options.abstracts !== false && paper.abstract) item['abstract'] = paper.abstract;
  // The preprint a publication started as: CSL has no eprint variable, so it is noted.
  if (!preprint && paper.arxivId && item['note'] === undefined) item['note'] = `arXiv:${paper.arxivId}`;
  return item;
}

/** A display name as a CSL name: organisations and single words as literals. */
export function cslName(name: string): CslName {
  const parts = splitDisplayName(name);
  if ('literal' in parts) return { literal: parts.literal };
  return {
    family: parts.family,
    given: parts.given,
    ...(parts.particle ? { 'non-dropping-particle': parts.particle } : {}),
    ...(parts.suffix ? { suffix: parts.suffix } : {}),
  };
}

/** The issued date: a `date` field's (which may be a range), else the paper's date or year. */
function issuedOf(paper: Paper, date: string | undefined): CslDate | undefined {
  const fromField = isoDate(date);
  if (fromField?.['date-parts']) return fromField;
  const parts = paper.date ? paper.date.split('-').map(Number) : paper.year !== undefined ? [paper.year] : undefined;
  return parts ? { 'date-parts': [parts] } : fromField;
}

/** An ISO 8601 date or range (`2014-12-31/2015-01-01`, `-0333`) as date-parts; anything else kept raw. */
export function isoDate(text: string | undefined): CslDate | undefined {
  if (!text) return undefined;
  const ends = text.trim().split('/');
  const parts: number[][] = [];
  for (const end of ends) {
    const match = /^(-?\d{1,4})(?:-(\d\d)(?:-(\d\d))?)?$/.exec(end);
    if (!match) return ends.length === 2 && end === '' && parts.length === 1 ? { 'date-parts': [...parts, [0]] } : { raw: text.trim() };
    // ISO years count a year 0 (1 BC); CSL's negative years are years BC.
    const year = Number(match[1]);
    parts.push([year <= 0 ? year - 1 : year, ...(match[2] ? [Number(match[2])] : []), ...(match[3] ? [Number(match[3])] : [])]);
  }
  return parts.length ? { 'date-parts': parts } : undefined;
}

function urlOf(paper: Paper, field: string | undefined): string | undefined {
  const written = field?.replace(/\\(?:url|href)\s*/g, '').replace(/\\([_&%#$~])/g, '$1').replace(/[{}]/g, '').trim();
  return (
    written ||
    paper.links.find((link) => /arxiv\.org\/abs\//i.test(link)) ||
    (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : undefined) ||
    paper.links.find((link) => !/doi\.org\//i.test(link)) ||
    paper.links[0]
  );
}
