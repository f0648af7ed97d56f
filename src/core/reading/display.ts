// What a view shows of a paper's reading status and tags, as data: the Papers tree, the
// details page, the pickers and the command line all read them from here.
import type { Paper } from '../paper/paper';
import { STATUS_LABELS, type ReadingEntry, type ReadingList, type ReadingStatus } from './status';

/** The codicon each status is drawn with (`$(name)` in labels, a ThemeIcon in trees). */
export const STATUS_ICONS: Record<ReadingStatus, string> = {
  'to-read': 'bookmark',
  reading: 'book',
  read: 'pass',
  excluded: 'circle-slash',
};

/**
 * The theme colour of each status's icon: what is waiting stands out, what is done is
 * green, what was set aside fades.
 */
export const STATUS_COLOURS: Record<ReadingStatus, string> = {
  'to-read': 'charts.orange',
  reading: 'charts.blue',
  read: 'charts.green',
  excluded: 'disabledForeground',
};

/** The entry for a paper, found under its key or any of its aliases. */
export function readingOf(list: ReadingList, paper: Pick<Paper, 'key' | 'aliases'>): ReadingEntry | undefined {
  const own = list.entries.get(paper.key);
  if (own) return own;
  for (const alias of paper.aliases ?? []) {
    const entry = list.entries.get(alias);
    if (entry) return entry;
  }
  return undefined;
}

/** "Read · #rl #search" for a tree item's description or a picker's detail; '' when there is nothing. */
export function readingDescription(entry: ReadingEntry | undefined, options: { status?: boolean } = {}): string {
  if (!entry) return '';
  const parts: string[] = [];
  if (options.status !== false && entry.status) parts.push(STATUS_LABELS[entry.status] + (entry.status === 'excluded' && entry.reason ? ` (${entry.reason})` : ''));
  if (entry.tags.length) parts.push(entry.tags.map((tag) => `#${tag}`).join(' '));
  return parts.join(' · ');
}

export interface ReadingFilter {
  status?: ReadingStatus | 'none';
  tag?: string;
}

/** "To read · #rl", "No status": what a filter lets through, in words; '' for no filter. */
export function readingFilterLabel(filter: ReadingFilter): string {
  const status = filter.status === 'none' ? 'No status' : filter.status ? STATUS_LABELS[filter.status] : undefined;
  return [status, filter.tag ? `#${filter.tag}` : undefined].filter(Boolean).join(' · ');
}

/** A hover card's line on the status and tags, as plain words (the caller escapes them). */
export function readingSummary(entry: ReadingEntry | undefined): string {
  if (!entry || (!entry.status && !entry.tags.length)) return '';
  const status = entry.status ? `${STATUS_LABELS[entry.status]}${entry.reason ? ` (${entry.reason})` : ''}${entry.date ? `, since ${entry.date}` : ''}` : undefined;
  const tags = entry.tags.length ? `tags: ${entry.tags.join(', ')}` : undefined;
  return [status, tags].filter(Boolean).join(' · ');
}

/** Whether a paper's entry passes a filter of the Papers view ("none": papers without a status). */
export function matchesReadingFilter(entry: ReadingEntry | undefined, filter: ReadingFilter): boolean {
  if (filter.status === 'none' && entry?.status) return false;
  if (filter.status && filter.status !== 'none' && entry?.status !== filter.status) return false;
  if (filter.tag && !entry?.tags.some((tag) => tag.toLowerCase() === filter.tag!.toLowerCase())) return false;
  return true;
}

/** Papers grouped by tag, tags by name; papers without a tag under `untagged`. A paper with two tags is in both groups. */
export function groupByTag<P extends Pick<Paper, 'key' | 'aliases'>>(list: ReadingList, papers: readonly P[], untagged = 'Untagged'): { tag: string; papers: P[] }[] {
  const groups = new Map<string, { tag: string; papers: P[] }>();
  const none: P[] = [];
  for (const paper of papers) {
    const tags = readingOf(list, paper)?.tags ?? [];
    if (!tags.length) none.push(paper);
    for (const tag of tags) {
      const group = groups.get(tag.toLowerCase()) ?? { tag, papers: [] };
      group.papers.push(paper);
      groups.set(tag.toLowerCase(), group);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => a.tag.localeCompare(b.tag));
  return none.length ? [...sorted, { tag: untagged, papers: none }] : sorted;
}

export interface ReadingCounts {
  /** Papers of the library with each status; `none`: those without one. */
  statuses: Record<ReadingStatus | 'none', number>;
  /** Each tag the library's papers carry, with how many carry it, most used first. */
  tags: { tag: string; count: number }[];
}

/** What a filter by status or tag would leave, counted over the library's papers (lines of papers no longer listed are not). */
export function readingCounts(list: ReadingList, papers: readonly Pick<Paper, 'key' | 'aliases'>[]): ReadingCounts {
  const statuses: Record<ReadingStatus | 'none', number> = { 'to-read': 0, reading: 0, read: 0, excluded: 0, none: 0 };
  const tags = new Map<string, { tag: string; count: number }>();
  for (const paper of papers) {
    const entry = readingOf(list, paper);
    statuses[entry?.status ?? 'none']++;
    for (const tag of entry?.tags ?? []) {
      const known = tags.get(tag.toLowerCase());
      if (known) known.count++;
      else tags.set(tag.toLowerCase(), { tag, count: 1 });
    }
  }
  return { statuses, tags: [...tags.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)) };
}
