// Citation keys: readable, ASCII, unique, and the same whatever order the files were read in.
import type { PaperDraft } from './paper';
import { toAscii } from '../util/text';
import { runToEnd, type Steps } from '../util/steps';

/**
 * A key template: text with placeholders.
 *   {short}   the paper's short name (SSRL in "SSRL: Self-Search ..."), else {author}
 *   {author}  the first author's family name, else {title}
 *   {title}   the first two significant words of the title
 *   {year}    the year, or nothing
 */
export const DEFAULT_KEY_TEMPLATE = '{short}{year}';

export interface KeyOptions {
  template?: string;
}

const STOP_WORDS = new Set(
  'a an and are as at by can do does for from how in into is it its of on or our the their this to towards toward via what when where which who why with without your we you not no beyond i should much many more'.split(' '),
);

/** The key a paper would get with no collision and no pinned key. */
export function baseKey(paper: PaperDraft, template = DEFAULT_KEY_TEMPLATE): string {
  const parts: Record<string, () => string> = {
    short: () => keyPart(shortName(paper.title)?.replace(/\$[^$]*\$/g, '')) || authorPart(paper),
    author: () => authorPart(paper),
    title: () => titlePart(paper.title),
    year: () => (paper.year ? String(paper.year) : ''),
  };
  const key = template.replace(/\{(\w+)\}/g, (whole, name: string) => parts[name]?.() ?? whole);
  const clean = toAscii(key).replace(/[^A-Za-z0-9_:.\-+]/g, '');
  return /^[A-Za-z0-9]/.test(clean) ? clean : `paper${clean}`;
}

/** The single word before a colon: "SSRL" in "SSRL: Self-Search Reinforcement Learning". */
export function shortName(title: string): string | undefined {
  const match = /^\s*([^\s:]{2,40}):\s/.exec(title);
  return match ? match[1] : undefined;
}

function authorPart(paper: PaperDraft): string {
  const first = paper.authors[0];
  // An organisation is not an author: "Chaining the Evidence" reads better as chainingevidence than google.
  return first ? keyPart(familyName(first)) || titlePart(paper.title) : titlePart(paper.title);
}

function titlePart(title: string): string {
  const words = toAscii(title)
    .replace(/\$[^$]*\$/g, '')
    .split(/[\s:;,.!?()[\]{}"/]+/)
    .map((word) => word.replace(/[^A-Za-z0-9]/g, '').toLowerCase())
    .filter((word) => word && !STOP_WORDS.has(word));
  return (words.slice(0, 2).join('') || 'paper').slice(0, 30);
}

/** "Ada María García" -> "García"; "Ludwig van Beethoven" -> "Beethoven". */
function familyName(displayName: string): string {
  const words = displayName.replace(/[{}]/g, '').trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return /^(jr\.?|sr\.?|ii|iii|iv)$/i.test(last) && words.length > 1 ? words[words.length - 2]! : last;
}

/** Lower-case ASCII letters and digits only: keys survive every LaTeX and Pandoc toolchain. */
function keyPart(text: string | undefined): string {
  return toAscii(text ?? '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

/** Collision suffixes a, b, ..., z, aa, ab, ... */
export function keySuffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

export interface KeyAssignment {
  keys: string[];
  /** Each paper's other keys that still cite it (an alias another paper holds as its key is not one). */
  aliases: string[][];
  /** Papers whose pinned key another paper already holds, by index. */
  conflicts: { index: number; key: string; holder: number }[];
}

/**
 * Gives every paper a unique key. Pinned keys (already written in a .bib) are honoured
 * first so that they never change; the rest are generated in `order`, which the caller
 * makes independent of file order, so the same library always yields the same keys.
 */
export function assignKeys(papers: readonly PaperDraft[], order: readonly number[], options: KeyOptions = {}): KeyAssignment {
  return runToEnd(assignKeySteps(papers, order, options));
}

/** Papers keyed between pauses when keying a step at a time: a few milliseconds' work. */
const STEP_SIZE = 1000;

/** `assignKeys` as steps (see util/steps). */
export function* assignKeySteps(papers: readonly PaperDraft[], order: readonly number[], options: KeyOptions = {}): Steps<KeyAssignment> {
  const keys = new Array<string>(papers.length);
  const taken = new Map<string, number>();
  const conflicts: KeyAssignment['conflicts'] = [];
  for (const index of order) {
    const pinned = papers[index]!.pinnedKey;
    if (!pinned) continue;
    const holder = taken.get(pinned.toLowerCase());
    if (holder === undefined) {
      taken.set(pinned.toLowerCase(), index);
      keys[index] = pinned;
    } else {
      conflicts.push({ index, key: pinned, holder });
    }
  }
  // Aliases next: a key written in a .bib keeps citing its paper, and no generated key takes it.
  const aliases = papers.map(() => [] as string[]);
  for (const index of order) {
    for (const alias of papers[index]!.aliases ?? []) {
      if (taken.has(alias.toLowerCase())) continue;
      taken.set(alias.toLowerCase(), index);
      aliases[index]!.push(alias);
    }
  }
  // Where each base's search for a free suffix got to: suffixes once taken stay taken,
  // so a base shared by thousands of papers is not searched from "a" every time.
  const nextSuffix = new Map<string, number>();
  let done = 0;
  for (const index of order) {
    if (++done % STEP_SIZE === 0) yield;
    if (keys[index]) continue;
    const base = baseKey(papers[index]!, options.template);
    const lowerBase = base.toLowerCase();
    let n = nextSuffix.get(lowerBase) ?? -1;
    let key = n < 0 ? base : base + keySuffix(n);
    while (taken.has(key.toLowerCase())) key = base + keySuffix(++n);
    nextSuffix.set(lowerBase, n);
    taken.set(key.toLowerCase(), index);
    keys[index] = key;
  }
  return { keys, aliases, conflicts };
}
