// The web pages of a paper, safe to open: only http(s) links, the paper's landing pages
// (arXiv, Hugging Face) first, each with a short name a person recognises.
import type { Paper } from './paper';
import { parseArxivId } from '../util/text';

export interface PaperLink {
  url: string;
  /** "arXiv", "Hugging Face", "GitHub", "DOI", "PDF" or the site's host name. */
  label: string;
}

/**
 * The URL itself when it is an http(s) link, else undefined. Listings are text anyone may
 * write: `javascript:`, `command:`, `file:` or `data:` links must never reach a page or a
 * browser.
 */
export function safeWebUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  return url.href;
}

/** Every safe link of a paper, landing pages first, without duplicates. */
export function paperLinks(paper: Paper): PaperLink[] {
  const urls: string[] = [];
  for (const link of paper.links) {
    const url = safeWebUrl(link);
    if (url) urls.push(url);
  }
  const arxivId = paper.arxivId ?? urls.map((url) => (isArxivPage(url) ? parseArxivId(url) : undefined)).find(Boolean);
  if (arxivId && !urls.some((url) => isArxivPage(url) && parseArxivId(url) === arxivId)) urls.push(`https://arxiv.org/abs/${arxivId}`);
  if (paper.doi) {
    const doi = safeWebUrl(`https://doi.org/${paper.doi.split('/').map(encodeURIComponent).join('/')}`);
    if (doi && !urls.some((url) => url.toLowerCase().includes(paper.doi!))) urls.push(doi);
  }
  const seen = new Set<string>();
  const unique = urls.filter((url) => {
    const same = url.replace(/\/+$/, '').replace(/^http:/, 'https:');
    if (seen.has(same)) return false;
    seen.add(same);
    return true;
  });
  // A stable sort: landing pages first, the listing's own order otherwise.
  return unique
    .map((url, index) => ({ url, index, rank: landingRank(url) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ url }) => ({ url, label: linkLabel(url) }));
}

/** The link to open when a person asks for "the" paper: its arXiv or Hugging Face page if it has one. */
export function preferredLink(paper: Paper): PaperLink | undefined {
  return paperLinks(paper)[0];
}

function isArxivPage(url: string): boolean {
  return /^https?:\/\/(www\.)?arxiv\.org\/abs\//i.test(url);
}

function isHuggingFacePaper(url: string): boolean {
  return /^https?:\/\/(www\.)?huggingface\.co\/papers\//i.test(url);
}

function landingRank(url: string): number {
  if (isArxivPage(url)) return 0;
  if (isHuggingFacePaper(url)) return 1;
  return 2;
}

export function linkLabel(url: string): string {
  if (isArxivPage(url)) return 'arXiv';
  if (isHuggingFacePaper(url)) return 'Hugging Face';
  let host: string;
  let path: string;
  try {
    const parsed = new URL(url);
    host = parsed.hostname.replace(/^www\./, '').toLowerCase();
    path = parsed.pathname.toLowerCase();
  } catch {
    return url;
  }
  if (host === 'arxiv.org' && path.startsWith('/pdf/')) return 'arXiv PDF';
  if (host === 'doi.org' || host === 'dx.doi.org') return 'DOI';
  if (host === 'github.com') return 'GitHub';
  if (path.endsWith('.pdf')) return 'PDF';
  return host;
}
