// The orders papers are shown in: newest first, most upvoted first, or by title.
import type { Paper } from './paper';

export type SortOrder = 'newest' | 'upvotes' | 'title';

/** A paper's year: its own, else its date's. */
export function paperYear(paper: Paper): number | undefined {
  if (paper.year !== undefined) return paper.year;
  return paper.date ? Number(paper.date.slice(0, 4)) : undefined;
}

/** Newest first (by date, then year); ties by upvotes, then title. Undated papers last. */
export function paperComparator(order: SortOrder): (a: Paper, b: Paper) => number {
  const byTitle = (a: Paper, b: Paper): number => collator.compare(a.title, b.title) || a.key.localeCompare(b.key);
  const byDate = (a: Paper, b: Paper): number => compareDescending(dateKey(a), dateKey(b));
  const byVotes = (a: Paper, b: Paper): number => (b.upvotes ?? -1) - (a.upvotes ?? -1);
  if (order === 'upvotes') return (a, b) => byVotes(a, b) || byDate(a, b) || byTitle(a, b);
  if (order === 'title') return byTitle;
  return (a, b) => byDate(a, b) || byVotes(a, b) || byTitle(a, b);
}

/** Titles compare as a reader does: case and accents aside, numbers by value. */
export const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** `2025-03-04`, `2025-03`, `2025` or '' : strings that sort as the dates do. */
function dateKey(paper: Paper): string {
  if (paper.date) return paper.date;
  const year = paperYear(paper);
  return year !== undefined ? String(year) : '';
}

function compareDescending(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? 1 : -1;
}
