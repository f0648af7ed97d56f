// What a reading-list entry says besides its title: when, where, and by whom. These are
// guesses from loosely written text, so each one is only taken when it is unambiguous.
import { formatDate, monthNumber, squash } from '../text';
import { cleanInline } from './markdownInline';

const VENUE =
  /\b(NeurIPS|NIPS|ICML|ICLR|ACL|EMNLP|NAACL|EACL|AACL|COLING|COLM|CVPR|ICCV|ECCV|WACV|AAAI|IJCAI|KDD|WWW|SIGIR|CIKM|WSDM|RecSys|TMLR|JMLR|TACL|TPAMI|IJCV|AISTATS|UAI|CoRL|ICRA|IROS|ICASSP|INTERSPEECH|Interspeech|MICCAI|SIGGRAPH|MLSys|OSDI|SOSP|NSDI|VLDB|SIGMOD|ICDE|Nature|Science|PNAS|[Aa]r[Xx]iv|Findings|Workshop|Journal|Transactions|Conference|Proceedings|Symposium)\b/;

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const YEAR = '((?:19|20)\\d{2})';
const MONTH_WORD = new RegExp(`^${MONTH}$`, 'i');
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

/** The most precise date the text gives, and its year. */
export function readDate(text: string): { date: string; year: number } | undefined {
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

export function looksLikeVenue(text: string): boolean {
  const words = text.split(' ').length;
  return VENUE.test(text) && (/\b(19|20)\d{2}\b/.test(text) || words <= 3);
}

export interface EntryDetails {
  authors: string[];
  venue?: string;
}

/**
 * Authors and venue from the text around a title, links already removed:
 * ` - A. Smith, B. Jones, NeurIPS 2024`, `. Alice Smith and Bob Jones. (arXiv 2025)`, `**ICLR 2025**`.
 */
export function readDetails(before: string, after: string): EntryDetails {
  const groups: Group[] = [];
  const plainAfter = pullGroups(after, groups);
  pullGroups(before, groups);
  let venue = groups.map((group) => ({ ...group, text: cleanInline(group.text) })).find(isVenueGroup)?.text;
  let authors: string[] = [];
  for (const segment of segments(plainAfter)) {
    const parts = segment.split(/,|;|&|\band\b/).map(cleanPart).filter(Boolean);
    const venueParts = parts.filter((part) => looksLikeVenue(part));
    const names = parts.filter((part) => !venueParts.includes(part) && isName(part));
    if (!venue && venueParts.length > 0) venue = venueParts[0];
    if (authors.length === 0 && names.length > 0 && names.length + venueParts.length === parts.length) authors = names;
  }
  return { authors, venue };
}

interface Group {
  bold: boolean;
  text: string;
}

/** `(arXiv 2025)` names a known venue; `**Some Workshop 2024**` is one because it is set apart in bold. */
function isVenueGroup(group: Group): boolean {
  if (looksLikeVenue(group.text)) return true;
  const words = group.text.split(' ');
  return group.bold && words.length <= 6 && /\b(19|20)\d{2}\b/.test(group.text) && words.some((word) => /\p{L}{2}/u.test(word) && !MONTH_WORD.test(word));
}

/**
 * Moves `**bold**`, `(parenthesised)` and `[bracketed]` groups out of `s` into `groups`,
 * leaving a `|` where each was. Each search resumes past the last, so it stays linear.
 */
function pullGroups(s: string, groups: Group[]): string {
  const kept: string[] = [];
  let from = 0;
  let i = 0;
  const exhausted = new Set<string>();
  while (i < s.length) {
    const close = s.startsWith('**', i) ? '**' : s[i] === '(' ? ')' : s[i] === '[' ? ']' : undefined;
    const end = close && !exhausted.has(close) ? s.indexOf(close, i + close.length) : -1;
    if (close && end < 0) exhausted.add(close);
    if (!close || end < 0) {
      i++;
      continue;
    }
    groups.push({ bold: close === '**', text: s.slice(i + close.length, end) });
    kept.push(s.slice(from, i));
    i = end + close.length;
    from = i;
  }
  kept.push(s.slice(from));
  return kept.join(' | ');
}

/** Splits at ` - `, `|`, `<br>` and at full stops that end a word (not an initial or "al."). */
function segments(s: string): string[] {
  const marked = s.replace(/<br\s{0,3}\/?>/gi, ' | ').replace(/ [-–—] /g, ' | ');
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i];
    let cut = c === '|';
    if (c === '.' && (i + 1 === marked.length || marked[i + 1] === ' ')) {
      let w = i;
      while (w > 0 && i - w < 3 && /\p{L}/u.test(marked[w - 1]!)) w--;
      cut = i - w > 2;
    }
    if (cut) {
      out.push(marked.slice(from, i));
      from = i + 1;
    }
  }
  out.push(marked.slice(from));
  return out.map((segment) => squash(segment)).filter(Boolean);
}

/** An authors cell: "A. Smith, B. Jones and C. Lee et al." -> the names. */
export function splitNames(text: string): string[] {
  const names: string[] = [];
  for (const part of text.split(/,|;|&|\band\b/)) {
    const name = cleanPart(part);
    if (name && !/^et al\.?$/.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

function cleanPart(part: string): string {
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
  if (part.length > 60 || /\d/.test(part)) return false;
  const tokens = part.split(' ');
  if (tokens.length === 1) return /^\p{Lo}{2,}$/u.test(part);
  if (tokens.length > 6) return false;
  return tokens.every((token) => PARTICLE.test(token) || /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(token));
}
