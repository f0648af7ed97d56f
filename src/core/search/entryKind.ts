// Whether an entry is a paper or something a paper comes with: its code, its data, a web
// page, its supplementary material, the volume it appeared in. Search ranks papers a little
// above the rest (see searchIndex.ts); the signals are what listings actually write.
import type { Paper } from '../paper/paper';

/** BibTeX and BibLaTeX types that are not a paper of their own. */
const NON_PAPER_TYPES = new Set(['misc', 'online', 'electronic', 'www', 'webpage', 'software', 'dataset', 'data', 'manual', 'proceedings', 'mvproceedings', 'periodical']);

/**
 * A venue ("howpublished", "publisher") naming where code or data is kept, or that is only
 * "Software" or "Dataset": journals such as "Software: Practice and Experience" are papers.
 */
const REPOSITORY_VENUE = /\b(?:github|gitlab|bitbucket|zenodo|figshare|pypi|cran)\b|^\s*(?:software|dataset|data set|web ?page|web ?site|online|(?:code |software |data )?repository)\s*$/i;

/** Hosts of papers: a link to one makes even a `@misc` entry a paper. */
const PAPER_HOST = /^(?:[a-z0-9-]+\.)*(?:arxiv\.org|openreview\.net|aclanthology\.org|dl\.acm\.org|ieeexplore\.ieee\.org|link\.springer\.com|sciencedirect\.com|proceedings\.neurips\.cc|papers\.nips\.cc|proceedings\.mlr\.press|jmlr\.org|biorxiv\.org|medrxiv\.org|pubmed\.ncbi\.nlm\.nih\.gov|semanticscholar\.org)$/;

/** DOI prefixes of data and software archives: Zenodo's and figshare's. */
const REPOSITORY_DOI = /^10\.(?:5281|6084)\//;

/**
 * True for code, data, web pages, supplementary material and volumes, as the entry's type or
 * venue says. An arXiv id, a publisher's DOI or a link to a paper makes an entry a paper
 * whatever its type (preprints are often `@misc`); an entry with no type (a reading list, a
 * JSON listing) is a paper unless its venue says otherwise, even when its only link is its code.
 */
export function isNonPaper(paper: Paper): boolean {
  if (paper.arxivId) return false;
  if (paper.container) return true;
  if (paper.venue && REPOSITORY_VENUE.test(paper.venue)) return true;
  if (paper.doi && !REPOSITORY_DOI.test(paper.doi)) return false;
  if (paper.links.some(isPaperLink)) return false;
  return paper.entryType !== undefined && NON_PAPER_TYPES.has(paper.entryType.toLowerCase());
}

function isPaperLink(link: string): boolean {
  const host = /^https?:\/\/([^/?#:]+)/i.exec(link.trim())?.[1];
  return host !== undefined && PAPER_HOST.test(host.toLowerCase());
}
