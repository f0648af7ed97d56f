// Reads one BibTeX entry with Citation.js's BibTeX grammar (@citation-js/plugin-bibtex): fields
// with `@string` macros and `#` applied, month macros, and BibTeX's rules for splitting names
// (von parts, Jr., `{Braced Organisations}`). Everything library-specific stays in this file.

import { bibtexGrammar, parse as parseEntries, type RawBibtexEntry } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { parse as parseFieldValue, type ParsedBibtexName } from '@citation-js/plugin-bibtex/lib/input/value.js';
import { decodeLatex, normalizeDecoded } from '../latex';

/** A data entry as written: lower-cased field names, values with their LaTeX intact. */
export interface BibtexEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

/** Why an entry could not be read, and on which line of the entry (1-based) if known. */
export class EntryReadError extends Error {
  constructor(
    message: string,
    readonly lineInEntry: number | undefined,
  ) {
    super(message);
  }
}

/**
 * `@string` macros defined so far in a file. The grammar starts every parse from its default
 * state, so the macros an entry uses are put there while that entry is read, and taken out
 * when the file is done. (Only the ones it uses: the grammar copies its state on every parse.)
 */
export class MacroScope {
  private readonly macros = new Map<string, string>();
  private readonly saved = bibtexGrammar.defaultState;

  /** Reads `body` (the inside of `@string{...}`) and adds its macros for the entries after it. */
  define(body: string): void {
    const text = `@misc{string,${body}}`;
    const [entry] = this.parse(text);
    if (!entry) return;
    for (const [name, value] of Object.entries(entry.properties)) this.macros.set(name.toLowerCase(), String(value));
  }

  /** Reads one data entry's text (`@type{key, ...}`). Throws an EntryReadError. */
  read(text: string): BibtexEntry | undefined {
    const [entry] = this.parse(text);
    if (!entry) return undefined;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.properties)) fields[name.toLowerCase()] = String(value);
    return { type: entry.type.toLowerCase(), key: entry.label, fields };
  }

  /** Puts the grammar back as it was; call when the file is done. */
  close(): void {
    bibtexGrammar.defaultState = this.saved;
  }

  private parse(text: string): RawBibtexEntry[] {
    const used: Record<string, string> = {};
    let any = false;
    if (this.macros.size > 0) {
      // A macro is a bare word after `=` or `#`; words inside braces that merely look like one cost nothing.
      for (const match of text.matchAll(/[=#]\s*([^\s"#%'(),={}]+)/g)) {
        const name = match[1]!.toLowerCase();
        const value = this.macros.get(name);
        if (value !== undefined) {
          used[name] = value;
          any = true;
        }
      }
    }
    bibtexGrammar.defaultState = any ? { ...this.saved, strings: { ...this.saved.strings, ...used } } : this.saved;
    return readWith(() => parseEntries(text));
  }
}

function readWith<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) throw new EntryReadError('it nests too deeply to read', undefined);
    const message = error instanceof Error ? error.message : String(error);
    const where = /at line (\d+) col (\d+)/.exec(message);
    const reason = message.split('\n')[0]!.replace(/\s*at line \d+ col \d+:?\s*$/, '').replace(/"(\w+)"/g, (_, token: string) => TOKEN_WORDS[token] ?? `"${token}"`);
    throw new EntryReadError(reason, where ? Number(where[1]) : undefined);
  }
}

/** The grammar's token names, as a person reading the file would say them. */
const TOKEN_WORDS: Record<string, string> = {
  rbrace: 'a closing brace',
  lbrace: 'an opening brace',
  label: 'a citation key',
  comma: 'a comma',
  equals: '"="',
  identifier: 'a field name',
  number: 'a number',
  hash: '"#"',
  quote: 'a quote',
  at: '"@"',
  junk: 'text',
};

/** A name list's display names ("Given von Family Jr."), and whether it ended in "and others". */
export interface NameList {
  names: string[];
  truncated: boolean;
}

/** Splits a BibTeX `author` value into display names. */
export function readNames(raw: string): NameList {
  // `{\relax Ch}ristopher` only tells BibTeX how to abbreviate; the grammar would take it for a von part.
  const cleaned = raw.replace(/\\relax\s*/g, '');
  let parsed: ParsedBibtexName[];
  try {
    parsed = parseFieldValue(cleaned, 'author');
  } catch {
    return readNamesLoosely(cleaned);
  }
  const names: string[] = [];
  let truncated = false;
  for (const name of parsed) {
    if (name.family === 'others' && !name.given && !name.prefix) {
      truncated = true;
      continue;
    }
    const display = tidyName([name.given, name.prefix, name.family, name.suffix].filter((part) => part).join(' '));
    if (display !== '') names.push(display);
  }
  return { names, truncated };
}

function tidyName(name: string): string {
  return normalizeDecoded(name.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim());
}

/**
 * For a name list the grammar rejects (a stray brace): split on top-level "and", turn
 * "Family, Given" around, and decode what is left.
 */
function readNamesLoosely(raw: string): NameList {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let j = 0; j < raw.length; j++) {
    const c = raw[j];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(c!) && /^\s+and\s/i.test(raw.slice(j, j + 6))) {
      parts.push(raw.slice(last, j));
      j += raw.slice(j).match(/^\s+and/i)![0].length;
      last = j;
    }
  }
  parts.push(raw.slice(last));
  const names: string[] = [];
  let truncated = false;
  for (const part of parts) {
    const decoded = decodeLatex(part);
    if (decoded === '') continue;
    if (decoded.toLowerCase() === 'others') {
      truncated = true;
      continue;
    }
    // "Family, Given" and "Family, Jr., Given".
    const [family, second, third] = decoded.split(/\s*,\s*/);
    names.push(tidyName(third !== undefined ? `${third} ${family} ${second}` : second !== undefined ? `${second} ${family}` : decoded));
  }
  return { names, truncated };
}
