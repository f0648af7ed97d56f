// Phrases at the level of text: acronym definitions a library makes, how a phrase
// is written (for labels), and the words of a heading. The hot path is in vocabulary.ts.
import { toAscii } from '../util/text';
import { acronymKey, isAcronymShaped, singular, type Acronyms } from './vocabulary';
import { STOP } from './words';

/** ASCII text, paying for Unicode normalisation only when there is something to fold. */
export function asciiText(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? toAscii(text) : text;
}

/** The words of a heading or keyword, normalised, stop words kept ("search and planning"). */
export function headingWords(text: string, acronyms: Acronyms): string[] {
  const words: string[] = [];
  for (const match of asciiText(text).matchAll(/[A-Za-z]+/g)) {
    const raw = match[0];
    const long = isAcronymShaped(raw) ? acronyms.get(acronymKey(raw)) : undefined;
    for (const part of long ? long.split(/[\s-]+/) : [raw]) {
      const lower = part.toLowerCase();
      if (lower.length > 1) words.push(singular(lower));
    }
  }
  return words;
}

interface Located {
  norm: string;
  start: number;
  end: number;
  /** Part of an acronym's long form: not written like this in the text. */
  expanded?: string;
}

/**
 * How a phrase is written in this text ("Monte Carlo Tree Search" for
 * "monte carlo tree search"), or undefined if it does not occur.
 */
export function surfaceForm(text: string, phrase: string, acronyms: Acronyms, spelledOut = true): string | undefined {
  const ascii = asciiText(text);
  const target = phrase.split(' ');
  // Written as is, a word of the phrase shows in the text, a plural ending aside ("queries"
  // for "query"): most texts, and most of their words, can be passed over unread.
  const stems = target.map((word) => word.slice(0, Math.max(1, word.length - 1)));
  if (!spelledOut && !containsLoosely(ascii, stems[0]!)) return undefined;
  const located: Located[] = [];
  const length = ascii.length;
  const n = target.length;
  // As written beats as spelled out from an acronym ("multi-hop questions", not "multi hop
  // question" from "multi-hop QA"): the first match as written ends the reading.
  let expanded: string | undefined;
  for (let i = 0; i < length; ) {
    if (!isLetter(ascii.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let capitals = 0;
    for (; i < length && isLetter(ascii.charCodeAt(i)); i++) if (ascii.charCodeAt(i) <= 90) capitals++;
    const before = located.length;
    const long = capitals >= 2 && i - start <= 10 ? acronyms.get(acronymKey(ascii.slice(start, i))) : undefined;
    if (long) for (const part of long.split(/[\s-]+/)) located.push({ norm: singular(part.toLowerCase()), start, end: i, expanded: part });
    else if (startsWithAny(ascii, start, i, stems)) located.push({ norm: singular(ascii.slice(start, i).toLowerCase()), start, end: i });
    else located.push(GAP);
    // Every span that ends with the words just read.
    for (let first = Math.max(0, before - n + 1); first + n <= located.length; first++) {
      if (located[first]!.norm !== target[0]) continue;
      const span = located.slice(first, first + n);
      if (!span.every((token, k) => token.norm === target[k])) continue;
      const joined = span.every((token, k) => k === 0 || token.expanded || /^[\s\-'\u2019]*$/.test(ascii.slice(span[k - 1]!.end, token.start)));
      if (!joined) continue;
      if (!span.some((token) => token.expanded)) return ascii.slice(span[0]!.start, span[n - 1]!.end).replace(/\s+/g, ' ');
      expanded ??= span.map((token) => token.expanded ?? ascii.slice(token.start, token.end)).join(' ');
    }
  }
  return spelledOut ? expanded : undefined;
}

/** A word that is none of the phrase's words: no string is made for it. */
const GAP: Located = { norm: '', start: -1, end: -1 };

function isLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

function startsWithAny(text: string, start: number, end: number, stems: readonly string[]): boolean {
  for (const stem of stems) if (startsLoosely(text, start, end, stem)) return true;
  return false;
}

/** Whether text[start, end) begins with `stem` (lower case), in any case. */
function startsLoosely(text: string, start: number, end: number, stem: string): boolean {
  if (end - start < stem.length) return false;
  for (let k = 0; k < stem.length; k++) if ((text.charCodeAt(start + k) | 32) !== stem.charCodeAt(k)) return false;
  return true;
}

/** Whether `lower` (lower case) occurs in the text in any case. */
function containsLoosely(text: string, lower: string): boolean {
  return new RegExp(lower.replace(/[^a-z0-9]/g, ''), 'i').test(text);
}

const BRACKETED = /\(\s*([A-Za-z]{2,10})\s*\)/g;

/**
 * Acronyms a text defines, "Monte Carlo Tree Search (MCTS)" style: the letters must be
 * the initials of the words before the bracket (stop words may be skipped).
 */
export function acronymDefinitions(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const ascii = asciiText(text);
  BRACKETED.lastIndex = 0;
  for (let match = BRACKETED.exec(ascii); match; match = BRACKETED.exec(ascii)) {
    const acronym = match[1]!;
    if (!isAcronymShaped(acronym)) continue;
    const key = acronymKey(acronym);
    const before = wordsBefore(ascii, match.index, 12);
    const start = initialsStart(key, before);
    if (start === undefined || before.length - start < 2) continue;
    found.push([key, before.slice(start).join(' ')]);
  }
  return found;
}

/** Up to `max` words that end right before `end`, back to any punctuation. */
function wordsBefore(text: string, end: number, max: number): string[] {
  const words: string[] = [];
  let i = end - 1;
  while (words.length < max) {
    while (i >= 0 && /[\s-]/.test(text[i]!)) i--;
    const stop = i;
    while (i >= 0 && /[A-Za-z]/.test(text[i]!)) i--;
    if (stop === i) break;
    words.unshift(text.slice(i + 1, stop + 1));
  }
  return words;
}

/** Index of the first word whose initials spell `letters`, reading backwards. */
function initialsStart(letters: string, words: readonly string[]): number | undefined {
  let li = letters.length - 1;
  let wi = words.length - 1;
  while (li >= 0 && wi >= 0) {
    const word = words[wi]!.toLowerCase();
    if (word[0] === letters[li]) {
      li--;
      wi--;
    } else if ((STOP.has(word) || word === 'of') && li < letters.length - 1) {
      wi--;
    } else {
      return undefined;
    }
  }
  return li < 0 ? wi + 1 : undefined;
}
