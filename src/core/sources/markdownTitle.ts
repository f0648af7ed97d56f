// Where an entry's title is: a link's text (`[Title](url)`, `**[Title](url)**`), bold text
// (`**Title.** Authors`) or the plain text before its buttons (`[arXiv] Title. [[Paper]](url)`).
// A site or button name ("Paper", "Code", "Hugging Face Daily Papers"), a venue, a section's
// name or a sentence is never a title.
import { squash } from '../util/text';
import { isVenueText, looksLikeVenue, readDate, readNameList } from './markdownFields';
import { cleanInline, isButtonLabel, isGenericLabel, outermost, scanLinks, tidyTitle, withoutEmoji, type MarkdownLink } from './markdownInline';

export interface TitleSpot {
  title: string;
  /** Where the title's markup starts and ends in the entry. */
  start: number;
  end: number;
}

export interface TitleOptions {
  sections?: ReadonlySet<string>;
  /** The entry links to a paper or names an identifier: a bold or plain title may then stand alone. */
  paperMark?: boolean;
}

/** What precedes an entry's title: `[2023/07] [arXiv] (AAAI 2024) 🔥`. */
export interface Lead {
  end: number;
  tags: string[];
}

const MAX_TAG = 120;
const MAX_PLAIN_TITLE = 400;
const PREFIX_REACH = 300;

function usableTitle(text: string, sections?: ReadonlySet<string>): string | undefined {
  if (!text.trim() || isButtonLabel(text)) return undefined;
  // A bare address glued to a title (`Title[http://arxiv.org/abs/...]`) is no part of it.
  const title = tidyTitle(cleanInline(text.replace(/\[?\s*https?:\/\/[^\s\]]+\s*\]?/g, ' ')));
  if (!title || isGenericLabel(title) || isVenueLabel(title)) return undefined;
  return sections?.has(title.toLowerCase()) ? undefined : title;
}

/** `ICLR 2025`, `Nature Medicine`: a venue set apart, not a paper's title ("A Findings Paper" is one). */
function isVenueLabel(text: string): boolean {
  return looksLikeVenue(text) && (/\b(19|20)\d{2}\b/.test(text) || text.split(' ').length <= 2);
}

/**
 * A title starts as titles do: a capital, a digit, a quote, a letter of a script without case,
 * or a name in mixed case (`nnSAM: ...`, `scGPT: ...`). "see also" starts a sentence instead.
 */
function looksLikeTitle(title: string): boolean {
  const firstWord = title.split(' ')[0]!;
  return (/^["'“‘(]?[\p{Lu}\p{N}\p{Lo}]/u.test(title) || /\p{Lu}/u.test(firstWord)) && /\p{L}{2}/u.test(title);
}

/**
 * The tags that open an entry: `[date]`, `[venue]` or `(venue)` that are not links, and emoji.
 * Links open no lead: `[Title](url)` is the title itself.
 */
export function readLead(content: string, links: MarkdownLink[]): Lead {
  const linkStarts = new Set(links.map((link) => link.start));
  const tags: string[] = [];
  let i = 0;
  for (;;) {
    while (i < content.length && /[\s\p{Extended_Pictographic}\uFE0F\u200D]/u.test(content[i]!)) i++;
    // A tag may be set in bold: `**[2023/07]**`.
    const bold = content.startsWith('**', i) ? 2 : 0;
    const open = i + bold;
    const close = content[open] === '[' ? ']' : content[open] === '(' ? ')' : undefined;
    if (!close || linkStarts.has(open) || content[open + 1] === '[') break;
    const end = content.indexOf(close, open + 1);
    if (end < 0 || end - open > MAX_TAG || content.slice(open + 1, end).includes(content[open]!)) break;
    if (bold && !content.startsWith('**', end + 1)) break;
    tags.push(content.slice(open + 1, end));
    i = end + 1 + bold;
  }
  return { end: i, tags };
}

/** Only labels, tags or nothing before a title: `**Benchmark**: [Title](url)`. */
export function isLabelPrefix(prefix: string): boolean {
  const text = withoutEmoji(cleanInline(prefix)).trim();
  return text === '' || /^[^.!?]{1,40}[:：]$/.test(text) || isVenueText(text) || isDateText(text);
}

/** `2023/07`, `2025.1`, `Mar 2024`: a date and nothing else. */
export function isDateText(text: string): boolean {
  return readDate(text) !== undefined && !/\p{L}/u.test(text.replace(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?/gi, ''));
}

/**
 * The entry's title: the first web link with a real label ("[paper]", "Code" or "arXiv 2025"
 * are not titles) near the start of the entry, else the first bold text, else the plain text
 * before the entry's buttons. A bold or plain title needs a paper link beside it.
 */
export function findTitle(content: string, links: MarkdownLink[] = scanLinks(content), options: TitleOptions = {}): TitleSpot | undefined {
  const lead = readLead(content, links);
  return linkTitle(content, links, lead, options) ?? boldTitle(content, lead, options) ?? plainTitle(content, links, lead, options);
}

function linkTitle(content: string, links: MarkdownLink[], lead: Lead, options: TitleOptions): TitleSpot | undefined {
  for (const link of outermost(links)) {
    if (link.image || !/^https?:\/\//i.test(link.url) || link.start < lead.end) continue;
    const title = usableTitle(content.slice(link.textStart, link.textEnd), options.sections);
    if (!title) continue;
    // Only the end of what precedes the link is read, so a line of many links stays linear.
    const prefix = content.slice(Math.max(lead.end, link.start - PREFIX_REACH), link.start);
    if (link.start - lead.end <= PREFIX_REACH && isLabelPrefix(prefix)) return { title, start: link.start, end: link.end };
    // Further in, a paper link is a title (`Yao et al. [ReAct](url)`) unless a sentence runs
    // through it: "see also the [survey](url)", "the original [Transformer paper](url) uses".
    const inSentence = /(^|\s)\p{Ll}+\s*$/u.test(cleanInline(prefix)) || continuesSentence(content, link.end);
    if (options.paperMark && looksLikeTitle(title) && !inSentence) return { title, start: link.start, end: link.end };
  }
  return undefined;
}

function boldTitle(content: string, lead: Lead, options: TitleOptions): TitleSpot | undefined {
  let open = content.indexOf('**', lead.end);
  while (open >= 0) {
    const close = content.indexOf('**', open + 2);
    if (close < 0) return undefined;
    const title = usableTitle(content.slice(open + 2, close), options.sections);
    if (title) return { title, start: open, end: close + 2 };
    open = content.indexOf('**', close + 2);
  }
  return undefined;
}

/**
 * `[arXiv] A plain title. [[Paper]](url) [[Code]](url)`: the text before the buttons, when
 * only buttons and tags precede it and the entry links to its paper.
 */
function plainTitle(content: string, links: MarkdownLink[], lead: Lead, options: TitleOptions): TitleSpot | undefined {
  if (!options.paperMark) return undefined;
  let from = lead.end;
  for (const link of [...outermost(links).filter((l) => l.start >= lead.end), undefined]) {
    const button = link === undefined || link.image || isButtonLabel(cleanInline(content.slice(link.textStart, link.textEnd)));
    const spot = plainSpan(content, from, link ? link.start : content.length, options.sections);
    // Text before a link with a title of its own is a label or a sentence, not a title; so is
    // text a sentence carries on after: "See the [paper](url) for details".
    if (spot !== 'empty') return button && !(link && continuesSentence(content, link.end)) ? spot : undefined;
    if (!button || !link) return undefined;
    from = link.end;
  }
  return undefined;
}

/** Whether a sentence goes on after `end` ("… for details"), rather than buttons or details. */
function continuesSentence(content: string, end: number): boolean {
  const next = content.slice(end, end + 80);
  return /^\s*(\p{Ll}{2,}|\p{Ll}\s)/u.test(next) && !/^\s*(by|et al|and others)\b/.test(next);
}

/** Words a title does not end on, and words that open a sentence rather than a title. */
const DANGLING_END = /\s(the|a|an|of|to|in|on|for|with|by|from|and|or|at|as|is|are|our|this|its|their|see)$/i;
const SENTENCE_START = /^(see|read|check|please|we|thanks|thank|note|if|you|click|visit|follow|refer|download|install|run|use|here)\b/i;

/** The title in `content[from, to)`: 'empty' when there is no text there at all. */
function plainSpan(content: string, from: number, to: number, sections?: ReadonlySet<string>): TitleSpot | undefined | 'empty' {
  let raw = content.slice(from, to);
  const address = raw.search(/https?:\/\//);
  if (address >= 0) raw = raw.slice(0, address);
  const lead = readLead(raw, []);
  const text = raw.slice(lead.end);
  if (!/[\p{L}\p{N}]/u.test(cleanInline(text))) return 'empty';
  if (text.length > MAX_PLAIN_TITLE) return undefined;
  const byline = authorsFirst(text);
  const start = from + lead.end + byline;
  const kept = withoutTrailingDetails(text.slice(byline));
  const title = usableTitle(kept, sections);
  if (!title || !looksLikeTitle(title) || DANGLING_END.test(title) || SENTENCE_START.test(title)) return undefined;
  return { title, start, end: start + kept.length };
}

/** `Vaswani et al. (2017) - Title`: where the title starts after the authors that open it. */
function authorsFirst(text: string): number {
  const match = /^(.{3,160}?)\s[-–—]\s/.exec(text);
  if (!match) return 0;
  const names = squash(cleanInline(match[1]!).replace(/\((?:19|20)\d{2}\)/g, ' '));
  const surnameEtAl = /^\p{Lu}[\p{L}'’-]+(?: (?:and|&) \p{Lu}[\p{L}'’-]+)?,? et\.? ?al\.?$/u.test(names);
  return surnameEtAl || readNameList(names) ? match[0].length : 0;
}

/**
 * A date, a citation or an emphasised venue after a plain title belongs to the details:
 * `Title, 2023.11`, `Title (Smith et al., 2022).`, `Title, _IF25_,`.
 */
function withoutTrailingDetails(text: string): string {
  return text
    .replace(/[,\s]*([*_])[^*_]{1,40}\1[,.\s]*$/, '')
    .replace(/(?:,\s*(?:19|20)\d{2}(?:[.\-/,]\d{1,2})?|\s*\([^()]*\b(?:19|20)\d{2}\b[^()]*\))\.?\s*$/, '');
}
