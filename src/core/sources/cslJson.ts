// Reads CSL-JSON, the bibliography format of Pandoc, Zotero (and Better BibTeX) and every CSL
// processor: an array of items, each with an `id` and a `type`. Each item is read as the .bib
// entry it would be, so its fields are kept and written back; its id (or `citation-key`) is
// its citation key. One bad item is a problem at its line, never the end of the file.
import { bibtexDraft } from '../bibtex/draft';
import { cslToBibtex, plainOfRichText } from '../csl/fromCsl';
import { acceptDraft, problem, type ParseContext, type ParseResult } from '../paper/paper';
import { parseListingJson, recordLines, type RecordsAt } from './jsonLines';

/** What a citation key may hold (as PaperSchema's key). */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_:.\-+]*$/;

/** CSL variables no other JSON listing uses: any of them near the start says CSL-JSON. */
const CSL_MARKERS = /"(issued|date-parts|container-title|citation-key|family|publisher-place|collection-title|number-of-pages|title-short|DOI|URL|ISSN|ISBN)"\s*:|"type"\s*:\s*"(article-journal|article|paper-conference|chapter|book|report|thesis|webpage|manuscript|post-weblog|dataset|software|entry-encyclopedia|motion_picture|broadcast)"/;

/** Whether a JSON text is CSL-JSON rather than another JSON listing (the Hugging Face API's). */
export function looksLikeCslJson(head: string): boolean {
  return /^\s*[[{]/.test(head) && CSL_MARKERS.test(head) && !/"(paper|publishedAt|upvotes|summary)"\s*:/.test(head);
}

export function parseCslJson(input: string, file: string, _context?: ParseContext): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const parsed = parseListingJson(input, file, result.problems);
  if (!parsed.ok) return result;
  const data = parsed.data;
  const found = itemsOf(data);
  if (!found) {
    result.problems.push(problem(file, 1, 'This JSON is not CSL-JSON (an array of items with an id and a type); nothing read from it.', 'warning'));
    return result;
  }
  const lines = recordLines(input, found.at);
  found.items.forEach((item, index) => {
    const line = lines.starts[index] ?? 1;
    const name = `Item ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      result.problems.push(problem(file, line, `${name} at line ${line} is not a CSL item (an object); skipped.`));
      return;
    }
    const record = item as Record<string, unknown>;
    const id = typeof record['id'] === 'string' || typeof record['id'] === 'number' ? String(record['id']).trim() : '';
    const label = id ? `Item "${id}"` : name;
    if (!id || typeof record['type'] !== 'string') {
      result.problems.push(problem(file, line, `${label} at line ${line} has no ${!id ? 'id' : 'type'}, which every CSL item needs; skipped.`));
      return;
    }
    const title = typeof record['title'] === 'string' ? plainOfRichText(record['title']) : '';
    if (!title) {
      result.problems.push(problem(file, line, `${label} at line ${line} has no title; skipped.`));
      return;
    }
    try {
      const citationKey = typeof record['citation-key'] === 'string' ? record['citation-key'].trim() : '';
      const key = [citationKey, id].find((candidate) => KEY.test(candidate));
      if (!key) result.problems.push(problem(file, line, `${label} at line ${line}: "${citationKey || id}" cannot be a citation key (letters, digits and _:.-+), so it gets one of its own.`, 'warning'));
      const entry = cslToBibtex(record);
      const draft = bibtexDraft({ type: entry.type, key: key ?? '', fields: entry.fields, inherited: [], pending: false, container: false, file, line: lines.titles[index] ?? line });
      if (!draft) {
        result.problems.push(problem(file, line, `${label} at line ${line} could not be read; skipped.`));
        return;
      }
      acceptDraft({ ...draft, title }, result);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      result.problems.push(problem(file, line, `${label} at line ${line} could not be read (${reason}); skipped.`));
    }
  });
  return result;
}

/** The items: the array itself, one item, or the array under `items` or `references`. */
function itemsOf(data: unknown): { items: unknown[]; at: RecordsAt } | undefined {
  if (Array.isArray(data)) return { items: data, at: { kind: 'root-array' } };
  if (typeof data !== 'object' || data === null) return undefined;
  const object = data as Record<string, unknown>;
  for (const key of ['items', 'references']) if (Array.isArray(object[key])) return { items: object[key], at: { kind: 'keyed-array', key } };
  if (typeof object['id'] !== 'undefined' && typeof object['type'] === 'string') return { items: [object], at: { kind: 'root-object' } };
  return undefined;
}
