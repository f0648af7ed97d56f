// Paper tables in reading lists: `| Title | Venue | Date | Link |`. Columns are found by
// their header names, so their order and extra columns do not matter.
import { acceptDraft, problem, type ParseResult } from '../paper/paper';
import { readDetails, venueOf } from './markdownDetails';
import { combineDates, readDate, splitNames } from './markdownFields';
import { findTitle } from './markdownTitle';
import { anchorsToMarkdown, arxivIdDate, cleanInline, identifiers, replaceLinks, tidyTitle, webLinks } from './markdownInline';

export interface TableColumns {
  title: number;
  authors?: number;
  venue?: number;
  date?: number;
  /** Institute or affiliation: the first one named is the first author's. */
  organization?: number;
}

const MAX_COLUMNS = 64;

/** Cells of a table row; `\|` is a pipe inside a cell. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') {
      cells.push(line.slice(from, i));
      from = i + 1;
    }
  }
  cells.push(line.slice(from));
  const trimmed = cells.map((text) => text.replace(/\\\|/g, '|').trim());
  // The pipes that open and close a row do not delimit cells.
  if (trimmed.length > 1 && trimmed[0] === '') trimmed.shift();
  if (trimmed.length > 1 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed;
}

/** `|---|:---:|` under a header row. */
export function isTableSeparator(line: string): boolean {
  if (!line.includes('-')) return false;
  const cells = splitRow(line.trim());
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell)) && (cells.length > 1 || line.includes('|'));
}

/** Which columns hold what; undefined for a table with no title column (not a paper table). */
export function tableColumns(header: string[]): TableColumns | undefined {
  // Paper tables have a handful of columns; a runaway header is not read past the first few dozen.
  const names = header.slice(0, MAX_COLUMNS).map((cell) => cleanInline(cell).toLowerCase());
  const find = (test: RegExp, taken: (number | undefined)[] = []): number | undefined => {
    const index = names.findIndex((name, i) => test.test(name) && !taken.includes(i));
    return index >= 0 ? index : undefined;
  };
  const title = find(/\btitles?\b/) ?? find(/^(papers?|paper names?|names?)$/);
  if (title === undefined) return undefined;
  const venue = find(/\b(venue|conference|conf|journal|publication|published in|publisher)\b/, [title]);
  const date = find(/\b(date|year|published|time|month|release)\b/, [title, venue]);
  const authors = find(/\bauthors?\b/, [title, venue, date]);
  const organization = find(/\b(institutes?|institutions?|affiliations?|organi[sz]ations?|labs?)\b/, [title, venue, date, authors]);
  return { title, authors, venue, date, organization };
}

/** Reads rows from `first` on; returns the index of the table's last line. */
export function readTable(lines: string[], first: number, columns: TableColumns, keywords: string[], file: string, result: ParseResult): number {
  let i = first;
  for (; i < lines.length; i++) {
    const text = lines[i]!;
    if (!text.trim() || !text.includes('|')) break;
    try {
      readRow(splitRow(anchorsToMarkdown(text.trim())), columns, i + 1, keywords, file, result);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push(problem(file, i + 1, `Table row at line ${i + 1} could not be read (${reason}); skipped.`));
    }
  }
  return i - 1;
}

function readRow(cells: string[], columns: TableColumns, line: number, keywords: string[], file: string, result: ParseResult): void {
  const cell = (index: number | undefined): string => (index === undefined ? '' : cells[index] ?? '');
  const titleCell = cell(columns.title);
  // A title cell may also hold `<br>`-separated authors or badges: its first line is the title.
  const [firstLine = '', ...moreLines] = titleCell.split(/<br\s{0,3}\/?>/i);
  const title = findTitle(firstLine)?.title ?? tidyTitle(cleanInline(replaceLinks(firstLine, false)));
  if (!title) {
    if (cells.some((text) => cleanInline(text) || webLinks(text).length > 0)) {
      result.problems.push(problem(file, line, `Table row at line ${line} has no title; skipped.`, 'warning'));
    }
    return;
  }
  const urls = webLinks(cells.join(' | '));
  const venueText = tidyTitle(cleanInline(cell(columns.venue)));
  // `ACL'17` is ACL, 2017; a venue read no further is kept as written.
  const venue = venueText ? venueOf(venueText) : {};
  const organization = tidyTitle(cleanInline(cell(columns.organization).split(/<br\s{0,3}\/?>/i)[0] ?? ''));
  const ids = identifiers(urls);
  const textDate = readDate(cleanInline(cell(columns.date))) ?? readDate(venueText);
  const when = combineDates(textDate, undefined, venue.year, ids.arxivId ? arxivIdDate(ids.arxivId) : undefined);
  acceptDraft(
    {
      title,
      // Without an authors column, a title cell's second line often names them.
      authors: columns.authors !== undefined ? splitNames(cleanInline(cell(columns.authors))) : readDetails('', replaceLinks(moreLines.join(' | '), false)).authors,
      organization: organization || undefined,
      venue: venue.venue,
      date: when.date,
      year: when.year,
      arxivId: ids.arxivId,
      doi: ids.doi,
      links: urls,
      keywords,
      sources: [{ file, line }],
    },
    result,
  );
}
