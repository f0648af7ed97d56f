// Reads .bib files: every entry with a title becomes a paper, every broken entry a problem,
// and one broken entry never hides the others.

import { acceptDraft, problem, type BibField, type ParseContext, type ParseResult } from '../paper/paper';
import { bibtexDraft, CONTAINER_TYPES, hasOwnTitle } from '../bibtex/draft';
import { inheritFields, referencedKeys } from '../bibtex/references';
import { readBibtexEntries, type ReadEntry } from '../bibtex/entries';
import { hasMacroPlaceholder } from '../bibtex/read';

/** biblatex's `@set` groups entries under a key of its own: citable, but no paper to list. */
const GROUP_TYPES = new Set(['set']);
/** Entries that only lend fields to others (biblatex). */
const DATA_ONLY_TYPES = new Set(['xdata']);

type LocatedEntry = ReadEntry;

export function parseBibtex(text: string, file: string, _context?: ParseContext): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const { entries, skipped, macros } = readBibtexEntries(text);
  for (const { line, message } of skipped) result.problems.push(problem(file, line, message));
  if (macros.length > 0) result.macros = macros;
  const byKey = new Map<string, LocatedEntry>();
  for (const entry of entries) {
    if (!entry.key) continue;
    const known = byKey.get(entry.key.toLowerCase());
    if (known) {
      result.problems.push(problem(file, entry.line, `Entry '${entry.key}' at line ${entry.line} repeats the key of the entry at line ${known.line}.`, 'warning'));
    } else {
      byKey.set(entry.key.toLowerCase(), entry);
    }
  }
  const resolved = entries.map((entry) => resolveReferences(entry, byKey));
  const containers = new Set(resolved.flatMap((entry) => entry.parents));
  for (const { entry, inherited, pending } of resolved) {
    if (DATA_ONLY_TYPES.has(entry.type)) continue;
    const container = (containers.has(entry) && CONTAINER_TYPES.has(entry.type)) || GROUP_TYPES.has(entry.type);
    const fields = { ...entry, inherited, pending, container, file };
    const draft = bibtexDraft(fields);
    if (!draft) {
      result.problems.push(problem(file, entry.line, `The @${entry.type} entry at line ${entry.line} has neither a title nor a key; skipped.`));
      continue;
    }
    if (!pending && !hasOwnTitle(fields)) result.problems.push(problem(file, entry.line, `Entry '${entry.key || `@${entry.type}`}' at line ${entry.line} has no title; it is listed as "${draft.title}".`, 'warning'));
    acceptDraft(draft, result);
  }
  return result;
}

interface ResolvedEntry {
  entry: LocatedEntry;
  inherited: BibField[];
  pending: boolean;
  parents: LocatedEntry[];
}

/** Resolves an entry's references within its own file; what is left waits for the library. */
function resolveReferences(entry: LocatedEntry, byKey: Map<string, LocatedEntry>): ResolvedEntry {
  const parents: LocatedEntry[] = [];
  const { inherited, missing } = inheritFields(entry.fields, (key) => {
    const parent = byKey.get(key.toLowerCase());
    if (!parent || parent === entry) return undefined;
    if (key === referencedKeys(entry.fields).crossref) parents.push(parent);
    return parent;
  });
  const pending = missing.length > 0 || [...entry.fields, ...inherited].some(([, value]) => hasMacroPlaceholder(value));
  return { entry, inherited, pending, parents };
}
