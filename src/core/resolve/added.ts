// Add Paper: the BibTeX entry for a paper a service found (or a person pasted), under a key
// no paper of the library holds, to append to a listing.
import { formatBibtexEntry } from '../bibtex/write';
import { baseKey, DEFAULT_KEY_TEMPLATE, keySuffix } from '../paper/keys';
import type { Paper, PaperDraft } from '../paper/paper';
import { parseBibtex } from '../sources/bibtex';
import type { Found } from './match';

export interface AddedEntry {
  key: string;
  /** The whole entry, `@type{key, ...}`, ending with a newline. */
  text: string;
  title: string;
}

/** Why `found` is not added: the library has it already. Undefined when it is new. */
export function alreadyInLibrary(found: { arxivId?: string; doi?: string }, library: readonly Paper[]): Paper | undefined {
  return library.find((paper) => (found.arxivId && paper.arxivId?.toLowerCase() === found.arxivId.toLowerCase()) || (found.doi && paper.doi === found.doi.toLowerCase()));
}

/** The entry for a paper a service found, keyed as the library would key it, clear of every key it has. */
export function addedEntry(found: Found, library: readonly Paper[], template = DEFAULT_KEY_TEMPLATE): AddedEntry {
  const draft: PaperDraft = {
    title: found.title,
    authors: found.authors,
    authorCount: found.authors.length || undefined,
    date: found.date,
    year: found.year,
    arxivId: found.arxivId,
    doi: found.doi,
    abstract: found.abstract,
    venue: found.venue,
    entryType: found.entryType,
    organization: found.organization,
    links: found.links,
    keywords: found.primaryClass ? [found.primaryClass] : [],
    sources: [{ file: 'added', line: 1 }],
  };
  const key = freeKey(baseKey(draft, template), library);
  return { key, title: found.title, text: formatBibtexEntry({ ...draft, key, topics: [] }) };
}

/** A pasted entry, checked: one entry that reads as a paper, with a key the library does not use. */
export function pastedEntry(text: string, library: readonly Paper[]): AddedEntry | { problem: string } {
  const parsed = parseBibtex(text, 'pasted');
  const errors = parsed.problems.filter((problem) => problem.severity === 'error');
  if (errors.length) return { problem: errors[0]!.message };
  if (parsed.papers.length !== 1) return { problem: parsed.papers.length ? `The text holds ${parsed.papers.length} entries; paste one.` : 'The text holds no BibTeX entry with a title.' };
  const paper = parsed.papers[0]!;
  const key = paper.pinnedKey;
  if (!key) return { problem: 'The entry has no citation key.' };
  const holder = library.find((other) => [other.key, ...(other.aliases ?? [])].some((k) => k.toLowerCase() === key.toLowerCase()));
  if (holder) return { problem: `The key ${key} already cites "${holder.title}".` };
  return { key, title: paper.title, text: `${text.trim()}\n` };
}

function freeKey(base: string, library: readonly Paper[]): string {
  const taken = new Set(library.flatMap((paper) => [paper.key, ...(paper.aliases ?? [])]).map((key) => key.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 0; ; n++) {
    const key = base + keySuffix(n);
    if (!taken.has(key.toLowerCase())) return key;
  }
}
