// The Papers view's own commands: filter it, clear the filter, group it differently, page on.
import * as vscode from 'vscode';
import type { GroupBy, MoreNode } from '../../core/views/treeModel';
import type { Services } from '../shared/services';
import type { PapersTreeProvider } from './provider';
import { SHOW_MORE_COMMAND } from './treeItems';
import { COMMANDS, INTERNAL_COMMANDS } from '../../vscode/ids';
import { pickReadingFilter, readingFilterArgument } from './readingFilterPick';

const GROUPINGS: Array<{ value: GroupBy; label: string; detail: string }> = [
  { value: 'topic', label: 'Topic', detail: 'Topics from your rules, folders and the papers themselves' },
  { value: 'year', label: 'Year', detail: 'Newest year first' },
  { value: 'file', label: 'Listing File', detail: 'The file each paper was read from' },
  { value: 'tag', label: 'Tag', detail: 'Your tags, by name; a paper with two tags is under both' },
];

/** Root groups opened after filtering, so the matches are in sight without a click. */
const EXPANDED_AFTER_FILTER = 3;

export function registerViewCommands(services: Services, provider: PapersTreeProvider, view: vscode.TreeView<unknown>): vscode.Disposable[] {
  const revealMatches = async (): Promise<void> => {
    const roots = provider.getChildren();
    for (const root of roots.slice(0, roots.length <= EXPANDED_AFTER_FILTER ? EXPANDED_AFTER_FILTER : 1)) {
      await Promise.resolve(view.reveal(root, { expand: true, select: false, focus: false })).catch(() => undefined);
    }
  };
  return [
    vscode.commands.registerCommand(COMMANDS.filter, async (given?: unknown) => {
      const text = typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
          title: 'Filter Papers',
          value: provider.filter ?? '',
          prompt: 'Show only papers matching this text (title, authors, key, arXiv id), as Search Papers finds them',
          placeHolder: 'e.g. tree search, Lovelace, 2501.01234',
        });
      if (text === undefined) return undefined;
      await services.library.whenIndexed();
      provider.setFilter(text);
      await revealMatches();
      return provider.model.visiblePaperCount;
    }),
    // `{status, tag}` (either, or neither to show every status and tag); else a pick of those in use.
    vscode.commands.registerCommand(COMMANDS.filterByReading, async (given?: unknown) => {
      await services.library.whenIndexed();
      const filter = given === undefined ? await pickReadingFilter(services, provider.readingFilter) : readingFilterArgument(given);
      if (filter === undefined) return undefined;
      provider.setReadingFilter(filter);
      await revealMatches();
      return provider.model.visiblePaperCount;
    }),
    // A bar of the library chart: `{topic, period}`.
    vscode.commands.registerCommand(INTERNAL_COMMANDS.filterByChartBar, async (given?: unknown) => {
      const bar = given as { topic?: unknown; period?: unknown } | undefined;
      if (typeof bar?.topic !== 'string') return undefined;
      await services.library.whenIndexed();
      provider.setChartFilter({ topic: bar.topic, period: typeof bar.period === 'string' && /^\d{4}(-\d\d)?$/.test(bar.period) ? bar.period : undefined });
      await revealMatches();
      return provider.model.visiblePaperCount;
    }),
    vscode.commands.registerCommand(COMMANDS.clearFilter, () => {
      provider.clearFilters();
    }),
    vscode.commands.registerCommand(COMMANDS.showCitedPapers, async () => {
      await services.library.whenIndexed();
      provider.setCitedFilter('cited');
      return provider.model.visiblePaperCount;
    }),
    vscode.commands.registerCommand(COMMANDS.showUncitedPapers, async () => {
      await services.library.whenIndexed();
      provider.setCitedFilter('uncited');
      return provider.model.visiblePaperCount;
    }),
    vscode.commands.registerCommand(COMMANDS.groupBy, async (given?: unknown) => {
      const current = provider.groupBy;
      let choice = GROUPINGS.find((grouping) => grouping.value === given)?.value;
      if (!choice) {
        const picked = await vscode.window.showQuickPick(
          GROUPINGS.map((grouping) => ({ ...grouping, description: grouping.value === current ? 'current' : undefined, picked: grouping.value === current })),
          { title: 'Group Papers By', placeHolder: 'How should the Papers view group papers?' },
        );
        choice = picked?.value;
      }
      if (!choice) return undefined;
      await provider.setGroupBy(choice);
      return choice;
    }),
    vscode.commands.registerCommand(SHOW_MORE_COMMAND, (more?: MoreNode) => {
      if (more?.kind === 'more') provider.showMore(more);
    }),
  ];
}
