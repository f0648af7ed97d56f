// Commands that act on papers take them in every form callers have: a key, several keys, a
// Paper, a Papers view element (which carries `.paper`), or the view's multi-selection.
import type { Paper } from './paper';

export interface ResolvedPapers {
  papers: Paper[];
  /** Keys asked for that the library does not have. */
  unknown: string[];
}

/**
 * The papers named by a command's arguments, or undefined when none names a paper (the
 * command then asks). A view passes `(clicked, selected[])`: the selection wins when it has
 * several elements.
 */
export function papersFromArguments(byKey: (key: string) => Paper | undefined, args: readonly unknown[]): ResolvedPapers | undefined {
  const [first, second] = args;
  const chosen = Array.isArray(second) && second.length > 1 ? second : first;
  const wanted = (Array.isArray(chosen) ? chosen : [chosen]).map(keyOf).filter((key): key is string => key !== undefined);
  if (!wanted.length) return undefined;
  const papers: Paper[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const key of wanted) {
    const paper = byKey(key);
    if (!paper) unknown.push(key);
    else if (!seen.has(paper.key)) {
      seen.add(paper.key);
      papers.push(paper);
    }
  }
  return { papers, unknown };
}

function keyOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().replace(/^@/, '') || undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as { key?: unknown; paper?: unknown };
  if (typeof record.paper === 'object' && record.paper !== null) return keyOf(record.paper);
  return typeof record.key === 'string' && record.key ? record.key : undefined;
}
