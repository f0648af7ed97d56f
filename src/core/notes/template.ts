// The Markdown a new literature note starts from: front matter a Pandoc or Quarto build reads
// (title, key, bibliography), the paper's facts, its abstract, and empty sections to fill in.
import type { Paper } from '../paper/paper';
import { preferredLink } from '../paper/links';
import { byline } from '../views/paperSummary';
import { squash } from '../util/text';

export interface NoteOptions {
  /** The citation of the paper as the note's language writes it, e.g. `[@ssrl2025]`. */
  citation: string;
  /** The .bib file as the note should name it (relative to the note). */
  bibliography?: string;
}

export interface LiteratureNote {
  text: string;
  /** 0-based line where writing starts: the empty line under "Summary". */
  cursorLine: number;
}

export function literatureNote(paper: Paper, options: NoteOptions): LiteratureNote {
  const front = ['---', `title: ${yamlString(squash(paper.title))}`, `key: ${yamlString(paper.key)}`];
  if (paper.authors.length) front.push(`authors: [${paper.authors.map(yamlString).join(', ')}]`);
  if (paper.date ?? paper.year) front.push(`date: ${paper.date ?? String(paper.year)}`);
  const link = preferredLink(paper)?.url;
  if (link) front.push(`link: ${yamlString(link)}`);
  if (options.bibliography) front.push(`bibliography: ${yamlString(options.bibliography)}`);
  front.push('---');

  const facts = [options.citation, byline(paper), paper.date ?? (paper.year !== undefined ? String(paper.year) : undefined)]
    .filter((part): part is string => Boolean(part))
    .map((part, index) => (index === 0 ? part : escapeInlineMarkdown(part)));
  if (link) facts.push(`<${link}>`);

  const lines = [...front, '', `# ${escapeInlineMarkdown(squash(paper.title))}`, '', facts.join(' · ')];
  if (paper.abstract) lines.push('', `> ${escapeInlineMarkdown(squash(paper.abstract))}`);
  lines.push('', '## Summary', '');
  const cursorLine = lines.length - 1;
  lines.push('', '## Key ideas', '', '- ', '', '## Notes', '');
  return { text: lines.join('\n'), cursorLine };
}

/** A file name for the note of a key: `:` and other characters file systems dislike become `-`. */
export function noteFileName(key: string): string {
  return `${key.replace(/[^A-Za-z0-9_.+-]/g, '-')}.md`;
}

/** `to` as seen from the folder `fromFolder`; both absolute `/`-separated paths. */
export function relativePosixPath(fromFolder: string, to: string): string {
  const from = fromFolder.split('/').filter(Boolean);
  const target = to.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Escapes what would change the meaning of listing text in a note: emphasis, code, links,
 * raw HTML and `@`, which Pandoc would read as a citation. Other punctuation stays readable.
 */
export function escapeInlineMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>@]/g, (c) => `\\${c}`);
}
