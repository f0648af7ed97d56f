// A CSL-JSON item as the fields of a BibTeX entry: the listing parser reads an item through the
// same code as a .bib entry, and the entry written back for it keeps every variable it had.
import { encodeLatex } from '../bibtex/latex';
import { splitDisplayName } from '../bibtex/writeNames';
import type { BibField } from '../paper/paper';
import { parseArxivId, squash } from '../util/text';
import { BIBTEX_TYPE_OF_CSL, BOOKKEEPING, DATE_FIELDS, NAME_FIELDS, TEXT_FIELDS } from './fields';

export interface CslEntry {
  type: string;
  fields: BibField[];
}

const HANDLED = new Set([
  'title',
  'container-title',
  'issued',
  'DOI',
  'URL',
  'abstract',
  'issue',
  'number',
  ...NAME_FIELDS.map(([csl]) => csl),
  ...DATE_FIELDS.map(([csl]) => csl),
  ...TEXT_FIELDS.map(([csl]) => csl),
]);

/** A CSL item's BibTeX entry type and fields, values as LaTeX (as a .bib file would hold them). */
export function cslToBibtex(item: Record<string, unknown>): CslEntry {
  const cslType = typeof item['type'] === 'string' ? item['type'] : '';
  const text = (name: string): string | undefined => {
    const value = item[name];
    const plain = typeof value === 'string' ? squash(value) : typeof value === 'number' ? String(value) : '';
    return plain === '' ? undefined : plain;
  };
  const arxivId = arxivIdOf(text);
  let type = BIBTEX_TYPE_OF_CSL[cslType] ?? 'misc';
  if (type === 'phdthesis' && /master/i.test(text('genre') ?? '')) type = 'mastersthesis';
  const fields: BibField[] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '' && !fields.some(([field]) => field === name)) fields.push([name, value]);
  };

  const title = text('title');
  // The whole title in braces: CSL-JSON gives each title the capitalisation it should keep.
  add('title', title && `{${richTextToLatex(title)}}`);
  for (const [variable, field] of NAME_FIELDS) add(field, namesOf(item[variable]));
  const container = text('container-title');
  if (container) add(type === 'article' ? 'journal' : ['inproceedings', 'incollection', 'book'].includes(type) ? 'booktitle' : 'howpublished', richTextToLatex(container));
  const issued = dateOf(item['issued']);
  if (issued) {
    add('year', issued.year);
    add('month', issued.month);
    if (issued.iso !== issued.year && issued.iso !== `${issued.year}-${issued.month}`) add('date', issued.iso);
  }
  add('doi', text('DOI') && verbatim(text('DOI')!));
  add('url', text('URL') && verbatim(text('URL')!));
  if (arxivId) {
    add('eprint', arxivId);
    add('archiveprefix', 'arXiv');
  }
  const issue = text('issue');
  const number = text('number');
  add(issue !== undefined && number !== undefined ? 'issue' : 'number', issue && encodeLatex(issue));
  add('number', number && encodeLatex(number));
  for (const [variable, field] of TEXT_FIELDS) add(field, text(variable) && encodeLatex(text(variable)!));
  for (const [variable, field] of DATE_FIELDS) add(field, dateOf(item[variable])?.iso);
  add('abstract', text('abstract') && richTextToLatex(text('abstract')!));
  // A variable this table does not know is kept under its own name: written back, read again.
  for (const [name, value] of Object.entries(item)) {
    if (HANDLED.has(name) || BOOKKEEPING.has(name) || !/^[A-Za-z][\w-]*$/.test(name)) continue;
    if (typeof value === 'string' || typeof value === 'number') add(name.toLowerCase(), encodeLatex(squash(String(value))));
  }
  return { type, fields };
}

/** Names as BibTeX writes them: "von Family, Jr., Given", organisations and literals in braces. */
function namesOf(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = value.flatMap((name: unknown): string[] => {
    if (typeof name !== 'object' || name === null) return [];
    const part = (key: string): string => {
      const v = (name as Record<string, unknown>)[key];
      return typeof v === 'string' ? squash(v) : '';
    };
    const family = [part('dropping-particle'), part('non-dropping-particle'), part('family')].filter(Boolean).join(' ');
    const literal = part('literal') || (family && !part('given') && !part('suffix') ? family : '');
    if (literal) {
      const parts = splitDisplayName(literal);
      return ['literal' in parts ? `{${encodeLatex(literal)}}` : encodeLatex(literal)];
    }
    if (!family) return part('given') ? [`{${encodeLatex(part('given'))}}`] : [];
    const suffix = part('suffix');
    return [encodeLatex(suffix ? `${family}, ${suffix}, ${part('given')}` : `${family}, ${part('given')}`)];
  });
  return names.length ? names.join(' and ') : undefined;
}

interface ItemDate {
  year: string;
  month?: string;
  /** ISO 8601 (EDTF for ranges): `2014-12-31/2015-01-01`, `-0333`, `2014-12-31/..`. */
  iso: string;
}

/** A CSL date: date-parts (numbers or numeric strings, a range, BC years), else its `raw` or `literal` text. */
function dateOf(value: unknown): ItemDate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const date = value as Record<string, unknown>;
  const parts = Array.isArray(date['date-parts']) ? (date['date-parts'] as unknown[]) : [];
  const ends = parts.map((end) => (Array.isArray(end) ? end.map((n) => (typeof n === 'number' || (typeof n === 'string' && /^-?\d+$/.test(n.trim())) ? Number(n) : NaN)) : []));
  const first = ends[0];
  if (first && first.length && first.every((n) => Number.isInteger(n)) && first[0] !== 0) {
    const isoOf = (end: number[]): string | undefined => {
      if (!end.length || end[0] === 0) return undefined;
      // CSL counts years BC as negative; ISO 8601 has a year 0, so 1 BC is 0000.
      const y = end[0]! < 0 ? end[0]! + 1 : end[0]!;
      const year = `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}`;
      return [year, ...end.slice(1, 3).map((n) => String(n).padStart(2, '0'))].join('-');
    };
    const start = isoOf(first)!;
    const second = ends[1];
    const end = second ? (isoOf(second) ?? '..') : undefined;
    const month = first[1] !== undefined && first[1] >= 1 && first[1] <= 12 ? String(first[1]).padStart(2, '0') : undefined;
    return { year: String(first[0]), month, iso: end ? `${start}/${end}` : start };
  }
  for (const key of ['raw', 'literal']) {
    const text = typeof date[key] === 'string' ? squash(date[key] as string) : '';
    const year = /(?<!\d)(\d{4})(?!\d)/.exec(text)?.[1];
    if (text) return { year: year ?? text, iso: text };
  }
  return undefined;
}

/** An arXiv id the item names: its number, archive id, DOI or link. */
function arxivIdOf(text: (name: string) => string | undefined): string | undefined {
  const onArxiv = [text('publisher'), text('archive'), text('container-title'), text('source'), text('number')].some((value) => value !== undefined && /\barxiv\b/i.test(value));
  if (onArxiv) {
    for (const name of ['number', 'archive_location']) {
      const id = text(name) && parseArxivId(text(name)!);
      if (id) return id;
    }
  }
  const doi = /^10\.48550\/arxiv\.(.+)$/i.exec(text('DOI') ?? '');
  if (doi) return parseArxivId(doi[1]!);
  const url = text('URL');
  return url && /arxiv\.org\//i.test(url) ? parseArxivId(url) : undefined;
}

/** A DOI or URL as a BibTeX field holds it: `%` escaped (it would start a comment), braces removed. */
function verbatim(value: string): string {
  return value.replace(/[{}]/g, '').replace(/%/g, '\\%');
}

/**
 * CSL-JSON's rich text (`<i>`, `<b>`, `<sub>`, `<sup>`, small caps, `<span class="nocase">`) as
 * LaTeX; other text encoded as any value is.
 */
export function richTextToLatex(value: string): string {
  const pieces: string[] = [];
  const tag = /<(\/?)(i|b|sub|sup|span)(\s[^>]*)?>/gi;
  const closers: string[] = [];
  let last = 0;
  for (const match of value.matchAll(tag)) {
    pieces.push(encodeLatex(value.slice(last, match.index)));
    last = match.index! + match[0].length;
    if (match[1]) {
      pieces.push(closers.pop() ?? '');
      continue;
    }
    const name = match[2]!.toLowerCase();
    const attrs = match[3] ?? '';
    const open =
      name === 'i' ? '\\textit{' : name === 'b' ? '\\textbf{' : name === 'sub' ? '\\textsubscript{' : name === 'sup' ? '\\textsuperscript{' : /small-caps/.test(attrs) ? '\\textsc{' : /nocase/.test(attrs) ? '{' : '';
    pieces.push(open);
    closers.push(open ? '}' : '');
  }
  pieces.push(encodeLatex(value.slice(last)));
  pieces.push(closers.join(''));
  return pieces.join('');
}

/** CSL-JSON rich text as plain text: tags removed. */
export function plainOfRichText(value: string): string {
  return squash(value.replace(/<\/?(i|b|sub|sup|span)(\s[^>]*)?>/gi, ''));
}
