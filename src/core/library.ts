// The library: every listing parsed, merged into one deduplicated set of papers with keys.
// Files are parsed once each; a changed file is re-parsed alone and the merge re-run.
import { assignKeys, type KeyOptions } from './keys';
import { identity, mergeDrafts } from './merge';
import { problem, type ParseResult, type Paper, type Problem } from './paper';
import { parseListing } from './sources';

/** One listing file's text as read from disk or from the editor. */
export interface Listing {
  /** Path relative to the library root when there is one, else absolute. Used in sources. */
  file: string;
  text: string;
  modifiedAt?: Date;
}

export interface LibraryOptions extends KeyOptions {
  /** Assigns topics to the merged papers; the library itself knows none. */
  topics?: (papers: Paper[]) => Paper[];
}

export class Library {
  private readonly parsed = new Map<string, ParseResult>();
  private built?: { papers: Paper[]; problems: Problem[]; byKey: Map<string, Paper> };

  constructor(private readonly options: LibraryOptions = {}) {}

  static fromListings(listings: Iterable<Listing>, options: LibraryOptions = {}): Library {
    const library = new Library(options);
    for (const listing of listings) library.set(listing);
    return library;
  }

  /** Adds or replaces one file's contribution. */
  set(listing: Listing): void {
    this.setParsed(listing.file, parseListing(listing.text, listing.file, { modifiedAt: listing.modifiedAt }));
  }

  /** Adds or replaces one file's already-parsed contribution (from a cache or a worker). */
  setParsed(file: string, result: ParseResult): void {
    this.parsed.set(file, result);
    this.built = undefined;
  }

  /** Records a file that could not be read at all. */
  setUnreadable(file: string, reason: string): void {
    this.setParsed(file, { papers: [], problems: [problem(file, 1, `Could not read this file: ${reason}`)] });
  }

  delete(file: string): boolean {
    this.built = undefined;
    return this.parsed.delete(file);
  }

  /** Removes every file under a folder (a deleted folder arrives as one event). */
  deleteFolder(folder: string): number {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    let removed = 0;
    for (const file of [...this.parsed.keys()]) if (file.startsWith(prefix) && this.delete(file)) removed++;
    return removed;
  }

  get files(): string[] {
    return [...this.parsed.keys()].sort();
  }

  parsedFile(file: string): ParseResult | undefined {
    return this.parsed.get(file);
  }

  get papers(): Paper[] {
    return this.build().papers;
  }

  get problems(): Problem[] {
    return this.build().problems;
  }

  /** Keys are matched without regard to case, as BibTeX does. */
  byKey(key: string): Paper | undefined {
    return this.build().byKey.get(key.toLowerCase());
  }

  private build(): { papers: Paper[]; problems: Problem[]; byKey: Map<string, Paper> } {
    if (this.built) return this.built;
    const files = this.files;
    const drafts = files.flatMap((file) => this.parsed.get(file)!.papers);
    const problems = files.flatMap((file) => this.parsed.get(file)!.problems);
    const merged = mergeDrafts(drafts);
    // mergeDrafts returns papers sorted by identity, so keys do not depend on file order.
    const order = merged.map((_, index) => index);
    const { keys, conflicts } = assignKeys(merged, order, this.options);
    for (const conflict of conflicts) {
      const paper = merged[conflict.index]!;
      const source = paper.sources.find((s) => s.file.toLowerCase().endsWith('.bib')) ?? paper.sources[0]!;
      problems.push(problem(source.file, source.line, `The key "${conflict.key}" is already used by "${merged[conflict.holder]!.title}" (${identity(merged[conflict.holder]!)}); this paper gets the key "${keys[conflict.index]}" instead.`, 'warning'));
    }
    let papers: Paper[] = merged.map((draft, index) => ({ ...draft, key: keys[index]!, topics: [] }));
    if (this.options.topics) papers = this.options.topics(papers);
    this.built = { papers, problems, byKey: new Map(papers.map((paper) => [paper.key.toLowerCase(), paper])) };
    return this.built;
  }
}
