// Inline Markdown as reading lists write it: links, images, emphasis, stray HTML and emoji.
// Brackets are matched once with stacks, so a line of 200,000 nested brackets stays linear.
import { extractLinks, MAX_LINK_LENGTH, parseArxivId, parseDoi, squash } from '../util/text';

export interface MarkdownLink {
  /** Offset of the `[` (or of the `!` of an image). */
  start: number;
  textStart: number;
  textEnd: number;
  /** Offset just after the closing `)`. */
  end: number;
  url: string;
  image: boolean;
}

/** Every inline link and image, nested ones included, in order of where they start. */
export function scanLinks(s: string): MarkdownLink[] {
  if (!s.includes('](')) return [];
  // closeOf[i]: where the bracket or parenthesis opened at i closes, or -1.
  const closeOf = new Int32Array(s.length).fill(-1);
  const brackets: number[] = [];
  const parens: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 91 /* [ */) brackets.push(i);
    else if (c === 40 /* ( */) parens.push(i);
    else if (c === 93 /* ] */ || c === 41 /* ) */) {
      const open = (c === 93 ? brackets : parens).pop();
      if (open !== undefined) closeOf[open] = i;
    }
  }
  const links: MarkdownLink[] = [];
  for (let i = 0; i < s.length; i++) {
    const close = s.charCodeAt(i) === 91 ? closeOf[i]! : -1;
    if (close < 0 || s[close + 1] !== '(') continue;
    const end = closeOf[close + 1]!;
    if (end < 0) continue;
    const image = i > 0 && s[i - 1] === '!';
    links.push({ start: image ? i - 1 : i, textStart: i + 1, textEnd: close, end: end + 1, url: linkTarget(s.slice(close + 2, end)), image });
  }
  return links;
}

/** `url`, `<url>` or `url "tooltip"` -> the url. */
function linkTarget(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.length > MAX_LINK_LENGTH) return '';
  if (trimmed.startsWith('<')) {
    const close = trimmed.indexOf('>');
    return close > 0 ? trimmed.slice(1, close) : trimmed.slice(1);
  }
  return trimmed.split(/\s/)[0] ?? '';
}

/** Links not inside another link's text: the ones a reader sees. */
export function outermost(links: MarkdownLink[]): MarkdownLink[] {
  const top: MarkdownLink[] = [];
  let reach = -1;
  for (const link of links) {
    if (link.start < reach) continue;
    top.push(link);
    reach = link.end;
  }
  return top;
}

/**
 * Rewrites `s` with each outermost link replaced: by its text (`keepText`) or by a space.
 * Images always go: in reading lists they are badges.
 */
export function replaceLinks(s: string, keepText: boolean, links: MarkdownLink[] = scanLinks(s)): string {
  // skip[i] = where to jump to when the walk reaches i.
  const skip = new Int32Array(s.length + 1);
  for (const link of links) {
    if (link.image || !keepText) {
      skip[link.start] = Math.max(skip[link.start]!, link.end);
    } else {
      skip[link.start] = Math.max(skip[link.start]!, link.textStart);
      skip[link.textEnd] = Math.max(skip[link.textEnd]!, link.end);
    }
  }
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; ) {
    const jump = skip[i]!;
    if (jump > i) {
      out += s.slice(from, i) + (keepText ? '' : ' ');
      i = jump;
      from = jump;
    } else i++;
  }
  return out + s.slice(from);
}

/** `<a href="url">text</a>` -> `[text](url)`, so HTML links are read like Markdown ones. */
export function anchorsToMarkdown(s: string): string {
  if (!s.includes('<')) return s;
  return s.replace(/<a\s([^<>]{0,500})>([^<]{0,1000})<\/a>/gi, (whole, attributes: string, text: string) => {
    const href = /\bhref\s{0,3}=\s{0,3}["']([^"'\s]{1,2000})["']/i.exec(attributes)?.[1];
    return href ? `[${text}](${href})` : whole;
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Plain text of a piece of inline Markdown: no links, images, emphasis, HTML or emoji. */
export function cleanInline(s: string): string {
  // Most cells and labels are plain words: skip the passes they do not need.
  if (!/[^\x20-\x7e]|[[\]<>&*~`_\\:!]/.test(s)) return squash(s);
  const text = replaceLinks(s, true)
    .replace(/<br\s{0,3}\/?>/gi, ' ')
    .replace(/<\/?[A-Za-z][^<>]{0,500}>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\*{2,}|~~|`+/g, '')
    // A single star is emphasis only when paired: "A* Search" keeps its star.
    .replace(/\*(?=\S)([^*]{0,300}?)\*/g, '$1')
    .replace(/(^|\s)\*(?=\s|$)/g, '$1')
    .replace(/(^|\s)_+|(?<!_)_+(?=\s|$)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return squash(withoutEmoji(text));
}

/** Pictographs, flags, keycaps and `:shortcode:` emoji; letters of any script stay. */
export function withoutEmoji(s: string): string {
  return s
    .replace(/\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{200D}|\u{20E3}|[\u{1F3FB}-\u{1F3FF}]/gu, '')
    .replace(/(^|\s):[a-z0-9_+-]{1,40}:(?=\s|$)/g, '$1');
}

/** Trims what surrounds a title in a list but is not part of it. */
export function tidyTitle(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && ' \t-–—:•|'.includes(s[start]!)) start++;
  while (end > start && ' \t,;:|'.includes(s[end - 1]!)) end--;
  // One final full stop is the list's punctuation; an ellipsis or "U.S." belongs to the title.
  if (end - start > 2 && s[end - 1] === '.' && /\p{L}{2}/u.test(s.slice(end - 3, end - 1))) end--;
  return s.slice(start, end).trim();
}

const GENERIC = new Set(
  ('paper papers pdf code codes arxiv github gitlab project page pages website web site homepage home blog link links demo video slides ' +
    'dataset data model models weights checkpoint checkpoints huggingface hugging face daily hf openreview abs abstract html doi url repo repository ' +
    'official unofficial bib bibtex citation cite poster talk tweet twitter x colab notebook zhihu news here this source supplementary supp ' +
    'review leaderboard benchmark pub publication full text scholar google semantic alphaxiv biorxiv medrxiv ssrn acm ieee springer ' +
    'youtube bilibili medium reddit space spaces docs documentation implementation pytorch tensorflow jax download preprint ' +
    'contributing contribution contributions contributors guide guidelines license star stars history contact toc contents ' +
    'back top go to more read click view with and of the').split(' '),
);

/**
 * A link label such as "[paper]", "PDF", "Code", "arXiv 2025", "Hugging Face Daily Papers",
 * "Project Page" or a bare id: it names a site or a button, never a paper.
 */
export function isGenericLabel(text: string): boolean {
  const words = text.toLowerCase().replace(/https?:\/\/\S+/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  return words.every((word) => GENERIC.has(word) || /^\d+$/.test(word));
}

/**
 * A link label that is a button, not a title: a site or button name, or a short label set in
 * brackets of its own (`[[papaer]](url)`, `[[Video]](url)`), whatever it says.
 */
export function isButtonLabel(label: string): boolean {
  return isGenericLabel(label) || /^\[[^\]]{1,20}\]$/.test(label.trim());
}

/** A button that stands for the paper itself: "[[Paper]]", "[PDF]", "[arXiv]". */
export function isPaperButton(label: string): boolean {
  return isButtonLabel(label) && /\b(paper|papers|papaer|pdf|arxiv|openreview|publication|pub|doi)\b/i.test(label);
}

/**
 * Where papers live: preprint servers, proceedings, publishers, DOIs, PDFs. A link to one
 * is the surest mark that a bullet is a paper.
 */
const PAPER_HOST = new RegExp(
  [
    'arxiv\\.org\\/',
    'doi\\.org\\/10\\.',
    'openreview\\.net\\/(forum|pdf)',
    'aclanthology\\.org\\/',
    'aclweb\\.org\\/anthology',
    'huggingface\\.co\\/papers\\/',
    'alphaxiv\\.org\\/abs',
    'proceedings\\.(neurips\\.cc|mlr\\.press)',
    'papers\\.nips\\.cc',
    'neurips\\.cc\\/virtual',
    'openaccess\\.thecvf\\.com',
    'ecva\\.net\\/papers',
    'ojs\\.aaai\\.org',
    'ijcai\\.org\\/proceedings',
    'jmlr\\.org\\/papers',
    'ieeexplore\\.ieee\\.org',
    'dl\\.acm\\.org\\/doi',
    'link\\.springer\\.com',
    'sciencedirect\\.com\\/science\\/article',
    'nature\\.com\\/articles',
    'science\\.org\\/doi',
    '(bio|med)rxiv\\.org\\/content',
    'semanticscholar\\.org\\/paper',
    'papers\\.ssrn\\.com',
    'ncbi\\.nlm\\.nih\\.gov\\/pmc',
    'pubmed\\.ncbi',
    'academic\\.oup\\.com',
    'cell\\.com\\/.+\\/(fulltext|abstract)',
    'pnas\\.org\\/doi',
    'jamanetwork\\.com\\/journals',
    'mdpi\\.com\\/\\d',
    'frontiersin\\.org\\/articles',
    'journals\\.plos\\.org',
    'onlinelibrary\\.wiley\\.com\\/doi',
    'tandfonline\\.com\\/doi',
    'biomedcentral\\.com\\/articles',
    'europepmc\\.org\\/article',
    'usenix\\.org\\/conference\\/.+\\/presentation',
    'vldb\\.org\\/pvldb',
    'isca-speech\\.org\\/archive',
    'jair\\.org\\/index\\.php\\/jair\\/article',
    'paperswithcode\\.com\\/paper\\/',
    'researchgate\\.net\\/publication',
    'dblp\\.org\\/rec',
    '\\.pdf(?:[?#]|$)',
  ].join('|'),
  'i',
);

export function isPaperLink(url: string): boolean {
  return PAPER_HOST.test(url);
}

/** Web links of a piece of Markdown: its link targets, then bare addresses; no images, no anchors. */
export function webLinks(s: string, links: MarkdownLink[] = scanLinks(s)): string[] {
  const found = new Set<string>();
  for (const link of links) if (!link.image && /^https?:\/\/\S/i.test(link.url)) found.add(link.url);
  for (const url of extractLinks(replaceLinks(s, false, links))) found.add(url);
  return [...found];
}

/** `https://doi.org/10.48550/arXiv.2301.00234`: arXiv's own DOI for a preprint, which is its id. */
const ARXIV_DOI = /\b10\.48550\/arxiv\.(\d{4}\.\d{4,5})/i;

/** The arXiv id and DOI the links point at, if any. An arXiv DOI counts as the arXiv id. */
export function identifiers(links: string[]): { arxivId?: string; doi?: string } {
  let arxivId: string | undefined;
  let doi: string | undefined;
  for (const link of links) {
    const arxivDoi = ARXIV_DOI.exec(link)?.[1];
    if (!arxivId && arxivDoi) arxivId = arxivDoi;
    if (!arxivId && /arxiv\.org\/|huggingface\.co\/papers\/|alphaxiv\.org\//i.test(link)) arxivId = parseArxivId(link);
    if (!doi && !arxivDoi && /doi\.org\//i.test(link)) doi = parseDoi(link);
  }
  return { arxivId, doi };
}

/** `arXiv:2301.00234` written out in an entry's text. */
export function arxivIdInText(text: string): string | undefined {
  const match = /\barXiv:\s?(\d{4}\.\d{4,5})(?:v\d+)?\b/i.exec(text);
  return match ? match[1] : undefined;
}

/**
 * When a paper first appeared, from its arXiv id: 2205.01234 is May 2022, hep-th/9901001
 * January 1999. New-style ids began in 2007, so their two digits are always 20xx.
 */
export function arxivIdDate(id: string): { date: string; year: number } | undefined {
  const match = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!match) return undefined;
  const yy = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const newStyle = id.includes('.') && !id.includes('/');
  const year = newStyle || yy < 91 ? 2000 + yy : 1900 + yy;
  return { date: `${year}-${String(month).padStart(2, '0')}`, year };
}
