// The library: every listing parsed, merged into one deduplicated set of papers with keys.
// Files are parsed once each; a changed file is re-parsed alone and the merge re-run.
import { assignKeySteps, type KeyOptions } from '../paper/keys';
import { identity, mergeSteps, type MergeReason, type RefusedMerge } from '../paper/merge';
import { runToEnd, type Steps } from '../util/steps';
import { problem, type PaperDraft, type ParseResult, type Paper, type Problem } from '../paper/paper';
import { parseListing } from '../sources';
import { resolveBibliography } from '../bibtex/bibliography';

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

/** One paper that several keys cite. */
export interface KeyMerge {
  key: string;
  aliases: string[];
  reason: MergeReason;
  title: string;
}

/** What a library is once merged and keyed, as the features see it. */
export interface BuiltLibrary {
  papers: Paper[];
  problems: Problem[];
  merges: KeyMerge[];
  refusedMerges: RefusedMerge[];
}

interface Built extends BuiltLibrary {
  /** Every key and alias, lower-cased. */
  byKey: Map<string, Paper>;
}

/** The paper as the library shows it: its key, the aliases still free to cite it, no topics yet. */
function withKeys(draft: PaperDraft, key: string, aliases: string[]): Paper {
  const { aliases: _written, aliasEntries: written, ...rest } = draft;
  if (!aliases.length) return { ...rest, key, topics: [] };
  // An alias another paper holds as its key cites that paper: its entry is not this one's to write.
  const free = new Set(aliases.map((alias) => alias.toLowerCase()));
  const aliasEntries = written?.filter((entry) => free.has(entry.key.toLowerCase()));
  return aliasEntries?.length ? { ...rest, key, aliases, aliasEntries, topics: [] } : { ...rest, key, aliases, topics: [] };
}

export class Library {
  private readonly parsed = new Map<string, ParseResult>();
  private built?: Built;
  /**
   * The listings of a library restored merged and keyed (from a snapshot) whose parse
   * results are not read yet; undefined once they are, or for a library built here.
   */
  private restoredFiles?: string[];
  /** Counts the files set or deleted, so a build made a step at a time knows it is still current. */
  private changes = 0;

  constructor(private readonly options: LibraryOptions = {}) {}

  /**
   * The library as it was merged and keyed from `files`, shown without merging again.
   * Its parse results come later (`restoreParsed`), when a change needs them.
   */
  static restored(built: BuiltLibrary, files: readonly string[], options: LibraryOptions = {}): Library {
    const library = new Library(options);
    library.built = { ...built, byKey: keyMap(built.papers) };
    library.restoredFiles = [...files].sort();
    return library;
  }

  /** False for a restored library until its parse results are given back. */
  get hasParseResults(): boolean {
    return !this.restoredFiles;
  }

  /**
   * Gives a restored library the parse results it was merged from, so that the next
   * change can merge again. What it shows stays as it is.
   */
  restoreParsed(results: ReadonlyMap<string, ParseResult>): void {
    for (const file of this.restoredFiles ?? []) {
      const result = results.get(file);
      if (!result) throw new Error(`No parse result for ${file}, which the library was merged from.`);
      this.parsed.set(file, result);
    }
    this.restoredFiles = undefined;
  }

  static fromListings(listings: Iterable<Listing>, options: LibraryOptions = {}): Library {
    const library = new Library(options);
    for (const listing of listings) library.set(listing);
    return library;
  }

  /**
   * A library with the same files, to change while this one stays as it is: what was
   * published to the features is never changed in place (they may key caches on it).
   * Parse results are shared, since nothing changes them.
   */
  clone(): Library {
    if (this.restoredFiles) throw new Error('A restored library is cloned only once its parse results are back.');
    const copy = new Library(this.options);
    for (const [file, result] of this.parsed) copy.parsed.set(file, result);
    return copy;
  }

  /** Adds or replaces one file's contribution. */
  set(listing: Listing): void {
    this.setParsed(listing.file, parseListing(listing.text, listing.file, { modifiedAt: listing.modifiedAt }));
  }

  /** Adds or replaces one file's already-parsed contribution (from a cache or a worker). */
  setParsed(file: string, result: ParseResult): void {
    if (this.restoredFiles) throw new Error('A restored library is changed only once its parse results are back.');
    this.parsed.set(file, result);
    this.changes++;
    this.built = undefined;
  }

  /** Records a file that could not be read at all. */
  setUnreadable(file: string, reason: string): void {
    this.setParsed(file, { papers: [], problems: [problem(file, 1, `Could not read this file: ${reason}`)] });
  }

  delete(file: string): boolean {
    if (this.restoredFiles) throw new Error('A restored library is changed only once its parse results are back.');
    this.built = undefined;
    this.changes++;
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
    return this.restoredFiles ?? [...this.parsed.keys()].sort();
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

  /** Papers that joined entries with different keys: every key still cites the paper. */
  get merges(): KeyMerge[] {
    return this.build().merges;
  }

  /** Lookalike entries kept apart because they are different works. */
  get refusedMerges(): RefusedMerge[] {
    return this.build().refusedMerges;
  }

  private build(): Built {
    return (this.built ??= runToEnd(this.buildSteps()));
  }

  /**
   * Merges and keys the papers a step at a time, for a caller that lets the editor run
   * between slices (seconds of work at 100k papers); afterwards `papers` answers at once.
   */
  *buildInSteps(): Steps<void> {
    if (this.built) return;
    const changes = this.changes;
    const built = yield* this.buildSteps();
    // A file set meanwhile makes this build stale: the next question builds afresh.
    if (changes === this.changes) this.built = built;
  }

  private *buildSteps(): Steps<Built> {
    const files = this.files;
    const bibliography = resolveBibliography(files.map((file) => ({ file, result: this.parsed.get(file)! })));
    const drafts = bibliography.drafts;
    const problems = [...files.flatMap((file) => this.parsed.get(file)!.problems), ...bibliography.problems];
    yield;
    const { papers: merged, joins, refused } = yield* mergeSteps(drafts);
    // Merged papers come sorted by identity, so keys do not depend on file order.
    const order = merged.map((_, index) => index);
    const { keys, aliases, conflicts } = yield* assignKeySteps(merged, order, this.options);
    for (const conflict of conflicts) {
      const paper = merged[conflict.index]!;
      const source = paper.sources.find((s) => s.file.toLowerCase().endsWith('.bib')) ?? paper.sources[0]!;
      problems.push(problem(source.file, source.line, `The key "${conflict.key}" is already used by "${merged[conflict.holder]!.title}" (${identity(merged[conflict.holder]!)}); this paper gets the key "${keys[conflict.index]}" instead.`, 'warning'));
    }
    let papers: Paper[] = [];
    for (const [index, draft] of merged.entries()) {
      if (index % STEP_SIZE === 0) yield;
      papers.push(withKeys(draft, keys[index]!, aliases[index]!));
    }
    if (this.options.topics) papers = this.options.topics(papers);
    const byKey = new Map<string, Paper>();
    for (const [index, paper] of papers.entries()) {
      if (index % STEP_SIZE === 0) yield;
      addKeys(byKey, paper);
    }
    const merges = joins.map(({ index, reason }) => ({ key: papers[index]!.key, aliases: papers[index]!.aliases ?? [], reason, title: papers[index]!.title }));
    return { papers, problems, byKey, merges, refusedMerges: refused };
  }
}

/** Papers given their keys between pauses when building a step at a time. */
const STEP_SIZE = 1000;

/** Every key and alias, lower-cased, to its paper. */
function keyMap(papers: readonly Paper[]): Map<string, Paper> {
  const byKey = new Map<string, Paper>();
  for (const paper of papers) addKeys(byKey, paper);
  return byKey;
}

function addKeys(byKey: Map<string, Paper>, paper: Paper): void {
  byKey.set(paper.key.toLowerCase(), paper);
  for (const alias of paper.aliases ?? []) byKey.set(alias.toLowerCase(), paper);
}
