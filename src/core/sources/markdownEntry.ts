// One bullet of a reading list -> one paper: `[Title](url) - Authors, Venue 2024`,
// `**Title**. Authors. [[paper]](url)`, `[2025.01] [Title](url) (arXiv 2025)`...
import { acceptDraft, problem, type ParseResult } from '../paper';
import { looksLikeVenue, readDate, readDetails } from './markdownFields';
import { anchorsToMarkdown, cleanInline, identifiers, isGenericLabel, outermost, replaceLinks, scanLinks, tidyTitle, webLinks, type MarkdownLink } from './markdownInline';

export interface TitleSpot {
  title: string;
  /** Where the title's markup starts and ends in the entry. */
  start: number;
  end: number;
}

function usableTitle(text: string): string | undefined {
  if (!text.trim()) return undefined;
  const title = tidyTitle(cleanInline(text));
  return title && !isGenericLabel(title) && !looksLikeVenue(title) ? title : undefined;
}

/**
 * The entry's title: the first web link with a real label ("[paper]", "Code" or "arXiv 2025"
 * are not titles), else the first bold text that is not a venue or a date.
 */
export function findTitle(content: string, links: MarkdownLink[] = scanLinks(content)): TitleSpot | undefined {
  for (const link of outermost(links)) {
    if (link.image || !/^https?:\/\//i.test(link.url)) continue;
    const title = usableTitle(content.slice(link.textStart, link.textEnd));
    if (title) return { title, start: link.start, end: link.end };
  }
  let open = content.indexOf('**');
  while (open >= 0) {
    const close = content.indexOf('**', open + 2);
    if (close < 0) return undefined;
    const title = usableTitle(content.slice(open + 2, close));
    if (title) return { title, start: open, end: close + 2 };
    open = content.indexOf('**', close + 2);
  }
  return undefined;
}

const DETAILS_REACH = 4000;

const PAPER_LINK = /(arxiv\.org|doi\.org|openreview\.net|aclanthology\.org|huggingface\.co\/papers)\/|\.pdf(?:[?#]|$)/i;

function withoutUrls(text: string): string {
  return text.replace(/https?:\/\/\S+/g, ' ');
}

/** Reads one bullet's text (its wrapped lines joined); a bullet that is not a paper is skipped quietly. */
export function readBulletEntry(bullet: string, line: number, keywords: string[], file: string, result: ParseResult): void {
  const content = anchorsToMarkdown(bullet);
  const links = scanLinks(content);
  const urls = webLinks(content, links);
  const spot = findTitle(content, links);
  if (!spot) {
    // A title-less bullet is worth a word when it links to a paper or opens like a link entry
    // (an unclosed `[Title(url`); "- see also https://..." is prose.
    if (urls.some((url) => PAPER_LINK.test(url)) || (content.startsWith('[') && !content.startsWith('[![') && urls.length > 0)) {
      result.problems.push(problem(file, line, `Entry at line ${line} has a link but no readable title; skipped.`, 'warning'));
    }
    return;
  }
  // Authors, venue and date sit next to the title; a runaway line is not read to its end.
  const before = withoutUrls(replaceLinks(content.slice(Math.max(0, spot.start - DETAILS_REACH), spot.start), false));
  const after = withoutUrls(replaceLinks(content.slice(spot.end, spot.end + DETAILS_REACH), false));
  const details = readDetails(before, after);
  const when = readDate(cleanInline(`${before} ${after}`));
  const ids = identifiers(urls);
  acceptDraft(
    {
      title: spot.title,
      authors: details.authors,
      venue: details.venue,
      date: when?.date,
      year: when?.year,
      arxivId: ids.arxivId,
      doi: ids.doi,
      links: urls,
      keywords,
      sources: [{ file, line }],
    },
    result,
  );
}
