// Reads one BibTeX entry with Citation.js's BibTeX grammar (@citation-js/plugin-bibtex): fields
// with `@string` macros and `#` applied, month macros, and BibTeX's rules for splitting names
// (von parts, Jr., `{Braced Organisations}`). Everything library-specific stays in this file.

import type * as EntryGrammar from '@citation-js/plugin-bibtex/lib/input/file.js';
import type * as ValueGrammar from '@citation-js/plugin-bibtex/lib/input/value.js';
import type { ParsedBibtexName } from '@citation-js/plugin-bibtex/lib/input/value.js';
import { decodeLatex, decodeLatexInNames, normalizeDecoded } from './latex';

/**
 * Citation.js's grammars, loaded when the first .bib is read: a library without BibTeX, and
 * every start that the cache serves, never pays for them.
 */
let grammars: { entries: typeof EntryGrammar; values: typeof ValueGrammar } | undefined;
function citationJs(): { entries: typeof EntryGrammar; values: typeof ValueGrammar } {
  /* eslint-disable @typescript-eslint/no-require-imports -- a require in a function is what defers the load */
  grammars ??= { entries: require('@citation-js/plugin-bibtex/lib/input/file.js'), values: require('@citation-js/plugin-bibtex/lib/input/value.js') };
  /* eslint-enable @typescript-eslint/no-require-imports */
  return grammars;
}

function parseEntries(text: string): EntryGrammar.RawBibtexEntry[] {
  return citationJs().entries.parse(text);
}

function parseFieldValue(text: string, field: 'author' | 'editor'): ParsedBibtexName[] {
  return citationJs().values.parse(text, field);
}

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
 * Marks the place of a macro no `@string` of the file defines: another .bib file of the same
 * bibliography may define it (BibTeX reads `\bibliography{abbrev,papers}` as one text).
 * Private-use characters, so no real value can hold one.
 */
const PLACEHOLDER_OPEN = '\uE000';
const PLACEHOLDER_CLOSE = '\uE001';
const PLACEHOLDER = /\uE000([^\uE001]*)\uE001/g;

/** Stands in for the key of an entry written without one, while the grammar reads it. */
const KEYLESS_LABEL = 'keyless';

/** Month macros every BibTeX style predefines; the grammar turns them into numbers. */
const MONTH_MACROS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);

/** Whether a value still holds a macro its own file did not define. */
export function hasMacroPlaceholder(value: string): boolean {
  return value.includes(PLACEHOLDER_OPEN);
}

/** The names of the undefined macros a value holds. */
export function macroPlaceholders(value: string): string[] {
  return [...value.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** Fills a value's placeholders from `macros`; a macro no file defines becomes nothing, as in BibTeX. */
export function fillMacroPlaceholders(value: string, macros: ReadonlyMap<string, string>): string {
  return value.replace(PLACEHOLDER, (_, name: string) => macros.get(name) ?? '');
}

/**
 * `@string` macros defined so far in a file. Each macro a field uses is put in its place
 * (braced) before the grammar reads the entry, so macro names may hold any character
 * BibTeX allows (`A&A`), and a macro the file lacks is kept as a placeholder, not lost.
 */
export class MacroScope {
  private readonly macros = new Map<string, string>();

  /** Reads `body` (the inside of `@string{...}`) and adds its macro for the entries after it. */
  define(body: string): void {
    const head = /^\s*([^\s=#{}"(),]+)\s*=/.exec(body);
    if (!head) throw new EntryReadError('it does not read as "name = value"', undefined);
    const expression = this.expand(body.slice(head[0].length), 0);
    const [entry] = readWith(() => parseEntries(`@misc{string,value=${expression}}`));
    const value = entry?.properties.value;
    if (value !== undefined) this.macros.set(head[1]!.toLowerCase(), String(value));
  }

  /** The macros defined so far, in order, for the rest of the library's .bib files. */
  get defined(): [string, string][] {
    return [...this.macros];
  }

  /** Reads one data entry's text (`@type{key, ...}`). Throws an EntryReadError. */
  read(text: string): BibtexEntry | undefined {
    const open = text.search(/[{(]/);
    if (open < 0) return undefined;
    // Mendeley, Citavi and EndNote write `@article{,`: the grammar needs a key to read the rest.
    const keyless = /^\s*,/.test(text.slice(open + 1));
    const body = (keyless ? KEYLESS_LABEL : '') + this.expand(text.slice(open + 1), 1);
    const [entry] = readWith(() => parseEntries(text.slice(0, open + 1) + body));
    if (!entry) return undefined;
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(entry.properties)) fields[name.toLowerCase()] = String(value);
    return { type: entry.type.toLowerCase(), key: keyless ? '' : entry.label, fields };
  }

  /**
   * Puts each macro's value, braced, where a field names it: a bare word after `=` or `#`
   * outside braces and quotes. `depth` is the brace depth the text starts at (1 inside an entry).
   */
  private expand(text: string, depth: number): string {
    let out = '';
    let copied = 0;
    let quoted = false;
    let level = depth;
    for (let j = 0; j < text.length; j++) {
      const c = text[j]!;
      if (c === '\\') j++;
      else if (c === '{') level++;
      else if (c === '}') level--;
      else if (c === '"' && level === depth) quoted = !quoted;
      else if ((c === '=' || c === '#') && level === depth && !quoted) {
        const word = /\s*([^\s"#%'(),={}\d][^\s"#%'(),={}]*)/y;
        word.lastIndex = j + 1;
        const match = word.exec(text);
        if (!match) continue;
        const name = match[1]!.toLowerCase();
        const end = j + 1 + match[0].length;
        if (!(MONTH_MACROS.has(name) && !this.macros.has(name))) {
          const value = this.macros.get(name);
          const filled = value !== undefined ? value.replace(/\s+/g, ' ') : `${PLACEHOLDER_OPEN}${name}${PLACEHOLDER_CLOSE}`;
          out += `${text.slice(copied, end - match[1]!.length)}{${filled}}`;
          copied = end;
        }
        j = end - 1;
      }
    }
    return out + text.slice(copied);
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
    // Decoded first: the grammar's own decoder lacks letters such as \aa and misreads `{\'S}wierczewska` as a von part.
    parsed = parseFieldValue(decodeLatexInNames(cleaned), 'author');
  } catch {
    return readNamesLoosely(cleaned);
  }
  const names: string[] = [];
  let truncated = false;
  for (const name of parsed) {
    if (isOthers([name.given, name.prefix, name.family].filter((part) => part).join(' '))) {
      truncated = true;
      continue;
    }
    const display = tidyName([name.given, name.prefix, name.family, name.suffix].filter((part) => part).join(' '));
    if (display !== '') names.push(display);
  }
  return { names, truncated };
}

/** `and others`, and the `and et al.` some exporters write for it: the list goes on. */
function isOthers(name: string): boolean {
  return /^(others|et\.?\s*al\.?|\{?et al\.?\}?)$/i.test(name.replace(/[{}]/g, '').trim());
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
    if (isOthers(decoded)) {
      truncated = true;
      continue;
    }
    // "Family, Given" and "Family, Jr., Given".
    const [family, second, third] = decoded.split(/\s*,\s*/);
    names.push(tidyName(third !== undefined ? `${third} ${family} ${second}` : second !== undefined ? `${second} ${family}` : decoded));
  }
  return { names, truncated };
}
