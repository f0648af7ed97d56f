// The bibliography files a note names itself: `bibliography:` in a Markdown note's YAML
// front matter (as Pandoc reads it), `\bibliography{refs}` or `\addbibresource{refs.bib}` in
// LaTeX. Paths are returned as written, relative to the note unless absolute.
import type * as Yaml from 'yaml';
import type { NoteLanguage } from './citations';

/** The lines of a Markdown note's YAML front matter, without the `---` fences. */
export function frontMatterLines(text: string): string[] | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return close > 0 ? lines.slice(1, close) : undefined;
}

/** The YAML parser, loaded when a note first has front matter to read. */
let yaml: typeof Yaml | undefined;
function parseYaml(text: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require in a function is what defers the load
  yaml ??= require('yaml') as typeof Yaml;
  return yaml.parse(text);
}

/**
 * The files of `bibliography:` in the front matter: a string or a list, as Pandoc reads it.
 * A YAML parser reads it: quoting, flow and block lists, comments and anchors are its trade.
 * Front matter that is not valid YAML names no file (Pandoc would refuse it too).
 */
export function markdownBibliographies(text: string): string[] {
  const lines = frontMatterLines(text);
  if (!lines) return [];
  let data: unknown;
  try {
    data = parseYaml(lines.join('\n'));
  } catch {
    return [];
  }
  const value = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).bibliography : undefined;
  const files = Array.isArray(value) ? value : [value];
  return files.filter((file): file is string | number => typeof file === 'string' || typeof file === 'number').map((file) => String(file).trim()).filter(Boolean);
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
