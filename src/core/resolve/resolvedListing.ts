// What Complete Metadata learned, as a listing of its own: `.lit-review/resolved.bib` in the
// library folder, one BibTeX entry per paper under the paper's citation key. The library
// reads it like any .bib file and merges each entry with the paper's other listings (same
// title and year, and now the same arXiv id or DOI), so the key stays and the authors and
// identifiers join it. The user's own listings are never changed; the team can commit it.
import { splitBibtex } from '../bibtex/chunks';
import { formatBibtexEntry } from '../bibtex/write';
import { lineEnding } from '../bibtex/append';
import type { Paper } from '../paper/paper';
import type { Found } from './match';

/** Where the listing lives, relative to the library folder. */
export const RESOLVED_LISTING = '.lit-review/resolved.bib';

const HEADER = [
  '% Written by Lit Review (Complete Metadata): what public services said about papers of this',
  '% library, one entry per paper under its citation key. It is read with the other listings and',
  '% merges with them; running Complete Metadata again replaces an entry of the same key.',
  '',
].join('\n');

/** The paper as the services completed it, under its own key. */
export function resolvedPaper(paper: Paper, found: Found): Paper {
  const keywords = found.primaryClass ? [found.primaryClass] : [];
  const completed: Paper = {
    key: paper.key,
    topics: [],
    sources: paper.sources,
    // The listing's own title: it is what the paper is known by, and the merge matches on it.
    title: paper.title,
    authors: paper.authors.length >= found.authors.length ? paper.authors : found.authors,
    authorCount: Math.max(paper.authorCount ?? 0, found.authors.length, paper.authors.length) || undefined,
    date: paper.date ?? found.date,
    year: paper.year ?? found.year,
    arxivId: paper.arxivId ?? found.arxivId,
    doi: paper.doi ?? found.doi,
    abstract: paper.abstract ?? found.abstract,
    venue: paper.venue ?? found.venue,
    entryType: paper.entryType ?? found.entryType,
    organization: paper.organization ?? found.organization,
    links: found.links.length ? found.links : paper.links,
    keywords,
  };
  // An entry a .bib file gave is written whole with what it lacked: the merge then keeps
  // every field the user wrote, whichever entry it reads first.
  if (paper.bibtex) completed.bibtex = paper.bibtex;
  if (paper.aliases) completed.aliases = paper.aliases;
  return completed;
}

/** The BibTeX entry for `paper` completed by `found`. */
export function resolvedEntry(paper: Paper, found: Found): string {
  return formatBibtexEntry(resolvedPaper(paper, found), { standalone: false });
}

/**
 * The listing's new text: `previous` (the file as it is, or undefined when there is none)
 * with the entries of the same keys replaced and the others added at the end. Entries of
 * earlier runs stay, in their places.
 */
export function updateResolvedListing(previous: string | undefined, entries: ReadonlyMap<string, string>): string {
  const text = previous ?? '';
  const eol = previous ? lineEnding(previous) : '\n';
  const fresh = new Map([...entries].map(([key, entry]) => [key.toLowerCase(), entry.trim()]));
  let out = '';
  let at = 0;
  for (const chunk of splitBibtex(text)) {
    const replacement = fresh.get(chunk.key.toLowerCase());
    if (replacement === undefined || chunk.type === 'string' || chunk.type === 'comment' || chunk.type === 'preamble') continue;
    out += text.slice(at, chunk.start) + withEol(replacement, eol);
    at = chunk.end;
    fresh.delete(chunk.key.toLowerCase());
  }
  out += text.slice(at);
  if (!out.trim()) out = withEol(HEADER, eol);
  const added = [...fresh.values()];
  if (!added.length) return out;
  const separator = out.endsWith(eol + eol) ? '' : out.endsWith(eol) ? eol : eol + eol;
  return out + separator + added.map((entry) => withEol(entry, eol)).join(eol + eol) + eol;
}

function withEol(text: string, eol: string): string {
  return text.split(/\r\n|\r|\n/).join(eol);
}
