// Writes papers as BibTeX that classic bibtex + pdflatex compile as well as biber: accents
// as LaTeX macros, specials escaped, math kept as math, one field order for every entry.
// The same entries in biblatex's own terms (writeBiblatex.ts) when a draft uses biber.

import { encodeLatex } from './latex';
import type { BibtexRecord, Paper } from '../paper/paper';
import { squash } from '../util/text';
import { biblatexEntry, type Field } from './writeBiblatex';
import { splitDisplayName } from './writeNames';
import { isArxivVenue, publishedVersion, type PaperVersion, type PublishedVersion } from './writeVersion';

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Entry types every BibTeX style knows; anything else is written as @misc. */
const STANDARD_TYPES = new Set([
  'article', 'book', 'booklet', 'inbook', 'incollection', 'inproceedings', 'conference', 'manual',
  'mastersthesis', 'misc', 'phdthesis', 'proceedings', 'techreport', 'unpublished',
]);

/** Venue words of journals. Checked before conferences: "Proceedings of the IEEE" is a journal. */
const JOURNAL = /\b(journal|transactions|letters|review|magazine|bulletin|annals|quarterly|nature|science|cell|tmlr|jmlr|pami|plos|proceedings of the (national academy|ieee\b|royal society))/i;
const CONFERENCE = new RegExp(
  '\\b(proceedings|proc\\.|conference|conf\\.|workshop|symposium|colloquium|congress|meeting|summit|findings of|' +
    'neurips|nips|icml|iclr|cvpr|iccv|eccv|wacv|acl|emnlp|naacl|eacl|aacl|coling|lrec|conll|aaai|ijcai|kdd|sigir|wsdm|' +
    'www|cikm|recsys|uai|aistats|colt|corl|icra|iros|interspeech|icassp|siggraph|chi|uist|sigmod|vldb|icde|osdi|sosp|' +
    'nsdi|usenix|ccs|ndss|icse|fse|ase|pldi|popl|oopsla|miccai|bmvc)\\b',
  'i',
);

/** arXiv categories: an archive with a subject class (cs.CL), or an archive that has none. */
const ARXIV_CATEGORY =
  /^((cs|math|stat|eess|econ|q-bio|q-fin|physics|astro-ph|cond-mat|nlin)\.[A-Za-z-]{2,}|hep-(th|ph|ex|lat)|gr-qc|quant-ph|math-ph|nucl-(th|ex))$/;


export interface BibtexWriteOptions {
  /** The key to write: an alias the user typed; the paper's own key otherwise. */
  key?: string;
  /**
   * Whether the entry must stand alone, as in a draft's bibliography: the fields it takes
   * from its `crossref`/`xdata` entries are written into it, and the references left out.
   * A whole library written at once keeps them (with the volumes last, as BibTeX wants).
   */
  standalone?: boolean;
  /** `bibtex` (the default) for classic BibTeX and natbib; `biblatex` for biblatex with biber. */
  dialect?: BibDialect;
  /** Whether abstracts are written (the default); off, no entry carries one, the user's own included. */
  abstracts?: boolean;
  /**
   * `preprint` (the default): the paper as the listings describe it. `published`: an arXiv paper
   * that has a journal or DOI is written as that publication, its arXiv id kept as eprint fields.
   */
  version?: PaperVersion;
}

export type BibDialect = 'bibtex' | 'biblatex';

/** What a whole bibliography is written with: every entry option but the key. */
export type BibliographyWriteOptions = Omit<BibtexWriteOptions, 'key'>;

/** All papers, one entry each, separated by blank lines; entries other entries `crossref` come last. */
export function formatBibtex(papers: readonly Paper[], options: BibliographyWriteOptions = {}): string {
  const standalone = options.standalone ?? false;
  const targets = standalone ? new Set<string>() : crossrefTargets(papers);
  const isTarget = (paper: Paper): boolean => [paper.key, ...(paper.aliases ?? [])].some((key) => targets.has(key.toLowerCase()));
  const ordered = [...papers.filter((paper) => !isTarget(paper)), ...papers.filter(isTarget)];
  // Every key's own entry: two entries of one paper that differ keep every value each had.
  const keysOf = (paper: Paper): string[] => [paper.key, ...(paper.aliasEntries ?? []).map((entry) => entry.key)];
  return ordered.flatMap((paper) => keysOf(paper).map((key) => formatBibtexEntry(paper, { ...options, key, standalone }))).join('\n');
}

function crossrefTargets(papers: readonly Paper[]): Set<string> {
  const targets = new Set<string>();
  for (const paper of papers) {
    for (const record of [paper.bibtex, ...(paper.aliasEntries ?? []).map((entry) => entry.bibtex)]) {
      const crossref = record?.fields.find(([name]) => name === 'crossref')?.[1].trim();
      if (crossref) targets.add(crossref.toLowerCase());
    }
  }
  return targets;
}

/** The entry a key cites: an alias that was an entry of its own is that entry, as its file wrote it. */
export function entryOfKey(paper: Paper, key: string = paper.key): { record?: BibtexRecord; entryType?: string } {
  const own = paper.aliasEntries?.find((entry) => entry.key.toLowerCase() === key.toLowerCase());
  return own ? { record: own.bibtex, entryType: own.entryType } : { record: paper.bibtex, entryType: paper.entryType };
}

/** The entry type a key's entry is written with in BibTeX: the user's own, else the one the listings suggest. */
export function bibtexEntryType(paper: Paper, options: Pick<BibtexWriteOptions, 'key' | 'version'> = {}): string {
  const { record, entryType } = entryOfKey(paper, options.key);
  if (record && entryType) return entryType;
  const published = options.version === 'published' ? publishedVersion(paper) : undefined;
  return published ? publishedTypeOf(paper, published) : entryTypeOf(paper);
}

export function formatBibtexEntry(paper: Paper, options: BibtexWriteOptions = {}): string {
  const key = options.key ?? paper.key;
  const { record } = entryOfKey(paper, key);
  const published = options.version === 'published' ? publishedVersion(paper) : undefined;
  let fields = record ? writtenFields(paper, record, options.standalone ?? true) : generatedFields(paper, published);
  let type = bibtexEntryType(paper, { key, version: options.version });
  if (options.abstracts === false) fields = fields.filter(([name]) => name !== 'abstract');
  if (options.dialect === 'biblatex') ({ type, fields } = biblatexEntry(type, fields, { generated: !record, date: paper.date }));
  const body = fields.map(([name, value, bare]) => `  ${name} = ${bare ? value : `{${value}}`}`).join(',\n');
  return `@${type}{${key},\n${body}\n}\n`;
}

/**
 * An entry read from a .bib file, written back: every field it had, in its order, with its
 * LaTeX as written (macros applied, so the entry needs no `@string`), then what the library
 * learned that the entry lacked (authors, year, identifiers of the same paper found elsewhere).
 */
function writtenFields(paper: Paper, record: BibtexRecord, standalone: boolean): Field[] {
  const own = standalone ? record.fields.filter(([name]) => name !== 'crossref' && name !== 'xdata') : record.fields;
  const written: Field[] = [...own, ...(standalone ? record.inherited : [])].map(([name, value]) => writtenField(name, value));
  const has = (...names: string[]): boolean => names.some((name) => written.some(([field]) => field === name));
  const learned: Field[] = [];
  if (!has('author', 'editor') && paper.authors.length > 0) learned.push(['author', formatAuthors(paper.authors, paper.authorCount)!]);
  if (!has('year', 'date') && paper.year !== undefined) learned.push(['year', String(paper.year)]);
  if (!has('doi') && paper.doi) learned.push(['doi', escapeVerbatim(paper.doi)]);
  if (!has('eprint') && paper.arxivId) learned.push(['eprint', paper.arxivId], ['archivePrefix', 'arXiv']);
  return [...written, ...learned];
}

/** A month macro (which the grammar reads as two digits, `jan` as `01`) goes back as the macro. */
function writtenField(name: string, value: string): Field {
  const month = name === 'month' && /^\d\d$/.test(value) ? MONTH_MACROS[Number(value) - 1] : undefined;
  if (month) return [name, month, true];
  return [name, bracesBalance(value) ? value : value.replace(/(?<!\\)([{}])/g, '\\$1')];
}

/** Whether a value's unescaped braces pair up, so it can be written between braces as it is. */
function bracesBalance(value: string): boolean {
  let depth = 0;
  for (let j = 0; j < value.length; j++) {
    const c = value[j];
    if (c === '\\') j++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** An entry for a paper no .bib file gave: what the listings said, in one field order. */
function generatedFields(paper: Paper, published: PublishedVersion | undefined): Field[] {
  const type = published ? publishedTypeOf(paper, published) : entryTypeOf(paper);
  const fields: Field[] = [];
  const add = (name: string, value: string | undefined, bare = false): void => {
    if (value !== undefined && value !== '') fields.push([name, value, bare]);
  };

  add('author', formatAuthors(paper.authors, paper.authorCount));
  // Double braces: the title keeps the capitalisation it was given. Listings already carry
  // each paper's own capitalisation (acronyms, model names), which a style must not lowercase.
  add('title', `{${encodeLatex(squash(paper.title))}}`);
  const venue = paper.venue && !isArxivVenue(paper.venue) ? encodeLatex(squash(paper.venue)) : undefined;
  add(type === 'article' ? 'journal' : type === 'inproceedings' || type === 'incollection' || type === 'conference' ? 'booktitle' : 'howpublished', venue);
  if (type === 'techreport') add('institution', paper.organization && encodeLatex(squash(paper.organization)));
  const year = paper.year ?? (paper.date ? Number(paper.date.slice(0, 4)) : undefined);
  add('year', year !== undefined ? String(year) : undefined);
  const month = paper.date && paper.date.length >= 7 ? MONTH_MACROS[Number(paper.date.slice(5, 7)) - 1] : undefined;
  add('month', month, true);
  const eprint = (): void => {
    if (!paper.arxivId) return;
    add('eprint', paper.arxivId);
    add('archivePrefix', 'arXiv');
    add('primaryClass', paper.keywords.find((keyword) => ARXIV_CATEGORY.test(keyword)));
  };
  // The published version leads with its DOI and link; the preprint it was stays as eprint fields.
  if (!published) eprint();
  add('doi', paper.doi && escapeVerbatim(paper.doi));
  add('url', urlOf(paper, published));
  if (published) eprint();
  add('abstract', paper.abstract && encodeLatex(squash(paper.abstract)));
  // Keywords are left out: a reading list's headings and a site's tags are topic hints, not
  // what an author would publish.
  return fields;
}

function entryTypeOf(paper: Paper): string {
  const given = paper.entryType?.toLowerCase();
  if (given && STANDARD_TYPES.has(given)) return given === 'conference' ? 'inproceedings' : given;
  const venue = paper.venue && !isArxivVenue(paper.venue) ? paper.venue : undefined;
  if (!venue) return 'misc';
  if (JOURNAL.test(venue)) return 'article';
  if (CONFERENCE.test(venue)) return 'inproceedings';
  return 'misc';
}

/**
 * The type of a preprint's publication: its venue's, and a journal when the venue names neither
 * (an arXiv journal reference is most often one); @misc when only a DOI is known.
 */
function publishedTypeOf(paper: Paper, published: PublishedVersion): string {
  const type = entryTypeOf(paper);
  if (type !== 'misc' && type !== 'unpublished') return type;
  return published.venue ? 'article' : 'misc';
}

/** `A and B and {OpenAI}`, with "and others" when the listing names only some authors. */
function formatAuthors(authors: string[], authorCount: number | undefined): string | undefined {
  const names = authors.map(squash).filter((name) => name !== '').map(formatName);
  if (authorCount !== undefined && authorCount > authors.length && names.length > 0) names.push('others');
  return names.length ? names.join(' and ') : undefined;
}

/**
 * One display name ("Given von Family Jr.") as BibTeX: "von Family, Jr., Given" when the split
 * is clear; three or more plain words stay in their order, which BibTeX reads the same way;
 * single words and organisations in braces, so BibTeX neither splits nor abbreviates them.
 */
function formatName(name: string): string {
  const parts = splitDisplayName(name);
  if ('literal' in parts) return `{${encodeLatex(parts.literal)}}`;
  if (parts.uncertain) return encodeLatex(name);
  const family = parts.particle ? `${parts.particle} ${parts.family}` : parts.family;
  return encodeLatex(parts.suffix ? `${family}, ${parts.suffix}, ${parts.given}` : `${family}, ${parts.given}`);
}

/** The arXiv abstract page or the DOI link first (the DOI's for a published version): they outlive any other link. */
function urlOf(paper: Paper, published?: PublishedVersion): string | undefined {
  const url =
    (published?.doi ? `https://doi.org/${published.doi}` : undefined) ??
    paper.links.find((link) => /arxiv\.org\/abs\//i.test(link)) ??
    (paper.arxivId ? `https://arxiv.org/abs/${paper.arxivId}` : undefined) ??
    paper.links.find((link) => /doi\.org\//i.test(link)) ??
    (paper.doi ? `https://doi.org/${paper.doi}` : undefined) ??
    paper.links[0];
  return url && escapeVerbatim(url.replace(/\s/g, '%20').replace(/\{/g, '%7B').replace(/\}/g, '%7D'));
}

/** URLs and DOIs stay as written, except `%`, which would start a comment in the .bbl file. */
function escapeVerbatim(value: string): string {
  return value.replace(/[{}]/g, '').replace(/%/g, '\\%');
}
