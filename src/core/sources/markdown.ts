// Reads Markdown reading lists ("awesome" lists, notes): bullets and tables of papers, with
// the headings above them as topic hints. Walks the file line by line and never throws.
import { problem, type ParseContext, type ParseResult } from '../paper';
import { findTitle, readBulletEntry } from './markdownEntry';
import { cleanInline, tidyTitle } from './markdownInline';
import { isTableSeparator, readTable, splitRow, tableColumns } from './markdownTable';

interface Bullet {
  indent: number;
  content: string;
}

interface Heading {
  level: number;
  text: string;
}

const NOT_TOPICS = new Set(['table of contents', 'contents', 'toc', 'overview']);

export function parseMarkdownList(text: string, file: string, _context?: ParseContext): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const skipLoneTitle = countTopHeadings(lines) === 1;
  // Heading texts by level (index 0 = H1); undefined where the file has no such heading yet.
  const headings: (string | undefined)[] = [];
  let fence: string | undefined;

  const keywords = (): string[] => {
    const hints: string[] = [];
    headings.forEach((heading, index) => {
      if (heading && !(index === 0 && skipLoneTitle) && !hints.includes(heading)) hints.push(heading);
    });
    return hints;
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
        headings.length = heading.level;
        headings[heading.level - 1] = topicOf(heading.text);
        continue;
      }
      if (line.includes('|') && i + 1 < lines.length && isTableSeparator(lines[i + 1]!)) {
        const columns = tableColumns(splitRow(line.trim()));
        let last = i + 1;
        while (last + 1 < lines.length && lines[last + 1]!.includes('|') && lines[last + 1]!.trim()) last++;
        if (columns) last = readTable(lines, i + 2, columns, keywords(), file, result);
        i = last;
        continue;
      }
      const bullet = readBullet(line);
      if (!bullet) continue;
      const start = i;
      let content = bullet.content;
      while (i + 1 < lines.length && continues(lines[i + 1]!, bullet.indent)) {
        i++;
        content += ` ${lines[i]!.trim().replace(/^([-*+]|\d{1,9}[.)])\s/, '')}`;
      }
      readBulletEntry(content, start + 1, keywords(), file, result);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push(problem(file, i + 1, `Line ${i + 1} could not be read (${reason}); skipped.`));
    }
  }
  return result;
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

/**
 * A document with a single H1 uses it as the list's own name: every paper would share it,
 * so it is no topic. Several H1s are sections and count.
 */
function countTopHeadings(lines: string[]): number {
  let count = 0;
  let fence: string | undefined;
  for (const line of lines) {
    const marker = fenceMarker(line);
    if (marker !== undefined) fence = fence === undefined ? marker : marker.startsWith(fence) ? undefined : fence;
    else if (fence === undefined && readHeading(line)?.level === 1) count++;
  }
  return count;
}

function readBullet(line: string): Bullet | undefined {
  const match = /^([ \t]*)([-*+]|\d{1,9}[.)])[ \t]+(\S.*)$/.exec(line);
  if (!match) return undefined;
  return { indent: match[1]!.length, content: match[3]! };
}

/**
 * Whether `line` still belongs to the bullet above: an indented wrapped line, or a nested
 * bullet with no title of its own (`  - [code](url)`), whose links then join the entry.
 */
function continues(line: string, indent: number): boolean {
  if (!line.trim() || !/^[ \t]/.test(line) || readHeading(line)) return false;
  const nested = readBullet(line);
  if (!nested) return !line.trimStart().startsWith('|');
  return nested.indent > indent && findTitle(nested.content) === undefined;
}
