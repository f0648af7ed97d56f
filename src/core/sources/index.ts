// Chooses a parser for a listing by its content as well as its name, and never throws.
import { problem, type ParseContext, type ParseResult, type Parser } from '../paper/paper';
import { parseArxivListing } from './arxiv';
import { parseBibtex } from './bibtex';
import { looksLikeCslJson, parseCslJson } from './cslJson';
import { parseHfDailyText } from './hfDailyText';
import { parseHfJson } from './hfJson';
import { parseMarkdownList } from './markdown';

export type ListingFormat = 'bibtex' | 'csl-json' | 'hf-json' | 'arxiv' | 'hf-daily-text' | 'markdown';

export const PARSERS: Record<ListingFormat, Parser> = {
  bibtex: parseBibtex,
  'csl-json': parseCslJson,
  'hf-json': parseHfJson,
  arxiv: parseArxivListing,
  'hf-daily-text': parseHfDailyText,
  markdown: parseMarkdownList,
};

/** File extensions Lit Review reads; everything else in a library folder is ignored. */
export const LISTING_EXTENSIONS = ['.bib', '.bibtex', '.json', '.txt', '.md', '.markdown', '.eml', '.text'];

export function isListingFile(file: string): boolean {
  const lower = file.toLowerCase();
  return LISTING_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * The format of a listing. Content decides where it is unambiguous (a `.txt` that is an
 * arXiv e-mail, a `.md` that is really BibTeX); the extension breaks ties.
 */
export function detectFormat(text: string, file: string): ListingFormat | undefined {
  const lower = file.toLowerCase();
  const head = text.slice(0, 20000);
  if (looksLikeCslJson(head)) return 'csl-json';
  if (/^\s*[[{]/.test(head) && (lower.endsWith('.json') || /"(title|paper)"\s*:/.test(head))) return 'hf-json';
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex')) return 'bibtex';
  // BibTeX saved under another name: entries like `@article{key,` and no Markdown list.
  if (/^\s*@[a-zA-Z]+\s*[{(][^,\s]*,/m.test(head) && !/^\s*([-*+]|\d+\.)\s/m.test(head)) return 'bibtex';
  if (/^arXiv:\d{4}\.\d{4,5}/m.test(head) || /^arXiv:[a-z-]+\/\d{7}/m.test(head)) return 'arxiv';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (looksLikeHfDailyText(head)) return 'hf-daily-text';
  if (lower.endsWith('.json')) return 'hf-json';
  if (/^\s*([-*]|\|)\s*.*\]\(https?:/m.test(head)) return 'markdown';
  return undefined;
}

/** A Daily Papers page keeps its `·` separator line before each date line. */
function looksLikeHfDailyText(text: string): boolean {
  return /^\s*·\s*$/m.test(text) || /Daily Papers/.test(text.slice(0, 2000));
}

/** Parses any listing; a parser bug or unknown format becomes a problem, never an exception. */
export function parseListing(text: string, file: string, context: ParseContext = {}): ParseResult & { format?: ListingFormat } {
  const format = detectFormat(text, file);
  if (!format) {
    return { papers: [], problems: [problem(file, 1, 'Not a listing Lit Review can read (expected BibTeX, CSL-JSON, arXiv, Hugging Face Daily Papers text or JSON, or a Markdown list).', 'warning')] };
  }
  try {
    return { ...PARSERS[format](text, file, context), format };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { papers: [], problems: [problem(file, 1, `Could not read this ${format} listing: ${reason}`)], format };
  }
}
