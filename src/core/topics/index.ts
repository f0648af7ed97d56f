// Topics: the folders a researcher would sort a library into, found from the papers
// themselves, shaped by the user's rules and folders, and overridden by hand.
//
// Order of say: a paper the user moved is where they put it; a rule's or folder's papers
// are in that topic; automatic topics fill in (up to maxTopicsPerPaper per paper), then
// renames apply, and papers left without a topic go to "Other".
import type { Paper } from '../paper/paper';
import { assignPapersSteps } from './assign';
import { countTitleWords, topicLabel, topicTerms } from './describe';
import { LEXICON } from './lexicon';
import { applyMoves, applyRenames, renamed } from './overrides';
import { buildIndexSteps, compare, type PaperIndex } from './paperIndex';
import { folderMembers, ruleMembers } from './rules';
import { sameLabel } from './labels';
import { selectTopicsSteps, type Selection } from './select';
import type { Topic, TopicOptions, TopicRule } from './types';
import { inChunks, runToEnd, type Steps } from '../util/steps';

export type { Topic, TopicOptions, TopicOrigin, TopicOverrides, TopicRule } from './types';
export { OVERRIDES_FILE, parseOverrides, serializeOverrides } from './overrides';
export { parseSavedTopics, serializeSavedTopics, type SavedTopics } from './savedTopics';

export const OTHER_TOPIC = 'Other';
const DEFAULT_MAX_TOPICS_PER_PAPER = 3;
/** Above this many papers, large topics get nested topics. */
export const NEST_ABOVE = 500;

export function computeTopics(papers: readonly Paper[], options: TopicOptions = {}): { topics: Topic[]; papers: Paper[] } {
  return runToEnd(computeTopicsSteps(papers, options));
}

/** Papers handled between pauses in the passes over the whole library below. */
const PAPER_STEP = 2048;

/** `computeTopics` as steps: the same result, with pauses (see util/steps.ts) every few milliseconds. */
export function* computeTopicsSteps(papers: readonly Paper[], options: TopicOptions = {}): Steps<{ topics: Topic[]; papers: Paper[] }> {
  // A proceedings volume that papers crossref is no paper to sort: it stays citable, untopiced.
  const index = yield* buildIndexSteps(papers.filter((paper) => !paper.container));
  const count = index.papers.length;
  const maxPerPaper = Math.max(1, options.maxTopicsPerPaper ?? DEFAULT_MAX_TOPICS_PER_PAPER);
  const given = new Uint16Array(count);
  let topics: Topic[] = [];
  const lookup = new KeyLookup(index.papers);
  yield* lookup.read();
  const keysOf = (docs: readonly number[]): string[] => {
    const sorted = Int32Array.from(docs).sort();
    return lookup.remember(keysOfDocs(index.papers, sorted), sorted) as string[];
  };
  const give = (name: string, docs: number[], why: string, origin: Topic['origin']): void => {
    if (!docs.length || !name.trim()) return;
    for (const doc of docs) given[doc]!++;
    // Two rules with one name are one topic.
    const same = topics.find((t) => t.name === name.trim());
    if (same) {
      const before = lookup.docsOf(same.keys);
      same.keys = mergeKeys(same.keys, keysOf(docs));
      lookup.remember(same.keys, mergeDocs(before, Int32Array.from(docs).sort()));
      same.why = `${same.why}; ${why}`;
    } else {
      topics.push({ name: name.trim(), keys: keysOf(docs), why, origin });
    }
  };

  for (const rule of options.rules ?? []) {
    give(rule.name, ruleMembers(rule, index.papers), ruleWhy(rule), 'rule');
    yield;
  }
  if (options.folderTopics) {
    const folders = [...folderMembers(index.papers)].sort(([a], [b]) => compare(a, b));
    yield;
    for (const [folder, docs] of folders) give(folder, docs, `Folder ${folder}/`, 'folder');
  }

  const taken = new Set(topics.map((t) => t.name.toLowerCase()));
  const covered = new Set<number>();
  given.forEach((n, doc) => n && covered.add(doc));
  const auto = yield* automaticTopics(index, range(count), {
    previous: options.previous ?? [],
    covered,
    room: (doc) => maxPerPaper - given[doc]!,
    nest: count > NEST_ABOVE,
    lookup,
  });
  topics.push(...auto.filter((t) => !taken.has(t.name.toLowerCase())));

  const overrides = options.overrides;
  if (overrides) {
    topics = applyRenames(topics, overrides.renames);
    yield;
    topics = applyMoves(topics, overrides.moves, overrides.renames, new Set(index.papers.map((p) => p.key)));
    yield;
  }
  yield* adoptByVenue(topics.filter((t) => t.origin === 'auto'), index.papers, lookup);
  yield* adoptByListing(topics.filter((t) => t.origin === 'auto'), index.papers, lookup);
  const placed = new Uint8Array(count);
  for (const topic of topics) {
    const docs = lookup.docsOf(topic.keys);
    for (let i = 0; i < docs.length; i++) placed[docs[i]!] = 1;
    yield;
  }
  const others: string[] = [];
  for (let doc = 0; doc < count; doc++) if (!placed[lookup.first[doc]!]) others.push(index.papers[doc]!.key);
  if (others.length) {
    const otherName = overrides ? renamed(OTHER_TOPIC, overrides.renames) : OTHER_TOPIC;
    const existing = topics.find((t) => t.name === otherName);
    // In index order, which is key order: sorted already.
    if (existing) existing.keys = mergeKeys(existing.keys, others);
    else topics.push({ name: otherName, keys: others, why: 'Papers that share no topic with enough others', origin: 'other' });
  }
  return { topics, papers: yield* withTopics(papers, topics, lookup) };
}

/**
 * Where each key is among the index's papers (sorted by key, so papers sharing a key are
 * neighbours). Topics made here remember the papers their keys came from (see `known`):
 * looking 100,000 keys up in a map, pass after pass, takes longer than the rest.
 */
class KeyLookup {
  /** Key -> the first paper with it. */
  readonly docOf = new Map<string, number>();
  /** Per paper, the first paper with its key: what is known of a key is kept there. */
  readonly first: Int32Array;
  /** A topic's list of keys -> the papers it was made from, ascending. */
  private readonly known = new Map<readonly string[], ArrayLike<number>>();

  constructor(private readonly papers: readonly Paper[]) {
    this.first = new Int32Array(papers.length);
  }

  /** Reads the keys, a slice at a time. */
  *read(): Steps<void> {
    const { papers, first, docOf } = this;
    yield* inChunks(papers.length, PAPER_STEP, (from, to) => {
      for (let doc = from; doc < to; doc++) {
        const key = papers[doc]!.key;
        first[doc] = doc > 0 && papers[doc - 1]!.key === key ? first[doc - 1]! : doc;
        if (first[doc] === doc) docOf.set(key, doc);
      }
    });
  }

  /** Notes that these keys are those of these papers (ascending). */
  remember(keys: readonly string[], docs: ArrayLike<number>): readonly string[] {
    this.known.set(keys, docs);
    return keys;
  }

  /** The papers (the first of each key) the keys are those of, ascending; keys no paper has are left out. */
  docsOf(keys: readonly string[]): Int32Array {
    const known = this.known.get(keys);
    const docs = new Int32Array(known ? known.length : keys.length);
    let n = 0;
    if (known) {
      for (let i = 0; i < known.length; i++) {
        const doc = this.first[known[i]!]!;
        if (!n || docs[n - 1] !== doc) docs[n++] = doc;
      }
      return docs.subarray(0, n);
    }
    for (const key of keys) {
      const doc = this.docOf.get(key);
      if (doc !== undefined) docs[n++] = doc;
    }
    return docs.subarray(0, n).sort();
  }
}

/**
 * Per paper (the first of its key), the topics (numbers into `topics`) that hold its key,
 * in topic order, as offsets into one list: no array per paper.
 */
function* topicsOfPapers(topics: readonly Topic[], lookup: KeyLookup): Steps<{ start: Int32Array; list: Int32Array }> {
  const count = lookup.first.length;
  const start = new Int32Array(count + 1);
  const docsOf: Int32Array[] = [];
  for (const topic of topics) {
    const docs = lookup.docsOf(topic.keys);
    for (let i = 0; i < docs.length; i++) start[docs[i]! + 1]!++;
    docsOf.push(docs);
    yield;
  }
  for (let doc = 0; doc < count; doc++) start[doc + 1] += start[doc]!;
  const list = new Int32Array(start[count]!);
  const at = start.slice(0, count);
  for (let t = 0; t < topics.length; t++) {
    const docs = docsOf[t]!;
    for (let i = 0; i < docs.length; i++) list[at[docs[i]!]!++] = t;
  }
  return { start, list };
}

/**
 * Papers of no topic join the topic that leads among the papers of their group (venue,
 * listing file); see adoptByVenue and adoptByListing. `groupOf` names a paper's group, or
 * undefined; `leads` says whether a leader's votes are enough.
 */
function* adoptByGroup(
  topics: readonly Topic[],
  papers: readonly Paper[],
  lookup: KeyLookup,
  groupOf: (paper: Paper) => string | undefined,
  leads: (votes: number, placed: number, size: number) => boolean,
): Steps<void> {
  const { start, list } = yield* topicsOfPapers(topics, lookup);
  const votes = new Map<string, Map<number, number>>();
  const placedIn = new Map<string, number>();
  const sizes = new Map<string, number>();
  const groups: Array<string | undefined> = new Array(papers.length);
  yield* inChunks(papers.length, PAPER_STEP, (from, to) => {
    for (let doc = from; doc < to; doc++) {
      const group = (groups[doc] = groupOf(papers[doc]!));
      if (group === undefined) continue;
      sizes.set(group, (sizes.get(group) ?? 0) + 1);
      const first = lookup.first[doc]!;
      if (start[first] === start[first + 1]) continue;
      placedIn.set(group, (placedIn.get(group) ?? 0) + 1);
      let tally = votes.get(group);
      if (!tally) votes.set(group, (tally = new Map<number, number>()));
      for (let e = start[first]!; e < start[first + 1]!; e++) tally.set(list[e]!, (tally.get(list[e]!) ?? 0) + 1);
    }
  });
  // Per group, the topic its strays join, or -1.
  const leaderOf = new Map<string, number>();
  const strays = new Map<number, number[]>();
  yield* inChunks(papers.length, PAPER_STEP, (from, to) => {
    for (let doc = from; doc < to; doc++) {
      const group = groups[doc];
      const first = lookup.first[doc]!;
      if (group === undefined || start[first] !== start[first + 1]) continue;
      let leader = leaderOf.get(group);
      if (leader === undefined) {
        const best = [...(votes.get(group) ?? [])].sort((a, b) => b[1] - a[1] || compare(topics[a[0]]!.name, topics[b[0]]!.name))[0];
        leader = best && leads(best[1], placedIn.get(group)!, sizes.get(group)!) ? best[0] : -1;
        leaderOf.set(group, leader);
      }
      if (leader < 0) continue;
      const docs = strays.get(leader);
      if (docs) docs.push(doc);
      else strays.set(leader, [doc]);
    }
  });
  for (const [t, docs] of strays) {
    const topic = topics[t]!;
    // In index order, which is key order: sorted already.
    topic.keys = lookup.remember(mergeKeys(topic.keys, keysOfDocs(papers, docs)), mergeDocs(lookup.docsOf(topic.keys), docs)) as string[];
    yield;
  }
}

/** Two ascending lists of papers as one. */
function mergeDocs(a: ArrayLike<number>, b: ArrayLike<number>): Int32Array {
  const merged = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (!n || merged[n - 1] !== next) merged[n++] = next;
  }
  return merged.subarray(0, n);
}

/** Two lists of keys as one, sorted, each key once. */
function mergeKeys(a: readonly string[], b: readonly string[]): string[] {
  if (!isAscending(a) || !isAscending(b)) return [...new Set([...a, ...b])].sort(compare);
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && compare(a[i]!, b[j]!) <= 0) ? a[i++]! : b[j++]!;
    if (next !== merged[merged.length - 1]) merged.push(next);
  }
  return merged;
}

/** Each key after the one before it: sorted, no key twice. */
function isAscending(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (compare(keys[i - 1]!, keys[i]!) >= 0) return false;
  return true;
}

/** A venue's leading topic must hold at least this share of its placed papers (a venue's papers spread over a few topics), and this many, to take its strays. */
const VENUE_MAJORITY = 0.3;
const VENUE_MIN_PAPERS = 1;

/**
 * A paper no topic holds (a classic known by its title only: "Words into Type") most
 * likely shares the subject of the papers that appeared beside it, in the same
 * proceedings, journal or book: it joins the topic most of those are in, when one clearly
 * leads. Years, volumes and numbers aside, so "ANTS 2004" and "ANTS 2006" are one venue.
 */
function adoptByVenue(topics: readonly Topic[], papers: readonly Paper[], lookup: KeyLookup): Steps<void> {
  const keys = new Map<string, string | undefined>();
  const groupOf = (paper: Paper): string | undefined => {
    if (!paper.venue) return undefined;
    if (!keys.has(paper.venue)) keys.set(paper.venue, venueKey(paper.venue));
    return keys.get(paper.venue);
  };
  return adoptByGroup(topics, papers, lookup, groupOf, (votes, placed) => votes >= VENUE_MIN_PAPERS && votes >= VENUE_MAJORITY * placed);
}

/** A venue's words, lower case, without years, numbers or ordinals; undefined for a bare year or an arXiv listing. */
export function venueKey(venue: string | undefined): string | undefined {
  if (!venue) return undefined;
  const key = venue
    .toLowerCase()
    .replace(/\b\d+(st|nd|rd|th)?\b/g, ' ')
    .replace(/\b[ivxlc]+\b/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return key.length >= 3 && key !== 'arxiv' && key !== 'part' ? key : undefined;
}

/** A listing file's topic must hold at least this share of the file's placed papers to take its strays. */
const LISTING_MAJORITY = 0.4;

/**
 * A paper that shares no words with any topic (a title in another language, a one-word
 * software name) most likely belongs with the papers listed beside it: a listing file is
 * usually about one subject. It joins the automatic topic most of its file's papers are
 * in, when that topic clearly leads; otherwise it stays in "Other".
 */
function adoptByListing(topics: readonly Topic[], papers: readonly Paper[], lookup: KeyLookup): Steps<void> {
  const fileOf = (paper: Paper): string => paper.sources[0]?.file ?? '';
  // A file most of whose papers no topic holds is no one subject's list.
  return adoptByGroup(topics, papers, lookup, fileOf, (votes, placed, size) => votes >= LISTING_MAJORITY * placed && 2 * placed >= size);
}

function ruleWhy(rule: TopicRule): string {
  const quote = (list: readonly string[]): string => {
    const shown = list.slice(0, 3).map((p) => `'${p}'`).join(' or ');
    return list.length > 3 ? `${shown} or ${list.length - 3} more` : shown;
  };
  const not = rule.exclude?.length ? `, not ${quote(rule.exclude)}` : '';
  return `Rule: matches ${quote(rule.match)}${not}`;
}

/** Every paper gets the names of the topics (and nested topics) it is in, in topic order. */
function* withTopics(papers: readonly Paper[], topics: readonly Topic[], lookup: KeyLookup): Steps<Paper[]> {
  // Per paper of the index (the first of its key), its topics' names.
  const names: Array<string[] | undefined> = new Array(lookup.first.length);
  function* visit(topic: Topic): Steps<void> {
    const docs = lookup.docsOf(topic.keys);
    for (let i = 0; i < docs.length; i++) {
      const list = names[docs[i]!];
      if (!list) names[docs[i]!] = [topic.name];
      else if (!list.includes(topic.name)) list.push(topic.name);
    }
    yield;
    for (const child of topic.children ?? []) yield* visit(child);
  }
  for (const topic of topics) yield* visit(topic);
  const out: Paper[] = new Array(papers.length);
  yield* inChunks(papers.length, PAPER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const paper = papers[i]!;
      const doc = lookup.docOf.get(paper.key);
      out[i] = { ...paper, topics: (doc === undefined ? undefined : names[doc]) ?? [] };
    }
  });
  return out;
}

interface AutoOptions {
  previous: readonly Topic[];
  /** Where the topics' keys are noted with their papers. */
  lookup: KeyLookup;
  covered: ReadonlySet<number>;
  room: (doc: number) => number;
  nest: boolean;
}

/**
 * How many topics suit a library: about 11 for 60 papers, growing slowly; with nesting,
 * about 24 at the top for 2,000 papers (a researcher's folders for a library that spans
 * several fields: fewer would put apart what they keep apart only one level down, where
 * a pair of papers still shares the parent), and the rest one level down.
 */
function sizing(papers: number, nested: boolean, depth: number): { target: number; minSize: number; maxShare: number } {
  if (depth > 0) return { target: clamp(Math.round(1.2 * papers ** 0.35), 2, 12), minSize: Math.max(3, Math.round(0.02 * papers)), maxShare: 0.6 };
  if (nested) return { target: clamp(Math.round(2.4 * papers ** 0.3), 8, 30), minSize: Math.max(3, Math.round(0.01 * papers)), maxShare: 0.4 };
  // A small library may split in two halves; from about 60 papers a topic holds at most 40%.
  return { target: clamp(Math.round(2 * papers ** 0.42), 1, 30), minSize: papers < 12 ? 2 : Math.max(3, Math.round(0.015 * papers)), maxShare: clamp(3 / Math.sqrt(papers), 0.4, 0.6) };
}

function* automaticTopics(index: PaperIndex, docs: readonly number[], options: AutoOptions, depth = 0, exclude: ReadonlySet<number> = new Set()): Steps<Topic[]> {
  const size = sizing(docs.length, options.nest, depth);
  const previous = options.previous.filter((t) => t.origin === 'auto');
  const select = (keep: readonly string[], dropped: ReadonlySet<string>): Steps<Selection> =>
    selectTopicsSteps(index, docs, { ...size, exclude, previous: keep, covered: options.covered, rejected: dropped });
  let selection = yield* select(previous.flatMap(previousIds), new Set());
  let members = yield* assignPapersSteps(index, selection.chosen, docs, options.room, selection);
  // A topic that loses papers to stronger ones until it is too small is dropped, and the
  // selection runs again without it (keeping the rest) so another topic can take its place.
  const dropped = new Set<string>();
  for (let round = 0; round < 3 && members.some((m) => m.length < size.minSize); round++) {
    const kept = selection.chosen.filter((candidate, t) => {
      if (members[t]!.length >= size.minSize) return true;
      dropped.add(candidate.id);
      return false;
    });
    selection = yield* select(
      kept.map((c) => c.id),
      dropped,
    );
    members = yield* assignPapersSteps(index, selection.chosen, docs, options.room, selection);
  }
  const chosen = selection.chosen;
  // Labels correct a keyword's spelling by the titles' words: read once, with pauses.
  yield* countTitleWords(index);

  const topics: Topic[] = [];
  for (let t = 0; t < chosen.length; t++) {
    const candidate = chosen[t]!;
    const docsIn = members[t]!;
    if (!docsIn.length) continue;
    yield;
    const name = topicLabel(candidate, index, docsIn, selection, docs.length);
    // One plain word says too little to split a topic ("Family" under "Typography", "User" under "TeX").
    if (depth > 0 && !candidate.label && isSingleWord(name)) continue;
    const terms = topicTerms(candidate, index, docsIn, selection, docs.length);
    const topic: Topic = {
      name,
      keys: options.lookup.remember(keysOfDocs(index.papers, docsIn), docsIn) as string[],
      why: `Papers sharing: ${terms.join(', ')}`,
      origin: 'auto',
      terms,
    };
    if (options.nest && depth === 0 && docsIn.length >= 4 * size.minSize) {
      const before = previous.find((p) => previousIds(p).includes(candidate.id));
      const children = yield* automaticTopics(
        index,
        docsIn,
        { previous: before?.children ?? [], covered: new Set(), room: () => 2, nest: true, lookup: options.lookup },
        depth + 1,
        new Set([...exclude, ...candidate.phrases, ...selection.broad]),
      );
      if (children.length > 1) topic.children = children;
    }
    topics.push(topic);
  }
  const merged = mergeSameNames(topics).sort((a, b) => b.keys.length - a.keys.length || compare(a.name, b.name));
  if (depth === 0) dropEchoes(merged);
  return merged;
}

/**
 * A nested topic named like a top-level one ("Multimodal" under "Policy Optimization" when
 * "Multimodal" is a topic of its own), or like its own topic ("Multiobjective
 * Optimization" under "Multi-Objective Optimization"), would make a paper's list of topic
 * names ambiguous: it goes, and its papers stay in the topic. So does one named like a
 * larger nested topic of another topic ("Electronic Publishing" under both "TeX & LaTeX"
 * and "Typography"): papers in the two would seem to share a topic.
 */
export function dropEchoes(topics: Topic[]): void {
  for (const topic of topics) {
    if (!topic.children) continue;
    topic.children = topic.children.filter((child) => !topics.some((top) => sameLabel(top.name, child.name)) && largestOfName(topics, child) === child);
    if (topic.children.length < 2) delete topic.children;
  }
}

/** Of the nested topics named like this one under any topic, the largest (the first on a tie). */
function largestOfName(topics: readonly Topic[], child: Topic): Topic {
  let largest = child;
  for (const topic of topics) for (const other of topic.children ?? []) if (sameLabel(other.name, child.name) && other.keys.length > largest.keys.length) largest = other;
  return largest;
}

/**
 * Two automatic topics that came out with the same label, or near-same ones ("Multi-Objective
 * Optimisation" and "Multiobjective Optimization", "Font" and "Fonts") are one topic,
 * under the larger one's name.
 */
export function mergeSameNames(topics: Topic[]): Topic[] {
  const kept: Topic[] = [];
  for (const topic of [...topics].sort((a, b) => b.keys.length - a.keys.length || compare(a.name, b.name))) {
    const same = kept.find((t) => sameLabel(t.name, topic.name));
    if (!same) kept.push(topic);
    else same.keys = mergeKeys(same.keys, topic.keys);
  }
  return topics.filter((t) => kept.includes(t));
}

/** The candidate ids a topic from last time may be found under now. */
function previousIds(topic: Topic): string[] {
  const first = topic.terms?.[0];
  if (!first) return [];
  const concept = LEXICON.find((c) => c.label === topic.name || c.phrases.includes(first));
  return concept ? [`concept:${concept.label}`, `phrase:${first}`] : [`phrase:${first}`];
}

/** The keys of papers given in ascending order: sorted already, as the index sorts papers by key. */
function keysOfDocs(papers: readonly Paper[], docs: ArrayLike<number>): string[] {
  const keys: string[] = [];
  for (let i = 0; i < docs.length; i++) {
    const key = papers[docs[i]!]!.key;
    if (key !== keys[keys.length - 1]) keys.push(key);
  }
  return keys;
}

/** "Family", "Irace": one word, and no acronym a reader can expand. */
function isSingleWord(name: string): boolean {
  return !/[\s-]/.test(name.trim());
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
