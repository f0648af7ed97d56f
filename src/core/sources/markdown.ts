// Reads Markdown reading lists ("awesome" lists, notes): bullets and tables of papers, with
// the headings above them as topic hints. Walks the file line by line and never throws.
import { problem, type ParseContext, type ParseResult } from '../paper/paper';
import { readByline } from './markdownDetails';
import { readBulletEntry, type ListContext } from './markdownEntry';
import { findTitle } from './markdownTitle';
import { cleanInline, tidyTitle } from './markdownInline';
import { isTableSeparator, readTable, splitRow, tableColumns, type TableColumns } from './markdownTable';

interface Bullet {
  indent: number;
  content: string;
}

interface Heading {
  level: number;
  text: string;
}

const NOT_TOPICS = new Set(['table of contents', 'contents', 'toc', 'overview']);

/**
 * Sections that hold no papers of their own: a bullet there is a paper only with a paper
 * link, so a blog post, a course or another awesome list does not become one.
 */
const NON_PAPER_SECTION =
  /\b(blogs?|tutorials?|lectures?|courses?|talks?|videos?|podcasts?|news|updates|changelog|contributing|contributions?|contributors|how to contribute|citations?|acknowledge?ments?|licen[cs]e|star history|contact|(related|other|similar|more) (awesome )?(lists?|repositories|repos|projects|resources|collections)|awesome (lists?|repositories)|(other|useful|more|additional) resources)\b/i;

export function parseMarkdownList(text: string, file: string, _context?: ParseContext): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const outline = readOutline(lines);
  const skipLoneTitle = outline.topHeadings === 1;
  // Heading texts by level (index 0 = H1); undefined where the file has no such heading yet.
  const topics: (string | undefined)[] = [];
  const headings: (string | undefined)[] = [];
  let fence: string | undefined;

  const listContext = (): ListContext => {
    const keywords: string[] = [];
    topics.forEach((topic, index) => {
      if (topic && !(index === 0 && skipLoneTitle) && !keywords.includes(topic)) keywords.push(topic);
    });
    const nonPaperSection = headings.some((heading) => heading !== undefined && NON_PAPER_SECTION.test(heading));
    return { file, keywords, sections: outline.sections, nonPaperSection };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    try {
      const marker = fenceMarker(line);
      if (fence !== undefined) {
        if (marker !== undefined && marker.startsWith(fence)) fence = undefined;
        continue;
      }
      if (marker !== undefined) {
        fence = marker;
        continue;
      }
      const heading = readHeading(line);
      if (heading) {
        topics.length = heading.level;
        topics[heading.level - 1] = topicOf(heading.text);
        headings.length = heading.level;
        headings[heading.level - 1] = cleanInline(heading.text);
        continue;
      }
      if (line.includes('|') && i + 1 < lines.length && isTableSeparator(lines[i + 1]!)) {
        i = readTableBlock(lines, i, listContext(), result);
        continue;
      }
      const bullet = readBullet(line);
      if (!bullet) continue;
      const start = i;
      let content = bullet.content;
      let next = continuation(lines, i + 1, bullet.indent);
      while (next !== undefined) {
        i = next;
        content += ` ${lines[i]!.trim().replace(/^([-*+]|\d{1,9}[.)])\s/, '')}`;
        next = continuation(lines, i + 1, bullet.indent);
      }
      readBulletEntry(content, start + 1, listContext(), result);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push(problem(file, i + 1, `Line ${i + 1} could not be read (${reason}); skipped.`));
    }
  }
  return result;
}

/**
 * Reads the table whose header is at `header`, with the rows that follow it after an
 * `<a name=…></a>` line or a blank line: lists break their tables so, and the rows after
 * the break still belong to it. Returns the index of the last line read.
 */
function readTableBlock(lines: string[], header: number, context: ListContext, result: ParseResult): number {
  const headerCells = splitRow(lines[header]!.trim());
  const columns = tableColumns(headerCells);
  if (!columns) return skipRows(lines, header + 1);
  let last = readTable(lines, header + 2, columns, context.keywords, context.file, result);
  let next = rowAfterBreak(lines, last + 1, headerCells.length, columns);
  while (next !== undefined) {
    last = readTable(lines, next, columns, context.keywords, context.file, result);
    next = rowAfterBreak(lines, last + 1, headerCells.length, columns);
  }
  return last;
}

/** The last line of the run of rows that starts at `from`: a table that is not of papers. */
function skipRows(lines: string[], from: number): number {
  let last = from;
  while (last + 1 < lines.length && lines[last + 1]!.includes('|') && lines[last + 1]!.trim()) last++;
  return last;
}

/** `<a name="section"></a>` on a line of its own: a jump target, no content. */
function isAnchorLine(line: string): boolean {
  return /^\s*<a\s[^<>]{0,300}(\/>|>\s*<\/a>)\s*$/i.test(line);
}

/**
 * Where the table goes on after blank and anchor lines, if it does: at a row with as many
 * cells as the header, that is not the header of a table of its own.
 */
function rowAfterBreak(lines: string[], from: number, width: number, columns: TableColumns): number | undefined {
  let i = from;
  while (i < lines.length && (!lines[i]!.trim() || isAnchorLine(lines[i]!))) i++;
  if (i === from || i >= lines.length) return undefined;
  const row = lines[i]!.trim();
  if (!row.startsWith('|') || (i + 1 < lines.length && isTableSeparator(lines[i + 1]!))) return undefined;
  const cells = splitRow(row).length;
  return Math.abs(cells - width) <= 1 && cells > columns.title ? i : undefined;
}

/** ``` or ~~~ opening or closing a code block (the run of marker characters). */
function fenceMarker(line: string): string | undefined {
  const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  return match ? match[1] : undefined;
}

function readHeading(line: string): Heading | undefined {
  const match = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(line);
  if (!match) return undefined;
  let text = line.slice(match[0].length).trim();
  // An optional closing run of #s, when a space sets it apart.
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ')) text = text.slice(0, end).trim();
  return { level: match[1]!.length, text };
}

/** "## 2.1 Reasoning :brain:" -> "Reasoning"; headings that name no topic give nothing. */
function topicOf(heading: string): string | undefined {
  const text = tidyTitle(cleanInline(heading).replace(/^(\d+\.)*\d+\.?\s/, ''));
  if (!/\p{L}/u.test(text) || NOT_TOPICS.has(text.toLowerCase())) return undefined;
  return text;
}

interface Outline {
  /** How many H1 headings the document has. */
  topHeadings: number;
  /** Every heading's text, lower-cased: the names a navigation bullet repeats. */
  sections: Set<string>;
}

/**
 * The document's headings, read before its entries. A document with a single H1 uses it as
 * the list's own name: every paper would share it, so it is no topic. Several H1s are sections.
 */
function readOutline(lines: string[]): Outline {
  const outline: Outline = { topHeadings: 0, sections: new Set() };
  let fence: string | undefined;
  for (const line of lines) {
    const marker = fenceMarker(line);
    if (marker !== undefined) {
      fence = fence === undefined ? marker : marker.startsWith(fence) ? undefined : fence;
      continue;
    }
    const heading = fence === undefined ? readHeading(line) : undefined;
    if (!heading) continue;
    if (heading.level === 1) outline.topHeadings++;
    const name = tidyTitle(cleanInline(heading.text).replace(/^(\d+\.)*\d+\.?\s/, ''));
    if (name) outline.sections.add(name.toLowerCase());
  }
  return outline;
}

/**
 * A list item: `- text`, `1. text`, and `5 **[Title](url)**`, a numbered item that lost its dot
 * (only before a link or bold, where it cannot be a sentence that starts with a number).
 */
function readBullet(line: string): Bullet | undefined {
  const match = /^([ \t]*)([-*+]|\d{1,9}[.)]|\d{1,3}(?=[ \t]+(?:\*\*)?\[))[ \t]+(\S.*)$/.exec(line);
  if (!match) return undefined;
  return { indent: match[1]!.length, content: match[3]! };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** A line that starts a block of its own, which no list item runs on into. */
function startsBlock(line: string): boolean {
  const text = line.trim();
  return (
    readHeading(line) !== undefined ||
    /^(`{3,}|~{3,})/.test(text) ||
    text.startsWith('|') ||
    text.startsWith('<') ||
    // `**2023**` on a line of its own heads a group, like a heading.
    /^(\*\*|__)[^*_]+(\*\*|__)$/.test(text) ||
    /^([-*_])(\s*\1){2,}$/.test(text)
  );
}

/**
 * The line that continues the item above from `from`, if one does: a wrapped or lazy line,
 * a nested bullet with no title of its own (`  - [code](url)`, whose links then join the
 * entry), an indented paragraph after blank lines, or an author line (`*A, B.* ICLR'24`)
 * after blank lines, however indented.
 */
function continuation(lines: string[], from: number, indent: number): number | undefined {
  const line = lines[from];
  if (line === undefined) return undefined;
  if (line.trim()) {
    if (startsBlock(line)) return undefined;
    const nested = readBullet(line);
    if (nested) return nested.indent > indent && findTitle(nested.content) === undefined ? from : undefined;
    return from;
  }
  let next = from;
  while (next < lines.length && !lines[next]!.trim()) next++;
  const after = lines[next];
  if (after === undefined || startsBlock(after) || readBullet(after)) return undefined;
  return (indentOf(after) >= 2 && indentOf(after) > indent) || readByline(after.trim()) ? next : undefined;
}
