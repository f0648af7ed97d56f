// The bibliography files a note names itself: `bibliography:` in a Markdown note's YAML
// front matter (as Pandoc reads it) or in a Quarto project's `_quarto.yml`,
// `\bibliography{refs}` or `\addbibresource{refs.bib}` in LaTeX, `#bibliography("refs.bib")`
// in Typst; with the front matter's inline `references:` and its `nocite:` keys.
// Paths are returned as written, relative to the note (or to the Quarto project) unless absolute.
import type * as Yaml from 'yaml';
import { parseCitations, type NoteLanguage } from './grammar';

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
  return bibliographyValue(frontMatterData(text));
}

/** The front matter as YAML data: a mapping, or undefined when there is none or it is not valid YAML. */
export function frontMatterData(text: string): Record<string, unknown> | undefined {
  const lines = frontMatterLines(text);
  return lines ? yamlMapping(lines.join('\n')) : undefined;
}

function yamlMapping(text: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    return undefined;
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** `bibliography:` as a string or a list of strings. */
function bibliographyValue(data: Record<string, unknown> | undefined): string[] {
  const value = data?.bibliography;
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

/** `#bibliography("refs.bib")` and `#bibliography(("a.bib", "b.yml"))`, outside comments. */
export function typstBibliographies(text: string): string[] {
  const files: string[] = [];
  const uncommented = text.replace(/\/\*[^]*?\*\//g, ' ').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const call of uncommented.matchAll(/#bibliography\(\s*(\([^)]*\)|"[^"]*")/g)) {
    for (const name of call[1]!.matchAll(/"([^"]*)"/g)) if (name[1]!.trim()) files.push(name[1]!.trim());
  }
  return files;
}

export function declaredBibliographies(text: string, language: NoteLanguage): string[] {
  if (language === 'markdown') return markdownBibliographies(text);
  return language === 'typst' ? typstBibliographies(text) : latexBibliographies(text);
}

/** Project files that give a note metadata it does not write itself. */
export interface ProjectFiles {
  /** The text of the Quarto project's `_quarto.yml`. */
  quartoYml?: string;
}

/** Where a bibliography file was named: its path is relative to the note, or to the Quarto project. */
export interface NamedBibliography {
  file: string;
  from: 'note' | 'quarto';
}

/** Everything a note says about its bibliography. */
export interface NoteBibliography {
  /** The .bib (or CSL) files, in order; the note's own win over the project's. */
  files: NamedBibliography[];
  /** Ids of the CSL items written in the front matter's `references:`: keys the note defines itself. */
  references: string[];
  /** Keys `nocite:` includes without citing them; `nociteAll` for `@*`. */
  nocite: string[];
  nociteAll: boolean;
}

/**
 * The bibliography of a note: the files it names (else those of its Quarto project), the
 * references it carries inline and the keys it includes uncited (`nocite:`, `\nocite`).
 */
export function noteBibliography(text: string, language: NoteLanguage, project: ProjectFiles = {}): NoteBibliography {
  const own = declaredBibliographies(text, language).map((file): NamedBibliography => ({ file, from: 'note' }));
  const data = language === 'markdown' ? frontMatterData(text) : undefined;
  const quarto = own.length || language !== 'markdown' || project.quartoYml === undefined ? [] : bibliographyValue(yamlMapping(project.quartoYml)).map((file): NamedBibliography => ({ file, from: 'quarto' }));
  const references = Array.isArray(data?.references)
    ? data.references.flatMap((item: unknown) => (item !== null && typeof item === 'object' && typeof (item as Record<string, unknown>).id === 'string' ? [(item as Record<string, string>).id] : []))
    : [];
  const silent = parseCitations(text, language).filter((citation) => citation.form.silent);
  return {
    files: [...own, ...quarto],
    references,
    nocite: silent.flatMap((citation) => citation.items.map((item) => item.key)),
    nociteAll: silent.some((citation) => citation.all === true),
  };
}

/** The bibliography files of a note as paths, the note's own first, else its Quarto project's. */
export function bibliographyFilesOf(text: string, language: NoteLanguage, project: ProjectFiles = {}): string[] {
  return noteBibliography(text, language, project).files.map((named) => named.file);
}
