// What a reading-list entry says besides its title: when, where, and by whom. These are
// guesses from loosely written text, so each one is only taken when it is unambiguous.
import { formatDate, monthNumber, squash } from '../util/text';
import { cleanInline, isGenericLabel } from './markdownInline';

const VENUE =
  /\b(NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|EACL|AACL|COLING|COLM|CVPR|ICCV|ECCV|WACV|AAAI|IJCAI|KDD|WWW|SIGIR|CIKM|WSDM|RecSys|TMLR|JMLR|TACL|TPAMI|IJCV|AISTATS|UAI|CoRL|ICRA|IROS|ICASSP|INTERSPEECH|Interspeech|MICCAI|SIGGRAPH|MLSys|OSDI|SOSP|NSDI|VLDB|SIGMOD|ICDE|Nature|Science|PNAS|[Aa]r[Xx]iv|bioRxiv|medRxiv|ChemRxiv|TechRxiv|SSRN|Findings|Workshop|Journal|Transactions|Conference|Proceedings|Symposium)\b/;

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const YEAR = '((?:19|20)\\d{2})';
const MONTH_WORD = new RegExp(`^${MONTH}$`, 'i');

/** "Mar", "September": a month's name alone. */
export function isMonthWord(word: string): boolean {
  return MONTH_WORD.test(word);
}
const DATE_PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => [number, number?, number?] }[] = [
  // 2025-03-14, 2025/03/14, 2025.3.14
  { pattern: new RegExp(`\\b${YEAR}([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)`), read: (m) => [Number(m[1]), Number(m[3]), Number(m[4])] },
  // 14 Mar 2025
  { pattern: new RegExp(`\\b(\\d{1,2}) ${MONTH},? ${YEAR}\\b`), read: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])] },
  // Mar 14, 2025
  { pattern: new RegExp(`\\b${MONTH} (\\d{1,2}), ${YEAR}\\b`), read: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])] },
  // 2025.1 (January), 2025.10 (October), 2025-03, 2025/03
  { pattern: new RegExp(`\\b${YEAR}[-/.](\\d{1,2})(?!\\d|\\.\\d)`), read: (m) => [Number(m[1]), Number(m[2])] },
  // Mar 2025
  { pattern: new RegExp(`\\b${MONTH},? ${YEAR}\\b`), read: (m) => [Number(m[2]), monthNumber(m[1]!)] },
  { pattern: new RegExp(`\\b${YEAR}\\b`), read: (m) => [Number(m[1])] },
];

export interface DateParts {
  date: string;
  year: number;
}

/** The most precise date the text gives, and its year. */
export function readDate(text: string): DateParts | undefined {
  for (const { pattern, read } of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = read(match);
    if (month !== undefined && (month < 1 || month > 12)) continue;
    const date = formatDate(year, month, day);
    if (date) return { date, year };
  }
  return undefined;
}

/**
 * An entry's date and year from what it says. The date: one the text gives to the month,
 * else the arXiv id's month, else the text's year or the list's tag (`[2023/07]` is when the
 * list added the paper, a guess at best). The year: the text's or the venue's, else the
 * arXiv id's, else the tag's.
 */
export function combineDates(text: DateParts | undefined, tag: DateParts | undefined, venueYear: number | undefined, arxiv: DateParts | undefined): { date?: string; year?: number } {
  const year = text?.year ?? venueYear ?? arxiv?.year ?? tag?.year;
  if (arxiv) return { date: text && text.date.length > 4 ? text.date : arxiv.date, year };
  if (tag && (!text || (tag.year === text.year && tag.date.length > text.date.length))) return { date: tag.date, year };
  return { date: text?.date ?? (venueYear !== undefined ? String(venueYear) : undefined), year };
}

export function looksLikeVenue(text: string): boolean {
  const words = text.split(' ').length;
  return VENUE.test(text) && (/\b(19|20)\d{2}\b/.test(text) || words <= 3);
}

/** `ICLR'24`, `NeurIPS’23`: a venue with the last two digits of its year. */
const SHORT_YEAR = /(?:^|[^\p{L}\p{N}])(\p{L}[\p{L}\p{N}&-]{0,30})['’](\d{2})(?!\d)/u;

/** Words that say when or how a paper appeared, not where: no venue of their own. */
const NOT_A_VENUE = /^(pre-?print|arxiv preprint|technical report|tech\.? report|report|blog|online|unpublished|manuscript|under review|submitted)$/i;

export interface Venue {
  venue?: string;
  year?: number;
}

/**
 * The venue a details text names, and its year: `ICLR'24 Spotlight` -> ICLR, 2024;
 * `EMNLP'24 findings` -> EMNLP Findings; `arXiv.` -> arXiv; `NeurIPS 2022` as written.
 * Honours (Spotlight, Oral) and "Preprint" are no part of a venue.
 */
export function readVenue(raw: string): Venue {
  // Honours in brackets go; other brackets are part of the name: `EMNLP (Findings)`.
  const text = squash(cleanInline(raw).replace(/\(\s*(spotlight|oral|poster|highlight|best[^()]{0,40})\s*\)/gi, ' ').replace(/[()]/g, ' '));
  const short = SHORT_YEAR.exec(text);
  if (short) {
    const yy = Number(short[2]);
    const year = yy < 50 ? 2000 + yy : 1900 + yy;
    const before = text.slice(0, short.index + short[0].length - short[1]!.length - 3).trim();
    const after = text.slice(short.index + short[0].length).trim();
    if (/\b(submitted|under review|rejected)\b/i.test(before)) return { year };
    return { venue: venueName(short[1]!, before, after), year };
  }
  for (const part of text.split(/[|;]|\.(?:\s|$)/)) {
    const candidate = tidyVenue(part);
    const compact = compactVenue(candidate);
    if (compact) return compact;
    if (candidate && looksLikeVenue(candidate)) return { venue: candidate, year: readDate(candidate)?.year };
  }
  return {};
}

/** `NIPS22`, `arXiv24`: a known venue run together with its year's last two digits. */
function compactVenue(text: string): Venue | undefined {
  const match = /^(\p{L}+)(\d{2})$/u.exec(text);
  if (!match || !VENUE.test(match[1]!)) return undefined;
  const yy = Number(match[2]);
  return { venue: /^arxiv$/i.test(match[1]!) ? 'arXiv' : match[1], year: yy < 50 ? 2000 + yy : 1900 + yy };
}

/** `EMNLP` with what follows it: "Findings" and a named workshop belong to the venue. */
function venueName(name: string, before: string, after: string): string | undefined {
  const base = /^arxiv$/i.test(name) ? 'arXiv' : name;
  if (NOT_A_VENUE.test(base)) return undefined;
  if (/^findings\b/i.test(after)) return `${base} Findings`;
  const workshopAfter = /^((?:\p{L}[\p{L}\p{N}-]*\s)?workshop)\b/iu.exec(after);
  if (workshopAfter) return `${workshopAfter[1]} at ${base}`;
  const workshopBefore = /(\p{L}[\p{L}\p{N}-]*\sworkshop)\s(?:at|@)$/iu.exec(before);
  if (workshopBefore) return `${workshopBefore[1]} at ${base}`;
  return base;
}

function tidyVenue(text: string): string {
  return squash(text).replace(/^[\s,:-]+|[\s,.:]+$/g, '');
}

/** A venue written on its own, with nothing else around it: `arXiv.`, `NeurIPS 2022`. */
export function isVenueText(text: string): boolean {
  const tidy = tidyVenue(cleanInline(text));
  return tidy !== '' && (looksLikeVenue(tidy) || SHORT_YEAR.test(tidy)) && tidy.split(' ').length <= 6;
}

export interface NameList {
  names: string[];
  /** The first author's affiliation, from `Alice Smith (MIT)`. */
  organization?: string;
  /** The list ends in "et al.": the paper has more authors than it names. */
  truncated: boolean;
  /** What came after the names: `arXiv.` in `A. Smith et al. arXiv.` */
  rest: string;
}

const ET_AL = /\bet\.?\s?al\b\.?/i;

/**
 * Reads `Alice Smith (MIT), Bob Jones et al. arXiv.` as names, the first one's affiliation
 * and what follows; undefined when any part is not a name (a sentence, a venue, a title).
 */
export function readNameList(raw: string): NameList | undefined {
  const text = squash(raw);
  const etAl = ET_AL.exec(text);
  const namesEnd = etAl ? etAl.index : sentenceEnd(text);
  const rest = etAl ? text.slice(etAl.index + etAl[0].length) : text.slice(namesEnd);
  const names: string[] = [];
  let organization: string | undefined;
  for (const part of text.slice(0, namesEnd).split(/,|;|&|\band\b/)) {
    const affiliation = /\s?\(([^()]{1,120})\)/.exec(part);
    const name = cleanPart(affiliation ? part.replace(affiliation[0], ' ') : part);
    if (!name) continue;
    if (!isName(name)) return undefined;
    if (names.length === 0 && affiliation) organization = squash(affiliation[1]!) || undefined;
    if (!names.includes(name)) names.push(name);
  }
  if (names.length === 0) return undefined;
  return { names, organization, truncated: etAl !== null, rest: squash(rest) };
}

/** Where the first sentence of `text` ends: a full stop after a word, not after an initial. */
function sentenceEnd(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '.' || (i + 1 < text.length && text[i + 1] !== ' ')) continue;
    let w = i;
    while (w > 0 && i - w < 3 && /\p{L}/u.test(text[w - 1]!)) w--;
    if (i - w > 2) return i + 1;
  }
  return text.length;
}

/** An authors cell: "A. Smith, B. Jones and C. Lee et al." -> the names. */
export function splitNames(text: string): string[] {
  const names: string[] = [];
  const etAl = ET_AL.exec(text);
  for (const part of (etAl ? text.slice(0, etAl.index) : text).split(/,|;|&|\band\b/)) {
    const name = cleanPart(part);
    if (name && !/^et al\.?$/.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

export function cleanPart(part: string): string {
  const text = cleanInline(part).replace(/^(by|and) /i, '').replace(/ ?\bet al\.?$/, '');
  let start = 0;
  let end = text.length;
  while (start < end && ' .:-'.includes(text[start]!)) start++;
  while (end > start && ' :-'.includes(text[end - 1]!)) end--;
  // "Smith." loses its full stop, the initial in "Smith, J." keeps it.
  if (text[end - 1] === '.' && end - start > 2 && /\p{L}{2}\.$/u.test(text.slice(end - 3, end))) end--;
  return text.slice(start, end).trim();
}

const PARTICLE = /^(van|von|der|den|de|del|della|di|da|du|dos|das|le|la|bin|ibn|al|el|y|ter|ten|zu)$/;

/** "A. Smith", "Alice B. Smith", "Jean-Luc van der Berg", "王小明"; not "Survey" or "ICLR 2025". */
export function isName(part: string): boolean {
  // "Project Page" or "Code Available" is a button's words in capitals, not a person.
  if (part.length > 60 || /\d/.test(part) || isGenericLabel(part)) return false;
  const tokens = part.split(' ');
  if (tokens.length === 1) return /^\p{Lo}{2,}$/u.test(part);
  if (tokens.length > 6) return false;
  return tokens.every((token) => PARTICLE.test(token) || /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(token));
}
