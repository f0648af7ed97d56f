// What each paper says, reduced to how strongly it uses each candidate phrase.
// Built once per computation; topic selection and nested topics only read it.
import type { Paper } from '../paper';
import { ARXIV_CATEGORIES, COMMON_ACRONYMS, LEXICON } from './lexicon';
import { acronymDefinitions, asciiText, headingWords } from './phrases';
import { Vocabulary, type Acronyms } from './vocabulary';
import { GENERIC_PHRASES } from './words';

/** A phrase in the title or among the listing's keywords says what the paper is about. */
export const TITLE_HIT = 4;
/** Each mention in the abstract adds one, up to this many. */
const MAX_ABSTRACT_HITS = 3;

/** The phrases that survive pruning, numbered 0..count-1, so per-topic arrays stay small. */
export class PhraseTable {
  readonly count: number;
  private readonly wordCounts: Uint8Array;
  private readonly dense = new Map<number, number>();

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly original: Int32Array,
  ) {
    this.count = original.length;
    this.wordCounts = new Uint8Array(original.length);
    original.forEach((id, phrase) => {
      this.dense.set(id, phrase);
      this.wordCounts[phrase] = vocabulary.wordsIn(id);
    });
  }

  /** The phrase spelled out, normalised: "monte carlo tree search". */
  text(phrase: number): string {
    return this.vocabulary.text(this.original[phrase]!);
  }

  words(phrase: number): number {
    return this.wordCounts[phrase]!;
  }

  /** A normalised phrase's number, if papers share it. */
  find(text: string): number | undefined {
    const id = this.vocabulary.find(text);
    return id === undefined ? undefined : this.dense.get(id);
  }

  /** The phrase without its last word, if papers share that too. */
  head(phrase: number): number | undefined {
    const id = this.vocabulary.head(this.original[phrase]!);
    return id === undefined ? undefined : this.dense.get(id);
  }
}

export interface PaperIndex {
  /** The papers, sorted by key: input order never changes the outcome. */
  papers: readonly Paper[];
  table: PhraseTable;
  /** Per paper: the phrases it uses and, in the same order, how strongly. */
  phrases: readonly Int32Array[];
  strengths: readonly Uint8Array[];
  /** Same order: 1 where the paper is about the phrase (see isAbout), else 0. */
  about: readonly Uint8Array[];
  acronyms: Acronyms;
  /** Whole keywords (Markdown headings, BibTeX keywords, arXiv categories by name) -> as written. */
  hints: ReadonlyMap<number, string>;
  /** Those that are the listing's own words (not arXiv categories, which are broad fields). */
  headings: ReadonlySet<number>;
}

/**
 * Whether a paper is about a phrase: one mention of a specific phrase ("knowledge
 * boundary") says more than one of a single word ("query"), which needs two.
 * (Stored per entry in `PaperIndex.about`; hot loops read that.)
 */
function isAbout(words: number, strength: number): boolean {
  return strength >= 2 || (strength >= 1 && words > 1);
}

export function buildIndex(papers: readonly Paper[]): PaperIndex {
  const sorted = [...papers].sort((a, b) => compare(a.key, b.key) || compare(a.title, b.title));
  const acronyms = libraryAcronyms(sorted);
  const vocabulary = new Vocabulary(acronyms);
  const hints = new Map<number, string>();
  const headings = new Set<number>();
  // Scratch space shared by all papers: which paper last used a phrase, and where its
  // entry is in this paper's lists (typed and reused: 10,000 papers make no garbage here).
  let lastPaper = new Int32Array(1 << 16).fill(-1);
  let slot = new Int32Array(1 << 16);
  let ids = new Int32Array(1024);
  let titled = new Uint8Array(1024);
  let mentions = new Uint16Array(1024);
  let used = 0;
  const codes: number[] = [];
  // Every paper's entries, one after another: a few large buffers rather than one small
  // array per paper keeps the garbage collector out of the way.
  const all = new Entries();
  let doc = 0;

  const entry = (phrase: number): number => {
    if (phrase >= lastPaper.length) {
      const grownLast = new Int32Array(Math.max(lastPaper.length * 2, phrase + 1)).fill(-1);
      grownLast.set(lastPaper);
      const grownSlot = new Int32Array(grownLast.length);
      grownSlot.set(slot);
      lastPaper = grownLast;
      slot = grownSlot;
    }
    if (lastPaper[phrase] === doc) return slot[phrase]!;
    if (used === ids.length) {
      ids = grow(ids, new Int32Array(used * 2));
      titled = grow(titled, new Uint8Array(used * 2));
      mentions = grow(mentions, new Uint16Array(used * 2));
    }
    lastPaper[phrase] = doc;
    slot[phrase] = used;
    ids[used] = phrase;
    titled[used] = 0;
    mentions[used] = 0;
    return used++;
  };
  const inHeadline = (phrase: number): void => {
    titled[entry(phrase)] = TITLE_HIT;
  };
  const inAbstract = (phrase: number): void => {
    mentions[entry(phrase)]++;
  };

  for (; doc < sorted.length; doc++) {
    const paper = sorted[doc]!;
    used = 0;
    codes.length = 0;
    vocabulary.encode(asciiText(paper.title), codes);
    for (const keyword of paper.keywords) {
      const field = ARXIV_CATEGORIES.get(keyword.trim().toLowerCase());
      const text = field ?? keyword;
      vocabulary.encode(asciiText(text), codes);
      const whole = vocabulary.internWords(headingWords(text, acronyms).slice(0, 6));
      if (whole !== undefined) {
        inHeadline(whole);
        if (!hints.has(whole)) hints.set(whole, text.trim());
        if (!field) headings.add(whole);
      }
    }
    vocabulary.eachPhrase(codes, inHeadline);
    if (paper.abstract) {
      codes.length = 0;
      vocabulary.encode(asciiText(paper.abstract), codes);
      vocabulary.eachPhrase(codes, inAbstract);
    }
    for (let k = 0; k < used; k++) all.add(ids[k]!, titled[k]! + Math.min(mentions[k]!, MAX_ABSTRACT_HITS));
    all.endPaper();
  }
  return compact(sorted, vocabulary, all, acronyms, hints, headings);
}

/** Phrase ids and strengths of all papers in growing typed buffers, with where each paper starts. */
class Entries {
  phrases = new Int32Array(1 << 16);
  strengths = new Uint8Array(1 << 16);
  length = 0;
  readonly starts: number[] = [0];

  add(phrase: number, strength: number): void {
    if (this.length === this.phrases.length) {
      this.phrases = grow(this.phrases, new Int32Array(this.length * 2));
      this.strengths = grow(this.strengths, new Uint8Array(this.length * 2));
    }
    this.phrases[this.length] = phrase;
    this.strengths[this.length++] = strength;
  }

  endPaper(): void {
    this.starts.push(this.length);
  }
}

/**
 * Keeps only what can matter: phrases a paper is about that at least one other paper is
 * about too (most phrases occur once in a library), and every lexicon or heading phrase.
 * Later passes, run once per topic and nested topic, then read a fraction of the entries.
 */
function compact(papers: readonly Paper[], vocabulary: Vocabulary, all: Entries, acronyms: Acronyms, allHints: Map<number, string>, allHeadings: Set<number>): PaperIndex {
  const about = new Uint8Array(vocabulary.phraseCount);
  for (let e = 0; e < all.length; e++) {
    const id = all.phrases[e]!;
    if (about[id]! < 2 && isAbout(vocabulary.wordsIn(id), all.strengths[e]!)) about[id]!++;
  }
  for (const text of GENERIC_PHRASES) {
    const id = vocabulary.find(text);
    if (id !== undefined) about[id] = 0;
  }
  for (const id of lexiconPhrases(vocabulary)) about[id] = 2;
  for (const id of allHints.keys()) about[id] = 2;
  const dense = new Int32Array(vocabulary.phraseCount).fill(-1);
  const original: number[] = [];
  for (let id = 0; id < about.length; id++) {
    if (about[id] !== 2) continue;
    dense[id] = original.length;
    original.push(id);
  }
  const table = new PhraseTable(vocabulary, Int32Array.from(original));
  let kept = 0;
  for (let e = 0; e < all.length; e++) if (dense[all.phrases[e]!]! >= 0) kept++;
  const keptPhrases = new Int32Array(kept);
  const keptStrengths = new Uint8Array(kept);
  const keptAbout = new Uint8Array(kept);
  const phrases: Int32Array[] = [];
  const strengths: Uint8Array[] = [];
  const aboutFlags: Uint8Array[] = [];
  let at = 0;
  for (let doc = 0; doc < papers.length; doc++) {
    const start = at;
    for (let e = all.starts[doc]!; e < all.starts[doc + 1]!; e++) {
      const phrase = dense[all.phrases[e]!]!;
      if (phrase < 0) continue;
      keptPhrases[at] = phrase;
      keptStrengths[at] = all.strengths[e]!;
      keptAbout[at++] = isAbout(table.words(phrase), all.strengths[e]!) ? 1 : 0;
    }
    // Views into the three buffers: one object per paper, no memory of their own.
    phrases.push(keptPhrases.subarray(start, at));
    strengths.push(keptStrengths.subarray(start, at));
    aboutFlags.push(keptAbout.subarray(start, at));
  }
  const hints = new Map([...allHints].map(([id, text]) => [dense[id]!, text]));
  const headings = new Set([...allHeadings].map((id) => dense[id]!));
  return { papers, table, phrases, strengths, about: aboutFlags, acronyms, hints, headings };
}

function lexiconPhrases(vocabulary: Vocabulary): number[] {
  return LEXICON.flatMap((concept) => concept.phrases.map((p) => vocabulary.find(p)).filter((id): id is number => id !== undefined));
}

function grow<T extends Int32Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * The long form of each acronym the library defines, the most common one where papers
 * disagree; common acronyms nobody defines keep their usual meaning.
 */
function libraryAcronyms(papers: readonly Paper[]): Acronyms {
  const votes = new Map<string, Map<string, number>>();
  for (const paper of papers) {
    for (const [acronym, long] of acronymDefinitions(`${paper.title}\n${paper.abstract ?? ''}`)) {
      const forms = votes.get(acronym) ?? new Map<string, number>();
      const form = long.toLowerCase();
      forms.set(form, (forms.get(form) ?? 0) + 1);
      votes.set(acronym, forms);
    }
  }
  const acronyms = new Map(COMMON_ACRONYMS);
  for (const [acronym, forms] of votes) {
    // The usual meaning counts as one and a half votes: one odd definition does not win.
    const usual = COMMON_ACRONYMS.get(acronym);
    if (usual) forms.set(usual, (forms.get(usual) ?? 0) + 1.5);
    const best = [...forms].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0]!;
    acronyms.set(acronym, best[0]);
  }
  return acronyms;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
