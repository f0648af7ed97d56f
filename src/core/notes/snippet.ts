// Text inserted through the editor's snippet engine must not be read as snippet syntax:
// a BibTeX entry is full of `}` and `\`, and `$1` or `${x}` in an abstract would become
// tab stops and variables.

/** Escapes `\`, `$` and `}` so a snippet inserts `text` exactly as it is. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}
