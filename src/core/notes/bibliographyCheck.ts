// Bibliography hygiene: entries no note cites, keys cited that the .bib lacks, one paper under
// two keys, and entries whose fields differ from the library's paper. The fixes are edits to
// the user's text (offsets and new text), each touching only the bytes it must: the host
// applies the ones the user chooses, as an edit they can undo.
import { readBibtexEntries } from '../bibtex/entries';
import { bibtexDraft } from '../bibtex/draft';
import { decodeLatex } from '../bibtex/latex';
import { MacroScope, readNames } from '../bibtex/read';
import { formatBibtexEntry } from '../bibtex/write';
import type { BibField, Paper } from '../paper/paper';
import { monthNumber, normalizeTitle, parseDoiField, squash } from '../util/text';
import type { CitationLocation } from './citationMap';
import { parseCitations, type NoteLanguage } from './grammar';

/** One entry of a .bib file as written, with where it is. */
export interface BibFileEntry {
  key: string;
  type: string;
  /** Lower-cased names, values with their LaTeX as written (macros applied). */
  fields: BibField[];
  file: string;
  /** 1-based line of the `@`. */
  line: number;
  /** Offsets of the entry in its file, from `@` to just past its closing brace. */
  start: number;
  end: number;
}

/** Every readable entry of a .bib text, read with the project's BibTeX reader; `@string` macros applied. */
export function readBibEntries(text: string, file: string): { entries: BibFileEntry[]; problems: string[] } {
  const read = readBibtexEntries(text);
  return {
    entries: read.entries.filter((entry) => entry.key).map(({ key, type, fields, line, start, end }) => ({ key, type, fields, file, line, start, end })),
    problems: read.skipped.map(({ line, message }) => `${file}:${line}: ${message}`),
  };
}

/** What the check needs to know of the library: papers by key or alias. */
export interface LibraryLookup {
  byKey(key: string): Paper | undefined;
}

export interface BibliographyCheckInput {
  /** Every place the notes cite a key (the citation map's `all()`). */
  citations: readonly CitationLocation[];
  /** A note cites the whole bibliography (`\nocite{*}`): no entry is unused. */
  citesAll?: boolean;
  /** The entries of the bibliography's files. */
  entries: readonly BibFileEntry[];
  library?: LibraryLookup;
  /** Keys the notes define themselves (front matter `references:`): cited, but not missing. */
  definedInNotes?: (key: string) => boolean;
}

export interface EntryPlace {
  key: string;
  file: string;
  line: number;
}

export interface MissingKey {
  key: string;
  /** The library has the paper: its entry can be added. */
  inLibrary: boolean;
  citations: CitationLocation[];
}

export interface DuplicateEntries {
  /** Two or more keys (of entries of the bibliography) that name one paper. */
  keys: string[];
  entries: EntryPlace[];
  reason: 'library' | 'arXiv id' | 'DOI' | 'title' | 'same key';
}

export interface FieldDifference {
  field: string;
  /** As the bibliography writes it; absent when it lacks the field. */
  bib?: string;
  /** As the library would write it. */
  library: string;
}

export interface StaleEntry extends EntryPlace {
  fields: FieldDifference[];
}

export interface BibliographyCheck {
  unused: EntryPlace[];
  missing: MissingKey[];
  duplicates: DuplicateEntries[];
  stale: StaleEntry[];
}

export function checkBibliography(input: BibliographyCheckInput): BibliographyCheck {
  const entries = input.entries;
  const byKey = new Map<string, BibFileEntry>();
  for (const entry of entries) if (!byKey.has(entry.key.toLowerCase())) byKey.set(entry.key.toLowerCase(), entry);
  const place = (entry: BibFileEntry): EntryPlace => ({ key: entry.key, file: entry.file, line: entry.line });

  const cited = new Map<string, CitationLocation[]>();
  for (const location of input.citations) {
    const key = location.key.toLowerCase();
    const list = cited.get(key);
    if (list) list.push(location);
    else cited.set(key, [location]);
  }

  // An entry a cited entry takes fields from (`crossref`, `xdata`) is used too.
  const used = new Set<string>();
  const use = (key: string): void => {
    if (used.has(key)) return;
    used.add(key);
    const entry = byKey.get(key);
    for (const [name, value] of entry?.fields ?? []) {
      if (name === 'crossref' || name === 'xdata') for (const target of value.split(',')) if (target.trim()) use(target.trim().toLowerCase());
    }
  };
  for (const key of cited.keys()) use(key);
  const unused = input.citesAll ? [] : entries.filter((entry) => !used.has(entry.key.toLowerCase())).map(place);

  const missing: MissingKey[] = [];
  for (const [key, citations] of cited) {
    if (byKey.has(key) || input.definedInNotes?.(citations[0]!.key)) continue;
    missing.push({ key: citations[0]!.key, inLibrary: input.library?.byKey(key) !== undefined, citations });
  }

  return { unused, missing, duplicates: findDuplicates(entries, input.library), stale: input.library ? findStale(entries, input.library) : [] };
}

function findDuplicates(entries: readonly BibFileEntry[], library: LibraryLookup | undefined): DuplicateEntries[] {
  const duplicates: DuplicateEntries[] = [];
  const reported = new Set<BibFileEntry>();
  const report = (group: BibFileEntry[], reason: DuplicateEntries['reason']): void => {
    // Entries a stronger reason already joined are not reported twice.
    if (group.filter((entry) => !reported.has(entry)).length < 2) return;
    for (const entry of group) reported.add(entry);
    duplicates.push({ keys: group.map((entry) => entry.key), entries: group.map((entry) => ({ key: entry.key, file: entry.file, line: entry.line })), reason });
  };
  const groups = <T>(of: (entry: BibFileEntry) => T | undefined): BibFileEntry[][] => {
    const map = new Map<T, BibFileEntry[]>();
    for (const entry of entries) {
      const id = of(entry);
      if (id === undefined) continue;
      const list = map.get(id);
      if (list) list.push(entry);
      else map.set(id, [entry]);
    }
    return [...map.values()].filter((group) => group.length > 1);
  };
  for (const group of groups((entry) => entry.key.toLowerCase())) report(group, 'same key');
  if (library) for (const group of groups((entry) => library.byKey(entry.key))) report(group, 'library');
  const identities = new Map<BibFileEntry, { arxiv?: string; doi?: string; title?: string }>();
  for (const entry of entries) identities.set(entry, entryIdentity(entry));
  for (const group of groups((entry) => identities.get(entry)!.arxiv)) report(group, 'arXiv id');
  for (const group of groups((entry) => identities.get(entry)!.doi)) report(group, 'DOI');
  for (const group of groups((entry) => identities.get(entry)!.title)) report(group, 'title');
  return duplicates;
}

/** What makes an entry one paper: its arXiv id, its DOI, its title with its year. */
function entryIdentity(entry: BibFileEntry): { arxiv?: string; doi?: string; title?: string } {
  const draft = bibtexDraft({ type: entry.type, key: entry.key, fields: entry.fields, inherited: [], pending: false, container: false, file: entry.file, line: entry.line });
  if (!draft) return {};
  const title = normalizeTitle(draft.title);
  const year = draft.year ?? '';
  return {
    arxiv: draft.arxivId?.toLowerCase(),
    doi: draft.doi?.toLowerCase(),
    // A title alone joins only entries with one: "Introduction" in two books is two works.
    title: title.length >= 12 && draft.title !== entry.key ? `${title}|${year}` : undefined,
  };
}

/** Fields whose absence from an entry is worth a word when the library has them. */
const FIELDS_WORTH_ADDING = ['author', 'title', 'year', 'doi', 'eprint'];
/** Fields written differently that say the same: the bibliography keeps its own. */
const SAME_AS: Record<string, string[]> = { year: ['date'], author: ['editor'], journal: ['journaltitle'], eprint: ['arxivid'] };

function findStale(entries: readonly BibFileEntry[], library: LibraryLookup): StaleEntry[] {
  const stale: StaleEntry[] = [];
  for (const entry of entries) {
    const paper = library.byKey(entry.key);
    if (!paper) continue;
    const written = libraryFields(paper, entry.key);
    if (!written) continue;
    const own = new Map(entry.fields.map(([name, value]) => [name, value]));
    const fields: FieldDifference[] = [];
    for (const [name, value] of written) {
      const mine = own.get(name);
      if (mine === undefined) {
        if (FIELDS_WORTH_ADDING.includes(name) && !(SAME_AS[name] ?? []).some((other) => own.has(other))) fields.push({ field: name, library: value });
      } else if (normalizeField(name, mine) !== normalizeField(name, value)) {
        fields.push({ field: name, bib: mine, library: value });
      }
    }
    if (fields.length) stale.push({ key: entry.key, file: entry.file, line: entry.line, fields });
  }
  return stale;
}

/** The entry the library would write for `key`, read back with the same reader as the .bib. */
function libraryFields(paper: Paper, key: string): BibField[] | undefined {
  try {
    const entry = new MacroScope().read(formatBibtexEntry(paper, { key, standalone: false }));
    return entry ? Object.entries(entry.fields) : undefined;
  } catch {
    return undefined;
  }
}

/** The form two values are compared in: what a reader sees, not how the LaTeX spells it. */
function normalizeField(name: string, value: string): string {
  if (name === 'author' || name === 'editor') return readNames(value).names.map((n) => n.toLowerCase()).join('; ');
  if (name === 'doi') return parseDoiField(value) ?? value.trim().toLowerCase();
  if (name === 'month') return String(monthNumber(value) ?? Number(value));
  const plain = squash(decodeLatex(value).replace(/[{}]/g, ''));
  if (name === 'pages') return plain.replace(/\s*(?:-+|–|—)\s*/g, '-');
  if (name === 'url') return plain.replace(/\/+$/, '');
  return plain;
}

// ---------------------------------------------------------------------------------------
// Fixes: text edits that change only what they must.

/** Replace `start`..`end` of a text with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Removes an entry and the blank line after it; every other byte stays. */
export function removeEntryEdit(text: string, entry: Pick<BibFileEntry, 'start' | 'end'>): TextEdit {
  let end = entry.end;
  const trailing = /^[ \t]*\r?\n(?:[ \t]*\r?\n)?/.exec(text.slice(end));
  if (trailing) end += trailing[0].length;
  return { start: entry.start, end, newText: '' };
}

/** Where each field's value sits in an entry: after `=`, to the comma or closing brace. */
export function entryFieldSpans(text: string, entry: Pick<BibFileEntry, 'start' | 'end'>): { name: string; start: number; end: number }[] {
  const spans: { name: string; start: number; end: number }[] = [];
  const open = text.slice(entry.start, entry.end).search(/[{(]/);
  if (open < 0) return spans;
  const close = entry.end - 1;
  let at = text.indexOf(',', entry.start + open);
  while (at >= 0 && at < close) {
    const head = /\s*([^\s=,{}"#]+)\s*=\s*/y;
    head.lastIndex = at + 1;
    const match = head.exec(text);
    if (!match) break;
    const start = head.lastIndex;
    let depth = 0;
    let quoted = false;
    let end = start;
    for (; end < close; end++) {
      const c = text[end];
      if (c === '\\') end++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0) quoted = !quoted;
      else if (c === ',' && depth === 0 && !quoted) break;
    }
    let valueEnd = end;
    while (valueEnd > start && /\s/.test(text[valueEnd - 1]!)) valueEnd--;
    spans.push({ name: match[1]!.toLowerCase(), start, end: valueEnd });
    at = end;
  }
  return spans;
}

/**
 * Brings an entry's fields to the library's values: a differing value is replaced in place
 * (braced), a field it lacks goes in before its closing brace. Nothing else changes.
 */
export function staleFieldEdits(text: string, entry: Pick<BibFileEntry, 'start' | 'end'>, fields: readonly FieldDifference[]): TextEdit[] {
  const spans = entryFieldSpans(text, entry);
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const difference of fields) {
    const span = spans.find((candidate) => candidate.name === difference.field);
    if (span) edits.push({ start: span.start, end: span.end, newText: `{${difference.library}}` });
    else added.push(`  ${difference.field} = {${difference.library}}`);
  }
  if (added.length) {
    const body = text.slice(entry.start, entry.end - 1);
    const eol = /\r\n/.test(body) ? '\r\n' : '\n';
    const last = body.replace(/\s+$/, '');
    const at = entry.start + last.length;
    edits.push({ start: at, end: at, newText: `${last.endsWith(',') ? '' : ','}${eol}${added.join(`,${eol}`)}` });
  }
  return edits;
}

/** Edits that make a note cite `to` wherever it cites `from` (one paper under two keys, say). */
export function renameKeyEdits(note: string, language: NoteLanguage, from: string, to: string): TextEdit[] {
  const lower = from.toLowerCase();
  return parseCitations(note, language).flatMap((citation) => citation.items.filter((item) => item.key.toLowerCase() === lower).map((item) => ({ start: item.start, end: item.end, newText: to })));
}

/** Applies edits (which must not overlap) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
