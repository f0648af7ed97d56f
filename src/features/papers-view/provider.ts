// The Papers view's data: a TreeModel (src/core/views/treeModel.ts) rebuilt when the library,
// the reading list, the settings or the filters change, handed to the editor a page at a time.
import * as vscode from 'vscode';
import { PAGE_SIZE, TreeModel, type GroupBy, type GroupNode, type MoreNode, type PaperNode, type TreeNode } from '../../core/views/treeModel';
import { chartBarKeys, type ChartBar } from '../../core/reading/chart';
import { readingFilterLabel, readingOf, type ReadingFilter } from '../../core/reading/display';
import { filterSummary, isFiltered, type FilterSummary, type ViewFilters } from '../../core/views/filterSummary';
import type { Services } from '../shared/services';
import type { Topic } from '../../core/topics';
import { treeItemFor } from './treeItems';
import { CONTEXT_KEYS } from '../../vscode/ids';
import type { Paper } from '../../core/paper/paper';
import { citationIndexFor, type CitationIndex } from '../shared/citationIndex';

/** A burst of changes (a reindex, then topics, then settings) redraws the tree once. */
const REFRESH_DEBOUNCE_MS = 150;
/**
 * The grouping chosen in the view, kept in the workspace state: a view choice is not a
 * setting, and must not write .vscode/settings.json into the user's repository.
 */
const GROUP_BY_STATE = 'litReview.view.groupBy';

export type { GroupNode, MoreNode, PaperNode, TreeNode };

/** Papers the notes cite, or those they do not cite yet. */
export type CitedFilter = 'cited' | 'uncited';

export class PapersTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly didRefresh = new vscode.EventEmitter<void>();
  /** Fires after the tree has been rebuilt and redrawn. */
  readonly onDidRefresh = this.didRefresh.event;
  private cached?: TreeModel;
  private filterText?: string;
  /** Keys the filter lets through, computed once per filter and library. */
  private filterKeys?: Set<string>;
  /** How many children each node shows, by node id ("root" for the top level). */
  private readonly pageSizes = new Map<string, number>();
  private timer?: ReturnType<typeof setTimeout>;
  private readonly disposables: vscode.Disposable[] = [];
  private settingGroupBy: GroupBy;
  /** Whether the last redraw had papers to show. */
  private drewPapers = false;
  /** The topics last drawn. */
  private shownTopics?: Topic[];
  private citedState?: CitedFilter;
  private readingState?: ReadingFilter;
  private chartState?: ChartBar;
  private readonly citations: CitationIndex;

  constructor(private readonly services: Services) {
    this.citations = citationIndexFor(services);
    this.disposables.push(
      this.changed,
      this.didRefresh,
      services.library.onDidChange(() => this.invalidate(true)),
      services.library.onDidFindTopics(() => this.invalidate(false)),
      // A status or tag set here, in another window or by git: icons, tags and tag groups follow.
      services.reading.onDidChange(() => this.invalidate(false)),
      // A note cites a paper: its count changes, and so may the cited filter.
      this.citations.onDidChange(() => {
        if (this.citedState) this.invalidate(false);
        else this.changed.fire(undefined);
      }),
      services.config.onDidChange((settings) => {
        // A grouping the user writes in the settings is the newer word: it replaces the view's choice.
        if (settings.groupBy !== this.settingGroupBy) void services.context.workspaceState.update(GROUP_BY_STATE, undefined);
        this.settingGroupBy = settings.groupBy;
        this.invalidate(false);
      }),
    );
    this.settingGroupBy = services.config.settings.groupBy;
    void services.reading.current();
  }

  /** How the tree groups papers: the view's choice, else the setting. */
  get groupBy(): GroupBy {
    const chosen = this.services.context.workspaceState.get<string>(GROUP_BY_STATE);
    return chosen === 'topic' || chosen === 'year' || chosen === 'file' || chosen === 'tag' ? chosen : this.services.config.settings.groupBy;
  }

  async setGroupBy(groupBy: GroupBy): Promise<void> {
    await this.services.context.workspaceState.update(GROUP_BY_STATE, groupBy);
    this.invalidate(false);
    this.refreshNow();
  }

  /** The tree as it stands (rebuilt on first use after a change). */
  get model(): TreeModel {
    if (!this.cached) {
      const { library, config } = this.services;
      const found = library.topicsIfFound();
      // While new topics are found (a slice at a time, seconds at 100k papers) the last ones
      // stay; papers they do not hold wait under "No topic".
      if (found) this.shownTopics = found;
      this.cached = new TreeModel(library.current.papers, found ?? this.shownTopics ?? [], {
        groupBy: this.groupBy,
        sortOrder: config.settings.sortOrder,
        matching: this.matchingKeys(),
        reading: this.services.reading.list,
        readingFilter: this.readingState,
      });
    }
    return this.cached;
  }

  /** True while the library's topics are still being found: the tree shows older ones, or none. */
  get findingTopics(): boolean {
    return this.services.library.current.papers.length > 0 && this.services.library.topicsIfFound() === undefined;
  }

  /** The text the tree is narrowed by, or undefined. */
  get filter(): string | undefined {
    return this.filterText;
  }

  /** Narrows the tree to the papers a search for `text` finds; empty or undefined shows all. */
  setFilter(text: string | undefined): void {
    const trimmed = text?.trim();
    this.filterText = trimmed ? trimmed : undefined;
    this.filterKeys = undefined;
    this.invalidate(false);
    this.refreshNow();
  }

  /** Whether the tree shows only the papers the notes cite, or only those they do not. */
  get citedFilter(): CitedFilter | undefined {
    return this.citedState;
  }

  setCitedFilter(filter: CitedFilter | undefined): void {
    this.citedState = filter;
    this.invalidate(false);
    this.refreshNow();
  }

  /** The papers with this reading status and tag (either may be left out); undefined shows every status and tag. */
  get readingFilter(): ReadingFilter | undefined {
    return this.readingState;
  }

  setReadingFilter(filter: ReadingFilter | undefined): void {
    this.readingState = filter && readingFilterLabel(filter) ? { ...filter } : undefined;
    this.invalidate(false);
    this.refreshNow();
  }

  /** The bar of the library chart the tree shows the papers of. */
  get chartFilter(): ChartBar | undefined {
    return this.chartState;
  }

  /** Shows exactly the papers a bar of the chart counts: the other filters go, so the numbers agree. */
  setChartFilter(bar: ChartBar | undefined): void {
    if (bar) this.dropFilters();
    this.chartState = bar && { topic: bar.topic, ...(bar.period ? { period: bar.period } : {}) };
    this.invalidate(false);
    this.refreshNow();
  }

  /** Every filter at once: the whole library again. */
  clearFilters(): void {
    this.dropFilters();
    this.invalidate(false);
    this.refreshNow();
  }

  private dropFilters(): void {
    this.filterText = undefined;
    this.filterKeys = undefined;
    this.citedState = undefined;
    this.readingState = undefined;
    this.chartState = undefined;
  }

  /** The filters in force. */
  get filters(): ViewFilters {
    return { text: this.filterText, cited: this.citedState, reading: this.readingState, chart: this.chartState };
  }

  /** What the view says about its filters (its description and message). */
  get filterSummary(): FilterSummary {
    return filterSummary(this.filters, this.model.visiblePaperCount);
  }

  /** How many places the notes cite a paper, by its key or an alias. */
  citedCount(paper: Paper): number {
    let count = this.citations.citationCount(paper.key);
    for (const alias of paper.aliases ?? []) count += this.citations.citationCount(alias);
    return count;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const reading = this.services.reading.list;
    return treeItemFor(node, isFiltered(this.filters), (paper) => this.citedCount(paper), (paper) => readingOf(reading, paper));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return this.model.children(node, this.pageSizes.get(node?.id ?? 'root') ?? PAGE_SIZE).nodes;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Shows the next page of the node a "Show more…" item stands in. */
  showMore(more: MoreNode): void {
    const id = more.parent?.id ?? 'root';
    this.pageSizes.set(id, more.shown + PAGE_SIZE);
    this.changed.fire(more.parent);
  }

  /** Where the paper with this key shows first, for `TreeView.reveal`. */
  nodeOf(key: string): PaperNode | undefined {
    return this.model.nodesOf(key)[0];
  }

  /** Redraws at once (after a command the user is waiting on). */
  refreshNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.redraw();
  }

  private matchingKeys(): Set<string> | undefined {
    const text = this.textMatches();
    const chart = this.chartMatches();
    const within = text && chart ? new Set([...text].filter((key) => chart.has(key))) : text ?? chart;
    if (!this.citedState) return within;
    const wanted = this.citedState === 'cited';
    const papers = this.services.library.current.papers.filter((paper) => (this.citedCount(paper) > 0) === wanted && (!within || within.has(paper.key)));
    return new Set(papers.map((paper) => paper.key));
  }

  /** The papers the chart's bar counts, from the same papers and topics the chart is drawn from. */
  private chartMatches(): Set<string> | undefined {
    if (!this.chartState) return undefined;
    const papers = this.services.library.current.papers.filter((paper) => !paper.container);
    return new Set(chartBarKeys(papers, this.services.library.topicsIfFound() ?? this.shownTopics ?? [], this.chartState));
  }

  private textMatches(): Set<string> | undefined {
    if (this.filterText === undefined) return undefined;
    // The same engine as Search Papers, so the filter and the search agree.
    this.filterKeys ??= new Set(this.services.library.searchIndex().search(this.filterText, { limit: 10_000, partial: false }).map((hit) => hit.paper.key));
    return this.filterKeys;
  }

  /** Drops the model now (so readers see the change at once) and redraws a moment later. */
  private invalidate(libraryChanged: boolean): void {
    this.cached = undefined;
    if (libraryChanged) this.filterKeys = undefined;
    // The first papers to arrive are drawn at once: there is no burst to wait for behind an empty view.
    if (libraryChanged && !this.drewPapers && this.services.library.current.papers.length > 0) {
      this.refreshNow();
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.redraw();
    }, REFRESH_DEBOUNCE_MS);
  }

  private redraw(): void {
    const hasPapers = this.services.library.current.papers.length > 0;
    this.drewPapers = hasPapers;
    // The view shows its welcome text (how to add listings) while this is false.
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.hasPapers, hasPapers);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.filtered, isFiltered(this.filters));
    this.changed.fire(undefined);
    this.didRefresh.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
