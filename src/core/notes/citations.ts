// Where citation keys sit in a note: the key being typed (for completion), the key under the
// cursor (for hover and go to definition) and every key cited (for diagnostics).
// Markdown follows Pandoc (`[@a; @b]`, `@a says`), LaTeX the `\cite{a,b}` family.
import { lineOf } from '../util/text';

/** The two kinds of note Lit Review cites into. */
export type NoteLanguage = 'markdown' | 'latex';

/** A key inside one line: `start` and `end` are offsets in that line, `end` exclusive. */
export interface KeySpan {
  key: string;
  start: number;
  end: number;
}

/** A cited key in a whole document: 0-based line, offsets within that line. */
export interface CitedKey extends KeySpan {
  line: number;
}

/**
 * A Pandoc key: starts with a letter, digit or `_`; inside it may hold `:.#$%&-+?<>~/`, but
 * never ends with them (`@ssrl2025.` ends a sentence, the key is `ssrl2025`).
 * The `@` must start the line or follow `[`, `;`, `-` (author suppressed) or a space: an
 * e-mail address or a `medium.com/@name` link is not a citation.
 */
const MARKDOWN_CITATION = /(?<![^[;\s-])@(\w(?:[\w:.#$%&+?<>~/-]*\w)?)/g;
/** Characters a Pandoc key may hold, for scanning around the cursor. */
const MARKDOWN_KEY_CHAR = /[\w:.#$%&+?<>~/-]/;

/** `\cite`, `\citep`, `\parencite`, `\textcite`, `\autocite`, `\nocite`, `\citeauthor`... with up to two optional arguments. */
const LATEX_CITATION = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\s*\[[^\]]*\]){0,2}\s*\{([^}]*)\}/g;
/** The same command, still open at the end of the text before the cursor. */
const LATEX_OPEN_CITATION = /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\s*\[[^\]]*\]){0,2}\s*\{([^}]*)$/;
/** Characters a BibTeX key may hold. */
const LATEX_KEY_CHAR = /[^\s,{}%\\"#'()=]/;

/**
 * The key being typed at `offset`, when the cursor is where a key belongs: after `@` in
 * Markdown, after `{` or `,` of a cite command in LaTeX. `start`..`end` covers the whole key
 * (also what follows the cursor), `key` is the part before the cursor.
 */
export function completionSpanAt(line: string, offset: number, language: NoteLanguage): KeySpan | undefined {
  if (offset < 0 || offset > line.length) return undefined;
  return language === 'markdown' ? markdownCompletionSpan(line, offset) : latexCompletionSpan(line, offset);
}

function markdownCompletionSpan(rawLine: string, offset: number): KeySpan | undefined {
  // An `@` in inline code is code (a decorator, an e-mail), not a citation.
  const line = blankInlineCode(rawLine);
  let start = offset;
  while (start > 0 && MARKDOWN_KEY_CHAR.test(line[start - 1]!)) start--;
  const at = start - 1;
  if (line[at] !== '@') return undefined;
  if (at > 0 && !/[[;\s-]/.test(line[at - 1]!)) return undefined;
  const typed = line.slice(start, offset);
  if (typed && !/^\w/.test(typed)) return undefined;
  return { key: typed, start, end: scanForward(line, offset, MARKDOWN_KEY_CHAR) };
}

function latexCompletionSpan(line: string, offset: number): KeySpan | undefined {
  const open = LATEX_OPEN_CITATION.exec(blankLatexComment(line.slice(0, offset)));
  if (!open) return undefined;
  const inside = open[1]!;
  const lastComma = inside.lastIndexOf(',');
  const current = inside.slice(lastComma + 1);
  const typed = current.trimStart();
  if (/\s/.test(typed)) return undefined;
  const start = offset - typed.length;
  return { key: typed, start, end: scanForward(line, offset, LATEX_KEY_CHAR) };
}

function scanForward(line: string, offset: number, keyChar: RegExp): number {
  let end = offset;
  while (end < line.length && keyChar.test(line[end]!)) end++;
  return end;
}

/** The cited key under `offset` (the `@` of a Markdown key counts as part of it). */
export function citedKeyAt(line: string, offset: number, language: NoteLanguage): KeySpan | undefined {
  const keys = language === 'markdown' ? markdownKeysInLine(line) : latexKeysIn(blankLatexComment(line));
  return keys.find((span) => offset >= span.start - (language === 'markdown' ? 1 : 0) && offset <= span.end);
}

/**
 * Every key a note cites, in document order. Markdown front matter, fenced code blocks and
 * inline code are skipped, as are LaTeX comments.
 */
export function citedKeys(text: string, language: NoteLanguage): CitedKey[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (language === 'latex') return latexCitedKeys(lines);
  const skipped = markdownSkippedLines(lines);
  const result: CitedKey[] = [];
  lines.forEach((line, index) => {
    if (skipped.has(index)) return;
    for (const span of markdownKeysInLine(blankInlineCode(line))) result.push({ ...span, line: index });
  });
  return result;
}

function markdownKeysInLine(line: string): KeySpan[] {
  return [...line.matchAll(MARKDOWN_CITATION)].map((match) => {
    const start = match.index! + 1;
    return { key: match[1]!, start, end: start + match[1]!.length };
  });
}

/** True when a Markdown line is front matter or fenced code, where `@` starts no citation. */
export function isMarkdownCodeLine(text: string, line: number): boolean {
  return markdownSkippedLines(text.split(/\r\n|\r|\n/)).has(line);
}

/** Lines of the front matter and of fenced code blocks. */
function markdownSkippedLines(lines: readonly string[]): Set<number> {
  const skipped = new Set<number>();
  let index = 0;
  if (/^(\uFEFF)?---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (close > 0) {
      for (let i = 0; i <= close; i++) skipped.add(i);
      index = close + 1;
    }
  }
  let fence: string | undefined;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      skipped.add(index);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
    } else if (marker) {
      fence = marker;
      skipped.add(index);
    }
  }
  return skipped;
}

/** Replaces inline code spans with spaces, keeping every offset. */
function blankInlineCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, (span) => ' '.repeat(span.length));
}

/** Removes `%` comments (not `\%`), keeping every offset. */
function blankLatexComment(line: string): string {
  const comment = /(?<!\\)%/.exec(line);
  return comment ? line.slice(0, comment.index) + ' '.repeat(line.length - comment.index) : line;
}

function latexKeysIn(text: string): KeySpan[] {
  const spans: KeySpan[] = [];
  for (const match of text.matchAll(LATEX_CITATION)) {
    const inner = match[1]!;
    const innerStart = match.index! + match[0].length - 1 - inner.length;
    let position = 0;
    for (const part of inner.split(',')) {
      const leading = part.length - part.trimStart().length;
      const key = part.trim();
      // `\nocite{*}` cites the whole bibliography: not a key.
      if (key && key !== '*') spans.push({ key, start: innerStart + position + leading, end: innerStart + position + leading + key.length });
      position += part.length + 1;
    }
  }
  return spans;
}

/** A cite command may spread its keys over lines: the lines are read as one text. */
function latexCitedKeys(lines: readonly string[]): CitedKey[] {
  const starts: number[] = [];
  let offset = 0;
  const joined = lines
    .map((line) => {
      starts.push(offset);
      offset += line.length + 1;
      return blankLatexComment(line);
    })
    .join('\n');
  return latexKeysIn(joined).map((span) => {
    const line = lineOf(starts, span.start) - 1;
    return { key: span.key, line, start: span.start - starts[line]!, end: span.end - starts[line]! };
  });
}
