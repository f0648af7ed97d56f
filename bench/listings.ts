// Writes synthetic papers as listing text in the formats people keep: a saved Hugging Face
// Daily Papers page, a BibTeX file, a Markdown reading list and Hugging Face API JSON.
import type { Listing } from '../src/core/indexing/library';
import type { SyntheticPaper } from './corpus';

export const FORMATS = ['hf', 'bibtex', 'md', 'json'] as const;
export type BenchFormat = (typeof FORMATS)[number];

const EXTENSION: Record<BenchFormat, string> = { hf: 'txt', bibtex: 'bib', md: 'md', json: 'json' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface GeneratedListing extends Listing {
  format: BenchFormat;
  /** How many papers the text holds: what the parser should find. */
  paperCount: number;
}

/**
 * Spreads the papers over about one file per hundred, the formats taking turns,
 * so every format gets a fair share of the library.
 */
export function writeListings(papers: readonly SyntheticPaper[], formats: readonly BenchFormat[], modifiedAt: Date): GeneratedListing[] {
  const perFile = 100;
  const listings: GeneratedListing[] = [];
  for (let start = 0, n = 0; start < papers.length; start += perFile, n++) {
    const format = formats[n % formats.length]!;
    const chunk = papers.slice(start, start + perFile);
    listings.push({
      file: `${format}/listing-${String(n).padStart(5, '0')}.${EXTENSION[format]}`,
      text: RENDER[format](chunk),
      modifiedAt,
      format,
      paperCount: chunk.length,
    });
  }
  return listings;
}

const RENDER: Record<BenchFormat, (papers: readonly SyntheticPaper[]) => string> = {
  hf: hfDailyText,
  bibtex,
  md: markdownList,
  json: hfJson,
};

function hfDailyText(papers: readonly SyntheticPaper[]): string {
  const lines = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'Daily Papers', '', 'byAK and the research community', ''];
  for (const paper of papers) {
    const [year, month, day] = paper.date.split('-').map(Number) as [number, number, number];
    lines.push(paper.title, '', paper.abstract, '');
    if (paper.organization) lines.push(`${paper.organization.toLowerCase().replace(/[^a-z0-9]+/g, '')} ${paper.organization}`);
    else lines.push(`  • ${paper.authors.length} authors`);
    lines.push('·', `${MONTHS[month - 1]} ${day}, ${year}${paper.upvotes ? ` ${paper.upvotes}` : ''}`, '');
  }
  return lines.join('\n');
}

function bibtex(papers: readonly SyntheticPaper[]): string {
  return papers
    .map((paper) => {
      const key = `${paper.shortName.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}${paper.date.slice(0, 4)}`;
      // Some files spell accents in LaTeX, as older .bib files do.
      const authors = paper.authors.map((name, i) => (i % 3 === 1 ? latexAccents(familyFirst(name)) : familyFirst(name))).join(' and ');
      return [
        `@article{${key},`,
        `  title = {${paper.title}},`,
        `  author = {${authors}},`,
        `  journal = {${paper.venue}},`,
        `  year = {${paper.date.slice(0, 4)}},`,
        `  eprint = {${paper.arxivId}},`,
        '  archivePrefix = {arXiv},',
        `  abstract = {${paper.abstract.replace(/%/g, '\\%')}},`,
        '}',
        '',
      ].join('\n');
    })
    .join('\n');
}

function markdownList(papers: readonly SyntheticPaper[]): string {
  const lines = ['# Reading list', ''];
  papers.forEach((paper, i) => {
    if (i % 25 === 0) lines.push(`## Part ${i / 25 + 1}`, '');
    lines.push(`- [${paper.title}](https://arxiv.org/abs/${paper.arxivId}) - ${paper.authors.join(', ')}, ${paper.venue} ${paper.date.slice(0, 4)}`);
  });
  return `${lines.join('\n')}\n`;
}

function hfJson(papers: readonly SyntheticPaper[]): string {
  const entries = papers.map((paper) => ({
    paper: {
      id: paper.arxivId,
      authors: paper.authors.map((name) => ({ name })),
      publishedAt: `${paper.date}T12:00:00.000Z`,
      title: paper.title,
      summary: paper.abstract,
      upvotes: paper.upvotes,
      ...(paper.organization ? { organization: { name: paper.organization.toLowerCase().replace(/[^a-z0-9]+/g, ''), fullname: paper.organization } } : {}),
    },
    publishedAt: `${paper.date}T12:00:00.000Z`,
    title: paper.title,
  }));
  return JSON.stringify(entries, null, 1);
}

function familyFirst(name: string): string {
  const space = name.lastIndexOf(' ');
  return space > 0 ? `${name.slice(space + 1)}, ${name.slice(0, space)}` : name;
}

const LATEX_ACCENTS: Record<string, string> = {
  ä: '{\\"a}', ö: '{\\"o}', ü: '{\\"u}', é: "{\\'e}", è: '{\\`e}', á: "{\\'a}", í: "{\\'i}", ó: "{\\'o}", ú: "{\\'u}", ñ: '{\\~n}', ç: '{\\c c}', š: '{\\v s}', ž: '{\\v z}', ř: '{\\v r}', ł: '{\\l}', ø: '{\\o}',
};

function latexAccents(text: string): string {
  return text.replace(/[äöüéèáíóúñçšžřłø]/g, (c) => LATEX_ACCENTS[c] ?? c);
}
