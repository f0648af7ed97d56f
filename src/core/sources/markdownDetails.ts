// Who wrote a reading-list entry and where it appeared, from the text beside its title:
// ` - A. Smith, B. Jones, NeurIPS 2024`, `*Alice Smith (MIT) et al. arXiv.*`, `*A, B.* ICLR'24`.
// These are guesses from loosely written text, so each one is only taken when it is unambiguous.
import { squash } from '../util/text';
import { cleanPart, isMonthWord, isName, isVenueText, looksLikeVenue, readDate, readNameList, readVenue, type Venue } from './markdownFields';
import { cleanInline } from './markdownInline';

export interface EntryDetails {
  authors: string[];
  /** The first author's affiliation. */
  organization?: string;
  venue?: string;
  /** A year only the venue gives, in a form `readDate` does not read (`ICLR'24`). */
  year?: number;
}

/**
 * Authors and venue from the text around a title, links already removed. An emphasised
 * author line (`*Names.* Venue'YY`) is read first: it is the most common two-line shape.
 */
export function readDetails(before: string, after: string): EntryDetails {
  const byline = readByline(after);
  if (byline) return byline;
  const affiliations = new Map<string, string>();
  const groups: Group[] = [];
  const plainAfter = pullGroups(pullAffiliations(after, affiliations), groups);
  pullGroups(before, groups);
  const venueGroup = groups.map((group) => ({ ...group, text: cleanInline(group.text) })).find(isVenueGroup);
  let found: Venue = venueGroup ? venueOf(venueGroup.text) : {};
  let authors: string[] = [];
  for (const segment of segments(plainAfter)) {
    const { names, venues } = readSegment(segment);
    if (!found.venue && !found.year && venues.length > 0) found = venueOf(venues[0]!);
    if (authors.length === 0 && names) authors = names;
  }
  return { authors, organization: authors.length > 0 ? affiliations.get(authors[0]!) : undefined, ...found };
}

/** `ICLR'24 Spotlight` -> ICLR, 2024; `NeurIPS 2022` as written, with its year; `MIR` as written. */
export function venueOf(text: string): Venue {
  const read = readVenue(text);
  return read.venue || read.year ? read : { venue: text };
}

/**
 * One run of details: its names (when every part is a name, a venue aside, or the names end
 * in "et al.") and the venues it names.
 */
function readSegment(segment: string): { names?: string[]; venues: string[] } {
  const list = readNameList(segment);
  if (list) return { names: list.names, venues: list.rest && isVenueText(list.rest) ? [list.rest] : [] };
  const parts = segment.split(/,|;|&|\band\b/).map(cleanPart).filter(Boolean);
  const venues = parts.filter((part) => isVenueText(part));
  const names = parts.filter((part) => !venues.includes(part));
  const allNames = names.length > 0 && names.every((name) => isName(name));
  return { names: allNames ? names : undefined, venues };
}

/**
 * `*Names (Affiliation) et al. Venue.* Venue'YY`: the first emphasised run of the details,
 * when it holds a list of names; undefined otherwise.
 */
export function readByline(text: string): EntryDetails | undefined {
  const emphasis = firstEmphasis(text);
  if (!emphasis) return undefined;
  const list = readNameList(cleanInline(emphasis.inner));
  if (!list) return undefined;
  // What follows the closing mark up to the next bracket: `ICLR'24 Spotlight`, `2018.`
  const tail = text.slice(emphasis.end, emphasis.end + 300).replace(/<br\s{0,3}\/?>/gi, ' ').split(/[[|<]/)[0] ?? '';
  const venue = readVenue(`${list.rest} ${tail}`);
  const year = venue.year ?? readDate(cleanInline(`${list.rest} ${tail}`))?.year;
  return { authors: list.names, organization: list.organization, venue: venue.venue, year };
}

interface Emphasis {
  inner: string;
  /** Offset just after the closing mark. */
  end: number;
}

const MAX_EMPHASIS = 2000;
const MAX_OPENINGS = 4;

/** The first `*text*` or `_text_` (not `**bold**`), looking at a few openings only. */
function firstEmphasis(text: string): Emphasis | undefined {
  let openings = 0;
  for (let i = 0; i < text.length && openings < MAX_OPENINGS; i++) {
    const mark = text[i];
    if (mark !== '*' && mark !== '_') continue;
    if (text[i + 1] === mark) {
      while (text[i + 1] === mark) i++;
      continue;
    }
    if (!opens(text, i)) continue;
    openings++;
    const close = closingMark(text, i);
    if (close >= 0) return { inner: text.slice(i + 1, close), end: close + 1 };
  }
  return undefined;
}

function opens(text: string, i: number): boolean {
  const next = text[i + 1];
  const previous = text[i - 1];
  if (next === undefined || /\s/.test(next)) return false;
  return text[i] === '*' || previous === undefined || !/[\p{L}\p{N}]/u.test(previous);
}

function closingMark(text: string, open: number): number {
  const mark = text[open]!;
  const limit = Math.min(text.length, open + MAX_EMPHASIS);
  for (let i = open + 2; i < limit; i++) {
    if (text[i] !== mark) continue;
    if (text[i + 1] === mark) return -1;
    if (/\s/.test(text[i - 1]!)) continue;
    if (mark === '_' && i + 1 < text.length && /[\p{L}\p{N}]/u.test(text[i + 1]!)) continue;
    return i;
  }
  return -1;
}

const NAME_WITH_AFFILIATION = /(\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]\p{Lu}[\p{L}\p{M}'’.-]*){0,4})[ \t]?\(([^()]{2,120})\)/gu;

/**
 * `Alice Smith (MIT)` -> `Alice Smith`, remembering MIT as her affiliation. A bracket that
 * holds a venue or a date is left where it is.
 */
function pullAffiliations(text: string, found: Map<string, string>): string {
  if (!text.includes('(')) return text;
  return text.replace(NAME_WITH_AFFILIATION, (whole, name: string, affiliation: string) => {
    const inner = squash(cleanInline(affiliation));
    if (!/\p{L}{2}/u.test(inner) || isVenueText(inner) || readDate(inner)) return whole;
    const key = squash(name);
    if (!found.has(key)) found.set(key, inner);
    return name;
  });
}

interface Group {
  bold: boolean;
  text: string;
}

/** `(arXiv 2025)` names a known venue; `**Some Workshop 2024**` is one because it is set apart in bold. */
function isVenueGroup(group: Group): boolean {
  if (looksLikeVenue(group.text) || (isVenueText(group.text) && group.text.split(' ').length <= 4)) return true;
  const words = group.text.split(' ');
  return group.bold && words.length <= 6 && /\b(19|20)\d{2}\b/.test(group.text) && words.some((word) => /\p{L}{2}/u.test(word) && !isMonthWord(word));
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
