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
