// What every feature is handed by the composition root. Features never parse files: they
// read the library the indexing service keeps fresh, and react to its changes.
import type * as vscode from 'vscode';
import type { Library } from '../../core/indexing/library';
import type { SearchIndex } from '../../core/search';
import type { Config } from '../../vscode/config';
import type { ReferenceFormatter } from '../../vscode/references';
import type { Topic, TopicOverrides } from '../../core/topics';
import type { SharedLibraryService } from './sharedLibraryService';
import type { ReadingStore } from './readingStore';

/** Listings read so far of those found, during a scan. */
export interface IndexingProgress {
  done: number;
  total: number;
}

export interface LibraryService {
  /** The library as last indexed (empty until the first indexing finishes). */
  readonly current: Library;
  /** Fires after every change of the library (debounced): tree, search, completion refresh. */
  readonly onDidChange: vscode.Event<Library>;
  /** Topics of the current library, with the user's rules, folders and overrides applied (found at once if need be). */
  topics(): Topic[];
  /** The topics if they are found already; undefined while they are found a slice at a time after a change. */
  topicsIfFound(): Topic[] | undefined;
  /** Fires when the current library's topics have been found. */
  readonly onDidFindTopics: vscode.Event<void>;
  /** The search index of the current library, built once per change. */
  searchIndex(): SearchIndex;
  /** The URI of a listing file named in a paper's sources. */
  uriOf(file: string): vscode.Uri | undefined;
  /** Resolves once the indexing in progress, if any, has finished (the first one too, before it starts). */
  whenIndexed(): Promise<Library>;
  /** How far the scan in progress is, or undefined when none is running. */
  readonly progress: IndexingProgress | undefined;
  readonly onDidProgress: vscode.Event<IndexingProgress>;
  /** Reads every listing again. */
  reindex(): Promise<Library>;
  /** The first library folder, where Lit Review keeps what it writes (resolved metadata, topic changes). */
  libraryFolder(): vscode.Uri | undefined;
  /** The topic overrides (Move to Topic / Rename Topic) and a way to change them. */
  overrides(): TopicOverrides;
  saveOverrides(overrides: TopicOverrides): Promise<void>;
}

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly config: Config;
  readonly library: LibraryService;
  readonly output: vscode.OutputChannel;
  /** Formatted references in the CSL style of the settings, made off the editor's thread. */
  readonly references: ReferenceFormatter;
  /** The lab's shared library on PostgreSQL, when one is configured: searched beside the local papers. */
  readonly sharedLibrary: SharedLibraryService;
  /** Each paper's reading status and tags, from the library folder's reading list. */
  readonly reading: ReadingStore;
}

/** Each feature folder exports one of these. */
export type FeatureActivator = (services: Services) => void;
