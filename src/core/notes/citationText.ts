// Citation text for notes: Pandoc's `[@a; @b]` in Markdown, `\cite{a,b}` in LaTeX.

export type CitationStyle = 'pandoc' | 'latex';

/** Templates use `{keys}`; each style knows how to join keys inside it. */
export const CITATION_TEMPLATES: Record<CitationStyle, { template: string; prefix: string; separator: string }> = {
  pandoc: { template: '[{keys}]', prefix: '@', separator: '; ' },
  latex: { template: '\\cite{{keys}}', prefix: '', separator: ',' },
};

export function formatCitation(keys: readonly string[], style: CitationStyle, template = CITATION_TEMPLATES[style].template): string {
  const { prefix, separator } = CITATION_TEMPLATES[style];
  return template.replace('{keys}', keys.map((key) => prefix + key).join(separator));
}

/** An existing citation around a cursor, so new keys join it instead of nesting a second one. */
export interface CitationAtCursor {
  /** Offset where new keys go (just before the closing bracket). */
  insertAt: number;
  keys: string[];
}

/** Finds `[@a; @b]` (Markdown) or `\cite{a,b}` / `\citep{...}` (LaTeX) around `offset` in `line`. */
export function citationAt(line: string, offset: number, style: CitationStyle): CitationAtCursor | undefined {
  const pattern = style === 'pandoc' ? /\[(-?@[^\]\n]*)\]/g : /\\[A-Za-z]*cite[A-Za-z]*\*?(?:\[[^\]]*\]){0,2}\{([^}\n]*)\}/g;
  for (const match of line.matchAll(pattern)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (offset < start || offset > end) continue;
    const inner = match[1]!;
    const keys = style === 'pandoc'
      ? [...inner.matchAll(/-?@([A-Za-z0-9_][\w:.#$%&\-+?<>~/]*)/g)].map((m) => m[1]!.replace(/[.,;:]+$/, ''))
      : inner.split(',').map((key) => key.trim()).filter(Boolean);
    return { insertAt: end - 1, keys };
  }
  return undefined;
}

/** The text that adds `keys` to an existing citation (skipping keys it already has). */
export function keysToAppend(existing: readonly string[], keys: readonly string[], style: CitationStyle): string {
  const known = new Set(existing.map((key) => key.toLowerCase()));
  const fresh = keys.filter((key) => !known.has(key.toLowerCase()));
  if (!fresh.length) return '';
  const { prefix, separator } = CITATION_TEMPLATES[style];
  const joined = fresh.map((key) => prefix + key).join(separator);
  return existing.length ? separator + joined : joined;
}
