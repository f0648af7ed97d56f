// The short forms of a paper that lists show: a one-line description and a hover card.
// Pure text: the editor side wraps the Markdown in an untrusted MarkdownString.
import type { Paper } from '../paper/paper';
import { paperYear } from '../paper/order';
import { squash } from '../util/text';
import { displayTitle } from './displayTitle';

/** "1", "999", "1.2k", "12k", "1.5M": upvote counts at a glance. */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${trimDecimal(n / 1000)}k`;
  return `${trimDecimal(n / 1_000_000)}M`;
}

function trimDecimal(value: number): string {
  // One decimal under ten ("1.2k"), none above ("12k"): the width stays small.
  const rounded = value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value);
  return String(rounded);
}

/** "Ada Lovelace et al.", else the organisation, else "18 authors" when only the count is known. */
export function byline(paper: Paper): string | undefined {
  const first = paper.authors[0];
  if (first) {
    const others = Math.max(paper.authors.length, paper.authorCount ?? 0) > 1;
    return others ? `${first} et al.` : first;
  }
  if (paper.organization) return paper.organization;
  if (paper.authorCount) return `${paper.authorCount} ${paper.authorCount === 1 ? 'author' : 'authors'}`;
  return undefined;
}

/** `2025 · Ada Lovelace et al. · ▲12`: the line beside a paper's title in the tree. */
export function paperDescription(paper: Paper): string {
  const year = paperYear(paper);
  const by = byline(paper);
  const parts = [year !== undefined ? String(year) : undefined, by, paper.upvotes !== undefined ? `▲${compactCount(paper.upvotes)}` : undefined];
  return parts.filter((part): part is string => part !== undefined).join(' · ');
}

/**
 * Escapes text for Markdown: every ASCII punctuation character gets a backslash (CommonMark
 * allows it for all of them), so listing text can never become a link, an image, HTML or a
 * heading. Line breaks become spaces: a hover card line stays one line.
 */
export function escapeMarkdown(text: string): string {
  return squash(text).replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function snippet(text: string, max: number): string {
  const flat = squash(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

const TOOLTIP_ABSTRACT_CHARS = 300;
const TOOLTIP_AUTHORS = 8;

/** The hover card of a paper as Markdown, every piece of listing text escaped. */
export function paperTooltipMarkdown(paper: Paper): string {
  const lines = [`**${escapeMarkdown(displayTitle(paper.title))}**`];
  const people = authorsLine(paper);
  if (people) lines.push(escapeMarkdown(people));
  const facts = [paper.date ?? (paper.year !== undefined ? String(paper.year) : undefined), paper.venue, paper.upvotes !== undefined ? `▲ ${paper.upvotes} upvotes` : undefined]
    .filter((part): part is string => part !== undefined)
    .map(escapeMarkdown);
  if (facts.length) lines.push(`*${facts.join(' · ')}*`);
  if (paper.abstract) lines.push(escapeMarkdown(snippet(paper.abstract, TOOLTIP_ABSTRACT_CHARS)));
  lines.push(`\`${paper.key.replace(/`/g, '')}\``);
  // A blank line between pieces: each is its own paragraph in the hover.
  return lines.join('\n\n');
}

function authorsLine(paper: Paper): string | undefined {
  const names = paper.authors;
  if (names.length) {
    const shown = names.slice(0, TOOLTIP_AUTHORS).join(', ');
    const total = Math.max(names.length, paper.authorCount ?? 0);
    const line = total > Math.min(names.length, TOOLTIP_AUTHORS) ? `${shown} and ${total - Math.min(names.length, TOOLTIP_AUTHORS)} more` : shown;
    return paper.organization ? `${line} (${paper.organization})` : line;
  }
  return byline(paper);
}
