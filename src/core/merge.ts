// One record per paper, however many listings mention it.
import type { PaperDraft, Source } from './paper';
import { normalizeTitle } from './text';

/** Titles this short ("Introduction", "Abstract") are too generic to identify a paper. */
const MIN_TITLE_IDENTITY_LENGTH = 15;

/**
 * Groups drafts that describe the same paper: the same arXiv id, else the same DOI, else
 * the same normalised title, but never two drafts whose arXiv ids or DOIs disagree.
 * Returns the merged papers in a stable order (by identity), whatever the input order.
 */
export function mergeDrafts(drafts: readonly PaperDraft[]): PaperDraft[] {
  const sorted = [...drafts].sort(compareBySource);
  const groups: Group[] = [];
  const byArxiv = new Map<string, Group>();
  const byDoi = new Map<string, Group>();
  const byTitle = new Map<string, Group[]>();

  for (const draft of sorted) {
    const title = normalizeTitle(draft.title);
    const arxiv = draft.arxivId?.toLowerCase();
    let group = (arxiv && byArxiv.get(arxiv)) || (draft.doi && byDoi.get(draft.doi)) || undefined;
    if (group && !compatible(group, draft)) group = undefined;
    if (!group && title.length >= MIN_TITLE_IDENTITY_LENGTH) {
      group = byTitle.get(title)?.find((candidate) => compatible(candidate, draft));
    }
    if (!group) {
      group = { drafts: [] };
      groups.push(group);
    }
    group.drafts.push(draft);
    group.arxivId ??= arxiv;
    group.doi ??= draft.doi;
    if (arxiv && !byArxiv.has(arxiv)) byArxiv.set(arxiv, group);
    if (draft.doi && !byDoi.has(draft.doi)) byDoi.set(draft.doi, group);
    if (title.length >= MIN_TITLE_IDENTITY_LENGTH) {
      const same = byTitle.get(title) ?? [];
      if (!same.includes(group)) byTitle.set(title, [...same, group]);
    }
  }
  return sortByIdentity(groups.map((group) => combine(group.drafts)));
}

interface Group {
  drafts: PaperDraft[];
  arxivId?: string;
  doi?: string;
}

function compatible(group: Group, draft: PaperDraft): boolean {
  const arxiv = draft.arxivId?.toLowerCase();
  if (group.arxivId && arxiv && group.arxivId !== arxiv) return false;
  if (group.doi && draft.doi && group.doi !== draft.doi) return false;
  return true;
}

/** Keeps the richest value of each field and every source. Drafts arrive in source order. */
function combine(drafts: PaperDraft[]): PaperDraft {
  const first = drafts[0]!;
  if (drafts.length === 1) return first;
  const authors = longest(drafts.map((d) => d.authors));
  const counts = drafts.map((d) => d.authorCount ?? 0);
  const authorCount = Math.max(authors.length, ...counts);
  const dated = drafts.filter((d) => d.date).sort((a, b) => b.date!.length - a.date!.length)[0];
  const upvotes = drafts.map((d) => d.upvotes).filter((n): n is number => n !== undefined);
  return {
    title: richest(drafts.map((d) => d.title))!,
    abstract: richest(drafts.map((d) => d.abstract)),
    authors,
    authorCount: authorCount > 0 ? authorCount : undefined,
    organization: richest(drafts.map((d) => d.organization)),
    date: dated?.date,
    year: dated?.year ?? drafts.find((d) => d.year)?.year,
    upvotes: upvotes.length ? Math.max(...upvotes) : undefined,
    links: union(drafts.map((d) => d.links)),
    arxivId: drafts.find((d) => d.arxivId)?.arxivId,
    doi: drafts.find((d) => d.doi)?.doi,
    venue: richest(drafts.map((d) => d.venue)),
    entryType: drafts.find((d) => d.entryType)?.entryType,
    keywords: union(drafts.map((d) => d.keywords)),
    pinnedKey: drafts.find((d) => d.pinnedKey)?.pinnedKey,
    sources: drafts.flatMap((d) => d.sources).sort(compareSources),
  };
}

/** The longest text, the earliest source winning ties. */
function richest(values: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const value of values) if (value && (!best || value.length > best.length)) best = value;
  return best;
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
export function identity(paper: PaperDraft): string {
  if (paper.arxivId) return `arxiv:${paper.arxivId.toLowerCase()}`;
  if (paper.doi) return `doi:${paper.doi}`;
  return `title:${normalizeTitle(paper.title)}`;
}

/** Identities are worked out once each: a comparison sort would otherwise normalise titles millions of times at 100k papers. */
function sortByIdentity(papers: PaperDraft[]): PaperDraft[] {
  const keyed = papers.map((paper) => ({ paper, identity: identity(paper) }));
  keyed.sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : compareBySource(a.paper, b.paper)));
  return keyed.map((entry) => entry.paper);
}
