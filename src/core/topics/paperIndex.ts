// What each paper says, reduced to how strongly it uses each candidate phrase.
// Built once per computation; topic selection and nested topics only read it.
import type { Paper } from '../paper/paper';
import { ARXIV_CATEGORIES, COMMON_ACRONYMS, LEXICON } from './lexicon';
import { IntList } from '../util/intList';
import { inChunks, runToEnd, sortSteps, type Steps } from '../util/steps';
import { SharedEntries } from './sharedEntries';
import { acronymDefinitions, headingWords } from './phrases';
import { Vocabulary, type Acronyms } from './vocabulary';
import { GENERIC_PHRASES } from './words';
import { headingSubject } from './labels';

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
  /**
   * Per paper: the shared phrases it is about and, in the same order, how strongly; for
   * lexicon phrases, passing mentions too (a concept adds them up).
   */
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

/** Papers read between pauses: a few milliseconds' work. */
const PAPER_STEP = 256;

export function buildIndex(papers: readonly Paper[]): PaperIndex {
  return runToEnd(buildIndexSteps(papers));
}

export function* buildIndexSteps(papers: readonly Paper[]): Steps<PaperIndex> {
  const sorted = yield* sortSteps(papers, (a, b) => compare(a.key, b.key) || compare(a.title, b.title));
  const acronyms = yield* libraryAcronyms(sorted);
  const vocabulary = new Vocabulary(acronyms, expectedPhrases(sorted));
  // Lexicon phrases are numbered first, so whether a phrase is one is a flag to read.
  const lexicon = lexiconPhrases(vocabulary);
  const always = new Uint8Array(vocabulary.phraseCount);
  for (const id of lexicon) always[id] = 1;
  const entries = new SharedEntries(always);
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
  const codes = new IntList();
  const found = new IntList();

  /** Adds the phrases in `found` to this paper's entries: a title hit, or one more mention. */
  const record = (doc: number, headline: boolean): void => {
    if (vocabulary.phraseCount > lastPaper.length) {
      const size = Math.max(lastPaper.length * 2, vocabulary.phraseCount);
      lastPaper = grow(lastPaper, new Int32Array(size).fill(-1));
      slot = grow(slot, new Int32Array(size));
    }
    const list = found.data;
    for (let k = 0; k < found.length; k++) {
      const phrase = list[k]!;
      let at: number;
      if (lastPaper[phrase] === doc) at = slot[phrase]!;
      else {
        if (used === ids.length) {
          ids = grow(ids, new Int32Array(used * 2));
          titled = grow(titled, new Uint8Array(used * 2));
          mentions = grow(mentions, new Uint16Array(used * 2));
        }
        at = used++;
        lastPaper[phrase] = doc;
        slot[phrase] = at;
        ids[at] = phrase;
        titled[at] = 0;
        mentions[at] = 0;
      }
      if (headline) titled[at] = TITLE_HIT;
      else mentions[at]++;
    }
    found.length = 0;
  };

  const read = (doc: number): void => {
    const paper = sorted[doc]!;
    used = 0;
    codes.length = 0;
    vocabulary.encode(withoutName(paper.title), codes);
    for (const keyword of paper.keywords) {
      const field = ARXIV_CATEGORIES.get(keyword.trim().toLowerCase());
      const text = field ?? keyword;
      vocabulary.encode(text, codes);
      // A section of a reading list ("Methods") or a venue is no subject: its words still
      // count, but it is not offered as a topic's name.
      const subject = headingSubject(text);
      const whole = subject === undefined ? undefined : vocabulary.internWords(headingWords(subject, acronyms));
      if (whole !== undefined) {
        found.push(whole);
        if (!hints.has(whole)) hints.set(whole, subject!);
        if (!field) headings.add(whole);
      }
    }
    vocabulary.phrasesIn(codes, found);
    record(doc, true);
    if (paper.abstract) {
      codes.length = 0;
      vocabulary.encode(paper.abstract, codes);
      vocabulary.phrasesIn(codes, found);
      record(doc, false);
    }
    entries.reserve(vocabulary.phraseCount);
    for (let k = 0; k < used; k++) {
      const strength = titled[k]! + Math.min(mentions[k]!, MAX_ABSTRACT_HITS);
      entries.add(doc, ids[k]!, strength, isAbout(vocabulary.wordsIn(ids[k]!), strength));
    }
    entries.endPaper();
  };
  yield* inChunks(sorted.length, PAPER_STEP, (from, to) => {
    for (let doc = from; doc < to; doc++) read(doc);
  });
  return yield* compact(sorted, vocabulary, entries, lexicon, acronyms, hints, headings);
}

/**
 * A title without the name its paper gives itself ("Search-R1: Training LLMs to ..."):
 * one word before a colon names this paper only, and a name part many papers share
 * ("-Lite", "-Zero") is a naming habit, not a subject.
 */
function withoutName(title: string): string {
  const colon = title.indexOf(':');
  if (colon <= 0) return title;
  const name = title.slice(0, colon).trim();
  return name && !/\s/.test(name) ? title.slice(colon + 1) : title;
}

/**
 * A first size for the phrase table: one distinct phrase per 400 characters of text, as
 * in repetitive text; varied abstracts have one per twenty or so, and the table grows to
 * fit them. Sized for the worst case, a table too large for the cache costs more in
 * missed reads (every phrase of every text is looked up) than growing it does.
 */
function expectedPhrases(papers: readonly Paper[]): number {
  let characters = 0;
  for (const paper of papers) characters += paper.title.length + (paper.abstract?.length ?? 0);
  return Math.ceil(characters / 400);
}

/**
 * Keeps only what can matter: phrases at least two papers are about (most phrases occur
 * once in a library), and every lexicon or heading phrase. Later passes, run once per
 * topic and nested topic, then read a fraction of the entries.
 */
function* compact(
  papers: readonly Paper[],
  vocabulary: Vocabulary,
  entries: SharedEntries,
  lexicon: readonly number[],
  acronyms: Acronyms,
  allHints: Map<number, string>,
  allHeadings: Set<number>,
): Steps<PaperIndex> {
  const keep = new Uint8Array(vocabulary.phraseCount);
  yield* inChunks(keep.length, PHRASE_STEP, (from, to) => {
    for (let id = from; id < to; id++) if (entries.shared(id)) keep[id] = 1;
  });
  for (const text of GENERIC_PHRASES) {
    const id = vocabulary.find(text);
    if (id !== undefined) keep[id] = 0;
  }
  for (const id of lexicon) keep[id] = 1;
  for (const id of allHints.keys()) {
    entries.release(id);
    keep[id] = 1;
  }
  const dense = new Int32Array(vocabulary.phraseCount).fill(-1);
  const original: number[] = [];
  yield* inChunks(keep.length, PHRASE_STEP, (from, to) => {
    for (let id = from; id < to; id++) {
      if (!keep[id]) continue;
      dense[id] = original.length;
      original.push(id);
    }
  });
  const table = new PhraseTable(vocabulary, Int32Array.from(original));
  yield;
  const { phrases, strengths, about } = yield* entries.perPaper(papers.length, dense, (id, strength) => isAbout(vocabulary.wordsIn(id), strength));
  const hints = new Map([...allHints].map(([id, text]) => [dense[id]!, text]));
  const headings = new Set([...allHeadings].map((id) => dense[id]!));
  return { papers, table, phrases, strengths, about, acronyms, hints, headings };
}

/** The lexicon's phrases, numbered in the vocabulary before any paper is read. */
function lexiconPhrases(vocabulary: Vocabulary): number[] {
  return LEXICON.flatMap((concept) => concept.phrases.map((p) => vocabulary.internWords(p.split(' ')))).filter((id): id is number => id !== undefined);
}

/** Phrases looked at between pauses. */
const PHRASE_STEP = 1 << 15;

function grow<T extends Int32Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * The long form of each acronym the library defines, the most common one where papers
 * disagree; common acronyms nobody defines keep their usual meaning.
 */
function* libraryAcronyms(papers: readonly Paper[]): Steps<Acronyms> {
  const votes = new Map<string, Map<string, number>>();
  yield* inChunks(papers.length, 8 * PAPER_STEP, (from, to) => {
    for (let doc = from; doc < to; doc++) {
      const paper = papers[doc]!;
      // Most texts define nothing: without a bracket there is nothing to look for.
      if (!paper.title.includes('(') && !paper.abstract?.includes('(')) continue;
      for (const [acronym, long] of acronymDefinitions(`${paper.title}\n${paper.abstract ?? ''}`)) {
        const forms = votes.get(acronym) ?? new Map<string, number>();
        const form = long.toLowerCase();
        forms.set(form, (forms.get(form) ?? 0) + 1);
        votes.set(acronym, forms);
      }
    }
  });
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
