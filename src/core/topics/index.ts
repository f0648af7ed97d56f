// Topics: the folders a researcher would sort a library into, found from the papers
// themselves, shaped by the user's rules and folders, and overridden by hand.
//
// Order of say: a paper the user moved is where they put it; a rule's or folder's papers
// are in that topic; automatic topics fill in (up to maxTopicsPerPaper per paper), then
// renames apply, and papers left without a topic go to "Other".
import type { Paper } from '../paper/paper';
import { assignPapers } from './assign';
import { topicLabel, topicTerms } from './describe';
import { LEXICON } from './lexicon';
import { applyMoves, applyRenames, renamed } from './overrides';
import { buildIndex, compare, type PaperIndex } from './paperIndex';
import { folderMembers, ruleMembers } from './rules';
import { sameLabel } from './labels';
import { selectTopics } from './select';
import type { Topic, TopicOptions, TopicRule } from './types';

export type { Topic, TopicOptions, TopicOrigin, TopicOverrides, TopicRule } from './types';
export { OVERRIDES_FILE, parseOverrides, serializeOverrides } from './overrides';
export { parseSavedTopics, serializeSavedTopics, type SavedTopics } from './savedTopics';

export const OTHER_TOPIC = 'Other';
const DEFAULT_MAX_TOPICS_PER_PAPER = 3;
/** Above this many papers, large topics get nested topics. */
export const NEST_ABOVE = 500;

export function computeTopics(papers: readonly Paper[], options: TopicOptions = {}): { topics: Topic[]; papers: Paper[] } {
  // A proceedings volume that papers crossref is no paper to sort: it stays citable, untopiced.
  const index = buildIndex(papers.filter((paper) => !paper.container));
  const count = index.papers.length;
  const maxPerPaper = Math.max(1, options.maxTopicsPerPaper ?? DEFAULT_MAX_TOPICS_PER_PAPER);
  const given = new Uint16Array(count);
  let topics: Topic[] = [];
  const keysOf = (docs: Iterable<number>): string[] => [...new Set([...docs].map((doc) => index.papers[doc]!.key))].sort(compare);
  const give = (name: string, docs: number[], why: string, origin: Topic['origin']): void => {
    if (!docs.length || !name.trim()) return;
    for (const doc of docs) given[doc]!++;
    // Two rules with one name are one topic.
    const same = topics.find((t) => t.name === name.trim());
    if (same) {
      same.keys = [...new Set([...same.keys, ...keysOf(docs)])].sort(compare);
      same.why = `${same.why}; ${why}`;
    } else {
      topics.push({ name: name.trim(), keys: keysOf(docs), why, origin });
    }
  };

  for (const rule of options.rules ?? []) give(rule.name, ruleMembers(rule, index.papers), ruleWhy(rule), 'rule');
  if (options.folderTopics) {
    const folders = [...folderMembers(index.papers)].sort(([a], [b]) => compare(a, b));
    for (const [folder, docs] of folders) give(folder, docs, `Folder ${folder}/`, 'folder');
  }

  const taken = new Set(topics.map((t) => t.name.toLowerCase()));
  const covered = new Set<number>();
  given.forEach((n, doc) => n && covered.add(doc));
  const auto = automaticTopics(index, range(count), {
    previous: options.previous ?? [],
    covered,
    room: (doc) => maxPerPaper - given[doc]!,
    nest: count > NEST_ABOVE,
  });
  topics.push(...auto.filter((t) => !taken.has(t.name.toLowerCase())));

  const overrides = options.overrides;
  if (overrides) {
    topics = applyRenames(topics, overrides.renames);
    topics = applyMoves(topics, overrides.moves, overrides.renames, new Set(index.papers.map((p) => p.key)));
  }
  adoptByVenue(topics.filter((t) => t.origin === 'auto'), index.papers);
  adoptByListing(topics.filter((t) => t.origin === 'auto'), index.papers);
  const placed = new Set(topics.flatMap((t) => t.keys));
  const others = index.papers.map((p) => p.key).filter((key) => !placed.has(key));
  if (others.length) {
    const otherName = overrides ? renamed(OTHER_TOPIC, overrides.renames) : OTHER_TOPIC;
    const existing = topics.find((t) => t.name === otherName);
    if (existing) existing.keys = [...new Set([...existing.keys, ...others])].sort(compare);
    else topics.push({ name: otherName, keys: [...others].sort(compare), why: 'Papers that share no topic with enough others', origin: 'other' });
  }
  return { topics, papers: withTopics(papers, topics) };
}

/** A venue's topic must hold at least this share of its placed papers, and this many, to take its strays. */
const VENUE_MAJORITY = 0.4;
const VENUE_MIN_PAPERS = 1;

/**
 * A paper no topic holds (a classic known by its title only: "Words into Type") most
 * likely shares the subject of the papers that appeared beside it, in the same
 * proceedings, journal or book: it joins the topic most of those are in, when one clearly
 * leads. Years, volumes and numbers aside, so "ANTS 2004" and "ANTS 2006" are one venue.
 */
function adoptByVenue(topics: readonly Topic[], papers: readonly Paper[]): void {
  const topicsOf = new Map<string, Topic[]>();
  for (const topic of topics) for (const key of topic.keys) topicsOf.set(key, [...(topicsOf.get(key) ?? []), topic]);
  const votes = new Map<string, Map<Topic, number>>();
  const placedIn = new Map<string, number>();
  for (const paper of papers) {
    const venue = venueKey(paper.venue);
    const own = topicsOf.get(paper.key);
    if (!venue || !own) continue;
    placedIn.set(venue, (placedIn.get(venue) ?? 0) + 1);
    const tally = votes.get(venue) ?? new Map<Topic, number>();
    for (const topic of own) tally.set(topic, (tally.get(topic) ?? 0) + 1);
    votes.set(venue, tally);
  }
  const strays = new Map<Topic, string[]>();
  for (const paper of papers) {
    const venue = venueKey(paper.venue);
    if (!venue || topicsOf.has(paper.key)) continue;
    const leader = [...(votes.get(venue) ?? [])].sort((a, b) => b[1] - a[1] || compare(a[0].name, b[0].name))[0];
    if (!leader || leader[1] < VENUE_MIN_PAPERS || leader[1] < VENUE_MAJORITY * placedIn.get(venue)!) continue;
    strays.set(leader[0], [...(strays.get(leader[0]) ?? []), paper.key]);
  }
  for (const [topic, keys] of strays) topic.keys = [...new Set([...topic.keys, ...keys])].sort(compare);
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
function adoptByListing(topics: readonly Topic[], papers: readonly Paper[]): void {
  const topicsOf = new Map<string, Topic[]>();
  for (const topic of topics) for (const key of topic.keys) topicsOf.set(key, [...(topicsOf.get(key) ?? []), topic]);
  const fileOf = (paper: Paper): string => paper.sources[0]?.file ?? '';
  const votes = new Map<string, Map<Topic, number>>();
  const placedIn = new Map<string, number>();
  for (const paper of papers) {
    const own = topicsOf.get(paper.key);
    if (!own) continue;
    const file = fileOf(paper);
    placedIn.set(file, (placedIn.get(file) ?? 0) + 1);
    const tally = votes.get(file) ?? new Map<Topic, number>();
    for (const topic of own) tally.set(topic, (tally.get(topic) ?? 0) + 1);
    votes.set(file, tally);
  }
  const sizes = new Map<string, number>();
  for (const paper of papers) sizes.set(fileOf(paper), (sizes.get(fileOf(paper)) ?? 0) + 1);
  const strays = new Map<Topic, string[]>();
  for (const paper of papers) {
    if (topicsOf.has(paper.key)) continue;
    const file = fileOf(paper);
    const leader = [...(votes.get(file) ?? [])].sort((a, b) => b[1] - a[1] || compare(a[0].name, b[0].name))[0];
    // A file most of whose papers no topic holds is no one subject's list.
    if (!leader || leader[1] < LISTING_MAJORITY * placedIn.get(file)! || 2 * placedIn.get(file)! < (sizes.get(file) ?? 0)) continue;
    strays.set(leader[0], [...(strays.get(leader[0]) ?? []), paper.key]);
  }
  for (const [topic, keys] of strays) topic.keys = [...new Set([...topic.keys, ...keys])].sort(compare);
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
function withTopics(papers: readonly Paper[], topics: readonly Topic[]): Paper[] {
  const names = new Map<string, string[]>();
  const visit = (topic: Topic): void => {
    for (const key of topic.keys) {
      const list = names.get(key) ?? [];
      if (!list.includes(topic.name)) list.push(topic.name);
      names.set(key, list);
    }
    topic.children?.forEach(visit);
  };
  topics.forEach(visit);
  return papers.map((paper) => ({ ...paper, topics: names.get(paper.key) ?? [] }));
}

interface AutoOptions {
  previous: readonly Topic[];
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

function automaticTopics(index: PaperIndex, docs: readonly number[], options: AutoOptions, depth = 0, exclude: ReadonlySet<number> = new Set()): Topic[] {
  const size = sizing(docs.length, options.nest, depth);
  const previous = options.previous.filter((t) => t.origin === 'auto');
  const select = (keep: readonly string[], dropped: ReadonlySet<string>) =>
    selectTopics(index, docs, { ...size, exclude, previous: keep, covered: options.covered, rejected: dropped });
  let selection = select(previous.flatMap(previousIds), new Set());
  let members = assignPapers(index, selection.chosen, docs, options.room, selection);
  // A topic that loses papers to stronger ones until it is too small is dropped, and the
  // selection runs again without it (keeping the rest) so another topic can take its place.
  const dropped = new Set<string>();
  for (let round = 0; round < 3 && members.some((m) => m.length < size.minSize); round++) {
    const kept = selection.chosen.filter((candidate, t) => {
      if (members[t]!.length >= size.minSize) return true;
      dropped.add(candidate.id);
      return false;
    });
    selection = select(kept.map((c) => c.id), dropped);
    members = assignPapers(index, selection.chosen, docs, options.room, selection);
  }
  const chosen = selection.chosen;

  const topics: Topic[] = [];
  chosen.forEach((candidate, t) => {
    const docsIn = members[t]!;
    if (!docsIn.length) return;
    const name = topicLabel(candidate, index, docsIn, selection, docs.length);
    // One plain word says too little to split a topic ("Family" under "Typography", "User" under "TeX").
    if (depth > 0 && !candidate.label && isSingleWord(name)) return;
    const terms = topicTerms(candidate, index, docsIn, selection, docs.length);
    const topic: Topic = {
      name,
      keys: keysOfDocs(index, docsIn),
      why: `Papers sharing: ${terms.join(', ')}`,
      origin: 'auto',
      terms,
    };
    if (options.nest && depth === 0 && docsIn.length >= 4 * size.minSize) {
      const before = previous.find((p) => previousIds(p).includes(candidate.id));
      const children = automaticTopics(
        index,
        docsIn,
        { previous: before?.children ?? [], covered: new Set(), room: () => 2, nest: true },
        depth + 1,
        new Set([...exclude, ...candidate.phrases, ...selection.broad]),
      );
      if (children.length > 1) topic.children = children;
    }
    topics.push(topic);
  });
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
    else same.keys = [...new Set([...same.keys, ...topic.keys])].sort(compare);
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
function keysOfDocs(index: PaperIndex, docs: readonly number[]): string[] {
  const keys: string[] = [];
  for (const doc of docs) {
    const key = index.papers[doc]!.key;
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
