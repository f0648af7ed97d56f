// Names and explanations for automatic topics: the label is the phrase as the papers'
// titles write it; the explanation lists the terms the papers share.
import type { PaperIndex } from './paperIndex';
import { scratchFor } from './scratch';
import { surfaceForm } from './phrases';
import type { Candidate } from './candidates';
import type { Selection } from './select';
import { titleCase } from './labels';

export { titleCase } from './labels';

/** Enough papers to see how a phrase is usually written. */
const LABEL_SAMPLE = 12;

/** The label a person would write on the folder. */
export function topicLabel(candidate: Candidate, index: PaperIndex, members: readonly number[]): string {
  if (candidate.label) return candidate.label;
  const phrase = candidate.phrases[0]!;
  const hint = index.hints.get(phrase);
  // A keyword as the listing writes it, in the one case every label is written in.
  if (hint) return titleCase(hint);
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
