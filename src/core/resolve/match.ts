// When a service's record is the paper a listing names: the normalised titles agree, and the
// years too when both have one. Anything less is at most a candidate for a person to choose,
// never taken on its own.
import { normalizeTitle } from '../util/text';

export type ServiceName = 'Hugging Face' | 'arXiv' | 'Crossref';

/** One paper as a service describes it. */
export interface Found {
  service: ServiceName;
  title: string;
  /** Display names, "Given Family" order. */
  authors: string[];
  year?: number;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  /** Without version. */
  arxivId?: string;
  /** Lower-cased. */
  doi?: string;
  abstract?: string;
  /** A journal or proceedings, when the paper is published. */
  venue?: string;
  /** BibTeX entry type the record calls for (article, inproceedings), when it says. */
  entryType?: string;
  /** arXiv's primary category (cs.CL). */
  primaryClass?: string;
  organization?: string;
  upvotes?: number;
  links: string[];
}

/** What a listing knows that a match is checked against. */
export interface Wanted {
  title: string;
  year?: number;
  arxivId?: string;
  doi?: string;
}

export type Match = { kind: 'exact'; found: Found } | { kind: 'ambiguous'; candidates: Found[] } | { kind: 'none' };

/** Fewer words than this never make a title "close" by its words alone. */
const MIN_CLOSE_WORDS = 3;

/**
 * The one record among `candidates` that is the wanted paper; several that could be (the
 * user chooses); or none. Exact: the same normalised title and, when both have a year, the
 * same year. Close (offered, never taken): the same title a year apart, one title the other's
 * start (a subtitle dropped), or every word of the shorter in the longer.
 */
export function matchTitle(wanted: Wanted, candidates: readonly Found[]): Match {
  const title = normalizeTitle(wanted.title);
  const exact: Found[] = [];
  const close: Found[] = [];
  for (const found of unique(candidates)) {
    const other = normalizeTitle(found.title);
    const yearsAgree = wanted.year === undefined || found.year === undefined || wanted.year === found.year;
    if (other === title && yearsAgree) exact.push(found);
    else if (other === title || titlesClose(title, other)) close.push(found);
  }
  if (exact.length === 1) return { kind: 'exact', found: exact[0]! };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };
  return close.length ? { kind: 'ambiguous', candidates: close } : { kind: 'none' };
}

/** Whether two normalised titles are near enough to offer one for the other. */
export function titlesClose(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a.startsWith(`${b} `) || b.startsWith(`${a} `)) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const words = shorter.split(' ');
  if (words.length < MIN_CLOSE_WORDS) return false;
  const others = new Set(longer.split(' '));
  return words.every((word) => others.has(word));
}

/** A record looked up by its identifier is the paper when the titles agree or are close. */
export function identifiedMatch(wanted: Wanted, found: Found): Match {
  const [a, b] = [normalizeTitle(wanted.title), normalizeTitle(found.title)];
  if (a === b || titlesClose(a, b)) return { kind: 'exact', found };
  return { kind: 'ambiguous', candidates: [found] };
}

/** The same paper from two services (by its arXiv id or DOI) is offered once. */
function unique(candidates: readonly Found[]): Found[] {
  const seen = new Set<string>();
  return candidates.filter((found) => {
    const id = found.arxivId ? `arxiv:${found.arxivId.toLowerCase()}` : found.doi ? `doi:${found.doi}` : `title:${normalizeTitle(found.title)}:${found.year ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
