// Cuts a .bib file into one piece of text per `@type{...}`, so each entry can be read on its
// own: a broken entry then costs only itself, and every entry knows its line.

import { lineOf, lineStarts } from '../util/text';

export interface BibtexChunk {
  /** Lower-cased: article, inproceedings, string, comment, preamble... */
  type: string;
  /** The citation key, or '' when the entry has none. */
  key: string;
  /** Offsets of the chunk in the file: from its `@` to just past its closing delimiter. */
  start: number;
  end: number;
  /** 1-based line of the `@`. */
  line: number;
  /** False when the text ended, or the next entry began, before the braces balanced. */
  closed: boolean;
  /** Deepest brace nesting inside the entry. */
  depth: number;
  /** Offsets of the text between the entry's delimiters. */
  bodyStart: number;
  bodyEnd: number;
}

const HEADER = /@[ \t\r\n]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])/y;
/** An entry header at the start of a line: where reading resumes after an unclosed entry. */
const LINE_HEADER = /[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/y;
const KEY = /[ \t\r\n]*([^\s,{}()"=#%]*)[ \t\r\n]*([,})]?)/y;

/** Every entry of a .bib file in order. Text outside entries is ignored, as BibTeX does. */
export function splitBibtex(text: string): BibtexChunk[] {
  const chunks: BibtexChunk[] = [];
  const starts = lineStarts(text);
  let from = 0;
  for (;;) {
    const at = text.indexOf('@', from);
    if (at < 0) break;
    HEADER.lastIndex = at;
    const header = HEADER.exec(text);
    if (!header) {
      from = at + 1;
      continue;
    }
    const type = header[1]!.toLowerCase();
    const bodyStart = at + header[0].length;
    const chunk = scanBody(text, bodyStart, header[2] === '{' ? '}' : ')');
    chunks.push({
      type,
      key: readKey(text, bodyStart, chunk.bodyEnd),
      start: at,
      end: chunk.end,
      line: lineOf(starts, at),
      closed: chunk.closed,
      depth: chunk.depth,
      bodyStart,
      bodyEnd: chunk.bodyEnd,
    });
    from = Math.max(chunk.end, at + 1);
  }
  return chunks;
}

interface Body {
  end: number;
  bodyEnd: number;
  closed: boolean;
  depth: number;
}

/**
 * Finds where an entry body ends: the closing delimiter at brace depth 0, outside a quoted
 * value. Escaped braces (`\{`) do not count, as in the grammar that reads the entry later.
 * A line that starts a new entry ends an unclosed one, so one missing brace cannot swallow
 * the rest of the file.
 */
function scanBody(text: string, from: number, close: '}' | ')'): Body {
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) {
      j++;
    } else if (c === 123 /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 125 /* } */) {
      if (depth > 0) depth--;
      else if (close === '}') return { end: j + 1, bodyEnd: j, closed: !quoted, depth: deepest };
    } else if (c === 41 /* ) */) {
      if (close === ')' && depth === 0 && !quoted) return { end: j + 1, bodyEnd: j, closed: true, depth: deepest };
    } else if (c === 34 /* " */) {
      if (depth === 0) quoted = !quoted;
    } else if (c === 10 /* \n */) {
      LINE_HEADER.lastIndex = j + 1;
      if (LINE_HEADER.test(text)) return { end: j + 1, bodyEnd: j, closed: false, depth: deepest };
    }
  }
  return { end: text.length, bodyEnd: text.length, closed: false, depth: deepest };
}

/** The key: the first word of the body when a comma (or the end of the entry) follows it. */
function readKey(text: string, bodyStart: number, bodyEnd: number): string {
  KEY.lastIndex = bodyStart;
  const match = KEY.exec(text);
  if (!match || match.index + match[0].length > bodyEnd + 1) return '';
  const [, key, after] = match;
  return key !== '' && after !== '' ? key! : '';
}
