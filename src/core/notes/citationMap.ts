// The citation map: every key, where the notes cite it (file, line, column), kept up to date
// one note at a time. Updating a note costs its own parse and its own keys, never the map:
// the index by key holds, per key, a map from file to that file's places.
import { formatLocator } from './locator';
import { parseCitations, type Citation, type NoteLanguage } from './grammar';

/** A note file's language from its name: Markdown (.md, .qmd, .Rmd), LaTeX (.tex) or Typst (.typ). */
export function noteLanguageOfFile(file: string): NoteLanguage | undefined {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (extension === undefined) return undefined;
  if (['md', 'markdown', 'qmd', 'rmd', 'rmarkdown'].includes(extension)) return 'markdown';
  if (['tex', 'ltx'].includes(extension)) return 'latex';
  return extension === 'typ' ? 'typst' : undefined;
}

/** One place a key is cited. `line` and `column` are 1-based, as the places of papers are. */
export interface CitationLocation {
  key: string;
  file: string;
  line: number;
  column: number;
  /** The locator as text (`p. 3`), if the citation gives one. */
  locator?: string;
  /** How it was cited: `[@]`, `@`, `\parencites`, `#cite`... */
  command: string;
}

interface NoteEntry {
  locations: CitationLocation[];
  /** Lower-cased keys, in order of first citation. */
  keys: string[];
  /** Cites the whole bibliography (`\nocite{*}`, `nocite: '@*'`). */
  all: boolean;
}

/** The places of a note's citations: every key of every finished citation, cross-references left out. */
export function citationLocations(file: string, citations: readonly Citation[]): CitationLocation[] {
  const locations: CitationLocation[] = [];
  for (const citation of citations) {
    if (!citation.closed) continue;
    for (const item of citation.items) {
      if (item.crossref) continue;
      const location: CitationLocation = { key: item.key, file, line: item.line + 1, column: item.character + 1, command: citation.command };
      if (item.locator) location.locator = formatLocator(item.locator);
      locations.push(location);
    }
  }
  return locations;
}

export class CitationMap {
  private readonly notes = new Map<string, NoteEntry>();
  /** Lower-cased key → file → that file's places of the key. */
  private readonly byKey = new Map<string, Map<string, CitationLocation[]>>();

  /** Reads one note again (new or changed) and puts its citations in place of its old ones. */
  update(file: string, text: string, language: NoteLanguage): void {
    const citations = parseCitations(text, language);
    this.set(file, citationLocations(file, citations), citations.some((citation) => citation.all === true));
  }

  /** Sets a note's places directly (a host that parsed the note already). */
  set(file: string, locations: CitationLocation[], citesAll = false): void {
    this.unindex(file);
    const keys: string[] = [];
    for (const location of locations) {
      const key = location.key.toLowerCase();
      let files = this.byKey.get(key);
      if (!files) this.byKey.set(key, (files = new Map()));
      let places = files.get(file);
      if (!places) {
        files.set(file, (places = []));
        keys.push(key);
      }
      places.push(location);
    }
    this.notes.set(file, { locations, keys, all: citesAll });
  }

  /** Forgets a note (deleted, or no longer a note). */
  remove(file: string): boolean {
    this.unindex(file);
    return this.notes.delete(file);
  }

  private unindex(file: string): void {
    const old = this.notes.get(file);
    if (!old) return;
    for (const key of old.keys) {
      const files = this.byKey.get(key);
      files?.delete(file);
      if (files?.size === 0) this.byKey.delete(key);
    }
  }

  /** Where `key` is cited (case ignored, as BibTeX does), by file name then position. */
  citedIn(key: string): CitationLocation[] {
    const files = this.byKey.get(key.toLowerCase());
    if (!files) return [];
    return [...files.keys()].sort().flatMap((file) => files.get(file)!);
  }

  /** How many places cite `key`, without listing them. */
  citationCount(key: string): number {
    let count = 0;
    for (const places of this.byKey.get(key.toLowerCase())?.values() ?? []) count += places.length;
    return count;
  }

  /** The files citing `key`, sorted. */
  filesCiting(key: string): string[] {
    return [...(this.byKey.get(key.toLowerCase())?.keys() ?? [])].sort();
  }

  /** A note's citations in document order. */
  citationsOf(file: string): readonly CitationLocation[] {
    return this.notes.get(file)?.locations ?? [];
  }

  /** A note's keys (as first written) in the order it first cites them: a References view's order. */
  keysOf(file: string): string[] {
    const entry = this.notes.get(file);
    if (!entry) return [];
    const seen = new Set<string>();
    const keys: string[] = [];
    for (const location of entry.locations) {
      const key = location.key.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push(location.key);
    }
    return keys;
  }

  /** Every cited key (lower-cased), sorted. */
  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  files(): string[] {
    return [...this.notes.keys()].sort();
  }

  has(key: string): boolean {
    return this.byKey.has(key.toLowerCase());
  }

  /** Whether some note cites the whole bibliography (`\nocite{*}`): then no entry is unused. */
  citesAll(): boolean {
    for (const entry of this.notes.values()) if (entry.all) return true;
    return false;
  }

  /** Every place, file by file in name order. */
  all(): CitationLocation[] {
    return this.files().flatMap((file) => this.notes.get(file)!.locations);
  }

  /** Cited keys `isKnown` rejects, with their places. */
  unknownKeys(isKnown: (key: string) => boolean): { key: string; locations: CitationLocation[] }[] {
    const unknown: { key: string; locations: CitationLocation[] }[] = [];
    for (const key of this.keys()) {
      const locations = this.citedIn(key);
      if (!isKnown(locations[0]!.key)) unknown.push({ key: locations[0]!.key, locations });
    }
    return unknown;
  }

  counts(): { files: number; citations: number; keys: number } {
    let citations = 0;
    for (const entry of this.notes.values()) citations += entry.locations.length;
    return { files: this.notes.size, citations, keys: this.byKey.size };
  }
}
