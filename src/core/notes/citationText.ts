// Citation text for notes: Pandoc's `[see @a, p. 3; @b]` and `@a [p. 3]` in Markdown,
// `\cite`, natbib and biblatex commands (multicite included) in LaTeX, `@a` and `#cite` in
// Typst. Joining keys to a citation already around the cursor reads it through the grammar.
import { citationForm, parseCitations, readPandocKey, readTypstLabel, type Citation, type NoteLanguage } from './grammar';
import { formatLocator, parseLocator, type Locator } from './locator';

export type CitationStyle = 'pandoc' | 'latex' | 'typst';

/** Templates use `{keys}`; each style knows how to join keys inside it. */
export const CITATION_TEMPLATES: Record<CitationStyle, { template: string; prefix: string; separator: string }> = {
  pandoc: { template: '[{keys}]', prefix: '@', separator: '; ' },
  latex: { template: '\\cite{{keys}}', prefix: '', separator: ',' },
  typst: { template: '{keys}', prefix: '@', separator: ' ' },
};

/** One key to cite, with what goes around it. */
export interface CiteItem {
  key: string;
  /** `see`, before the key. */
  prefix?: string;
  /** `p. 3`, `pp. 3–5`, `chap. 2`, or a parsed locator. */
  locator?: string | Locator;
  /** Text after the locator. */
  suffix?: string;
  /** Only the year: `[-@a]`. */
  suppressAuthor?: boolean;
}

export interface CitationFormatOptions {
  language: NoteLanguage;
  /** A LaTeX command (`\citep`, `\parencites`; `\cite` by default) or Typst's `#cite`. */
  command?: string;
  /** The author's name in the running text: `@a [p. 3]`, `\textcite`/`\citet`. */
  inText?: boolean;
}

export function styleOf(language: NoteLanguage): CitationStyle {
  return language === 'markdown' ? 'pandoc' : language;
}

export function languageOf(style: CitationStyle): NoteLanguage {
  return style === 'pandoc' ? 'markdown' : style;
}

/**
 * A citation of `keys`. Either the plain form with a template holding `{keys}` (what the
 * `citationFormat` settings give), or items with prefixes and locators written in the form
 * `options` asks for.
 */
export function formatCitation(keys: readonly string[], style: CitationStyle, template?: string): string;
export function formatCitation(items: readonly (string | CiteItem)[], options: CitationFormatOptions): string;
export function formatCitation(items: readonly (string | CiteItem)[], how: CitationStyle | CitationFormatOptions, template?: string): string {
  if (typeof how === 'string') {
    const { prefix, separator } = CITATION_TEMPLATES[how];
    const keys = items.map((item) => (typeof item === 'string' ? item : item.key));
    return (template ?? CITATION_TEMPLATES[how].template).replace('{keys}', keys.map((key) => prefix + key).join(separator));
  }
  const cited = items.map((item) => (typeof item === 'string' ? { key: item } : item));
  if (how.language === 'markdown') return formatPandoc(cited, how.inText ?? false);
  if (how.language === 'typst') return formatTypst(cited, how.command);
  return formatLatex(cited, how);
}

function locatorText(item: CiteItem, space = ' '): string {
  if (item.locator === undefined || item.locator === '') return '';
  return formatLocator(item.locator, space);
}

/** A key Pandoc reads whole as it is written; others go in braces: `@{key with:odd chars}`. */
function pandocKey(key: string): string {
  const read = readPandocKey(`${key} `, 0);
  return read && read.key === key ? key : `{${key}}`;
}

function formatPandoc(items: readonly CiteItem[], inText: boolean): string {
  const notes = (item: CiteItem): string => [locatorText(item), item.suffix?.trim() ?? ''].filter(Boolean).join(', ');
  if (inText) {
    return items
      .map((item) => {
        const after = notes(item);
        return `${item.suppressAuthor ? '-' : ''}@${pandocKey(item.key)}${after ? ` [${after}]` : ''}`;
      })
      .join(', ');
  }
  const parts = items.map((item) => {
    const after = notes(item);
    return `${item.prefix?.trim() ? `${item.prefix.trim()} ` : ''}${item.suppressAuthor ? '-' : ''}@${pandocKey(item.key)}${after ? `, ${after}` : ''}`;
  });
  return `[${parts.join('; ')}]`;
}

function formatTypst(items: readonly CiteItem[], command: string | undefined): string {
  return items
    .map((item) => {
      const supplement = [locatorText(item), item.suffix?.trim() ?? ''].filter(Boolean).join(', ');
      const plain = readTypstLabel(item.key, 0)?.key === item.key;
      if (command !== '#cite' && plain) return `@${item.key}${supplement ? `[${supplement}]` : ''}`;
      const label = plain ? `<${item.key}>` : `label(${JSON.stringify(item.key)})`;
      return `#cite(${label}${supplement ? `, supplement: [${supplement}]` : ''})`;
    })
    .join(' ');
}

/**
 * LaTeX: one command when at most the first key has a prenote and the last a postnote (that
 * is how `\cite[see][p.~3]{a,b}` reads); a multicite (`\parencites[p.~3]{a}{b}`) when keys
 * have notes of their own and the command has one; separate commands otherwise.
 */
function formatLatex(items: readonly CiteItem[], options: CitationFormatOptions): string {
  const requested = options.command ? (options.command.startsWith('\\') ? options.command : `\\${options.command}`) : undefined;
  const command = requested ?? (options.inText ? '\\citet' : '\\cite');
  const form = citationForm(command, 'latex');
  const pre = (item: CiteItem): string => item.prefix?.trim() ?? '';
  const post = (item: CiteItem): string => [locatorText(item, '~'), item.suffix?.trim() ?? ''].filter(Boolean).join(', ');
  const notes = (item: CiteItem): string => {
    const [p, q] = [pre(item), post(item)];
    return p ? `[${p}][${q}]` : q ? `[${q}]` : '';
  };
  if (form?.multi) return `${command}${items.map((item) => `${notes(item)}{${item.key}}`).join('')}`;
  const inner = items.slice(1).some((item) => pre(item)) || items.slice(0, -1).some((item) => post(item));
  if (!inner) {
    const first = items[0];
    const last = items[items.length - 1];
    const p = first ? pre(first) : '';
    const q = last ? post(last) : '';
    const head = p ? `[${p}][${q}]` : q ? `[${q}]` : '';
    return `${command}${head}{${items.map((item) => item.key).join(',')}}`;
  }
  if (form?.multiForm) return `${form.multiForm}${items.map((item) => `${notes(item)}{${item.key}}`).join('')}`;
  return items.map((item) => `${command}${notes(item)}{${item.key}}`).join('; ');
}

/** An existing citation around a cursor, so new keys join it instead of nesting a second one. */
export interface CitationAtCursor {
  /** Offset where new keys go (just before the closing bracket). */
  insertAt: number;
  keys: string[];
}

/**
 * Finds the citation around `offset` in `line` that new keys can join: `[@a; @b]` in
 * Markdown, any cite command in LaTeX (a multicite's last group), `@a` or `#cite(...)` in Typst.
 */
export function citationAt(line: string, offset: number, style: CitationStyle): CitationAtCursor | undefined {
  const citation = parseCitations(line, languageOf(style)).find((c) => c.closed && offset >= c.start && offset <= c.end && joinable(c));
  if (!citation) return undefined;
  return { insertAt: insertionPoint(line, citation), keys: citation.items.map((item) => item.key) };
}

function joinable(citation: Citation): boolean {
  if (citation.language === 'markdown') return citation.command === '[@]' || citation.command === '[-@]';
  return citation.command !== 'nocite' && citation.command !== '#cite';
}

function insertionPoint(text: string, citation: Citation): number {
  if (citation.language === 'typst') return citation.end;
  // Before the closing `]` or `}` (a multicite gets the key in its last group).
  return text[citation.end - 1] === ']' || text[citation.end - 1] === '}' ? citation.end - 1 : citation.end;
}

/** The text that adds `keys` to an existing citation (skipping keys it already has). */
export function keysToAppend(existing: readonly string[], keys: readonly string[], style: CitationStyle): string {
  const known = new Set(existing.map((key) => key.toLowerCase()));
  const fresh = keys.filter((key) => !known.has(key.toLowerCase()));
  if (!fresh.length) return '';
  const { prefix, separator } = CITATION_TEMPLATES[style];
  const joined = fresh.map((key) => prefix + (style === 'pandoc' ? pandocKey(key) : key)).join(separator);
  return existing.length ? separator + joined : joined;
}

/** Reads a locator the user typed (`p. 3`, `chap. 2`, `33-35`), for insertion with a locator. */
export function readLocator(text: string): Locator | undefined {
  return parseLocator(text).locator;
}
