// One record per paper, however many listings mention it, and never one record for two works.
import type { AliasEntry, BibField, BibtexRecord, PaperDraft, Source } from './paper';
import { normalizeTitle, toAscii } from '../util/text';
import { runToEnd, sortSteps, type Steps } from '../util/steps';

/** Drafts merged between pauses when merging a step at a time: a few milliseconds' work. */
const STEP_SIZE = 500;

/** Titles this short ("Introduction", "Abstract") are too generic to identify a paper. */
const MIN_TITLE_IDENTITY_LENGTH = 15;

/** Entry types of a whole book or volume: never the same work as a chapter or an article in it. */
const WHOLE_VOLUME_TYPES = new Set(['book', 'mvbook', 'collection', 'mvcollection', 'proceedings', 'mvproceedings', 'reference', 'mvreference', 'periodical']);

/** How two drafts were found to be one paper. */
export type MergeReason = 'arXiv id' | 'DOI' | 'title';

/** Two drafts that looked alike but are different works, and why. */
export interface RefusedMerge {
  title: string;
  reason: string;
  sources: [Source, Source];
}

/** A merged paper that joined drafts carrying different citation keys. */
export interface KeyJoin {
  /** Index into the merged papers. */
  index: number;
  reason: MergeReason;
}

export interface MergeResult {
  papers: PaperDraft[];
  joins: KeyJoin[];
  refused: RefusedMerge[];
}

export function mergeDrafts(drafts: readonly PaperDraft[]): PaperDraft[] {
  return mergeWithReport(drafts).papers;
}

/**
 * Groups drafts that describe the same paper: the same arXiv id, else the same DOI (with
 * titles that agree), else the same normalised title (with years and first authors that
 * agree); never a book with its chapter or another edition. Returns the merged papers in a
 * stable order (by identity), whatever the input order, with the merges that joined keys and
 * the lookalikes kept apart.
 */
export function mergeWithReport(drafts: readonly PaperDraft[]): MergeResult {
  return runToEnd(mergeSteps(drafts));
}

/** `mergeWithReport` as steps, pausing every few hundred drafts (see util/steps). */
export function* mergeSteps(drafts: readonly PaperDraft[]): Steps<MergeResult> {
  const sorted = [...drafts].sort(compareBySource);
  yield;
  const groups: Group[] = [];
  const byArxiv = new Map<string, Group>();
  const byDoi = new Map<string, Group>();
  const byTitle = new Map<string, Group[]>();
  const refused: RefusedMerge[] = [];

  // Each title is normalised once: at 100k papers that is most of a merge's time.
  const titles = new Map<PaperDraft, string>();
  let done = 0;
  for (const draft of sorted) {
    if (++done % STEP_SIZE === 0) yield;
    const title = normalizeTitle(draft.title);
    titles.set(draft, title);
    const arxiv = draft.arxivId?.toLowerCase();
    const doi = publishedDoi(draft);
    let group: Group | undefined;
    let reason: MergeReason = 'title';
    const byId: [Group | undefined, MergeReason][] = [
      [arxiv ? byArxiv.get(arxiv) : undefined, 'arXiv id'],
      [doi ? byDoi.get(doi) : undefined, 'DOI'],
    ];
    for (const [candidate, why] of byId) {
      if (!candidate || group) continue;
      const objection = objectionTo(candidate, draft, why);
      if (objection) refused.push(refusal(candidate, draft, objection));
      else [group, reason] = [candidate, why];
    }
    if (!group && title.length >= MIN_TITLE_IDENTITY_LENGTH) {
      for (const candidate of byTitle.get(title) ?? []) {
        const objection = objectionTo(candidate, draft, 'title');
        if (!objection) {
          group = candidate;
          break;
        }
        if (!refused.some((r) => r.sources[1] === draft.sources[0])) refused.push(refusal(candidate, draft, objection));
      }
    }
    if (!group) {
      group = { drafts: [], reasons: new Set() };
      groups.push(group);
    } else {
      group.reasons.add(reason);
    }
    group.drafts.push(draft);
    group.arxivId ??= arxiv;
    group.doi ??= doi;
    if (arxiv && !byArxiv.has(arxiv)) byArxiv.set(arxiv, group);
    if (doi && !byDoi.has(doi)) byDoi.set(doi, group);
    if (title.length >= MIN_TITLE_IDENTITY_LENGTH) {
      const same = byTitle.get(title) ?? [];
      if (!same.includes(group)) byTitle.set(title, [...same, group]);
    }
  }
  const combined: { paper: PaperDraft; group: Group; identity: string }[] = [];
  for (const group of groups) {
    if (combined.length % STEP_SIZE === 0) yield;
    const paper = combine(group.drafts);
    combined.push({ paper, group, identity: identity(paper, titles.get(paper)) });
  }
  const ordered = yield* sortSteps(combined, (a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : compareBySource(a.paper, b.paper)));
  const joins: KeyJoin[] = [];
  ordered.forEach(({ paper, group }, index) => {
    if (paper.aliases?.length) joins.push({ index, reason: [...group.reasons][0] ?? 'title' });
  });
  return { papers: ordered.map(({ paper }) => paper), joins, refused };
}

interface Group {
  drafts: PaperDraft[];
  arxivId?: string;
  doi?: string;
  reasons: Set<MergeReason>;
}

function refusal(group: Group, draft: PaperDraft, reason: string): RefusedMerge {
  return { title: draft.title, reason, sources: [group.drafts[0]!.sources[0]!, draft.sources[0]!] };
}

/** Why `draft` is not the paper `group` holds, or undefined when nothing says so. */
function objectionTo(group: Group, draft: PaperDraft, matchedBy: MergeReason): string | undefined {
  const arxiv = draft.arxivId?.toLowerCase();
  if (group.arxivId && arxiv && group.arxivId !== arxiv) return 'their arXiv ids differ';
  const doi = publishedDoi(draft);
  if (group.doi && doi && group.doi !== doi) return 'their DOIs differ';
  for (const other of group.drafts) {
    const objection = workObjection(other, draft) ?? (matchedBy === 'DOI' && !titlesAgree(other.title, draft.title) ? 'their titles differ' : undefined) ?? (matchedBy === 'title' ? titleMatchObjection(other, draft) : undefined);
    if (objection) return objection;
  }
  return undefined;
}

/** A whole book is not its chapter, nor another edition or volume of itself. */
function workObjection(a: PaperDraft, b: PaperDraft): string | undefined {
  const aWhole = a.entryType !== undefined && WHOLE_VOLUME_TYPES.has(a.entryType);
  const bWhole = b.entryType !== undefined && WHOLE_VOLUME_TYPES.has(b.entryType);
  if (a.entryType && b.entryType && aWhole !== bWhole) return `a ${aWhole ? a.entryType : b.entryType} is not a part of it (${aWhole ? b.entryType : a.entryType})`;
  if (aWhole && bWhole) {
    for (const field of ['edition', 'volume']) {
      const [x, y] = [bibField(a, field), bibField(b, field)];
      if (x !== undefined && y !== undefined && x.trim().toLowerCase() !== y.trim().toLowerCase()) return `their ${field}s differ`;
    }
  }
  return undefined;
}

/** Titles alone are weak evidence: the years and the first authors must agree too. */
function titleMatchObjection(a: PaperDraft, b: PaperDraft): string | undefined {
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) {
    const aYearApart = Math.abs(a.year - b.year) === 1 && (isPreprint(a) || isPreprint(b));
    if (!aYearApart) return `their years differ (${a.year}, ${b.year})`;
  }
  const [x, y] = [firstFamilyName(a), firstFamilyName(b)];
  if (x && y && x !== y && !x.includes(y) && !y.includes(x)) return `their first authors differ`;
  return undefined;
}

/** Same title once normalised, one the other's start (a subtitle dropped), or mostly the same words. */
function titlesAgree(a: string, b: string): boolean {
  const [x, y] = [normalizeTitle(a), normalizeTitle(b)];
  if (x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `)) return true;
  const xs = new Set(x.split(' '));
  const ys = new Set(y.split(' '));
  const shared = [...xs].filter((word) => ys.has(word)).length;
  return shared / Math.max(1, new Set([...xs, ...ys]).size) >= 0.6;
}

/** A preprint may carry the year before its publication's. */
function isPreprint(draft: PaperDraft): boolean {
  return draft.arxivId !== undefined || draft.entryType === 'unpublished' || /\b(arxiv|preprint|corr)\b/i.test(draft.venue ?? '');
}

function firstFamilyName(draft: PaperDraft): string | undefined {
  const first = draft.authors[0];
  if (!first) return undefined;
  const words = toAscii(first).toLowerCase().replace(/[^a-z\s-]/g, '').trim().split(/\s+/);
  const family = words[words.length - 1];
  return family && family.length > 1 ? family : undefined;
}

function bibField(draft: PaperDraft, name: string): string | undefined {
  return draft.bibtex?.fields.find(([field]) => field === name)?.[1];
}

/** arXiv's own DOIs (10.48550) name the preprint: they never keep it apart from its publication. */
function publishedDoi(draft: PaperDraft): string | undefined {
  return draft.doi && !draft.doi.startsWith('10.48550/') ? draft.doi : undefined;
}

/**
 * How much a listing's word on a field counts: a .bib entry, an API's JSON or an arXiv
 * listing describe the paper itself; a reading list's line is someone's summary of it.
 */
function sourceRank(draft: PaperDraft): number {
  return /\.(md|markdown)$/i.test(draft.sources[0]!.file) ? 0 : 1;
}

/** Keeps the best value of each field and every source and key. Drafts arrive in source order. */
function combine(drafts: PaperDraft[]): PaperDraft {
  const first = drafts[0]!;
  if (drafts.length === 1) return first;
  const best = bestFirst(drafts);
  const authors = longest(best.filter((d) => d.authors.length > 0).slice(0, countOfBestRank(best, (d) => d.authors.length > 0)).map((d) => d.authors));
  const counts = drafts.map((d) => d.authorCount ?? 0);
  const authorCount = Math.max(authors.length, ...counts);
  const dated = best.filter((d) => d.date).slice(0, countOfBestRank(best, (d) => !!d.date)).sort((a, b) => b.date!.length - a.date!.length)[0];
  const upvotes = drafts.map((d) => d.upvotes).filter((n): n is number => n !== undefined);
  const keyed = drafts.filter((d) => d.pinnedKey);
  const keys = uniqueKeys([...keyed.map((d) => d.pinnedKey!), ...drafts.flatMap((d) => d.aliases ?? [])]);
  const withBibtex = drafts.find((d) => d.bibtex);
  const merged: PaperDraft = {
    title: richestOfBest(best, (d) => d.title)!,
    abstract: richestOfBest(best, (d) => d.abstract),
    authors,
    authorCount: authorCount > 0 ? authorCount : undefined,
    organization: richestOfBest(best, (d) => d.organization),
    date: dated?.date,
    year: dated?.year ?? best.find((d) => d.year)?.year,
    upvotes: upvotes.length ? Math.max(...upvotes) : undefined,
    links: union(drafts.map((d) => d.links)),
    arxivId: drafts.find((d) => d.arxivId)?.arxivId,
    doi: drafts.map(publishedDoi).find((doi) => doi) ?? drafts.find((d) => d.doi)?.doi,
    venue: richestOfBest(best, (d) => d.venue),
    entryType: withBibtex?.entryType ?? best.find((d) => d.entryType)?.entryType,
    keywords: union(drafts.map((d) => d.keywords)),
    pinnedKey: keys[0],
    sources: drafts.flatMap((d) => d.sources).sort(compareSources),
  };
  if (keys.length > 1) merged.aliases = keys.slice(1);
  if (withBibtex) merged.bibtex = unionOfRecords(drafts.flatMap((d) => (d.bibtex ? [d.bibtex] : [])));
  const aliasEntries = entriesOfAliases(drafts, keys[0]);
  if (aliasEntries.length) merged.aliasEntries = aliasEntries;
  if (drafts.every((d) => d.container)) merged.container = true;
  return merged;
}

/** The .bib entries of a paper's other keys, the first of each key, as they were written. */
function entriesOfAliases(drafts: PaperDraft[], key: string | undefined): AliasEntry[] {
  const seen = new Set([key?.toLowerCase()]);
  const entries: AliasEntry[] = [];
  for (const draft of drafts) {
    for (const entry of [...(draft.aliasEntries ?? []), ...(draft.bibtex && draft.pinnedKey ? [{ key: draft.pinnedKey, entryType: draft.entryType, bibtex: draft.bibtex }] : [])]) {
      if (seen.has(entry.key.toLowerCase())) continue;
      seen.add(entry.key.toLowerCase());
      entries.push(entry);
    }
  }
  return entries;
}

/**
 * One entry's fields for a paper that several .bib entries describe: the first entry's, then
 * each field only a later one has, so no field written in any of them is dropped.
 */
function unionOfRecords(records: BibtexRecord[]): BibtexRecord {
  const [first, ...rest] = records;
  if (!rest.length) return first!;
  const union = (lists: BibField[][]): BibField[] => {
    const seen = new Set<string>();
    return lists.flat().filter(([name]) => !seen.has(name) && !!seen.add(name));
  };
  return { fields: union(records.map((r) => r.fields)), inherited: union(records.map((r) => r.inherited)) };
}

/** The drafts, the most trusted sources first, source order within each. */
function bestFirst(drafts: PaperDraft[]): PaperDraft[] {
  return drafts.map((draft, order) => ({ draft, order, rank: sourceRank(draft) })).sort((a, b) => b.rank - a.rank || a.order - b.order).map(({ draft }) => draft);
}

/** How many of the leading drafts share the best rank among those that have a value. */
function countOfBestRank(best: PaperDraft[], has: (draft: PaperDraft) => boolean): number {
  const holders = best.filter(has);
  const top = holders[0] ? sourceRank(holders[0]) : 0;
  return holders.filter((draft) => sourceRank(draft) === top).length;
}

/** The longest value among the most trusted drafts that have one, the earliest source winning ties. */
function richestOfBest(best: PaperDraft[], value: (draft: PaperDraft) => string | undefined): string | undefined {
  const holders = best.filter((draft) => value(draft));
  const top = holders[0] ? sourceRank(holders[0]) : 0;
  let richest: string | undefined;
  for (const draft of holders) {
    if (sourceRank(draft) !== top) break;
    const text = value(draft)!;
    if (!richest || text.length > richest.length) richest = text;
  }
  return richest;
}

/** Keys in order, once each: BibTeX keys match without regard to case. */
function uniqueKeys(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((key) => !seen.has(key.toLowerCase()) && seen.add(key.toLowerCase()));
}

function longest<T>(lists: T[][]): T[] {
  return lists.reduce((best, list) => (list.length > best.length ? list : best), [] as T[]);
}

function union(lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

function compareSources(a: Source, b: Source): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

function compareBySource(a: PaperDraft, b: PaperDraft): number {
  return compareSources(a.sources[0]!, b.sources[0]!);
}

/** A paper's identity, independent of where it was read. */
export function identity(paper: PaperDraft, normalizedTitle?: string): string {
  if (paper.arxivId) return `arxiv:${paper.arxivId.toLowerCase()}`;
  if (paper.doi) return `doi:${paper.doi}`;
  return `title:${normalizedTitle ?? normalizeTitle(paper.title)}`;
}

/**
 * Identities are worked out once each: a comparison sort would otherwise normalise titles
 * millions of times at 100k papers. A paper read once keeps its draft's normalised title.
 */
