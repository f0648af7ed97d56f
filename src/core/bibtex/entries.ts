// Every entry of a .bib text as BibTeX reads it: `@string` macros applied in file order, and
// an entry that cannot be read reported at its line, never hiding the others. Shared by the
// listing parser and the bibliography check.
import type { BibField } from '../paper/paper';
import { splitBibtex, type BibtexChunk } from './chunks';
import { EntryReadError, MacroScope } from './read';

/** An entry longer than this is not a bibliography entry (and would be slow to read). */
const MAX_ENTRY_LENGTH = 1_000_000;
/** Real entries nest braces a few levels deep; hostile ones would exhaust the stack. */
const MAX_BRACE_DEPTH = 100;
/** Entry types that carry no entry. */
const IGNORED_TYPES = new Set(['comment', 'preamble']);

export interface ReadEntry {
  type: string;
  key: string;
  fields: BibField[];
  /** 1-based line of the `@`. */
  line: number;
  /** Offsets of the entry in the text, from `@` to just past its closing brace. */
  start: number;
  end: number;
}

/** An entry left out, and why, as a sentence naming it and its line. */
export interface SkippedEntry {
  line: number;
  message: string;
}

export function readBibtexEntries(text: string): { entries: ReadEntry[]; skipped: SkippedEntry[]; macros: BibField[] } {
  const entries: ReadEntry[] = [];
  const skipped: SkippedEntry[] = [];
  const macros = new MacroScope();
  for (const chunk of splitBibtex(text)) {
    if (IGNORED_TYPES.has(chunk.type)) continue;
    const reason = unreadable(chunk);
    const name = chunk.key ? `Entry '${chunk.key}' at line ${chunk.line}` : `The @${chunk.type} entry at line ${chunk.line}`;
    if (reason) {
      skipped.push({ line: chunk.line, message: `${name} ${reason}; skipped.` });
      continue;
    }
    try {
      if (chunk.type === 'string') {
        macros.define(text.slice(chunk.bodyStart, chunk.bodyEnd));
        continue;
      }
      const entry = macros.read(text.slice(chunk.start, chunk.end));
      if (entry) entries.push({ type: entry.type, key: entry.key, fields: Object.entries(entry.fields), line: chunk.line, start: chunk.start, end: chunk.end });
    } catch (error) {
      if (!(error instanceof EntryReadError)) throw error;
      const at = error.lineInEntry !== undefined ? ` at line ${chunk.line + error.lineInEntry - 1}` : '';
      skipped.push({ line: chunk.line, message: `${name} could not be read: ${error.message}${at}; skipped.` });
    }
  }
  return { entries, skipped, macros: macros.defined };
}

function unreadable(chunk: BibtexChunk): string | undefined {
  if (!chunk.closed) return 'is not closed (its braces or quotes do not balance)';
  if (chunk.end - chunk.start > MAX_ENTRY_LENGTH) return `is ${chunk.end - chunk.start} characters long, too long for an entry`;
  if (chunk.depth > MAX_BRACE_DEPTH) return `nests braces ${chunk.depth} deep, too deep to read`;
  return undefined;
}
