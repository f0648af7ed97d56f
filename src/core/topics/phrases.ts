// Phrases at the level of text: acronym definitions a library makes, how a phrase
// is written (for labels), and the words of a heading. The hot path is in vocabulary.ts.
import { toAscii } from '../text';
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
  const located: Located[] = [];
  for (const match of ascii.matchAll(/[A-Za-z]+/g)) {
    const raw = match[0];
    const start = match.index;
    const long = isAcronymShaped(raw) ? acronyms.get(acronymKey(raw)) : undefined;
    if (long) for (const part of long.split(/[\s-]+/)) located.push({ norm: singular(part.toLowerCase()), start, end: start + raw.length, expanded: part });
    else located.push({ norm: singular(raw.toLowerCase()), start, end: start + raw.length });
  }
  // As written beats as spelled out from an acronym ("multi-hop questions", not "multi hop question" from "multi-hop QA").
  let expanded: string | undefined;
  for (let i = 0; i + target.length <= located.length; i++) {
    const span = located.slice(i, i + target.length);
    if (!span.every((token, k) => token.norm === target[k])) continue;
    const joined = span.every((token, k) => k === 0 || token.expanded || /^[\s\-'\u2019]*$/.test(ascii.slice(span[k - 1]!.end, token.start)));
    if (!joined) continue;
    if (!span.some((token) => token.expanded)) return ascii.slice(span[0]!.start, span[span.length - 1]!.end).replace(/\s+/g, ' ');
    expanded ??= span.map((token) => token.expanded ?? ascii.slice(token.start, token.end)).join(' ');
  }
  return spelledOut ? expanded : undefined;
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
    while (i >= 0 && /[\s\-]/.test(text[i]!)) i--;
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
