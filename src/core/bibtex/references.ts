// How a BibTeX entry takes fields from the entries it names: its `crossref` parent and its
// biblatex `xdata` entries, wherever in the bibliography they are.
import type { BibField } from '../paper/paper';
import { CONTAINER_TYPES } from './draft';

/** Fields a child entry never takes from its crossref parent: they describe the parent itself. */
const NOT_INHERITED = new Set([
  'title', 'subtitle', 'doi', 'url', 'eprint', 'archiveprefix', 'eprinttype', 'primaryclass', 'abstract',
  'keywords', 'note', 'file', 'crossref', 'xdata', 'ids', 'biburl', 'bibsource', 'timestamp', 'isbn', 'pages',
]);

/** The keys an entry takes fields from: its `crossref`, then each `xdata` key. */
export function referencedKeys(fields: readonly BibField[]): { crossref?: string; xdata: string[] } {
  const value = (name: string): string | undefined => fields.find(([field]) => field === name)?.[1];
  const crossref = value('crossref')?.trim() || undefined;
  const xdata = (value('xdata') ?? '').split(',').map((key) => key.trim()).filter((key) => key !== '');
  return { crossref, xdata };
}

export interface ReferenceLookup {
  type: string;
  fields: readonly BibField[];
}

/**
 * The fields an entry takes from the entries it refers to, as BibTeX does: every field it
 * lacks, except those that describe the parent itself; a parent proceedings' title becomes
 * the child's booktitle. `missing` lists the keys `lookup` does not know.
 */
export function inheritFields(fields: readonly BibField[], lookup: (key: string) => ReferenceLookup | undefined): { inherited: BibField[]; missing: string[] } {
  const own = new Set(fields.map(([name]) => name));
  const inherited: BibField[] = [];
  const missing: string[] = [];
  const { crossref, xdata } = referencedKeys(fields);
  const take = (name: string, value: string): void => {
    if (own.has(name)) return;
    own.add(name);
    inherited.push([name, value]);
  };
  for (const key of crossref !== undefined ? [crossref, ...xdata] : xdata) {
    const parent = lookup(key);
    if (!parent) {
      missing.push(key);
      continue;
    }
    const isCrossref = key === crossref;
    const parentTitle = parent.fields.find(([name]) => name === 'title')?.[1];
    if (isCrossref && parentTitle && CONTAINER_TYPES.has(parent.type) && !parent.fields.some(([name]) => name === 'booktitle')) take('booktitle', parentTitle);
    for (const [name, value] of parent.fields) if (!(isCrossref && NOT_INHERITED.has(name))) take(name, value);
  }
  return { inherited, missing };
}

