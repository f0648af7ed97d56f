// Small text helpers shared by the parsers and the library. Pure functions only.

/** Collapses runs of whitespace (wrapped lines included) into single spaces. */
export function squash(text: string): string {
  // Replacing only runs and odd whitespace keeps a megabyte of "x " single spaces fast.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

/** Removes diacritics: "García Müller" -> "Garcia Muller". */
export function foldDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** ASCII-only, diacritics folded, letters that do not decompose spelled out. */
export function toAscii(text: string): string {
  // Most titles and names are plain ASCII already: Unicode normalisation is the costly part.
  if (PRINTABLE_ASCII.test(text)) return text;
  const spelled = foldDiacritics(text)
    .replace(/[ØøÆæŒœßŁłĐđÞþ]/g, (c) => ASCII_SPELLING[c] ?? c);
  return spelled.replace(/[^\x20-\x7e]/g, '');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const ASCII_SPELLING: Record<string, string> = {
  Ø: 'O', ø: 'o', Æ: 'AE', æ: 'ae', Œ: 'OE', œ: 'oe', ß: 'ss', Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Þ: 'Th', þ: 'th',
};

/**
 * The form two titles are compared in when merging: case, accents, LaTeX markup,
 * punctuation and spacing do not make two papers different.
 */
export function normalizeTitle(title: string): string {
  // Dashes of every kind and "16 x 16" against "16x16" do not make two titles different either.
  const spaced = title.replace(/[\u2010-\u2015\u2212]/g, ' ').replace(/(\d)\s*[x×]\s*(\d)/g, '$1x$2');
  return toAscii(spaced)
    .toLowerCase()
    .replace(/\\[a-z]+\s*/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1..12 for an English month name or abbreviation ("Sept." too), else undefined. */
export function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.trim().toLowerCase().slice(0, 3));
  return index >= 0 ? index + 1 : undefined;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Builds a `YYYY[-MM[-DD]]` date from parts, rejecting impossible months and days. */
export function formatDate(year: number, month?: number, day?: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  if (month === undefined) return String(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) return String(year);
  if (day === undefined) return `${year}-${pad2(month)}`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) return `${year}-${pad2(month)}`;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * The year of a year-less "Mar 16" on a page saved at `savedAt`: the latest such date
 * not after the save. (A page saved in January that says "Dec 30" means last year.)
 */
export function yearForYearlessDate(month: number, day: number, savedAt: Date): number {
  const year = savedAt.getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, day);
  const endOfSaveDay = Date.UTC(year, savedAt.getUTCMonth(), savedAt.getUTCDate(), 23, 59, 59);
  return candidate <= endOfSaveDay ? year : year - 1;
}

/** Longer than any address a listing really holds; longer "links" are noise and skipped. */
export const MAX_LINK_LENGTH = 2048;

/** Web links in free text, without the sentence's trailing punctuation. */
export function extractLinks(text: string): string[] {
  const links = new Set<string>();
  for (const match of text.matchAll(/\bhttps?:\/\/[^\s<>"'`{}\\|]+/g)) {
    if (match[0].length > MAX_LINK_LENGTH) continue;
    const link = trimLinkEnd(match[0]);
    if (link.length > 'https://'.length) links.add(link);
  }
  return [...links];
}

const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Strips trailing punctuation that belongs to the sentence, keeping balanced brackets. */
export function trimLinkEnd(link: string): string {
  // Bracket balance is counted once, then updated as characters come off the end: linear.
  const balance: Record<string, number> = { ')': 0, ']': 0, '}': 0 };
  for (const c of link) {
    if (c in CLOSING) balance[c]!--;
    else if (c === '(' || c === '[' || c === '{') balance[c === '(' ? ')' : c === '[' ? ']' : '}']!++;
  }
  let end = link.length;
  while (end > 0) {
    const last = link[end - 1]!;
    if ('.,;:!?\'"*'.includes(last)) end--;
    else if (last in CLOSING && balance[last]! < 0) {
      balance[last]!++;
      end--;
    } else break;
  }
  return link.slice(0, end);
}

/** New-style arXiv id (2501.01234, 0704.0001) or old-style (hep-th/9901001), without version. */
const ARXIV_ID = /(?:^|[^\w./-])(?:arxiv[:\s]\s*)?(\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?![\w])/i;

/** Reads an arXiv id from an id, an `arXiv:` reference or an arxiv.org / HF papers link. */
export function parseArxivId(text: string): string | undefined {
  const link = /(?:arxiv\.org\/(?:abs|pdf|html)|huggingface\.co\/papers|alphaxiv\.org\/abs)\/([^\s?#]+?)(?:v\d+)?(?:\.pdf)?(?:[?#]|\s|$)/i.exec(text);
  const candidate = link ? link[1]! : text;
  const match = ARXIV_ID.exec(` ${candidate}`);
  return match ? match[1] : undefined;
}

/** Lower-cased DOI without `doi:` or resolver prefix, or undefined if it is not one. */
export function parseDoi(text: string): string | undefined {
  const match = /\b(10\.\d{4,9}\/[^\s"<>]+)/i.exec(text);
  if (!match) return undefined;
  return trimLinkEnd(match[1]!).toLowerCase();
}

/**
 * A DOI given as a field of its own (BibTeX `doi`, an API's `doi`): all of it, whatever
 * characters it holds, without a resolver prefix; lower-cased, as DOIs match without case.
 */
export function parseDoiField(value: string): string | undefined {
  const doi = value
    .trim()
    .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '')
    .trim();
  return /^10\.\d{4,9}\/\S/.test(doi) ? doi.toLowerCase() : parseDoi(value);
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offsets where each line starts, for many line look-ups in one text. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset, by binary search over `lineStarts`. */
export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
