// The bibliography files a note names itself: `bibliography:` in a Markdown note's YAML
// front matter (as Pandoc reads it), `\bibliography{refs}` or `\addbibresource{refs.bib}` in
// LaTeX. Paths are returned as written, relative to the note unless absolute.
import type { NoteLanguage } from './citations';

/** The lines of a Markdown note's YAML front matter, without the `---` fences. */
export function frontMatterLines(text: string): string[] | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return close > 0 ? lines.slice(1, close) : undefined;
}

/**
 * `bibliography: refs.bib`, `bibliography: "my refs.bib"`, `bibliography: [a.bib, b.bib]`
 * or a block list under `bibliography:`. Only the top-level key counts.
 */
export function markdownBibliographies(text: string): string[] {
  const lines = frontMatterLines(text);
  if (!lines) return [];
  const at = lines.findIndex((line) => /^bibliography\s*:/.test(line));
  if (at < 0) return [];
  const value = stripYamlComment(lines[at]!.replace(/^bibliography\s*:/, '')).trim();
  if (value.startsWith('[')) {
    const inner = value.replace(/^\[/, '').replace(/\]\s*$/, '');
    return splitFlowList(inner).map(unquoteYaml).filter(Boolean);
  }
  if (value) return [unquoteYaml(value)].filter(Boolean);
  const files: string[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item) {
      const file = unquoteYaml(stripYamlComment(item[1]!).trim());
      if (file) files.push(file);
    } else if (line.trim() && !/^\s*#/.test(line)) {
      break;
    }
  }
  return files;
}

/** `\bibliography{a,b}` (BibTeX adds `.bib`) and `\addbibresource[...]{refs.bib}` (biblatex does not). */
export function latexBibliographies(text: string): string[] {
  const files: string[] = [];
  const uncommented = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/(?<!\\)%.*$/, ''))
    .join('\n');
  for (const match of uncommented.matchAll(/\\(bibliography|addbibresource|addglobalbib)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}/g)) {
    const names = match[1] === 'bibliography' ? match[2]!.split(',') : [match[2]!];
    for (const name of names.map((n) => n.trim()).filter(Boolean)) {
      files.push(match[1] === 'bibliography' && !/\.bib$/i.test(name) ? `${name}.bib` : name);
    }
  }
  return files;
}

export function declaredBibliographies(text: string, language: NoteLanguage): string[] {
  return language === 'markdown' ? markdownBibliographies(text) : latexBibliographies(text);
}

/** A ` # comment` ends a plain YAML value; a `#` inside quotes or a word does not. */
function stripYamlComment(value: string): string {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(value[i - 1]!))) {
      return value.slice(0, i);
    }
  }
  return value;
}

function splitFlowList(inner: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = undefined;
      current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      current += c;
    } else if (c === ',') {
      items.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  items.push(current.trim());
  return items;
}

function unquoteYaml(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1).replace(/''/g, "'");
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(["\\/])/g, '$1');
  }
  return trimmed;
}
