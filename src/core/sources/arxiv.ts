// Reads arXiv new-submission e-mails and the plainer "arXiv:ID / Title: / Authors: / Abstract:"
// text listings. Line by line, so a broken entry costs only itself.
import { acceptDraft, problem, type ParseContext, type ParseResult, type PaperDraftInput } from '../paper/paper';
import { extractLinks, formatDate, monthNumber, parseArxivId, parseDoi, squash } from '../util/text';
import { decodeLatex } from '../bibtex/latex';

type Field = 'title' | 'authors' | 'categories' | 'comments' | 'journal' | 'doi' | 'date' | 'abstract' | 'ignored';

const LABELS: Record<string, Field> = {
  title: 'title',
  authors: 'authors',
  author: 'authors',
  categories: 'categories',
  comments: 'comments',
  'journal-ref': 'journal',
  doi: 'doi',
  date: 'date',
  abstract: 'abstract',
};

interface FieldText {
  text: string;
  line: number;
}

interface Entry {
  /** 1-based line of the entry's `arXiv:` line. */
  line: number;
  /** What followed `arXiv:` on that line. */
  idText: string;
  /** The id in the closing `\\ ( https://arxiv.org/abs/ID , 12kb)` line. */
  closingId?: string;
  fields: Partial<Record<Field, FieldText>>;
  abstract: string[];
}

export function parseArxivListing(text: string, file: string, _context?: ParseContext): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const lines = text.split('\n');
  let entry: Entry | undefined;
  let inAbstract = false;
  // The field a space-indented continuation line extends.
  let last: Field | undefined;

  const finish = (): void => {
    if (entry) readEntry(entry, file, result);
    entry = undefined;
    inAbstract = false;
    last = undefined;
  };

  const readLine = (i: number): void => {
    const line = lines[i]!.replace(/\r$/, '');
    const trimmed = line.trim();
    if (isSeparator(trimmed)) {
      finish();
      return;
    }
    if (trimmed.startsWith('\\\\')) {
      if (!entry) return;
      const bare = trimmed === '\\\\';
      // The `\\` after the header fields opens the abstract; any other one closes the entry.
      if (bare && !inAbstract) {
        if (Object.keys(entry.fields).length > 0) inAbstract = true;
        last = undefined;
        return;
      }
      if (!bare) entry.closingId = closingId(trimmed);
      finish();
      return;
    }
    if (startsEntry(lines, i)) {
      finish();
      entry = { line: i + 1, idText: line.slice('arXiv:'.length, 200).trim().split(/\s/)[0] ?? '', fields: {}, abstract: [] };
      return;
    }
    // Preamble, trailer and section headings of the e-mail lie outside any entry.
    if (!entry) return;
    if (inAbstract) {
      if (trimmed) entry.abstract.push(trimmed);
      return;
    }
    const label = readLabel(line);
    if (label) {
      if (label.field === 'abstract') {
        inAbstract = true;
        if (label.value.trim()) entry.abstract.push(label.value.trim());
        return;
      }
      last = label.field;
      if (label.field !== 'ignored' && !entry.fields[label.field]) entry.fields[label.field] = { text: label.value, line: i + 1 };
      return;
    }
    if (trimmed && /^\s/.test(line) && last) {
      const field = entry.fields[last];
      if (field && last !== 'ignored') field.text += ` ${trimmed}`;
      return;
    }
    // Anything else in a header ("replaced with revised version ...") ends the field before it.
    last = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    try {
      readLine(i);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push(problem(file, i + 1, `Line ${i + 1} could not be read (${reason}); skipped.`));
    }
  }
  finish();
  return result;
}

/** Dash rules between entries, and the `%%--%%--` rules between the e-mail's sections. */
function isSeparator(trimmed: string): boolean {
  if (trimmed.length < 5) return false;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c !== '-' && c !== '%' && c !== '=') return false;
  }
  return true;
}

/**
 * An `arXiv:` line starts an entry when fields follow it: a line of prose that happens to
 * begin with `arXiv:` inside an abstract does not.
 */
function startsEntry(lines: string[], index: number): boolean {
  if (!/^arxiv:/i.test(lines[index]!)) return false;
  for (let j = index + 1; j < lines.length && j <= index + 3; j++) {
    const next = lines[j]!;
    if (readLabel(next) || /^replaced with/i.test(next)) return true;
    if (next.trim()) return false;
  }
  return false;
}

function readLabel(line: string): { field: Field | 'ignored'; value: string } | undefined {
  // Labels are short: look at the head only, so a very long line costs nothing here.
  const match = /^([A-Za-z][A-Za-z-]{1,20})( ?\([^)]{0,40}\))?:/.exec(line.slice(0, 80));
  if (!match) return undefined;
  const name = match[1]!.toLowerCase();
  const field = LABELS[name];
  const known = field !== undefined || ['report-no', 'msc-class', 'acm-class', 'license'].includes(name);
  if (!known) return undefined;
  // "Date (revised v2):" is a revision, not the submission date.
  const value = line.slice(match[0].length);
  return { field: field && !match[2] ? field : 'ignored', value };
}

function closingId(line: string): string | undefined {
  const link = extractLinks(line)[0];
  return link ? parseArxivId(link) : undefined;
}

function readEntry(entry: Entry, file: string, result: ParseResult): void {
  try {
    const { fields } = entry;
    const idText = entry.idText;
    const arxivId = (idText ? parseArxivId(idText) : undefined) ?? entry.closingId;
    const label = arxivId ? ` (arXiv:${arxivId})` : idText ? ` (arXiv:${idText})` : '';
    if (idText && !parseArxivId(idText)) {
      result.problems.push(problem(file, entry.line, `Entry at line ${entry.line} has an arXiv id "${idText}" that is not valid; read without it.`, 'warning'));
    }
    const title = fields.title ? squash(decodeLatex(fields.title.text)) : '';
    if (!title) {
      result.problems.push(problem(file, entry.line, `Entry at line ${entry.line}${label} has no title; skipped.`));
      return;
    }
    const abstract = squash(entry.abstract.join(' '));
    const comments = fields.comments ? squash(fields.comments.text) : '';
    const when = (fields.date && readDate(fields.date.text)) || (arxivId ? dateFromId(arxivId) : undefined);
    const links = arxivId ? [`https://arxiv.org/abs/${arxivId}`] : [];
    for (const link of extractLinks(`${abstract} ${comments}`)) if (!links.includes(link)) links.push(link);
    const draft: PaperDraftInput = {
      title,
      abstract: abstract || undefined,
      authors: fields.authors ? splitAuthors(fields.authors.text) : [],
      date: when?.date,
      year: when?.year,
      arxivId,
      doi: fields.doi ? parseDoi(fields.doi.text.slice(0, 300)) : undefined,
      venue: fields.journal ? squash(fields.journal.text) || undefined : undefined,
      keywords: fields.categories ? squash(fields.categories.text).split(' ').filter(Boolean) : [],
      links,
      sources: [{ file, line: fields.title!.line }],
    };
    acceptDraft(draft, result);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    result.problems.push(problem(file, entry.line, `Entry at line ${entry.line} could not be read (${reason}); skipped.`));
  }
}

/** `Mon, 13 Jan 2025 18:59:59 GMT   (1234kb)` -> 2025-01-13. */
function readDate(text: string): { date: string; year: number } | undefined {
  const match = /(\d{1,2}) ([A-Za-z]{3,9}) (\d{4})/.exec(text);
  if (!match) return undefined;
  const year = Number(match[3]);
  const date = formatDate(year, monthNumber(match[2]!), Number(match[1]));
  return date ? { date, year } : undefined;
}

/** Without a Date line (a replacement), the id still tells the month of first submission. */
function dateFromId(id: string): { date: string; year: number } | undefined {
  const match = /^(\d{2})(\d{2})\.|\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!match) return undefined;
  const yy = Number(match[1] ?? match[3]);
  const year = yy >= 91 ? 1900 + yy : 2000 + yy;
  const date = formatDate(year, Number(match[2] ?? match[4]));
  return date && date.length === 7 ? { date, year } : undefined;
}

/** "A. One (Univ X), B. Two and C. Three" -> names, affiliations and LaTeX accents gone. */
export function splitAuthors(text: string): string[] {
  const plain = decodeLatex(withoutParentheses(text)).replace(/[{}]/g, '').replace(/~/g, ' ');
  const names: string[] = [];
  for (const part of plain.split(/,|;|\band\b/)) {
    const name = squash(part).replace(/\bet al\.?$/, '').trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Drops parenthesised text, nested or not, in one pass. */
function withoutParentheses(text: string): string {
  const kept: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      if (depth === 0) kept.push(text.slice(from, i));
      depth++;
    } else if (c === ')' && depth > 0) {
      depth--;
      if (depth === 0) from = i + 1;
    }
  }
  if (depth === 0) kept.push(text.slice(from));
  return kept.join(' ');
}
