// The shared library's rows in a paper picker: the local rows show at once, as always; the
// server is asked meanwhile, and its papers the local library lacks are added below them when
// they come, if the query is still the one on screen. A newer keystroke cancels the question.
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import type { LibraryService } from './services';
import { isPaperItem, NO_MATCH_ACTION, type PaperItem, type PickerItem } from './pickerItems';
import { sharedPapersBeside } from './sharedPapers';

/** Shared rows per query, below at most a hundred local ones. */
const SHARED_LIMIT = 30;

/** What the rows need of the shared library (the SharedLibraryService). */
export interface SharedSearch {
  readonly enabled: boolean;
  search(query: string, options: { limit?: number; signal?: AbortSignal }): Promise<readonly Paper[] | undefined>;
}

/** The row of a shared paper: a cloud before the title and "shared" beside it. */
export function sharedRow(row: PaperItem): PaperItem {
  const checked = row.label.startsWith('$(check) ');
  return { ...row, label: checked ? row.label : `$(cloud) ${row.label}`, description: 'shared' };
}

export class SharedRows implements vscode.Disposable {
  private asking?: AbortController;

  constructor(
    private readonly quickPick: vscode.QuickPick<PickerItem>,
    private readonly shared: SharedSearch,
    private readonly library: LibraryService,
    private readonly row: (paper: Paper) => PaperItem,
  ) {}

  /** The local rows for `query` were just shown: asks the server for the rest. */
  update(query: string, localRows: readonly PickerItem[]): void {
    this.asking?.abort();
    this.asking = undefined;
    if (!query.trim() || !this.shared.enabled) return;
    const asking = new AbortController();
    this.asking = asking;
    void this.shared.search(query, { limit: SHARED_LIMIT, signal: asking.signal }).then((found) => {
      if (asking.signal.aborted || this.asking !== asking || this.quickPick.value !== query || !found?.length) return;
      this.show(localRows, found);
    });
  }

  private show(localRows: readonly PickerItem[], found: readonly Paper[]): void {
    const shownKeys = new Set(localRows.filter(isPaperItem).map((item) => item.paper.key.toLowerCase()));
    const papers = sharedPapersBeside(this.library.current, found, shownKeys);
    if (!papers.length) return;
    // "No paper matches" is no longer true once shared papers match.
    const local = localRows.filter((item) => isPaperItem(item) || item.action !== NO_MATCH_ACTION);
    const separator: PickerItem[] = local.some(isPaperItem) ? [{ label: 'shared library', kind: vscode.QuickPickItemKind.Separator, action: 'separator' }] : [];
    const rows = [...local, ...separator, ...papers.map((paper) => sharedRow(this.row(paper)))];
    // The row the person is on stays theirs: new rows only go below.
    const active = this.quickPick.activeItems[0];
    this.quickPick.items = rows;
    const keep = active && rows.includes(active) ? active : rows.find((item) => item.kind !== vscode.QuickPickItemKind.Separator);
    if (keep) this.quickPick.activeItems = [keep];
  }

  dispose(): void {
    this.asking?.abort();
    this.asking = undefined;
  }
}
