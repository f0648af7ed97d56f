// Hugging Face Daily Papers pages saved from a browser as plain text.
//
// Each paper is a title line, an abstract paragraph, then optionally a metadata block:
//   "  • 18 authors" or an organisation line "stanfordnlp Stanford NLP",
//   a lone "·", and a date line "Aug 14, 2025 4" (date, then upvotes when there are any).
// Page chrome (menus, the page's own date) comes before the first paper.
import { acceptDraft, problem, type ParseContext, type ParseResult, type PaperDraftInput } from '../paper/paper';
import { extractLinks, formatDate, monthNumber, parseArxivId, squash, yearForYearlessDate } from '../util/text';

type LineKind = 'authors' | 'separator' | 'date' | 'text';

interface PageLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
  kind: LineKind;
}

const AUTHORS_LINE = /^•\s*(\d{1,6})\s+authors?$/;
const DATE_LINE = /^([A-Z][a-z]{2,8})\.? (\d{1,2})(?:, (\d{4}))?(?: (\d{1,7}))?$/;
/** Abstracts are paragraphs; titles and chrome are short. */
const MIN_ABSTRACT_LENGTH = 80;
const MAX_TITLE_LENGTH = 400;

export function parseHfDailyText(text: string, file: string, context: ParseContext = {}): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const savedAt = context.modifiedAt ?? new Date();
  const lines = pageLines(text);
  let i = firstTitleIndex(lines);
  if (i < 0) {
    result.problems.push(problem(file, 1, 'No papers found: expected a title line followed by an abstract paragraph, as on a Hugging Face Daily Papers page.', 'warning'));
    return result;
  }
  while (i < lines.length) {
    const title = lines[i]!;
    if (title.kind !== 'text' || title.text.length > MAX_TITLE_LENGTH) {
      result.problems.push(problem(file, title.line, `Unexpected line "${clip(title.text)}": expected a paper title; skipped.`, 'warning'));
      i++;
      continue;
    }
    const abstract = lines[i + 1];
    if (!(abstract && isAbstract(abstract)) && !startsMetadata(lines, i + 1)) {
      // Page chrome between papers ("Load more", a repeated header): not a paper.
      i++;
      continue;
    }
    const draft: PaperDraftInput = { title: squash(title.text), sources: [{ file, line: title.line }], links: [] };
    i++;
    if (abstract && isAbstract(abstract)) {
      draft.abstract = squash(abstract.text);
      draft.links = extractLinks(abstract.text);
      draft.arxivId = arxivIdFromLinks(draft.links);
      i++;
    }
    i = readMetadata(lines, i, draft, savedAt, file, result);
    acceptDraft(draft, result);
  }
  return result;
}

function pageLines(text: string): PageLine[] {
  const lines: PageLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    lines.push({ text: trimmed, line: index + 1, kind: classify(trimmed) });
  });
  return lines;
}

function classify(line: string): LineKind {
  if (line === '·' || line === '•') return 'separator';
  if (AUTHORS_LINE.test(line)) return 'authors';
  if (line.length < 40 && parseDateLine(line)) return 'date';
  return 'text';
}

/** A paragraph that ends a sentence, or too long for a title ("Enough? Exploring" titles exist). */
function isAbstract(line: PageLine): boolean {
  if (line.kind !== 'text' || line.text.length < MIN_ABSTRACT_LENGTH) return false;
  return line.text.length > 300 || /[.!?)]$/.test(line.text);
}

/** The first paper starts at the first short line directly followed by an abstract. */
function firstTitleIndex(lines: PageLine[]): number {
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === 'text' && line.text.length <= MAX_TITLE_LENGTH && !isAbstract(line) && isAbstract(lines[i + 1]!)) return i;
  }
  return -1;
}

function startsMetadata(lines: PageLine[], i: number): boolean {
  const kind = lines[i]?.kind;
  return kind === 'authors' || kind === 'separator' || (kind === 'text' && lines[i + 1]?.kind === 'separator');
}

/** Reads the optional "• N authors" / organisation, "·" and date lines after an abstract. */
function readMetadata(lines: PageLine[], start: number, draft: PaperDraftInput, savedAt: Date, file: string, result: ParseResult): number {
  let i = start;
  const first = lines[i];
  if (first?.kind === 'authors') {
    draft.authorCount = Number(AUTHORS_LINE.exec(first.text)![1]);
    i++;
  } else if (first?.kind === 'text' && lines[i + 1]?.kind === 'separator') {
    draft.organization = organizationName(first.text);
    i++;
  }
  if (lines[i]?.kind === 'separator') i++;
  const dateLine = lines[i];
  if (dateLine?.kind === 'date') {
    const parsed = parseDateLine(dateLine.text)!;
    const year = parsed.year ?? yearForYearlessDate(parsed.month, parsed.day, savedAt);
    draft.date = formatDate(year, parsed.month, parsed.day);
    draft.year = year;
    if (parsed.upvotes !== undefined) draft.upvotes = parsed.upvotes;
    i++;
  } else if (i > start && lines[i - 1]?.kind === 'separator') {
    result.problems.push(problem(file, lines[i - 1]!.line, `The paper "${clip(draft.title)}" has a "·" line but no date after it.`, 'warning'));
  }
  return i;
}

interface PageDate {
  month: number;
  day: number;
  year?: number;
  upvotes?: number;
}

function parseDateLine(line: string): PageDate | undefined {
  const match = DATE_LINE.exec(line);
  if (!match) return undefined;
  const month = monthNumber(match[1]!);
  const day = Number(match[2]);
  if (!month || day < 1 || day > 31) return undefined;
  return {
    month,
    day,
    year: match[3] ? Number(match[3]) : undefined,
    upvotes: match[4] ? Number(match[4]) : undefined,
  };
}

/** "stanfordnlp Stanford NLP" is the organisation's slug, then its display name. */
function organizationName(line: string): string {
  const space = line.indexOf(' ');
  return space > 0 ? line.slice(space + 1).trim() : line;
}

function arxivIdFromLinks(links: string[]): string | undefined {
  for (const link of links) {
    if (/arxiv\.org|huggingface\.co\/papers/i.test(link)) {
      const id = parseArxivId(link);
      if (id) return id;
    }
  }
  return undefined;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
