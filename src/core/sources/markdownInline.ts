// Inline Markdown as reading lists write it: links, images, emphasis, stray HTML and emoji.
// Brackets are matched once with stacks, so a line of 200,000 nested brackets stays linear.
import { extractLinks, MAX_LINK_LENGTH, parseArxivId, parseDoi, squash } from '../text';

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
    .replace(/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]/gu, '')
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
  ('paper papers pdf code codes arxiv github gitlab project page website web site homepage home blog link links demo video slides ' +
    'dataset data model models weights checkpoint checkpoints huggingface hf openreview abs abstract html doi url repo repository ' +
    'official bib bibtex citation cite poster talk tweet twitter x colab notebook zhihu news here this source supplementary supp ' +
    'review leaderboard benchmark pub publication full text and of the').split(' '),
);

/** A link label such as "[paper]", "PDF", "Code", "arXiv 2025" or a bare id: not a title. */
export function isGenericLabel(text: string): boolean {
  const words = text.toLowerCase().replace(/https?:\/\/\S+/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
  return words.every((word) => GENERIC.has(word) || /^\d+$/.test(word));
}

/** Web links of a piece of Markdown: its link targets, then bare addresses; no images, no anchors. */
export function webLinks(s: string, links: MarkdownLink[] = scanLinks(s)): string[] {
  const found = new Set<string>();
  for (const link of links) if (!link.image && /^https?:\/\/\S/i.test(link.url)) found.add(link.url);
  for (const url of extractLinks(replaceLinks(s, false, links))) found.add(url);
  return [...found];
}

/** The arXiv id and DOI the links point at, if any. */
export function identifiers(links: string[]): { arxivId?: string; doi?: string } {
  let arxivId: string | undefined;
  let doi: string | undefined;
  for (const link of links) {
    if (!arxivId && /arxiv\.org\/|huggingface\.co\/papers\/|alphaxiv\.org\//i.test(link)) arxivId = parseArxivId(link);
    if (!doi && /doi\.org\//i.test(link)) doi = parseDoi(link);
  }
  return { arxivId, doi };
}
