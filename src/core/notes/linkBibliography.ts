// Linking a note to a bibliography file it does not name yet: `bibliography:` in the YAML
// front matter of a Markdown, Quarto or R Markdown note (the front matter made when there is
// none, the file added to a list already there), `\bibliography{}` or biblatex's
// `\addbibresource{}` in LaTeX, `#bibliography()` in Typst. The result is edits that add
// only what the link needs: every other byte of the note stays.
import { lineEnding } from '../bibtex/append';
import type { TextEdit } from './bibliographyCheck';
import { declaredBibliographies } from './frontMatter';
import type { NoteLanguage } from './grammar';

export type BibliographyLink =
  | { status: 'link'; edits: TextEdit[]; /** The lines added, as the note will show them. */ added: string[] }
  | { status: 'linked' }
  /** Front matter this module does not rewrite (a block scalar, a flow list over several lines). */
  | { status: 'unsupported'; reason: string };

/**
 * The edits that make a note name `path` (relative to the note, `/`-separated) as its
 * bibliography; `linked` when it already does.
 */
export function linkBibliography(text: string, language: NoteLanguage, path: string): BibliographyLink {
  const wanted = comparable(path);
  if (declaredBibliographies(text, language).some((file) => comparable(file) === wanted)) return { status: 'linked' };
  if (language === 'markdown') return linkFrontMatter(text, path);
  if (language === 'typst') return appendLines(text, [`#bibliography(${JSON.stringify(path)})`]);
  return linkLatex(text, path);
}

function comparable(path: string): string {
  return path.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

// ---------------------------------------------------------------------------------------
// Markdown: YAML front matter

interface Line {
  text: string;
  start: number;
  /** Offset of the line break after it (the text's end for the last line). */
  end: number;
  /** Offset just past the line break. */
  next: number;
}

function linesOf(text: string, from: number): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = from;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), start, end: match.index, next: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  lines.push({ text: text.slice(start), start, end: text.length, next: text.length });
  return lines;
}

function linkFrontMatter(text: string, path: string): BibliographyLink {
  const eol = lineEnding(text);
  const value = yamlScalar(path);
  const base = text.startsWith('\uFEFF') ? 1 : 0;
  const lines = linesOf(text, base);
  const close = /^---\s*$/.test(lines[0]!.text) ? lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line.text)) : -1;
  if (close < 0) {
    // No front matter: a new one, with a blank line before the text unless it starts with one.
    const added = `bibliography: ${value}`;
    const gap = text.length > base && !/^[ \t]*(\r\n|\r|\n)/.test(text.slice(base)) ? eol : '';
    return { status: 'link', edits: [{ start: base, end: base, newText: `---${eol}${added}${eol}---${eol}${gap}` }], added: ['---', added, '---'] };
  }
  const key = lines.findIndex((line, index) => index > 0 && index < close && /^bibliography\s*:/.test(line.text));
  if (key < 0) {
    const added = `bibliography: ${value}`;
    const at = lines[close]!.start;
    return { status: 'link', edits: [{ start: at, end: at, newText: `${added}${eol}` }], added: [added] };
  }
  const line = lines[key]!;
  const colon = line.start + line.text.indexOf(':') + 1;
  const rest = stripComment(text.slice(colon, line.end));
  const valueStart = colon + (rest.length - rest.trimStart().length);
  const written = rest.trim();
  if (!written) return addToBlockList(lines, key, close, colon, value, eol);
  if (written.startsWith('[')) {
    const closing = written.lastIndexOf(']');
    if (closing < 0) return { status: 'unsupported', reason: 'its `bibliography:` list goes over several lines' };
    const inside = written.slice(1, closing).trim();
    const at = valueStart + written.slice(0, closing).trimEnd().length;
    return { status: 'link', edits: [{ start: at, end: at, newText: inside ? `, ${value}` : value }], added: [`bibliography: [${inside ? `${inside}, ` : ''}${value}]`] };
  }
  if (/^[|>&*!]/.test(written)) return { status: 'unsupported', reason: 'its `bibliography:` value is not a plain file name' };
  // One file: it becomes a list of two.
  const end = valueStart + written.length;
  return {
    status: 'link',
    edits: [
      { start: valueStart, end: valueStart, newText: '[' },
      { start: end, end, newText: `, ${value}]` },
    ],
    added: [`bibliography: [${written}, ${value}]`],
  };
}

/** `bibliography:` with nothing after it: a block list below, or an empty value. */
function addToBlockList(lines: readonly Line[], key: number, close: number, colon: number, value: string, eol: string): BibliographyLink {
  let last = -1;
  let indent = '  ';
  for (let index = key + 1; index < close; index++) {
    const text = lines[index]!.text;
    const item = /^(\s*)-(\s|$)/.exec(text);
    if (item) {
      last = index;
      indent = item[1]!;
      continue;
    }
    // Blank lines, comments and an item's continuation stay inside the list.
    if (!text.trim() || /^\s*#/.test(text) || (last >= 0 && /^\s+\S/.test(text))) continue;
    break;
  }
  if (last < 0) return { status: 'link', edits: [{ start: colon, end: colon, newText: ` ${value}` }], added: [`bibliography: ${value}`] };
  const added = `${indent}- ${value}`;
  const after = lines[last]!;
  // After the last item's line break (the front matter's closing fence follows, so there is one).
  return { status: 'link', edits: [{ start: after.next, end: after.next, newText: `${added}${eol}` }], added: [added] };
}

/** A YAML line's value without its ` # comment` (a `#` inside quotes is text). */
function stripComment(value: string): string {
  let quote: string | undefined;
  for (let index = 0; index < value.length; index++) {
    const c = value[index]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (index === 0 || /\s/.test(value[index - 1]!))) return value.slice(0, index);
  }
  return value;
}

/** A path as a YAML scalar: plain when YAML reads it back as written, double-quoted otherwise. */
function yamlScalar(path: string): string {
  return /^[A-Za-z0-9_.~/\\][A-Za-z0-9_.~/\\ +-]*$/.test(path) && !/\s$/.test(path) ? path : JSON.stringify(path);
}

// ---------------------------------------------------------------------------------------
// LaTeX

/** Offsets of a pattern's matches outside `%` comments. */
function uncommented(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (const line of linesOf(text, 0)) {
    const comment = /(?<!\\)%/.exec(line.text);
    const code = comment ? line.text.slice(0, comment.index) : line.text;
    const global = new RegExp(pattern.source, 'g');
    for (let match = global.exec(code); match; match = global.exec(code)) {
      match.index += line.start;
      found.push(match);
    }
  }
  return found;
}

function linkLatex(text: string, path: string): BibliographyLink {
  const eol = lineEnding(text);
  const biblatex = uncommented(text, /\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{[^}]*\bbiblatex\b[^}]*\}/)[0];
  const end = uncommented(text, /\\end\s*\{document\}/)[0];
  const edits: TextEdit[] = [];
  const added: string[] = [];
  const beforeEnd: string[] = [];
  if (biblatex) {
    // biblatex reads its resources in the preamble only: the line after the package.
    const resource = `\\addbibresource{${path}}`;
    const at = lineAfter(text, biblatex.index);
    edits.push({ start: at, end: at, newText: `${at === text.length && !/(\r\n|\r|\n)$/.test(text) ? eol : ''}${resource}${eol}` });
    added.push(resource);
    if (!uncommented(text, /\\printbibliography\b/).length) beforeEnd.push('\\printbibliography');
  } else {
    // BibTeX needs a style as well as the file; the file goes without its `.bib`.
    if (!uncommented(text, /\\bibliographystyle\s*\{/).length) beforeEnd.push(`\\bibliographystyle{${uncommented(text, /\\usepackage\s*(?:\[[^\]]*\])?\s*\{[^}]*\bnatbib\b/).length ? 'plainnat' : 'plain'}}`);
    beforeEnd.push(`\\bibliography{${path.replace(/\.bib$/i, '')}}`);
  }
  if (beforeEnd.length) {
    if (!end) {
      const appended = appendLines(text, beforeEnd);
      if (appended.status === 'link') {
        edits.push(...appended.edits);
        added.push(...beforeEnd);
      }
    } else {
      const lineStart = Math.max(text.lastIndexOf('\n', end.index - 1), text.lastIndexOf('\r', end.index - 1)) + 1;
      const alone = !text.slice(lineStart, end.index).trim();
      const at = alone ? lineStart : end.index;
      edits.push({ start: at, end: at, newText: `${alone ? '' : eol}${beforeEnd.join(eol)}${eol}` });
      added.push(...beforeEnd);
    }
  }
  return { status: 'link', edits, added };
}

/** The offset of the start of the line after the one holding `offset` (the text's end on the last line). */
function lineAfter(text: string, offset: number): number {
  const line = linesOf(text, 0).find((candidate) => offset >= candidate.start && offset <= candidate.end);
  return line ? line.next : text.length;
}

/** Lines added at the end of a text, after a line break of its own kind. */
function appendLines(text: string, lines: readonly string[]): BibliographyLink {
  const eol = lineEnding(text);
  const gap = !text || /(\r\n|\r|\n)$/.test(text) ? '' : eol;
  return { status: 'link', edits: [{ start: text.length, end: text.length, newText: `${gap}${lines.join(eol)}${eol}` }], added: [...lines] };
}
