// The papers of a shared library shown beside the local ones. A paper the local library
// already holds (same arXiv id or DOI, else same key or title of the same work) is shown
// once, as the local paper. A shared paper
// whose key the local library gives to another work gets a free key of its own: a key in a
// note must always name one paper, and its bibliography entry must be that paper's.
import type { Paper } from '../paper/paper';
import { keySuffix } from '../paper/keys';
import { normalizeTitle } from '../util/text';

/** What tells the local papers apart: their keys (aliases too), arXiv ids, DOIs and titles. */
export class LocalIdentities {
  private readonly byKey = new Map<string, Paper>();
  private readonly byArxivId = new Map<string, Paper>();
  private readonly byDoi = new Map<string, Paper>();
  private readonly byTitle = new Map<string, Paper>();

  constructor(papers: readonly Paper[]) {
    for (const paper of papers) {
      for (const key of [paper.key, ...(paper.aliases ?? [])]) if (!this.byKey.has(key.toLowerCase())) this.byKey.set(key.toLowerCase(), paper);
      if (paper.arxivId && !this.byArxivId.has(paper.arxivId.toLowerCase())) this.byArxivId.set(paper.arxivId.toLowerCase(), paper);
      if (paper.doi && !this.byDoi.has(paper.doi.toLowerCase())) this.byDoi.set(paper.doi.toLowerCase(), paper);
      const title = normalizeTitle(paper.title);
      if (title && !this.byTitle.has(title)) this.byTitle.set(title, paper);
    }
  }

  /** The local paper that is this very paper, if the local library holds it. */
  localOf(paper: Paper): Paper | undefined {
    const byId = (paper.arxivId && this.byArxivId.get(paper.arxivId.toLowerCase())) || (paper.doi && this.byDoi.get(paper.doi.toLowerCase()));
    if (byId) return byId;
    // Under another key (the two libraries keyed it apart), the same title of the same work.
    for (const local of [this.byKey.get(paper.key.toLowerCase()), this.byTitle.get(normalizeTitle(paper.title))]) {
      if (local && sameWork(local, paper) && sameYear(local, paper)) return local;
    }
    return undefined;
  }

  holds(paper: Paper): boolean {
    return this.localOf(paper) !== undefined;
  }

  /** Whether a key (any case) already cites a local paper. */
  keyTaken(key: string): boolean {
    return this.byKey.has(key.toLowerCase());
  }
}

/**
 * Two records under one key are the same work unless their ids differ or, lacking ids to
 * compare, their titles do.
 */
export function sameWork(a: Paper, b: Paper): boolean {
  if (a.arxivId && b.arxivId) return a.arxivId.toLowerCase() === b.arxivId.toLowerCase();
  if (a.doi && b.doi) return a.doi.toLowerCase() === b.doi.toLowerCase();
  return normalizeTitle(a.title) === normalizeTitle(b.title);
}

/** Years, where both records give one, agree: a title reused years apart names another work. */
function sameYear(a: Paper, b: Paper): boolean {
  const [x, y] = [a.year ?? yearOf(a.date), b.year ?? yearOf(b.date)];
  return x === undefined || y === undefined || x === y;
}

function yearOf(date: string | undefined): number | undefined {
  return date ? Number(date.slice(0, 4)) : undefined;
}

/**
 * The shared papers to show below the local rows, in the server's order: none the local
 * library holds, none already shown (`shownKeys`, lower-cased), each once, and each under a
 * key no local paper uses.
 */
export function sharedBeside(shared: readonly Paper[], local: LocalIdentities, shownKeys: ReadonlySet<string> = new Set()): Paper[] {
  /** Keys the server gave (each paper once), and keys given out here (free ones included). */
  const seen = new Set<string>();
  const taken = new Set<string>();
  const result: Paper[] = [];
  for (const paper of shared) {
    const key = paper.key.toLowerCase();
    if (shownKeys.has(key) || seen.has(key) || local.holds(paper)) continue;
    seen.add(key);
    const usable = citableBeside(paper, local, taken);
    taken.add(usable.key.toLowerCase());
    result.push(usable);
  }
  return result;
}

/**
 * The paper as it can be cited beside the local library: unchanged when its key is free,
 * else under the first free key with a letter added (`smith2020a`), its aliases dropped.
 * `alsoTaken` holds keys (lower-cased) given to other shared papers on show.
 */
export function citableBeside(paper: Paper, local: LocalIdentities, alsoTaken: ReadonlySet<string> = new Set()): Paper {
  const free = (key: string): boolean => !local.keyTaken(key) && !alsoTaken.has(key.toLowerCase());
  const aliases = paper.aliases?.filter(free);
  if (free(paper.key)) return aliases?.length === paper.aliases?.length ? paper : { ...paper, aliases: aliases?.length ? aliases : undefined };
  for (let n = 0; ; n++) {
    const key = `${paper.key}${keySuffix(n)}`;
    if (free(key)) return { ...paper, key, aliases: undefined, aliasEntries: undefined };
  }
}
