// Keeps the library in step with the library folders: a cached warm start, a full scan,
// then a watcher that re-reads only what changed. Everything else reads from here.
import * as vscode from 'vscode';
import type { CacheEntry } from '../../core/persist/cache';
import { matchesGlobs } from '../../core/util/glob';
import { Library, type LibraryOptions } from '../../core/indexing/library';
import { sameListings, type ListingStamp } from '../../core/persist/librarySnapshot';
import type { SearchIndex } from '../../core/search';
import type { Settings } from '../../core/settings';
import { OVERRIDES_FILE, parseOverrides, serializeOverrides, type Topic, type TopicOptions, type TopicOverrides } from '../../core/topics';
import { writeAtomically } from '../../vscode/atomicWrite';
import type { IndexingProgress, LibraryService } from '../shared/services';
import type { Config } from '../../vscode/config';
import { CacheStore } from '../../vscode/storage';
import { inSlices } from '../../vscode/slices';
import { Derivations, LibraryState } from './derived';
import { showProblems } from '../../vscode/problemsPanel';
import { readListing, reason, type FileState } from '../../vscode/workspaceListings';
import { libraryRoots, type LibraryRoot } from '../../vscode/libraryRoots';
import { CONTEXT_KEYS } from '../../vscode/ids';

/** Long enough to gather a burst (a git checkout), short enough to feel instant. */
const CHANGE_DEBOUNCE_MS = 250;
/** Parsing yields to the editor this often so a huge library never freezes it. */
const YIELD_EVERY_MS = 15;
/** After the tree has drawn the change, before a person is likely to search. */
const SEARCH_PREPARE_DELAY_MS = 1000;

export class IndexingService implements LibraryService, vscode.Disposable {
  private library: Library;
  private readonly files = new Map<string, FileState>();
  private roots: LibraryRoot[] = [];
  private readonly emitter = new vscode.EventEmitter<Library>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  /** Until start() is called, a promise of the first indexing: nobody is told the library is empty before it is read. */
  private indexing: Promise<Library>;
  private startIndexing!: (first: Promise<Library>) => void;
  private readonly progressEmitter = new vscode.EventEmitter<IndexingProgress>();
  readonly onDidProgress = this.progressEmitter.event;
  private readonly topicsEmitter = new vscode.EventEmitter<void>();
  readonly onDidFindTopics = this.topicsEmitter.event;
  private scanProgress?: IndexingProgress;
  private pending = new Map<string, { uri: vscode.Uri; deleted: boolean }>();
  private pendingTimer?: ReturnType<typeof setTimeout>;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private disposed = false;
  private state?: LibraryState;
  private readonly derivations: Derivations;
  /** The listings as the cache has them, which the library is until the first scan. */
  private cachedListings: ListingStamp[] = [];
  private topicOverrides: TopicOverrides = { moves: {}, renames: {} };
  /** Only the newest scan may publish its result. */
  private generation = 0;
  private lastSettings: Settings;
  private readonly cache: CacheStore;
  private readonly version: string;

  constructor(
    context: vscode.ExtensionContext,
    private readonly config: Config,
    private readonly output: vscode.OutputChannel,
    private readonly diagnostics: vscode.DiagnosticCollection,
  ) {
    this.version = String(context.extension.packageJSON.version);
    this.cache = new CacheStore(context.storageUri, this.version);
    this.derivations = new Derivations(this.cache, (line) => this.output.appendLine(line));
    this.library = this.newLibrary(config.settings);
    this.lastSettings = config.settings;
    this.indexing = new Promise<Library>((resolve) => {
      this.startIndexing = (first) => resolve(first);
    });
    this.disposables.push(
      this.emitter,
      this.progressEmitter,
      this.topicsEmitter,
      config.onDidChange((settings) => this.settingsChanged(settings)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
    );
  }

  get current(): Library {
    return this.library;
  }

  whenIndexed(): Promise<Library> {
    // The library as it is once indexing is done: changes from the watcher since then included.
    return this.indexing.then(() => this.library);
  }

  get progress(): IndexingProgress | undefined {
    return this.scanProgress;
  }

  libraryFolder(): vscode.Uri | undefined {
    return this.roots[0]?.uri;
  }

  uriOf(file: string): vscode.Uri | undefined {
    return this.files.get(file)?.uri;
  }

  topics(): Topic[] {
    return this.derivations.topics(this.currentState(), this.topicOptions());
  }

  topicsIfFound(): Topic[] | undefined {
    return this.derivations.topicsIfFound(this.currentState(), this.topicOptions());
  }

  private topicOptions(): Omit<TopicOptions, 'previous'> {
    const { topicRules, folderTopics } = this.config.settings;
    return { rules: topicRules, folderTopics, overrides: this.topicOverrides };
  }

  /** Finds the new state's topics a slice at a time, and says so when they are found. */
  private async findTopics(state: LibraryState): Promise<void> {
    const current = () => this.state === state && !this.disposed;
    await this.derivations.findTopicsInSlices(state, this.topicOptions(), current);
    if (current() && state.topics) this.topicsEmitter.fire();
  }

  /** Whether the current topics were computed or loaded from the saved ones (undefined before either). */
  topicsOrigin(): 'computed' | 'loaded' | undefined {
    return this.state?.library === this.library ? this.state.topicsOrigin : undefined;
  }

  searchIndex(): SearchIndex {
    return this.derivations.searchIndex(this.currentState());
  }

  /** Whether the current search index was built or loaded from the saved one (undefined before either). */
  searchIndexOrigin(): 'built' | 'loaded' | undefined {
    return this.state?.library === this.library ? this.state.searchOrigin : undefined;
  }

  overrides(): TopicOverrides {
    return this.topicOverrides;
  }

  async saveOverrides(overrides: TopicOverrides): Promise<void> {
    const root = this.roots[0];
    if (!root) throw new Error('There is no library folder to keep topic changes in.');
    this.topicOverrides = overrides;
    await writeAtomically(vscode.Uri.joinPath(root.uri, OVERRIDES_FILE), serializeOverrides(overrides));
    this.publish();
  }

  private currentState(): LibraryState {
    if (this.state?.library !== this.library) this.state = new LibraryState(this.library);
    return this.state;
  }

  /**
   * Warm start (the tree shows at once), then a full scan in the background. The library
   * as last shown is restored whole when there is one; otherwise it is merged from the
   * parse cache.
   */
  start(): Promise<Library> {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.indexing, true);
    this.indexing = Promise.all([this.cache.loadSnapshot(this.readWith()), this.derivations.loadSavedTopics()]).then(async ([snapshot]) => {
      if (snapshot) {
        await this.showWarm(Library.restored(snapshot.library, snapshot.listings.map(([file]) => file), this.libraryOptions(this.config.settings)), snapshot.listings);
        return this.reindex();
      }
      const cached = await this.cache.load();
      if (cached.length) {
        const warm = this.newLibrary(this.config.settings);
        for (const entry of cached) warm.setParsed(entry.file, entry.result);
        await this.showWarm(warm, cached.map((entry) => [entry.file, entry.mtimeMs, entry.size]));
      }
      return this.reindex(cached);
    });
    this.startIndexing(this.indexing);
    return this.indexing;
  }

  private async showWarm(library: Library, listings: ListingStamp[]): Promise<void> {
    // The overrides are part of what topics are found from: the saved ones are for them.
    this.roots = await libraryRoots(this.config.settings.libraryFolders);
    this.topicOverrides = await this.readOverrides();
    this.library = library;
    this.cachedListings = listings;
    this.output.appendLine(`Showed ${library.papers.length} papers as last indexed; checking the listings for changes.`);
    this.publish();
  }

  /**
   * Gives a library restored from the snapshot the parse results it was merged from, from
   * the parse cache, so a change can merge again. False when the cache does not hold them.
   */
  private async restoreParseResults(): Promise<boolean> {
    if (this.library.hasParseResults) return true;
    const listed = new Map<string, string>([...this.files].map(([file, state]) => [file, `${state.mtime}/${state.size}`]));
    const results = new Map((await this.cache.load()).filter((entry) => listed.get(entry.file) === `${entry.mtimeMs}/${entry.size}`).map((entry) => [entry.file, entry.result]));
    if (this.library.hasParseResults) return true;
    if (this.library.files.some((file) => !results.has(file))) return false;
    this.library.restoreParsed(results);
    return true;
  }

  /** Only settings that change what is read re-read the folders; topic settings just regroup. */
  private settingsChanged(settings: Settings): void {
    const before = this.lastSettings;
    this.lastSettings = settings;
    const differs = (name: keyof Settings) => JSON.stringify(before[name]) !== JSON.stringify(settings[name]);
    if (['libraryFolders', 'include', 'exclude', 'maxFileSizeMB', 'keyTemplate'].some((name) => differs(name as keyof Settings))) void this.reindex();
    else if (differs('topicRules') || differs('folderTopics')) this.publish();
  }

  /** Reads every listing again, reusing cached results for files whose mtime and size are unchanged. */
  reindex(cached: CacheEntry[] = []): Promise<Library> {
    const run = ++this.generation;
    this.indexing = this.scan(run, cached).catch((error: unknown) => {
      this.output.appendLine(`Indexing failed: ${error instanceof Error ? error.stack : String(error)}`);
      return this.library;
    });
    return this.indexing;
  }

  private async scan(run: number, cached: CacheEntry[]): Promise<Library> {
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.indexing, true);
    try {
      return await this.scanFolders(run, cached);
    } finally {
      if (run === this.generation) {
        this.scanProgress = undefined;
        void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.indexing, false);
      }
    }
  }

  private reportProgress(step: IndexingProgress): void {
    this.scanProgress = step;
    this.progressEmitter.fire(step);
  }

  private async scanFolders(run: number, cached: CacheEntry[]): Promise<Library> {
    const settings = this.config.settings;
    this.roots = await libraryRoots(settings.libraryFolders);
    this.watch();
    this.topicOverrides = await this.readOverrides();
    const uris = await this.findListings(settings);
    if (!this.library.hasParseResults) {
      // Restored whole: unless a listing changed, nothing needs reading or merging again.
      const started = Date.now();
      const states = await this.statListings(uris);
      if (run !== this.generation) return this.indexing;
      if (sameListings(stampsOf(states), this.cachedListings)) {
        this.files.clear();
        for (const [file, state] of states) this.files.set(file, state);
        this.cachedListings = [];
        this.output.appendLine(`Checked ${states.size} listings in ${Date.now() - started} ms: all as last indexed.`);
        this.showProblems();
        return this.library;
      }
      cached = await this.cache.load();
    }
    const reuse = new Map(cached.map((entry) => [entry.file, entry]));
    for (const [file, state] of this.files) {
      const parsed = this.library.parsedFile(file);
      if (parsed) reuse.set(file, { file, mtimeMs: state.mtime, size: state.size, result: parsed });
    }
    const library = this.newLibrary(settings);
    const files = new Map<string, FileState>();
    const firstRun = !this.files.size && !cached.length;
    // A warm start that finds every listing as the cache has it need not write the cache again.
    const fromDisk = new Map(cached.map((entry) => [entry.file, entry.result]));
    let unchangedSinceSaved = 0;
    const started = Date.now();
    await vscode.window.withProgress(
      {
        location: firstRun ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
        title: 'Lit Review: indexing papers',
        cancellable: firstRun,
      },
      async (progress, token) => {
        let lastYield = Date.now();
        for (const [index, uri] of uris.entries()) {
          if (token.isCancellationRequested || run !== this.generation) break;
          const file = this.fileName(uri);
          const state = await readListing(library, file, uri, reuse.get(file), settings, (line) => this.output.appendLine(line));
          if (state) files.set(file, state);
          if (state && fromDisk.has(file) && library.parsedFile(file) === fromDisk.get(file)) unchangedSinceSaved++;
          if (index % 20 === 0) progress.report({ message: `${index + 1} of ${uris.length} listings`, increment: (20 / uris.length) * 100 });
          if (index % 20 === 0 || index === uris.length - 1) this.reportProgress({ done: index + 1, total: uris.length });
          if (Date.now() - lastYield > YIELD_EVERY_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            lastYield = Date.now();
          }
        }
      },
    );
    if (run !== this.generation) return this.indexing;
    this.files.clear();
    for (const [file, state] of files) this.files.set(file, state);
    this.cachedListings = [];
    const asCached = unchangedSinceSaved === files.size && fromDisk.size === files.size;
    if (asCached && cached.length) {
      // The warm start showed exactly these listings: keep its library, merged and keyed
      // already, with its topics and search index (seconds at 100k papers).
      this.output.appendLine(`Checked ${files.size} listings in ${Date.now() - started} ms: all as cached.`);
      // The warm start did not know where the listings were: now their problems can show at them.
      this.showProblems();
      // Merged from the cache this once: the next start restores it whole.
      void this.saveSnapshot();
      return this.library;
    }
    // Merged and keyed a slice at a time: at 100k papers that is seconds of work.
    if (!(await this.buildInSlices(library, run))) return this.indexing;
    this.library = library;
    this.output.appendLine(`Indexed ${library.papers.length} papers from ${files.size} listings in ${Date.now() - started} ms (${library.problems.length} problems).`);
    // A merge that joined keys is worth knowing: the keys all still cite the one paper.
    for (const merge of library.merges) this.output.appendLine(`Merged "${merge.title}" (same ${merge.reason}): ${merge.key} is also cited as ${merge.aliases.join(', ')}.`);
    this.publish();
    if (!asCached) void this.saveCache();
    return library;
  }

  private async findListings(settings: Settings): Promise<vscode.Uri[]> {
    const exclude = settings.exclude.length ? `{${settings.exclude.join(',')}}` : undefined;
    const found = new Map<string, vscode.Uri>();
    for (const root of this.roots) {
      for (const include of settings.include) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(root.uri, include), exclude)) {
          if (!uri.path.endsWith(`/${OVERRIDES_FILE}`)) found.set(uri.toString(), uri);
        }
      }
    }
    return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Watches each library folder; events are gathered and applied together after a pause. */
  private watch(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = this.roots.flatMap((root) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root.uri, '**/*'));
      return [
        watcher,
        watcher.onDidCreate((uri) => this.queue(uri, false)),
        watcher.onDidChange((uri) => this.queue(uri, false)),
        watcher.onDidDelete((uri) => this.queue(uri, true)),
      ];
    });
  }

  private queue(uri: vscode.Uri, deleted: boolean): void {
    this.pending.set(uri.toString(), { uri, deleted });
    clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => void this.applyPending(), CHANGE_DEBOUNCE_MS);
  }

  private async applyPending(): Promise<void> {
    const changes = [...this.pending.values()];
    this.pending.clear();
    await this.indexing;
    // A library restored whole merges again only with the parse results it came from.
    if (!(await this.restoreParseResults())) {
      // The parse cache is gone or older: reading every listing again takes in these changes too.
      void this.reindex();
      return;
    }
    const settings = this.config.settings;
    // The change is made on a copy, published whole: the library the features hold never changes under them.
    const next = this.library.clone();
    const run = this.generation;
    let changed = false;
    for (const { uri, deleted } of changes) {
      const file = this.fileName(uri);
      if (uri.path.endsWith(`/${OVERRIDES_FILE}`)) {
        this.topicOverrides = await this.readOverrides();
        changed = true;
        continue;
      }
      const stat = deleted ? undefined : await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
      if (!stat) {
        // A deleted folder arrives as one event for the folder: drop everything under it.
        changed = next.delete(file) || next.deleteFolder(file) > 0 || changed;
        this.files.delete(file);
        for (const known of [...this.files.keys()]) if (known.startsWith(`${file}/`)) this.files.delete(known);
        continue;
      }
      if (stat.type & vscode.FileType.Directory) {
        // A folder moved or checked out: read every listing in it.
        for (const inner of await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'))) {
          changed = (await this.refreshFile(next, inner, settings)) || changed;
        }
        continue;
      }
      changed = (await this.refreshFile(next, uri, settings)) || changed;
    }
    // A reindex that began meanwhile reads every file itself, and its library wins.
    if (changed && (await this.buildInSlices(next, run))) {
      this.library = next;
      this.publish();
      void this.saveCache();
    }
  }

  private async refreshFile(library: Library, uri: vscode.Uri, settings: Settings): Promise<boolean> {
    const root = this.roots.find((r) => uri.path.startsWith(`${r.uri.path}/`));
    if (!root || !matchesGlobs(uri.path.slice(root.uri.path.length + 1), settings.include, settings.exclude)) return false;
    const file = this.fileName(uri);
    const state = await readListing(library, file, uri, undefined, settings, (line) => this.output.appendLine(line));
    if (state) this.files.set(file, state);
    return true;
  }

  /**
   * A listing's name in sources: its path inside its library folder, as the command line
   * names it, so subfolders (not the library folder itself) become folder topics. With
   * several library folders each keeps its own name in front.
   */
  private fileName(uri: vscode.Uri): string {
    const root = this.roots.find((r) => uri.path.startsWith(`${r.uri.path}/`));
    if (!root) return vscode.workspace.asRelativePath(uri, true);
    const inside = uri.path.slice(root.uri.path.length + 1);
    if (this.roots.length === 1) return inside;
    const several = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    return `${vscode.workspace.asRelativePath(root.uri, several)}/${inside}`;
  }

  /**
   * Merges and keys `library` a slice at a time, letting the editor run between slices.
   * False when a newer scan began meanwhile: its library wins.
   */
  private async buildInSlices(library: Library, run: number): Promise<boolean> {
    const current = () => run === this.generation && !this.disposed;
    await inSlices(library.buildInSteps(), current);
    return current();
  }

  private newLibrary(settings: Settings): Library {
    return new Library(this.libraryOptions(settings));
  }

  private libraryOptions(settings: Settings): LibraryOptions {
    return { template: settings.keyTemplate };
  }

  /** The settings that change how listings are read and keyed: a snapshot is for them only. */
  private readWith(): string {
    const { keyTemplate, maxFileSizeMB } = this.config.settings;
    return JSON.stringify({ keyTemplate, maxFileSizeMB });
  }

  /** Each listing's stamps, or none for a listing that cannot be read. */
  private async statListings(uris: readonly vscode.Uri[]): Promise<Map<string, FileState>> {
    const states = new Map<string, FileState>();
    for (const uri of uris) {
      const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
      if (stat) states.set(this.fileName(uri), { uri, mtime: stat.mtime, size: stat.size });
    }
    return states;
  }

  private publish(): void {
    const previous = this.state;
    const state = (this.state = new LibraryState(this.library, this.libraryStamp()));
    // Regrouping (topic settings, overrides) leaves the papers as they were: so is their index.
    if (previous?.library === this.library && previous.stamp === state.stamp) {
      state.search = previous.search;
      state.searchOrigin = previous.searchOrigin;
      state.building = previous.building;
    }
    this.showProblems();
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasPapers, this.library.papers.length > 0);
    this.emitter.fire(this.library);
    void this.findTopics(state);
    this.prepareSearch();
  }

  private showProblems(): void {
    showProblems(this.diagnostics, this.library.problems, (file) => this.uriOf(file));
  }

  /**
   * Loads the saved search index at once when it was saved for this very library (a
   * fraction of a second where a build takes eight at 100k papers); otherwise builds it
   * once changes settle, so the first keystroke after a change does not wait for it. A
   * newer change puts the build off again.
   */
  private prepareSearch(): void {
    clearTimeout(this.searchTimer);
    const state = this.currentState();
    const current = () => this.state === state && !this.disposed;
    const restoring = this.derivations.restoreSearch(state, current);
    this.searchTimer = setTimeout(() => {
      void restoring.then(() => {
        if (current()) void this.derivations.buildSearchInSlices(state, current);
      });
    }, SEARCH_PREPARE_DELAY_MS);
  }

  /**
   * Names the current state of the library: every listing's size and modification time,
   * the settings that change how listings are read, and the extension's version (its
   * parsers). The same stamp means the same papers with the same keys.
   */
  private libraryStamp(): string | undefined {
    const listings = this.files.size ? [...this.files].map(([file, state]): [string, number, number] => [file, state.mtime, state.size]) : this.cachedListings;
    if (!listings.length) return undefined;
    const { keyTemplate, maxFileSizeMB } = this.config.settings;
    return JSON.stringify({ version: this.version, keyTemplate, maxFileSizeMB, listings: [...listings].sort((a, b) => (a[0] < b[0] ? -1 : 1)) });
  }

  private async readOverrides(): Promise<TopicOverrides> {
    const root = this.roots[0];
    if (!root) return { moves: {}, renames: {} };
    const uri = vscode.Uri.joinPath(root.uri, OVERRIDES_FILE);
    const bytes = await vscode.workspace.fs.readFile(uri).then((b) => b, () => undefined);
    if (!bytes) return { moves: {}, renames: {} };
    const { overrides, problems } = parseOverrides(new TextDecoder().decode(bytes));
    for (const message of problems) this.output.appendLine(`${OVERRIDES_FILE}: ${message}`);
    return overrides;
  }

  /** Where the warm-start cache lives. */
  cacheUri(): vscode.Uri | undefined {
    return this.cache.uri;
  }

  /** Where the saved search index lives. */
  searchIndexUri(): vscode.Uri | undefined {
    return this.cache.searchIndexUri;
  }

  private async saveCache(): Promise<void> {
    const entries: CacheEntry[] = [];
    for (const [file, state] of this.files) {
      const result = this.library.parsedFile(file);
      if (result) entries.push({ file, mtimeMs: state.mtime, size: state.size, result });
    }
    try {
      await this.cache.save(entries);
    } catch (error) {
      this.output.appendLine(`Could not save the library cache: ${reason(error)}`);
    }
    await this.saveSnapshot();
  }

  /** Saves the library as shown, for the next start to restore whole. */
  private async saveSnapshot(): Promise<void> {
    const library = this.library;
    if (!this.files.size || !library.hasParseResults) return;
    const listings = stampsOf(this.files);
    const built = { papers: library.papers, problems: library.problems, merges: library.merges, refusedMerges: library.refusedMerges };
    try {
      await this.cache.saveSnapshot({ listings, library: built }, this.readWith());
    } catch (error) {
      this.output.appendLine(`Could not save the library snapshot: ${reason(error)}`);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.pendingTimer);
    clearTimeout(this.searchTimer);
    for (const watcher of this.watchers) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function stampsOf(files: ReadonlyMap<string, FileState>): ListingStamp[] {
  return [...files].map(([file, state]): ListingStamp => [file, state.mtime, state.size]);
}
