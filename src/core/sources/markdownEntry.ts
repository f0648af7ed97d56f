// One bullet of a reading list -> one paper: `[Title](url) - Authors, Venue 2024`,
// `**Title**. Authors. [[paper]](url)`, `[2025.01] [Title](url) (arXiv 2025)`,
// `[arXiv] Plain title. [[Paper]](url)`, `**[Title](url)**` over `*Authors.* Venue'24`...
// A bullet is a paper only when it has the marks of one; the rest of a list (contents,
// news, taxonomy, how to contribute) is not.
import { acceptDraft, problem, type ParseResult } from '../paper/paper';
import { readDetails, venueOf } from './markdownDetails';
import { combineDates, isVenueText, readDate, type DateParts, type Venue } from './markdownFields';
import {
  anchorsToMarkdown,
  arxivIdDate,
  arxivIdInText,
  cleanInline,
  identifiers,
  isGenericLabel,
  isPaperButton,
  isPaperLink,
  outermost,
  replaceLinks,
  scanLinks,
  webLinks,
  type MarkdownLink,
} from './markdownInline';
import { findTitle, isDateText, isLabelPrefix, readLead, type Lead } from './markdownTitle';

/** Where an entry sits in its list. */
export interface ListContext {
  file: string;
  keywords: string[];
  /** The document's headings, lower-cased: a bullet named like one is navigation, not a paper. */
  sections: ReadonlySet<string>;
  /** Under a heading such as "Blogs" or "Related repositories": only a paper link makes a paper. */
  nonPaperSection: boolean;
}

const DETAILS_REACH = 4000;

function withoutUrls(text: string): string {
  return text.replace(/https?:\/\/\S+/g, ' ');
}

/**
 * Whether a bullet is laid out as an entry, not written as a sentence: nothing but tags, a
 * label or bold text before its first link. A title-less entry is worth a word; a sentence
 * that mentions a paper ("See the [paper](url) for details") is not.
 */
function entryShaped(content: string, links: MarkdownLink[], lead: Lead): boolean {
  const firstLink = outermost(links).find((link) => link.start >= lead.end)?.start ?? content.length;
  const address = content.indexOf('http', lead.end);
  const prefix = content.slice(lead.end, address >= 0 ? Math.min(address, firstLink) : firstLink);
  return isLabelPrefix(prefix) || /^\s*\*\*[^*]+\*\*[\s:.-]*$/.test(prefix);
}

/** Links that stand for the paper, or an identifier written out: the surest marks of a paper. */
function hasPaperMark(content: string, links: MarkdownLink[], urls: string[]): boolean {
  if (urls.some(isPaperLink) || arxivIdInText(content) || /\bdoi:\s?10\.\d{4,9}\//i.test(content)) return true;
  return links.some((link) => !link.image && /^https?:\/\//i.test(link.url) && isPaperButton(cleanInline(content.slice(link.textStart, link.textEnd))));
}

/** Reads one bullet's text (its wrapped lines joined). What is not a paper is skipped quietly. */
export function readBulletEntry(bullet: string, line: number, context: ListContext, result: ParseResult): void {
  const content = anchorsToMarkdown(bullet);
  const links = scanLinks(content);
  const urls = webLinks(content, links);
  const paperMark = hasPaperMark(content, links, urls);
  if (context.nonPaperSection && !paperMark) return;
  const spot = findTitle(content, links, { sections: context.sections, paperMark });
  const lead = readLead(content, links);
  if (!spot) {
    // An unclosed `[Title(url` is a link entry gone wrong, not prose.
    const unclosed = content.startsWith('[') && !content.startsWith('[![') && lead.end === 0 && !links.some((link) => link.start === 0) && urls.length > 0;
    if ((paperMark && entryShaped(content, links, lead)) || unclosed) {
      result.problems.push(problem(context.file, line, `Entry at line ${line} has a link but no readable title; skipped.`, 'warning'));
    }
    return;
  }
  const leadEnd = Math.min(lead.end, spot.start);
  // Authors, venue and date sit next to the title; a runaway line is not read to its end.
  const before = withoutUrls(replaceLinks(content.slice(Math.max(leadEnd, spot.start - DETAILS_REACH), spot.start), false));
  const after = withoutUrls(replaceLinks(content.slice(spot.end, spot.end + DETAILS_REACH), false));
  const details = readDetails(before, after);
  const tags = readTags(lead.tags);
  const textDate = readDate(cleanInline(`${tags.venueText} ${before} ${after}`));
  // Without a paper link, an entry is a paper only when it says who wrote it, where or when;
  // one capitalised phrase after a link ("- Python Distribution") is no author list.
  if (!paperMark && details.authors.length < 2 && !details.venue && !textDate) return;
  const ids = identifiers(urls);
  const arxivId = ids.arxivId ?? arxivIdInText(content);
  const when = combineDates(textDate, tags.date, details.year ?? tags.venue.year, arxivId ? arxivIdDate(arxivId) : undefined);
  acceptDraft(
    {
      title: spot.title,
      authors: details.authors,
      organization: details.organization,
      venue: details.venue ?? tags.venue.venue,
      date: when.date,
      year: when.year,
      arxivId,
      doi: ids.doi,
      links: urls,
      keywords: context.keywords,
      sources: [{ file: context.file, line }],
    },
    result,
  );
}

interface Tags {
  /** A `[2023/07]` tag: when the list added the paper, which is only a guess at its date. */
  date?: DateParts;
  venue: Venue;
  /** The venue tags as written, for the dates they carry: `[ICLR 2024]`. */
  venueText: string;
}

const NOT_A_VENUE_TAG = /^(new|hot|updated?|survey|review|benchmark|dataset|datasets|tools?|methods?|position|tutorial|blog|news|notes?|oral|spotlight|poster|highlight|best paper|x)$/i;

/** `[2023/07]` is a date, `[arXiv]`, `[Nature Medicine]` or `(AAAI 2024)` a venue. */
function readTags(tags: string[]): Tags {
  let date: DateParts | undefined;
  const venues: string[] = [];
  for (const raw of tags) {
    const tag = cleanInline(raw);
    if (isDateText(tag)) date ??= readDate(tag);
    else if (isVenueText(tag) || (/\p{Lu}/u.test(tag) && tag.split(' ').length <= 8 && !isGenericLabel(tag) && !NOT_A_VENUE_TAG.test(tag))) venues.push(tag);
  }
  return { date, venue: venues.length > 0 ? venueOf(venues[0]!) : {}, venueText: venues.join(' ') };
}
