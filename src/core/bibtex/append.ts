// Keeping a note's .bib file in step with what it cites: which keys the file already has, and
// the text to append for the ones it lacks. The file is a person's own: nothing already in it
// changes, so the result is only ever text to add at its end.

/** Entry types that hold no citable record. */
const NOT_ENTRIES = new Set(['string', 'preamble', 'comment']);

/**
 * The keys of a .bib text, lower-cased (BibTeX ignores case in keys). A tolerant scan, not
 * a parser: a hand-edited file with a broken entry still shows every key it has, so a key is
 * never appended twice.
 */
export function bibEntryKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const match of text.matchAll(/@\s*([A-Za-z]+)\s*[{(]\s*([^\s,{}()"#'=\\%]+)\s*,/g)) {
    if (NOT_ENTRIES.has(match[1]!.toLowerCase())) continue;
    keys.add(match[2]!.toLowerCase());
  }
  return keys;
}

export interface BibEntry {
  key: string;
  /** The whole entry, `@type{key, ...}`. */
  text: string;
}

export interface BibAppend {
  /** Text to add at the very end of the file; empty when every key is already there. */
  text: string;
  /** Keys whose entries the text adds, in order. */
  added: string[];
}

/**
 * What to append to a .bib file so that it has every entry. The file's line ending is kept
 * (a CRLF file gets CRLF), a file without a final newline gets one before the new text, and
 * entries are separated from what precedes them by a blank line, as .bib files usually are.
 */
export function bibliographyAppend(current: string, entries: readonly BibEntry[]): BibAppend {
  const present = bibEntryKeys(current);
  const fresh: BibEntry[] = [];
  for (const entry of entries) {
    const key = entry.key.toLowerCase();
    if (present.has(key)) continue;
    present.add(key);
    fresh.push(entry);
  }
  if (!fresh.length) return { text: '', added: [] };
  const eol = lineEnding(current);
  const body = fresh.map((entry) => withLineEnding(entry.text.trim(), eol)).join(eol + eol) + eol;
  return { text: separator(current, eol) + body, added: fresh.map((entry) => entry.key) };
}

/** The file's own line ending: the first one it uses, else `\n`. */
export function lineEnding(text: string): '\r\n' | '\n' {
  const first = /\r\n|\n/.exec(text);
  return first?.[0] === '\r\n' ? '\r\n' : '\n';
}

function withLineEnding(text: string, eol: string): string {
  return text.split(/\r\n|\r|\n/).join(eol);
}

/** What goes between the file's last character and the first new entry. */
function separator(current: string, eol: string): string {
  const content = current.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!content.trim()) return content.length && !content.endsWith('\n') ? eol : '';
  if (/\n[ \t]*\n$/.test(content)) return '';
  if (content.endsWith('\n')) return eol;
  return eol + eol;
}
