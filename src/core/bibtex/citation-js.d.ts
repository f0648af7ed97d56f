// Types for the parts of Citation.js's BibTeX plugin that Lit Review calls (the package ships none).

declare module '@citation-js/plugin-bibtex/lib/input/file.js' {
  /** One data entry, values as written (LaTeX intact), `@string` macros and `#` already applied. */
  export interface RawBibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string | number>;
  }
  /** Parses BibTeX text; throws a SyntaxError that names the line and column of the first error. */
  export function parse(text: string): RawBibtexEntry[];
}

declare module '@citation-js/plugin-bibtex/lib/input/value.js' {
  /** A BibTeX name split into its parts, LaTeX decoded. */
  export interface ParsedBibtexName {
    given?: string;
    family?: string;
    prefix?: string;
    suffix?: string;
  }
  /** Decodes one field value by the field's kind; for `author` it returns the list of names. */
  export function parse(text: string, field: 'author' | 'editor'): ParsedBibtexName[];
}
