// The Papers view: papers by topic (or year, or listing file), filterable, with a context
// menu of what one does with a paper. The grouping itself lives in src/core/treeModel.ts.
import * as vscode from 'vscode';
import type { FeatureActivator, Services } from '../shared/services';
import { registerPaperCommands } from './paperCommands';
import { PapersTreeProvider, type TreeNode } from './provider';
import { registerViewCommands } from './viewCommands';
import { PAPERS_VIEW } from '../../vscode/ids';

export type { GroupNode, MoreNode, PaperNode, TreeNode } from './provider';
export { PapersTreeProvider } from './provider';

export const VIEW_ID = PAPERS_VIEW;

/** Registers the view and its commands; returns the provider so tests can read the tree. */
export function createTopicsTree(services: Services): PapersTreeProvider {
  const provider = new PapersTreeProvider(services);
  const view = vscode.window.createTreeView<TreeNode>(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const describeFilter = (): void => {
    const filter = provider.filter;
    const cited = provider.citedFilter;
    const progress = services.library.progress;
    if (filter === undefined && progress && !services.library.current.papers.length) {
      view.message = `Indexing ${progress.done} of ${progress.total} listings…`;
      return;
    }
    const citedWords = cited === 'cited' ? 'cited' : cited === 'uncited' ? 'not yet cited' : undefined;
    view.description = [citedWords, filter ? `“${filter}”` : undefined].filter(Boolean).join(' · ') || undefined;
    if (cited) {
      const count = provider.model.visiblePaperCount;
      const which = `${citedWords}${filter ? ` matching “${filter}”` : ''}`;
      view.message = count
        ? `${count} ${count === 1 ? 'paper' : 'papers'} ${which} in your notes.`
        : `No paper ${which}. Clear the filter to see every paper.`;
      return;
    }
    if (filter === undefined) {
      const papers = services.library.current.papers.length;
      view.message = provider.findingTopics && provider.groupBy === 'topic' ? `Sorting ${papers.toLocaleString('en')} papers into topics…` : undefined;
      return;
    }
    const count = provider.model.visiblePaperCount;
    view.message = count
      ? `${count} ${count === 1 ? 'paper matches' : 'papers match'} “${filter}”.`
      : `No paper matches “${filter}”. Clear the filter to see every paper.`;
  };
  services.context.subscriptions.push(
    provider,
    view,
    provider.onDidRefresh(describeFilter),
    services.library.onDidProgress(describeFilter),
    ...registerViewCommands(services, provider, view),
    ...registerPaperCommands(services),
  );
  // The first drawing also sets the context keys the welcome text and the menus wait on.
  void services.library.whenIndexed().then(() => provider.refreshNow(), () => provider.refreshNow());
  return provider;
}

export const activate: FeatureActivator = (services) => {
  createTopicsTree(services);
};
