// Reads .bib files: every entry with a title becomes a paper, every broken entry a problem,
// and one broken entry never hides the others.

import { acceptDraft, problem, type BibField, type ParseContext, type ParseResult } from '../paper/paper';
import { splitBibtex, type BibtexChunk } from '../bibtex/chunks';
import { bibtexDraft, CONTAINER_TYPES, hasOwnTitle } from '../bibtex/draft';
import { inheritFields, referencedKeys } from '../bibtex/references';
import { EntryReadError, hasMacroPlaceholder, MacroScope } from '../bibtex/read';

/** An entry longer than this is not a bibliography entry (and would be slow to read). */
const MAX_ENTRY_LENGTH = 1_000_000;
/** Real entries nest braces a few levels deep; hostile ones would exhaust the stack. */
const MAX_BRACE_DEPTH = 100;

/** Entry types that carry no paper. */
const IGNORED_TYPES = new Set(['comment', 'preamble']);
/** biblatex's `@set` groups entries under a key of its own: citable, but no paper to list. */
const GROUP_TYPES = new Set(['set']);
/** Entries that only lend fields to others (biblatex). */
const DATA_ONLY_TYPES = new Set(['xdata']);

interface LocatedEntry {
  type: string;
  key: string;
  fields: BibField[];
  line: number;
}

export function parseBibtex(text: string, file: string, _context?: ParseContext): ParseResult {
  const result: ParseResult = { papers: [], problems: [] };
  const { entries, macros } = readEntries(text, file, result);
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

/** Reads every entry, applying `@string` macros in file order; unreadable ones become problems. */
function readEntries(text: string, file: string, result: ParseResult): { entries: LocatedEntry[]; macros: BibField[] } {
  const entries: LocatedEntry[] = [];
  const macros = new MacroScope();
  for (const chunk of splitBibtex(text)) {
    if (IGNORED_TYPES.has(chunk.type)) continue;
    const reason = unreadable(chunk);
    const name = chunk.key ? `Entry '${chunk.key}' at line ${chunk.line}` : `The @${chunk.type} entry at line ${chunk.line}`;
    if (reason) {
      result.problems.push(problem(file, chunk.line, `${name} ${reason}; skipped.`));
      continue;
    }
    try {
      if (chunk.type === 'string') {
        macros.define(text.slice(chunk.bodyStart, chunk.bodyEnd));
        continue;
      }
      const entry = macros.read(text.slice(chunk.start, chunk.end));
      if (entry) entries.push({ type: entry.type, key: entry.key, fields: Object.entries(entry.fields), line: chunk.line });
    } catch (error) {
      if (!(error instanceof EntryReadError)) throw error;
      const at = error.lineInEntry !== undefined ? ` at line ${chunk.line + error.lineInEntry - 1}` : '';
      result.problems.push(problem(file, chunk.line, `${name} could not be read: ${error.message}${at}; skipped.`));
    }
  }
  return { entries, macros: macros.defined };
}

function unreadable(chunk: BibtexChunk): string | undefined {
  if (!chunk.closed) return 'is not closed (its braces or quotes do not balance)';
  if (chunk.end - chunk.start > MAX_ENTRY_LENGTH) return `is ${chunk.end - chunk.start} characters long, too long for an entry`;
  if (chunk.depth > MAX_BRACE_DEPTH) return `nests braces ${chunk.depth} deep, too deep to read`;
  return undefined;
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
