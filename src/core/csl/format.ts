// Formatted references in a CSL style (APA unless told otherwise), offline: Citation.js's CSL
// plugin ships a few styles and locales with citeproc-js, and any other style is its XML.
import type { Paper } from '../paper/paper';
import { toCslItem, type CslItem, type CslWriteOptions } from './toCsl';

export type ReferenceFormat = 'text' | 'html';

export interface ReferenceOptions extends CslWriteOptions {
  /** A style the plugin ships (`apa`, `vancouver`, `harvard1`) or a whole CSL style as XML text. Default `apa`. */
  style?: string;
  format?: ReferenceFormat;
  /** The locale of terms and dates: one the plugin ships (`en-US`, `de-DE`…); default `en-US`. */
  locale?: string;
  /** The key each paper is cited by (its own key by default): it becomes the item's id. */
  keyFor?: (paper: Paper, index: number) => string;
}

/** A style that is neither shipped nor valid CSL: the message says which styles there are. */
export class CslStyleError extends Error {}

export const DEFAULT_STYLE = 'apa';

interface StyleRegister {
  add(name: string, xml: string): unknown;
  has(name: string): boolean;
  list(): string[];
}

interface CitationJs {
  format(data: CslItem[], options: { template: string; format: ReferenceFormat; lang: string; asEntryArray: true; nosort: boolean }): [string, string][];
  styles: StyleRegister;
  locales: StyleRegister;
}

/**
 * Citation.js and citeproc-js, loaded at the first formatted reference: they are the largest
 * part of the bundle, and their plugin registry is global, so it is filled once.
 */
let loaded: CitationJs | undefined;
function citationJs(): CitationJs {
  if (loaded) return loaded;
  /* eslint-disable @typescript-eslint/no-require-imports -- a require in a function is what defers the load */
  const core = require('@citation-js/core') as {
    plugins: { output: { format(name: string, data: unknown, options: unknown): unknown }; config: { get(name: string): { styles: StyleRegister; locales: StyleRegister } } };
  };
  require('@citation-js/plugin-csl');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const config = core.plugins.config.get('@csl');
  loaded = {
    format: (data, options) => core.plugins.output.format('bibliography', data, options) as [string, string][],
    styles: config.styles,
    locales: config.locales,
  };
  return loaded;
}

/** Styles that format offline without a CSL file. */
export function availableStyles(): string[] {
  return citationJs().styles.list();
}

/** Locales shipped with the styles. */
export function availableLocales(): string[] {
  return citationJs().locales.list();
}

/**
 * One formatted reference per paper, in the order given (not the style's bibliography order).
 * Text has no trailing newline; HTML is each reference's `<div class="csl-entry">`.
 */
export function formatReferences(papers: readonly Paper[], options: ReferenceOptions = {}): string[] {
  if (!papers.length) return [];
  const items = papers.map((paper, index) => toCslItem(paper, options.keyFor?.(paper, index) ?? paper.key, options));
  return formatCslItems(items, options);
}

/** One paper's formatted reference (see formatReferences). */
export function formatReference(paper: Paper, options: ReferenceOptions = {}): string {
  return formatReferences([paper], options)[0]!;
}

/** CSL items, formatted in order; an item's id must be unique among them. */
export function formatCslItems(items: readonly CslItem[], options: Omit<ReferenceOptions, 'keyFor'> = {}): string[] {
  const citation = citationJs();
  const template = styleName(citation, options.style ?? DEFAULT_STYLE);
  const locale = options.locale ?? 'en-US';
  if (!citation.locales.has(locale)) throw new CslStyleError(`No locale "${locale}" offline; there are ${citation.locales.list().join(', ')}.`);
  let entries: [string, string][];
  try {
    entries = citation.format([...items], { template, format: options.format ?? 'text', lang: locale, asEntryArray: true, nosort: true });
  } catch (error) {
    if (template.startsWith(CUSTOM_PREFIX)) throw new CslStyleError(`The CSL style could not be used: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  const byId = new Map(entries.map(([id, text]) => [id, text.trim()]));
  return items.map((item) => byId.get(item.id) ?? '');
}

const CUSTOM_PREFIX = 'lit-review-style-';

/** The registered name of a style: a shipped one by name, or CSL XML registered under its hash. */
function styleName(citation: CitationJs, style: string): string {
  const trimmed = style.trim();
  if (/^(<\?xml|<style\b)/.test(trimmed)) {
    if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(trimmed) || !/<bibliography\b/.test(trimmed)) {
      throw new CslStyleError('This is not a CSL style with a bibliography (a <style> element in the CSL namespace with a <bibliography>).');
    }
    // Named by its content: citeproc engines are cached by style name, and an edited style is a new one.
    const name = `${CUSTOM_PREFIX}${hash(trimmed)}`;
    if (!citation.styles.has(name)) citation.styles.add(name, trimmed);
    return name;
  }
  const name = trimmed.toLowerCase();
  if (citation.styles.has(name) && !name.startsWith(CUSTOM_PREFIX)) return name;
  const shipped = citation.styles.list().filter((known) => !known.startsWith(CUSTOM_PREFIX));
  throw new CslStyleError(`No CSL style "${style}" offline; there are ${shipped.join(', ')}. Give the path of a .csl file for any other style.`);
}

/** FNV-1a, 32 bits, as hex: enough to tell styles apart within one session. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
