// What is worked out from one state of the library when first asked for: its topics and
// its search index. Each is saved for the next start, stamped with what it was made from,
// and loaded instead of made again while that is unchanged (seconds saved at 100k papers).
import type { Library } from '../../core/indexing/library';
import { SearchIndex } from '../../core/search';
import { SliceRunner } from '../../core/util/steps';
import { computeTopicsSteps, type SavedTopics, type Topic, type TopicOptions } from '../../core/topics';
import type { CacheStore } from '../../vscode/storage';
import { reason } from '../../vscode/workspaceListings';
import { inSlices, SLICE_MS } from '../../vscode/slices';


/** One state of the library and what has been worked out from it so far. */
export class LibraryState {
  topics?: Topic[];
  topicsOrigin?: 'computed' | 'loaded';
  search?: SearchIndex;
  searchOrigin?: 'built' | 'loaded';
  /** The topics being found, a slice at a time. */
  findingTopics?: SliceRunner<{ topics: Topic[] }>;
  /** The search index's build, while it runs a slice at a time. */
  building?: SliceRunner<SearchIndex>;

  constructor(
    readonly library: Library,
    /** Names this state for what is saved of it; undefined when it has no listings. */
    readonly stamp?: string,
  ) {}
}

export class Derivations {
  /** Last time's topics, which keep automatic topics steady from one change to the next. */
  private previousTopics: Topic[] = [];
  /** The topics last computed or loaded, with the stamp of what they were found from. */
  private savedTopics?: SavedTopics;

  constructor(
    private readonly store: CacheStore,
    private readonly log: (line: string) => void,
  ) {}

  /** Reads the topics the last session saved. */
  async loadSavedTopics(): Promise<void> {
    this.savedTopics = await this.store.loadTopics();
  }

  /** The topics of `state`, found at once if they are not there yet (finishing a search in slices). */
  topics(state: LibraryState, options: Omit<TopicOptions, 'previous'>): Topic[] {
    // Before the first papers arrive there is nothing to sort, and nothing worth reporting or keeping.
    if (!state.library.papers.length) return [];
    if (!state.topics && !this.restoreTopics(state, options)) {
      const started = Date.now();
      const finding = state.findingTopics ?? new SliceRunner(computeTopicsSteps(state.library.papers, { ...options, previous: this.previousTopics }));
      this.found(state, options, finding.finish().topics, `in ${Date.now() - started} ms`);
    }
    return state.topics!;
  }

  /** The topics of `state` if they are found or saved, without finding them. */
  topicsIfFound(state: LibraryState, options: Omit<TopicOptions, 'previous'>): Topic[] | undefined {
    if (!state.library.papers.length) return [];
    return state.topics ?? (this.restoreTopics(state, options) ? state.topics : undefined);
  }

  /**
   * Finds the topics of `state` a slice at a time, letting the editor run between slices:
   * at 100k papers that is seconds of work. Given up when `state` is no longer `current`.
   */
  async findTopicsInSlices(state: LibraryState, options: Omit<TopicOptions, 'previous'>, current: () => boolean): Promise<void> {
    if (this.topicsIfFound(state, options)) return;
    const started = Date.now();
    const finding = (state.findingTopics ??= new SliceRunner(computeTopicsSteps(state.library.papers, { ...options, previous: this.previousTopics })));
    const result = await inSlices(finding, () => current() && !state.topics);
    if (result && !state.topics) this.found(state, options, result.topics, `in slices over ${Date.now() - started} ms`);
  }

  /** Gives `state` the topics saved for it, if any; false when there are none. */
  private restoreTopics(state: LibraryState, options: Omit<TopicOptions, 'previous'>): boolean {
    const stamp = topicsStamp(state, options);
    if (!stamp || this.savedTopics?.stamp !== stamp) return false;
    state.topics = this.savedTopics.topics;
    state.topicsOrigin = 'loaded';
    this.previousTopics = state.topics;
    this.log(`Showed the ${state.topics.length} topics saved for these listings.`);
    return true;
  }

  private found(state: LibraryState, options: Omit<TopicOptions, 'previous'>, topics: Topic[], how: string): void {
    state.topics = topics;
    state.topicsOrigin = 'computed';
    state.findingTopics = undefined;
    this.previousTopics = topics;
    this.log(`Found ${topics.length} topics ${how}.`);
    const stamp = topicsStamp(state, options);
    if (stamp) {
      this.savedTopics = { stamp, topics };
      void this.save('the topics', this.store.saveTopics(this.savedTopics));
    }
  }

  /** The search index, built at once if it is not there yet (finishing a build in slices). */
  searchIndex(state: LibraryState): SearchIndex {
    if (!state.search) {
      const started = Date.now();
      const index = state.building ? state.building.finish() : new SearchIndex(state.library.papers);
      this.built(state, index, `in ${Date.now() - started} ms`);
    }
    return state.search!;
  }

  /**
   * Builds the search index a slice at a time, letting the editor run between slices: at
   * 100k papers a build takes seconds. Given up when `state` is no longer `current`.
   */
  async buildSearchInSlices(state: LibraryState, current: () => boolean): Promise<void> {
    if (state.search) return;
    const started = Date.now();
    const building = (state.building ??= new SliceRunner(SearchIndex.buildInSteps(state.library.papers)));
    let slices = 1;
    while (!building.runFor(SLICE_MS)) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!current() || state.search) return;
      slices++;
    }
    if (!state.search) this.built(state, building.finish(), `in ${slices} slices over ${Date.now() - started} ms`);
  }

  private built(state: LibraryState, index: SearchIndex, how: string): void {
    state.search = index;
    state.searchOrigin = 'built';
    state.building = undefined;
    this.log(`Built the search index of ${index.size} papers ${how}.`);
    if (state.stamp) void this.save('the search index', this.store.saveSearchIndex(index, state.stamp));
  }

  /** Gives `state` the saved search index if it was saved for it and `state` is still `current`. */
  async restoreSearch(state: LibraryState, current: () => boolean): Promise<void> {
    if (!state.stamp || state.search) return;
    const started = Date.now();
    const index = await this.store.loadSearchIndex(state.library.papers, state.stamp);
    if (!index || !current() || state.search) return;
    state.search = index;
    state.searchOrigin = 'loaded';
    this.log(`Loaded the saved search index of ${index.size} papers in ${Date.now() - started} ms.`);
  }

  private async save(what: string, saving: Promise<void>): Promise<void> {
    try {
      await saving;
    } catch (error) {
      this.log(`Could not save ${what}: ${reason(error)}`);
    }
  }
}

/** Names what topics are found from: the library's state, the rules, folders and overrides. */
function topicsStamp(state: LibraryState, options: Omit<TopicOptions, 'previous'>): string | undefined {
  return state.stamp && JSON.stringify({ library: state.stamp, rules: options.rules, folderTopics: options.folderTopics, overrides: options.overrides });
}
