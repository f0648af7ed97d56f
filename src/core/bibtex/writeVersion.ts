// Which version of a paper a written reference describes: the arXiv preprint the listings
// found, or the journal or proceedings version it was later published in.
import type { Paper } from '../paper/paper';

export type PaperVersion = 'preprint' | 'published';

/** Where a preprint was published: its venue, its publisher's DOI, or both. */
export interface PublishedVersion {
  venue?: string;
  doi?: string;
}

/** A venue that names arXiv itself ("arXiv preprint arXiv:2401.01234", "CoRR") is no publication. */
export function isArxivVenue(venue: string): boolean {
  return /^(arxiv\b|corr$)/i.test(venue.trim());
}

/**
 * The published version of an arXiv paper, when the paper knows one: a DOI that is not arXiv's
 * own (10.48550), or a journal or proceedings venue. Undefined for a paper that is not a
 * preprint, or whose only home is arXiv.
 */
export function publishedVersion(paper: Pick<Paper, 'arxivId' | 'doi' | 'venue'>): PublishedVersion | undefined {
  if (!paper.arxivId) return undefined;
  const venue = paper.venue && !isArxivVenue(paper.venue) ? paper.venue : undefined;
  const doi = paper.doi && !paper.doi.startsWith('10.48550/') ? paper.doi : undefined;
  return venue || doi ? { ...(venue ? { venue } : {}), ...(doi ? { doi } : {}) } : undefined;
}
