// Names and explanations for automatic topics: the label is the phrase as the papers'
// titles write it; the explanation lists the terms the papers share.
import type { PaperIndex } from './paperIndex';
import { scratchFor } from './scratch';
import { surfaceForm } from './phrases';
import type { Candidate } from './candidates';
import type { Selection } from './select';
import { correctSpelling, isCrypticAcronym, isSubjectPhrase, titleCase, wordShapes } from './labels';
import { TITLE_HIT } from './paperIndex';
import { runToEnd, type Steps } from '../util/steps';

export { titleCase } from './labels';

/** Enough papers to see how a phrase is usually written. */
const LABEL_SAMPLE = 12;

/** The label a person would write on the folder. */
export function topicLabel(candidate: Candidate, index: PaperIndex, members: readonly number[], selection?: Pick<Selection, 'about' | 'broad'>, papers = index.papers.length): string {
  const label = writtenLabel(candidate.label ? (ownHeading(candidate, index, members) ?? candidate.label) : index.hints.get(candidate.phrases[0]!), candidate.phrases[0]!, index, members);
  // "TSP" is written out ("Traveling Salesman Problem"): a folder's name needs no decoding.
  const long = /^[A-Z]{2,5}s?$/.test(label) ? index.acronyms.get(label.replace(/s$/, '').toLowerCase()) : undefined;
  if (long) return titleCase(long);
  if (!isCrypticAcronym(label, index.acronyms)) return label;
  // "VFM" heads a section of a reading list; its papers' titles say what it stands for.
  const described = selection && describingPhrase(index, members, selection, papers, candidate.phrases[0]!);
  return described === undefined ? label : writtenLabel(undefined, described, index, members);
}

/**
 * A phrase of a lexicon concept that the listing uses as a heading or keyword, and that
 * most of the concept's papers are about ("World Models" for "Model-Based RL & World
 * Models"): the listing's words name the folder.
 */
function ownHeading(candidate: Candidate, index: PaperIndex, members: readonly number[]): string | undefined {
  const own = new Set(candidate.phrases.filter((phrase) => index.headings.has(phrase)));
  if (!own.size) return undefined;
  const counts = new Map<number, number>();
  for (const doc of members) {
    const phrases = index.phrases[doc]!;
    for (let k = 0; k < phrases.length; k++) if (own.has(phrases[k]!)) counts.set(phrases[k]!, (counts.get(phrases[k]!) ?? 0) + 1);
  }
  const [phrase, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
  return phrase !== undefined && count! >= HEADING_SHARE * members.length ? index.hints.get(phrase) : undefined;
}

/** Share of a concept's papers a heading must hold to name it. */
const HEADING_SHARE = 0.5;

function writtenLabel(given: string | undefined, phrase: number, index: PaperIndex, members: readonly number[]): string {
  // A keyword as the listing writes it, in the one case every label is written in, and
  // spelled as the papers spell it.
  if (given) return titleCase(correctSpelling(given, ...titleWords(index)));
  const text = index.table.text(phrase);
  const counts = new Map<string, number>();
  // Titles first, then abstracts; a form spelled out from an acronym only as a last resort.
  for (const [field, spelledOut] of [['title', false], ['abstract', false], ['title', true], ['abstract', true]] as const) {
    for (const doc of members.slice(0, LABEL_SAMPLE)) {
      const written = index.papers[doc]![field];
      const form = written ? surfaceForm(written, text, index.acronyms, spelledOut) : undefined;
      if (form) counts.set(form, (counts.get(form) ?? 0) + 1);
    }
    if (counts.size) break;
  }
  // A phrase only the listing's keywords use ("VFM" in "VFM methods") is written as they write it.
  if (!counts.size) {
    for (const doc of members.slice(0, LABEL_SAMPLE)) {
      for (const keyword of index.papers[doc]!.keywords) {
        const form = surfaceForm(keyword, text, index.acronyms, false);
        if (form) counts.set(form, (counts.get(form) ?? 0) + 1);
      }
    }
  }
  const written = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? text;
  return titleCase(written);
}

/**
 * The phrase of two to four words the topic's titles use far more often than the library
 * does, and often; undefined when none is shared by a tenth of them.
 */
function describingPhrase(index: PaperIndex, members: readonly number[], selection: Pick<Selection, 'about' | 'broad'>, papers: number, own: number): number | undefined {
  const counts = new Map<number, number>();
  for (const doc of members) {
    const phrases = index.phrases[doc]!;
    const strengths = index.strengths[doc]!;
    for (let k = 0; k < phrases.length; k++) {
      const phrase = phrases[k]!;
      if (strengths[k]! < TITLE_HIT || phrase === own || index.hints.has(phrase) || index.table.words(phrase) < 2 || selection.broad.has(phrase)) continue;
      counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  let best: number | undefined;
  let bestScore = 0;
  for (const [phrase, count] of counts) {
    if (count < Math.max(3, 0.1 * members.length) || !isSubjectPhrase(index.table.text(phrase))) continue;
    // Most specific to these papers first: how much of the phrase's use in the library is here.
    const lift = count / members.length / (Math.max(count, selection.about[phrase] ?? 0) / papers);
    const score = count * lift;
    if (lift >= 2 && (score > bestScore || (score === bestScore && best !== undefined && phrase < best))) {
      best = phrase;
      bestScore = score;
    }
  }
  return best;
}

const titleWordCache = new WeakMap<PaperIndex, [Map<string, number>, Map<string, string[]>]>();

/** Titles read between pauses. */
const TITLE_STEP = 2048;

/** How often each word occurs in the library's titles, and the words by shape (see correctSpelling). */
function titleWords(index: PaperIndex): [Map<string, number>, Map<string, string[]>] {
  return titleWordCache.get(index) ?? runToEnd(countTitleWords(index));
}

/**
 * Reads the library's titles for labels to come (see titleWords), a slice at a time.
 * Words of fewer than four letters are left out: no spelling is corrected to or from them.
 */
export function* countTitleWords(index: PaperIndex): Steps<[Map<string, number>, Map<string, string[]>]> {
  const cached = titleWordCache.get(index);
  if (cached) return cached;
  const counts = new Map<string, number>();
  const { papers } = index;
  for (let doc = 0; doc < papers.length; doc++) {
    if (doc % TITLE_STEP === TITLE_STEP - 1) yield;
    const title = papers[doc]!.title;
    for (let i = 0, start = -1; i <= title.length; i++) {
      const c = i < title.length ? title.charCodeAt(i) : 32;
      if (((c | 32) - 97) >>> 0 < 26) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0 && i - start >= 4) {
        const word = title.slice(start, i).toLowerCase();
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      start = -1;
    }
  }
  const result: [Map<string, number>, Map<string, string[]>] = [counts, wordShapes(counts.keys())];
  titleWordCache.set(index, result);
  return result;
}

/** The terms that explain an automatic topic: its own phrases, then what else its papers share. */
export function topicTerms(candidate: Candidate, index: PaperIndex, members: readonly number[], selection: Pick<Selection, 'about' | 'broad'>, papers: number): string[] {
  const vocabulary = index.table;
  const { counts, touched } = scratchFor(index);
  touched.length = 0;
  for (const doc of members) {
    const phrases = index.phrases[doc]!;
    const isAbout = index.about[doc]!;
    for (let k = 0; k < phrases.length; k++) {
      const phrase = phrases[k]!;
      if (isAbout[k] && counts[phrase]!++ === 0) touched.push(phrase);
    }
  }
  const seen = touched.data.subarray(0, touched.length);
  const used = (phrase: number): number => (selection.broad.has(phrase) ? 0 : counts[phrase]!);
  const byUse = (a: number, b: number): number => used(b) - used(a) || (vocabulary.text(a) < vocabulary.text(b) ? -1 : 1);
  const own = candidate.phrases.filter((p) => used(p) > 0).sort(byUse);
  const terms = (own.length ? own : [candidate.phrases[0]!]).slice(0, 3).map((p) => vocabulary.text(p));
  if (candidate.label && terms.length >= 2) {
    for (const phrase of seen) counts[phrase] = 0;
    return terms;
  }

  const related = (phrase: string): boolean => terms.some((t) => ` ${phrase} `.includes(` ${t} `) || ` ${t} `.includes(` ${phrase} `));
  const floor = Math.max(2, Math.ceil(0.3 * members.length));
  // What these papers share far more often than the library does.
  // Single words say little next to the topic's own phrase ("correct", "web").
  const shared: number[] = [];
  for (const phrase of seen) if (used(phrase) >= floor && vocabulary.words(phrase) > 1) shared.push(phrase);
  const extra = shared
    .map((phrase) => ({ text: vocabulary.text(phrase), count: counts[phrase]!, lift: counts[phrase]! / members.length / (Math.max(1, selection.about[phrase]!) / papers) }))
    .filter((s) => s.lift >= 2 && !related(s.text))
    .sort((a, b) => b.count * b.lift - a.count * a.lift || (a.text < b.text ? -1 : 1));
  for (const { text } of extra) {
    if (terms.length >= 3) break;
    if (!related(text)) terms.push(text);
  }
  for (const phrase of seen) counts[phrase] = 0;
  return terms;
}
