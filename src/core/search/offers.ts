// The papers a picker or a completion list offers for what a person typed: the search
// engine's ranking for a query, the newest papers before anything is typed.
import type { Paper } from '../paper/paper';
import type { SearchIndex } from '.';
import { paperComparator } from '../paper/order';

const newestCache = new WeakMap<readonly Paper[], Paper[]>();

/** Newest first (date, then upvotes, then title), sorted once per library. */
export function newestPapers(papers: readonly Paper[], limit: number): Paper[] {
  let sorted = newestCache.get(papers);
  if (!sorted) {
    sorted = [...papers].sort(paperComparator('newest'));
    newestCache.set(papers, sorted);
  }
  return sorted.slice(0, Math.max(0, limit));
}

/** The engine's hits for `query` in its order, or the newest papers when the query is blank. */
export function papersForQuery(papers: readonly Paper[], index: SearchIndex, query: string, limit: number): Paper[] {
  if (!query.trim()) return newestPapers(papers, limit);
  return index.search(query, { limit }).map((hit) => hit.paper);
}

/**
 * Every paper, the engine's hits for `query` first in its order and the rest newest first,
 * for lists short enough to show whole (completion in a small library).
 */
export function allPapersRanked(papers: readonly Paper[], index: SearchIndex, query: string): Paper[] {
  const hits = query.trim() ? index.search(query, { limit: papers.length }).map((hit) => hit.paper) : [];
  const shown = new Set(hits.map((paper) => paper.key));
  return [...hits, ...newestPapers(papers, papers.length).filter((paper) => !shown.has(paper.key))];
}

/**
 * The keys offered for completion while `typed` is being typed: in a library of at most `cap`
 * papers, all of them ranked for it; in a larger one, the engine's best `cap` for it, marked
 * incomplete so the editor asks again as the key grows.
 */
export function completionPapers(papers: readonly Paper[], index: SearchIndex, typed: string, cap: number): { papers: Paper[]; complete: boolean } {
  if (papers.length <= cap) return { papers: allPapersRanked(papers, index, typed), complete: true };
  return { papers: papersForQuery(papers, index, typed, cap), complete: false };
}

/**
 * Quick pick labels read `$(name)` as an icon: listing text must show as written. The
 * editor's own escape is a backslash before the `$`, and only a real icon name may take it
 * (any other backslash would show).
 */
export function escapeIconSyntax(text: string): string {
  return text.replace(/\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g, (icon) => `\\${icon}`);
}
