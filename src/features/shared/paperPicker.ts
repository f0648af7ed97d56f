// The quick pick every paper-choosing command shares: results come from the library's search
// engine on each (debounced) keystroke, in the engine's order, never re-filtered by the editor.
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import type { ReadingEntry } from '../../core/reading/status';
import { papersForQuery } from '../../core/search/offers';
import type { LibraryService } from './services';
import { emptyLibraryItem, isPaperItem, noMatchItem, NO_PAPERS_ACTION, paperItem, type ActionItem, type PickerItem } from './pickerItems';
import { COMMANDS } from '../../vscode/ids';
import { SharedRows, type SharedSearch } from './sharedRows';

/** Rows per query: enough to scroll through, few enough to render at once. */
export const RESULT_LIMIT = 100;
/** Typing faster than this runs one search, for the last keystroke. */
const DEBOUNCE_MS = 50;

export interface PaperPickerOptions {
  title: string;
  placeholder: string;
  initialQuery?: string;
  /** Buttons on a paper's row. */
  buttons?: (paper: Paper) => vscode.QuickInputButton[];
  /** Rows above the papers, for the query typed. */
  header?: (query: string) => ActionItem[];
  /** Papers shown with a check mark (already chosen). */
  isChecked?: (paper: Paper) => boolean;
  /** Papers shown first, below the header rows, for the query typed. */
  pinned?: (query: string) => readonly Paper[];
  /** The shared library, whose papers are added below the local rows as they arrive. */
  shared?: SharedSearch;
  /** A paper's reading status and tags, shown on its row. */
  reading?: (paper: Paper) => ReadingEntry | undefined;
  /** What Enter does with a paper, shown on its row ("Enter: cite in review.md"). */
  enterHint?: (paper: Paper) => string | undefined;
}

export class PaperPicker implements vscode.Disposable {
  readonly quickPick: vscode.QuickPick<PickerItem>;
  private readonly disposables: vscode.Disposable[] = [];
  /** Each search gets a number; only the newest may show its rows. */
  private requested = 0;
  private shown = 0;
  private shownQuery: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting: (() => void)[] = [];
  private disposed = false;
  /** The rows must be rebuilt even for an unchanged query (the selection or the library changed). */
  private outdated = false;
  /**
   * The editor reports the focused row by its position, so a report sent before the rows were
   * replaced names a row of the new list by mistake. Counting both tells which came last.
   */
  private events = 0;
  private rowsReplacedAt = 0;
  private focusReportedAt = 0;
  private readonly accepted = new vscode.EventEmitter<PickerItem | undefined>();
  /**
   * Enter, with the row it chose. Enter pressed before the rows of the latest keystroke came
   * chooses the first of those rows: the one the person was about to see.
   */
  readonly onDidAcceptItem = this.accepted.event;
  private readonly sharedRows?: SharedRows;

  constructor(private readonly library: LibraryService, private readonly options: PaperPickerOptions) {
    const quickPick = vscode.window.createQuickPick<PickerItem>();
    this.quickPick = quickPick;
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    // The engine already matched titles, authors and abstracts; the editor must not filter again.
    quickPick.matchOnDescription = false;
    quickPick.matchOnDetail = false;
    keepGivenOrder(quickPick);
    if (options.shared) this.sharedRows = new SharedRows(quickPick, options.shared, library, (paper) => paperItem(paper, options.buttons?.(paper) ?? [], options.isChecked?.(paper) ?? false, options.enterHint?.(paper)));
    this.disposables.push(
      this.accepted,
      quickPick,
      quickPick.onDidAccept(() => void this.accept()),
      quickPick.onDidChangeActive(() => {
        this.focusReportedAt = ++this.events;
      }),
      quickPick.onDidChangeValue(() => this.schedule()),
      library.onDidChange(() => {
        this.outdated = true;
        this.schedule();
      }),
      // After every other listener of the hide has run: disposing fires no further events.
      quickPick.onDidHide(() => setTimeout(() => this.dispose(), 0)),
    );
  }

  show(): void {
    // Shown first: the editor resets the input as it opens, which must not undo the query.
    this.quickPick.show();
    this.quickPick.value = this.options.initialQuery ?? '';
    void this.render();
  }

  /** Shows the rows again for the current query, e.g. after the selection changed. */
  refresh(): Promise<void> {
    this.outdated = true;
    return this.render();
  }

  /** Resolves once the rows for the current query are on screen. */
  settled(): Promise<void> {
    // A value set by code is echoed by the editor later; do not wait for the echo.
    if (this.timer === undefined && this.shown === this.requested && this.shownQuery !== this.quickPick.value) this.schedule();
    if (!this.isStale()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private isStale(): boolean {
    return this.timer !== undefined || this.shown !== this.requested || this.shownQuery !== this.quickPick.value;
  }

  private async accept(): Promise<void> {
    const stale = this.isStale();
    if (stale) await this.settled();
    if (this.disposed) return;
    // New rows get the focus on their first one; a focus report older than them is not to be trusted.
    const focusKnown = !stale && this.focusReportedAt > this.rowsReplacedAt;
    this.accepted.fire(focusKnown ? this.quickPick.activeItems[0] : this.quickPick.items[0]);
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.render();
    }, DEBOUNCE_MS);
  }

  private async render(): Promise<void> {
    const request = ++this.requested;
    if (!this.library.current.papers.length) {
      this.quickPick.busy = true;
      await this.library.whenIndexed().catch(() => undefined);
      this.quickPick.busy = false;
    }
    // A newer keystroke has asked for its own rows meanwhile: these are stale.
    if (request !== this.requested) return;
    const query = this.quickPick.value;
    // The editor echoes values set by code: the same query needs no new rows (and no lost focus).
    if (query !== this.shownQuery || this.outdated) this.showRows(query);
    this.shown = request;
    this.shownQuery = query;
    if (this.timer === undefined) {
      for (const resolve of this.waiting.splice(0)) resolve();
    }
  }

  private showRows(query: string): void {
    this.outdated = false;
    const papers = this.library.current.papers;
    const pinned = this.options.pinned?.(query) ?? [];
    const pinnedKeys = new Set(pinned.map((paper) => paper.key));
    const found = papers.length ? papersForQuery(papers, this.library.searchIndex(), query, RESULT_LIMIT) : [];
    const header = this.options.header?.(query) ?? [];
    const rows = [...pinned, ...found.filter((paper) => !pinnedKeys.has(paper.key))].map((paper) => paperItem(paper, this.options.buttons?.(paper) ?? [], this.options.isChecked?.(paper) ?? false, this.options.enterHint?.(paper), this.options.reading?.(paper)));
    const items: PickerItem[] = [...header, ...rows];
    if (!papers.length) items.push(emptyLibraryItem());
    else if (!rows.length && query.trim()) items.push(noMatchItem(query));
    this.quickPick.items = items;
    this.rowsReplacedAt = ++this.events;
    this.sharedRows?.update(query, items);
  }

  dispose(): void {
    this.disposed = true;
    this.sharedRows?.dispose();
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const resolve of this.waiting.splice(0)) resolve();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/**
 * The editor moves rows whose label matches the typed text to the top and sorts them by
 * label, which would undo the engine's ranking. Its switch, `sortByLabel`, is not part of
 * the stable API, but the editor honours it when set: set it where it exists, and carry on
 * without it where it does not (the UI test checks the order on screen).
 */
function keepGivenOrder(quickPick: vscode.QuickPick<PickerItem>): void {
  try {
    if ('sortByLabel' in quickPick) Object.assign(quickPick, { sortByLabel: false });
  } catch {
    // A future editor may refuse it outside an API proposal: the rows stay, only their order may change.
  }
}

/** Asks for one paper; undefined when the picker is dismissed. */
export function pickOnePaper(library: LibraryService, title: string, placeholder: string): Promise<Paper | undefined> {
  const picker = new PaperPicker(library, { title, placeholder });
  return new Promise((resolve) => {
    let chosen: Paper | undefined;
    picker.onDidAcceptItem((item) => {
      if (isPaperItem(item)) chosen = item.paper;
      else if (item?.action === NO_PAPERS_ACTION) void vscode.commands.executeCommand(COMMANDS.chooseFolder);
      picker.quickPick.hide();
    });
    picker.quickPick.onDidHide(() => resolve(chosen));
    picker.show();
  });
}
