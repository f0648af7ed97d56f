// The composition root: builds the host services (settings, the indexed library) and hands
// them to every feature of one list. Features never talk to each other except through
// commands and features/shared.
import * as vscode from 'vscode';
import { ConfigService } from './vscode/config';
import { ReferenceFormatter } from './vscode/references';
import type { Library } from './core/indexing/library';
import type { Paper } from './core/paper/paper';
import * as cite from './features/cite';
import * as citations from './features/citations';
import * as details from './features/details';
import * as indexing from './features/library';
import { IndexingService } from './features/library/libraryService';
import * as resolve from './features/resolve';
import * as search from './features/search';
import * as reading from './features/reading';
import type { FeatureActivator, Services } from './features/shared/services';
import { ReadingStore } from './features/shared/readingStore';
import { createTopicsTree, type PapersTreeProvider } from './features/papers-view';
import { SharedLibraryService } from './features/shared/sharedLibraryService';
import { createSharedLibrary, type SharedLibraryUi } from './features/shared-library';

/** What `activate` returns: lets other extensions and the integration tests see the library. */
export interface LitReviewApi {
  /** The library as last indexed (empty until the first indexing finishes). */
  library(): Library;
  /** Resolves once the indexing in progress, if any, has finished. */
  whenIndexed(): Promise<Library>;
  /** Reads every listing again. */
  reindex(): Promise<Library>;
  /** Fires after each change of the library, once per gathered burst of file changes. */
  onDidChange: vscode.Event<Library>;
  /** The warm-start cache file, when the workspace has storage. */
  cacheUri(): vscode.Uri | undefined;
  /** The saved search index, when the workspace has storage. */
  searchIndexUri(): vscode.Uri | undefined;
  /** Whether the current search index was built or loaded from the saved one (undefined before either). */
  searchIndexOrigin(): 'built' | 'loaded' | undefined;
  /** Whether the current topics were computed or loaded from the saved ones (undefined before either). */
  topicsOrigin(): 'computed' | 'loaded' | undefined;
  /** The papers a search finds, best first, as the Search Papers command ranks them. */
  search(query: string, limit?: number): Paper[];
  /** The Papers tree, as the sidebar shows it. */
  tree: PapersTreeProvider;
  /** The References view of the note in front. */
  references(): citations.ReferencesProvider | undefined;
  /** The shared library's view and status bar item, as shown. */
  sharedLibrary: SharedLibraryUi;
  /** The details page on show (its paper's key and its HTML), if it is open. */
  details(): { key: string; html: string } | undefined;
}

export function activate(context: vscode.ExtensionContext): LitReviewApi {
  const output = vscode.window.createOutputChannel('Lit Review');
  const config = new ConfigService(output);
  const diagnostics = vscode.languages.createDiagnosticCollection('litReview.listings');
  const library = new IndexingService(context, config, output, diagnostics);
  context.subscriptions.push(output, config, diagnostics, library);

  const references = new ReferenceFormatter(config, vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath);
  context.subscriptions.push(references);
  const readingList = new ReadingStore(library, output);
  context.subscriptions.push(readingList);
  const sharedLibrary = new SharedLibraryService(context, config, output);
  context.subscriptions.push(sharedLibrary);
  const services: Services = { context, config, library, output, references, reading: readingList, sharedLibrary };
  // The Papers view first: the API below hands its tree to tests and other extensions.
  const tree = createTopicsTree(services);
  const FEATURES: FeatureActivator[] = [indexing.activate, details.activate, search.activate, cite.activate, citations.activate, resolve.activate, reading.activate];
  for (const activateFeature of FEATURES) activateFeature(services);
  const sharedLibraryUi = createSharedLibrary(services);

  void library.start();
  return {
    library: () => library.current,
    whenIndexed: () => library.whenIndexed(),
    reindex: () => library.reindex(),
    onDidChange: library.onDidChange,
    cacheUri: () => library.cacheUri(),
    searchIndexUri: () => library.searchIndexUri(),
    searchIndexOrigin: () => library.searchIndexOrigin(),
    topicsOrigin: () => library.topicsOrigin(),
    search: (query, limit) => library.searchIndex().search(query, { limit }).map((hit) => hit.paper),
    tree,
    references: () => citations.referencesOf(services),
    sharedLibrary: sharedLibraryUi,
    details: () => details.shownDetails(),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
