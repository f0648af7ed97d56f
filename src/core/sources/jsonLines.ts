// Where things are in a JSON text, which JSON.parse does not tell: the line of each record's
// "title" key, and the line a parse error points at. One linear pass, no recursion, so deep
// nesting or a megabyte on one line costs no more than its length.
import { problem, type Problem } from '../paper/paper';
import { lineAt, lineOf, lineStarts } from '../util/text';

/** Which array holds the records: the top-level one, or the one under a top-level key. */
export type RecordsAt = { kind: 'root-array' } | { kind: 'keyed-array'; key: string } | { kind: 'root-object' };

export interface RecordLines {
  /** Line of the first "title" key inside each record, by record index. */
  titles: (number | undefined)[];
  /** Line where each record starts. */
  starts: (number | undefined)[];
}

interface Container {
  type: '[' | '{';
  /** The raw text of the last key read in this object. */
  lastKey?: string;
}

export function recordLines(text: string, at: RecordsAt): RecordLines {
  const starts = lineStarts(text);
  const result: RecordLines = { titles: [], starts: [] };
  const stack: Container[] = [];
  // Depth of the records container in `stack` (its index), once it has opened.
  let recordsDepth = -1;
  let index = 0;
  let pendingKey: string | undefined;
  let i = 0;

  const atRecordLevel = (): boolean => recordsDepth >= 0 && stack.length - 1 === recordsDepth;
  const noteStart = (offset: number): void => {
    if (at.kind !== 'root-object' && atRecordLevel() && result.starts[index] === undefined) result.starts[index] = lineOf(starts, offset);
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      noteStart(i);
      const begin = i + 1;
      i = endOfString(text, begin);
      pendingKey = text.slice(begin, Math.min(i, begin + 16));
      i++;
      continue;
    }
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
      continue;
    }
    if (c === ':' && pendingKey !== undefined) {
      const top = stack[stack.length - 1];
      if (top) top.lastKey = pendingKey;
      if (pendingKey === 'title' && recordsDepth >= 0 && stack.length > recordsDepth) {
        const record = at.kind === 'root-object' ? 0 : index;
        if (result.titles[record] === undefined) result.titles[record] = lineOf(starts, i);
      }
    } else if (c === '[' || c === '{') {
      noteStart(i);
      const parent = stack[stack.length - 1];
      const isRecords =
        recordsDepth < 0 &&
        ((at.kind === 'root-array' && stack.length === 0 && c === '[') ||
          (at.kind === 'root-object' && stack.length === 0 && c === '{') ||
          (at.kind === 'keyed-array' && stack.length === 1 && c === '[' && parent?.type === '{' && parent.lastKey === at.key));
      stack.push({ type: c });
      if (isRecords) {
        recordsDepth = stack.length - 1;
        if (at.kind === 'root-object') result.starts[0] = lineOf(starts, i);
      }
    } else if (c === ']' || c === '}') {
      stack.pop();
      if (recordsDepth >= 0 && stack.length <= recordsDepth) break;
    } else if (c === ',') {
      if (atRecordLevel()) index++;
    } else {
      noteStart(i);
    }
    pendingKey = undefined;
    i++;
  }
  // Records without a title leave holes: make them plain undefined entries.
  return { titles: Array.from(result.titles), starts: Array.from(result.starts) };
}

/** Offset of the quote closing a string whose text begins at `begin`. */
function endOfString(text: string, begin: number): number {
  let i = begin;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2; // backslash escapes the next character
    else if (c === 34) return i;
    else i++;
  }
  return text.length;
}

/**
 * The parsed JSON of a listing; when it is not JSON, a problem at the line the error
 * points at is added to `problems` and the result is `{ ok: false }`.
 */
export function parseListingJson(input: string, file: string, problems: Problem[]): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: JSON.parse(input) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push(problem(file, jsonErrorLine(input, error), `Not valid JSON (${reason}); no papers read from this file.`));
    return { ok: false };
  }
}

/**
 * The line a JSON.parse error points at. Node reports a position for most errors, only a
 * snippet for an unexpected token, and nothing for a text that ends too early.
 */
export function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const line = /\bline (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /\bposition (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  if (/end of JSON input/i.test(message)) return lineAt(text, text.trimEnd().length);
  const snippet = /(\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  if (snippet && snippet[2]) {
    const found = text.indexOf(snippet[2]);
    if (found >= 0) {
      // A shortened snippet starts ten characters before the token.
      const offset = snippet[1] ? 10 : Math.max(0, token ? snippet[2].indexOf(token) : 0);
      return lineAt(text, found + offset);
    }
  }
  return 1;
}
