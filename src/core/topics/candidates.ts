// Candidate topics: each phrase enough papers are about, and each lexicon concept enough
// papers signal. Phrases nearly every paper uses are "broad": never topics, and they weigh
// nothing when papers are compared.
import { isSubjectPhrase } from './labels';
import { LEXICON } from './lexicon';
import { TITLE_HIT, compare, type PaperIndex } from './paperIndex';
import { inChunks, type Steps } from '../util/steps';

/** Papers read between pauses. */
const PAPER_STEP = 1024;
/** Phrases looked at between pauses. */
const PHRASE_STEP = 4096;

// Read once: under CommonJS each read of an imported binding is a property get, and
// these are read in the innermost loops.
const HEADLINE = TITLE_HIT;
const MAX_STRENGTH = TITLE_HIT + 3;

const LEXICON_PRIOR = 1.4;
const HINT_PRIOR = 1.6;
/** A concept gathers several phrases: single words need two mentions between them (or a title). */
const CONCEPT_STRENGTH = 2;

export interface Candidate {
  /** `concept:<label>` or `phrase:<phrase>`: how `previous` topics are found again. */
  id: string;
  /** Lexicon label, else undefined (the phrase as written in titles becomes the label). */
  label?: string;
  /** Phrase ids. */
  phrases: number[];
  /** Papers (index positions) about it, ascending. */
  members: number[];
  /** Per member, same order: how strongly it is about it. */
  strengths: number[];
  /** Prior, title share: what is known before looking at the other phrases. */
  quality: number;
  /** How much its papers have in common beyond the phrase (see cohesion.ts); computed when needed. */
  cohesion?: number;
}

export interface CandidateOptions {
  /** How many topics to aim for. */
  target: number;
  minSize: number;
  /** A phrase in more than this share of the papers is too broad to be a topic. */
  maxShare: number;
  /** Phrases that may not define a topic here (a parent topic's own, for its children). */
  exclude?: ReadonlySet<number>;
}

export interface Candidates {
  candidates: Candidate[];
  /** Phrases too common to be a topic. */
  broad: Set<number>;
  /** Per phrase id: how many of the papers are about it. */
  about: Int32Array;
  /** Per phrase id: how much sharing it says about two papers (0 for broad or unshared phrases). */
  weights: Float64Array;
}

export function* findCandidates(index: PaperIndex, docs: readonly number[], options: CandidateOptions): Steps<Candidates> {
  const { table } = index;
  const exclude = options.exclude ?? new Set<number>();
  // Too broad: in more than maxShare of the papers, or in more than three times a topic's share.
  const maxSize = Math.min(Math.floor(options.maxShare * docs.length), Math.ceil((3 * docs.length) / Math.max(1, options.target)));
  const about = new Int32Array(table.count);
  yield* inChunks(docs.length, PAPER_STEP, (from, to) => {
    for (let d = from; d < to; d++) {
      const doc = docs[d]!;
      const phrases = index.phrases[doc]!;
      const isAbout = index.about[doc]!;
      for (let k = 0; k < phrases.length; k++) if (isAbout[k]) about[phrases[k]!]!++;
    }
  });
  const broad = new Set<number>();
  const viable = new Map<number, Candidate>();
  const slot = new Int32Array(table.count).fill(-1);
  const list: Candidate[] = [];
  for (let phrase = 0; phrase < about.length; phrase++) if (about[phrase]! > maxSize) broad.add(phrase);
  yield* inChunks(about.length, PHRASE_STEP, (from, to) => {
    for (let phrase = from; phrase < to; phrase++) {
      const count = about[phrase]!;
      if (count >= options.minSize && count <= maxSize && !exclude.has(phrase) && isSubjectPhrase(table.text(phrase)) && !isBroadKind(table, phrase, broad)) {
        slot[phrase] = list.length;
        // Sized from the count: its members are exactly the papers counted.
        list.push({ id: `phrase:${table.text(phrase)}`, phrases: [phrase], members: new Array<number>(count), strengths: new Array<number>(count), quality: 0 });
      }
    }
  });
  const filled = new Int32Array(list.length);
  yield* inChunks(docs.length, PAPER_STEP, (from, to) => {
    for (let d = from; d < to; d++) {
      const doc = docs[d]!;
      const phrases = index.phrases[doc]!;
      const strengths = index.strengths[doc]!;
      const isAbout = index.about[doc]!;
      for (let k = 0; k < phrases.length; k++) {
        const at = slot[phrases[k]!]!;
        if (at >= 0 && isAbout[k]) {
          const i = filled[at]!++;
          list[at]!.members[i] = doc;
          list[at]!.strengths[i] = strengths[k]!;
        }
      }
    }
  });
  for (const candidate of list) viable.set(candidate.phrases[0]!, candidate);
  yield* dropFragments(index, viable, about, options.minSize);

  const concepts = yield* conceptCandidates(index, docs, exclude, broad, options.minSize, maxSize);
  // A phrase of a concept is that concept: it is not a topic beside it, nor instead of it when it is too broad.
  const represented = new Set(concepts.flatMap((c) => c.phrases));
  const candidates = [...concepts, ...[...viable.values()].filter((c) => !represented.has(c.phrases[0]!) && !broad.has(c.phrases[0]!))];
  for (const candidate of candidates) candidate.quality = qualityOf(candidate, index);
  candidates.sort((a, b) => compare(a.id, b.id));
  return { candidates, broad, about, weights: phraseWeights(about, broad, docs.length) };
}

/** Nouns that only say what kind of thing a paper offers: "optimization algorithm", "optimization problem". */
const KIND_NOUNS = new Set(['algorithm', 'problem', 'method', 'approach', 'technique', 'model', 'system', 'framework', 'application', 'study', 'tool']);

/**
 * A broad word and a kind noun ("optimization problem" where "optimization" is in nearly
 * every paper) are as broad as the word: they sort nothing.
 */
export function isBroadKind(table: Pick<PaperIndex['table'], 'text' | 'find'>, phrase: number, broad: ReadonlySet<number>): boolean {
  const words = table.text(phrase).split(' ');
  if (words.length < 2 || !KIND_NOUNS.has(words[words.length - 1]!)) return false;
  return words.slice(0, -1).every((word) => {
    const id = table.find(word);
    return id !== undefined && broad.has(id);
  });
}

/**
 * "carlo tree search" is only ever part of "monte carlo tree search": not a topic of its
 * own. Longer phrases add up: "objective optimization" is mostly "multi objective
 * optimization", "bi objective optimization" and "many objective optimization" together.
 */
function* dropFragments(index: PaperIndex, viable: Map<number, Candidate>, about: Int32Array, minSize: number): Steps<void> {
  const { table } = index;
  const inLonger = new Map<number, number>();
  // Longer phrases too small to be topics themselves still say what a part means.
  const floor = Math.max(2, Math.ceil(minSize / 4));
  yield* inChunks(about.length, PHRASE_STEP, (from, to) => {
    for (let phrase = from; phrase < to; phrase++) {
      if (about[phrase]! < floor || table.words(phrase) < 2 || !isSubjectPhrase(table.text(phrase))) continue;
      const head = table.head(phrase);
      const tail = table.find(table.text(phrase).split(' ').slice(1).join(' '));
      for (const part of new Set([head, tail])) {
        if (part !== undefined && viable.has(part)) inLonger.set(part, (inLonger.get(part) ?? 0) + about[phrase]!);
      }
    }
  });
  // A single word inside several longer phrases ("programming" in "genetic programming" and
  // "linear programming") is ambiguous sooner: half its papers meaning something more specific is enough.
  for (const [part, members] of inLonger) if (members >= (table.words(part) === 1 ? ONE_WORD_FRAGMENT : FRAGMENT) * viable.get(part)!.members.length) viable.delete(part);
}

/** Share of a phrase's papers that longer phrases must hold for it to be only their part. */
const FRAGMENT = 0.8;
const ONE_WORD_FRAGMENT = 0.5;

interface ConceptPhrases {
  concepts: Array<{ label: string; phrases: number[] }>;
  /** Per phrase: index into `lists` of the concepts it signals, or -1 (most phrases signal none). */
  listOf: Int32Array;
  lists: number[][];
}

const conceptCache = new WeakMap<PaperIndex, ConceptPhrases>();

/** Which phrases signal which lexicon concepts in this library: the same for every selection. */
function conceptPhrases(index: PaperIndex): ConceptPhrases {
  let cached = conceptCache.get(index);
  if (cached) return cached;
  const { table } = index;
  const concepts = LEXICON.map((concept) => ({
    label: concept.label,
    // A heading the listing itself uses keeps its own words, not the lexicon's label.
    phrases: concept.phrases.map((p) => table.find(p)).filter((id): id is number => id !== undefined),
  }));
  const lists: number[][] = [];
  const listOf = new Int32Array(table.count).fill(-1);
  concepts.forEach(({ phrases }, c) => {
    for (const phrase of phrases) {
      if (listOf[phrase]! < 0) {
        listOf[phrase] = lists.length;
        lists.push([]);
      }
      lists[listOf[phrase]!]!.push(c);
    }
  });
  cached = { concepts, listOf, lists };
  conceptCache.set(index, cached);
  return cached;
}

function* conceptCandidates(index: PaperIndex, docs: readonly number[], exclude: ReadonlySet<number>, broad: Set<number>, minSize: number, maxSize: number): Steps<Candidate[]> {
  const { concepts: all, listOf, lists } = conceptPhrases(index);
  const concepts = all.map(({ label, phrases }) => ({ label, phrases: phrases.filter((id) => !exclude.has(id)) }));
  const candidates: Candidate[] = concepts.map(({ label, phrases }) => ({ id: `concept:${label}`, label, phrases, members: [], strengths: [], quality: 0 }));
  const usable = candidates.map((c) => new Set(c.phrases));
  const sum = new Float64Array(concepts.length);
  // The concepts this paper signals (in any order: each concept's members stay in paper order).
  const touched = new Int32Array(concepts.length);
  yield* inChunks(docs.length, PAPER_STEP, (from, to) => {
    for (let d = from; d < to; d++) {
      const doc = docs[d]!;
      const phrases = index.phrases[doc]!;
      const strengths = index.strengths[doc]!;
      let signalled = 0;
      for (let k = 0; k < phrases.length; k++) {
        const at = listOf[phrases[k]!]!;
        if (at < 0) continue;
        // A word half the abstracts use ("code", in "code is available") says nothing
        // there, but a title that uses it still says what the paper is about.
        const strength = broad.has(phrases[k]!) ? (strengths[k]! >= HEADLINE ? HEADLINE : 0) : strengths[k]!;
        if (strength === 0) continue;
        for (const c of lists[at]!) {
          if (!usable[c]!.has(phrases[k]!)) continue;
          if (sum[c] === 0) touched[signalled++] = c;
          sum[c] += strength;
        }
      }
      for (let i = 0; i < signalled; i++) {
        const c = touched[i]!;
        if (sum[c]! >= CONCEPT_STRENGTH) {
          candidates[c]!.members.push(doc);
          candidates[c]!.strengths.push(Math.min(sum[c]!, MAX_STRENGTH));
        }
        sum[c] = 0;
      }
    }
  });
  const out: Candidate[] = [];
  for (const candidate of candidates) {
    if (!candidate.phrases.length) continue;
    if (candidate.members.length > maxSize) for (const phrase of candidate.phrases) broad.add(phrase);
    else if (candidate.members.length >= minSize) out.push(candidate);
  }
  return out;
}

/** Phrases of two or three words, in titles, from the lexicon or the listing's own headings, make better topics. */
function qualityOf(candidate: Candidate, index: PaperIndex): number {
  const words = index.table.words(candidate.phrases[0]!);
  let quality = candidate.label ? LEXICON_PRIOR : words === 1 ? 0.75 : words === 4 ? 0.85 : 1;
  if (!candidate.label && index.headings.has(candidate.phrases[0]!)) quality *= HINT_PRIOR;
  const inTitles = candidate.strengths.filter((s) => s >= HEADLINE).length;
  return quality * (0.5 + inTitles / candidate.members.length);
}

/** Inverse document frequency of each phrase among these papers; broad and unshared phrases weigh nothing. */
function phraseWeights(about: Int32Array, broad: ReadonlySet<number>, papers: number): Float64Array {
  const weights = new Float64Array(about.length);
  for (let phrase = 0; phrase < about.length; phrase++) if (about[phrase]! >= 2) weights[phrase] = Math.log(papers / about[phrase]!);
  for (const phrase of broad) weights[phrase] = 0;
  return weights;
}
