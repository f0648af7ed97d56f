// Where citation keys sit in a note, read through the one grammar (grammar.ts): the key being
// typed (for completion), the key under the cursor (for hover and go to definition) and every
// key cited (for diagnostics), in every form of Markdown (Pandoc), LaTeX and Typst.
import { LATEX_KEY_CHAR, markdownAtCanCite, scanNote, type Citation, type CitationItem, type NoteLanguage } from './grammar';

export type { NoteLanguage } from './grammar';

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

/** Characters a Pandoc key may hold, for scanning around the cursor (its end punctuation too: it is still being typed). */
const MARKDOWN_KEY_CHAR = /[\p{L}\p{N}_:.#$%&+?<>~/-]/u;
const TYPST_KEY_CHAR = /[\p{L}\p{N}_\-:.]/u;
const KEY_START = /^[\p{L}\p{N}_]/u;

/**
 * The key being typed at `offset`, when the cursor is where a key belongs: after `@` (or
 * inside `@{...}`) in Markdown and Typst, after `{` or `,` of any cite command in LaTeX
 * (`\parencites{a}{` included), inside `#cite(<` in Typst. `start`..`end` covers the whole
 * key (also what follows the cursor), `key` is the part before the cursor.
 */
export function completionSpanAt(line: string, offset: number, language: NoteLanguage): KeySpan | undefined {
  return keyBeingTyped(line, offset, language);
}

/** The same in a whole document: offsets in `text`; code blocks, math and comments offer nothing. */
export function keyBeingTyped(text: string, offset: number, language: NoteLanguage): KeySpan | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  if (language === 'latex') return latexKeyBeingTyped(text, offset);
  const typst = language === 'typst' ? typstCiteKeyBeingTyped(text, offset) : undefined;
  if (typst) return typst;
  const keyChar = language === 'markdown' ? MARKDOWN_KEY_CHAR : TYPST_KEY_CHAR;
  const braced = language === 'markdown' ? bracedKeyBeingTyped(text, offset) : undefined;
  let span: KeySpan & { at: number };
  if (braced) span = braced;
  else {
    let start = offset;
    while (start > 0 && keyChar.test(text[start - 1]!)) start--;
    const at = start - 1;
    if (text[at] !== '@') return undefined;
    const canCite = language === 'markdown' ? markdownAtCanCite(text, at) : at === 0 || !/[\p{L}\p{N}_]/u.test(text[at - 1]!);
    if (!canCite || text[at - 1] === '\\') return undefined;
    const typed = text.slice(start, offset);
    if (typed && !KEY_START.test(typed)) return undefined;
    span = { key: typed, start, end: scanForward(text, offset, keyChar), at };
  }
  const { skipped } = scanNote(text, language);
  if (skipped.some((region) => region.start <= span.at && span.at < region.end)) return undefined;
  return { key: span.key, start: span.start, end: span.end };
}

/** `@{key with odd characters` typed so far, on one line. */
function bracedKeyBeingTyped(text: string, offset: number): (KeySpan & { at: number }) | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const open = text.lastIndexOf('@{', offset - 1);
  if (open < lineStart || open + 2 > offset) return undefined;
  if (text.slice(open + 2, offset).includes('}') || !markdownAtCanCite(text, open)) return undefined;
  const close = text.indexOf('}', offset);
  const lineEnd = text.indexOf('\n', offset);
  const end = close >= 0 && (lineEnd < 0 || close < lineEnd) ? close : offset;
  return { key: text.slice(open + 2, offset), start: open + 2, end, at: open };
}

function latexKeyBeingTyped(text: string, offset: number): KeySpan | undefined {
  const before = text.slice(0, offset);
  const open = lastOpenCitation(before, 'latex');
  if (open?.openKeysAt === undefined) return undefined;
  const inside = before.slice(open.openKeysAt);
  const typed = inside.slice(inside.lastIndexOf(',') + 1).trimStart();
  if (/\s/.test(typed)) return undefined;
  return { key: typed, start: offset - typed.length, end: scanForward(text, offset, LATEX_KEY_CHAR) };
}

/** Inside `#cite(<...` or `#cite(label("...`. */
function typstCiteKeyBeingTyped(text: string, offset: number): KeySpan | undefined {
  const before = text.slice(0, offset);
  const open = lastOpenCitation(before, 'typst');
  if (open?.openKeysAt === undefined) return undefined;
  const typed = /(?:<|label\(\s*")([^<>"\s,()]*)$/.exec(before.slice(open.openKeysAt));
  if (!typed) return undefined;
  const key = typed[1]!;
  return { key, start: offset - key.length, end: scanForward(text, offset, TYPST_KEY_CHAR) };
}

/** The citation still open at the very end of `text`: the one the cursor is typing in. */
function lastOpenCitation(text: string, language: NoteLanguage): Citation | undefined {
  const citations = scanNote(text, language).citations;
  const last = citations[citations.length - 1];
  return last && !last.closed && last.end === text.length ? last : undefined;
}

function scanForward(text: string, offset: number, keyChar: RegExp): number {
  let end = offset;
  while (end < text.length && keyChar.test(text[end]!)) end++;
  return end;
}

/** The cited key under `offset` in one line (the `@` of a Markdown or Typst key counts as part of it). */
export function citedKeyAt(line: string, offset: number, language: NoteLanguage): KeySpan | undefined {
  const found = citationAround(line, offset, language);
  return found?.item ? { key: found.item.key, start: found.item.start, end: found.item.end } : undefined;
}

/**
 * The citation around `offset` in a text, and the item whose key (from its `@`, to the end of
 * the key or its closing brace) holds the offset, if any.
 */
export function citationAround(text: string, offset: number, language: NoteLanguage): { citation: Citation; item?: CitationItem } | undefined {
  for (const citation of scanNote(text, language).citations) {
    if (offset < citation.start || offset > citation.end) continue;
    const item = citation.items.find((candidate) => {
      const [from, to] = keyExtent(text, candidate, language);
      return offset >= from && offset <= to;
    });
    return { citation, item };
  }
  return undefined;
}

/** Where a key is written with its marks: `@key`, `@{key}`, `<key>` for Typst's `#cite`. */
function keyExtent(text: string, item: CitationItem, language: NoteLanguage): [number, number] {
  if (language === 'latex') return [item.start, item.end];
  if (text[item.start - 1] === '{' && text[item.start - 2] === '@') return [item.start - 2, item.end + 1];
  if (text[item.start - 1] === '@') return [item.start - 1, item.end];
  return [item.start, item.end];
}

/**
 * Every key a note cites, in document order: front matter (but its `nocite:`), code, math,
 * LaTeX comments and verbatim text are skipped, as are citations still being typed and
 * Quarto cross-references (`@fig-plot`).
 */
export function citedKeys(text: string, language: NoteLanguage): CitedKey[] {
  const result: CitedKey[] = [];
  for (const citation of scanNote(text, language).citations) {
    if (!citation.closed) continue;
    for (const item of citation.items) {
      if (item.crossref) continue;
      result.push({ key: item.key, line: item.line, start: item.character, end: item.character + item.end - item.start });
    }
  }
  return result;
}

/** True when a Markdown line is front matter or fenced code, where `@` starts no citation. */
export function isMarkdownCodeLine(text: string, line: number): boolean {
  let start = 0;
  for (let at = 0; at < line; at++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return false;
    start = next + 1;
  }
  return scanNote(text, 'markdown').skipped.some((region) => (region.kind === 'front-matter' || region.kind === 'fence') && region.start <= start && start < Math.max(region.end, region.start + 1));
}
