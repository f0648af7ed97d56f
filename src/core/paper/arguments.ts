// Commands that act on papers take them in every form callers have: a key, several keys, a
// Paper, a Papers view element (which carries `.paper`), or the view's multi-selection. A
// whole paper the library lacks (one of the shared library's, handed over as the server
// gave it) is taken as it is.
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
  const wanted = (Array.isArray(chosen) ? chosen : [chosen]).map((value) => ({ key: keyOf(value), carried: paperCarriedBy(value) })).filter((item): item is { key: string; carried: Paper | undefined } => item.key !== undefined);
  if (!wanted.length) return undefined;
  const papers: Paper[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const { key, carried } of wanted) {
    const paper = byKey(key) ?? carried;
    if (!paper) unknown.push(key);
    else if (!seen.has(paper.key)) {
      seen.add(paper.key);
      papers.push(paper);
    }
  }
  return { papers, unknown };
}

/** The whole paper a value is or carries (`.paper`), when it has what a paper has. */
export function paperCarriedBy(value: unknown): Paper | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Partial<Paper> & { paper?: unknown };
  if (typeof record.paper === 'object' && record.paper !== null) return paperCarriedBy(record.paper);
  return typeof record.key === 'string' && typeof record.title === 'string' && Array.isArray(record.authors) && Array.isArray(record.sources) ? (record as Paper) : undefined;
}

function keyOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().replace(/^@/, '') || undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as { key?: unknown; paper?: unknown };
  if (typeof record.paper === 'object' && record.paper !== null) return keyOf(record.paper);
  return typeof record.key === 'string' && record.key ? record.key : undefined;
}
