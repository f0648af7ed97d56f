// The Papers view: papers by topic (or year, listing file or tag), filterable, with a context
// menu of what one does with a paper or several. The grouping itself lives in src/core/views/treeModel.ts.
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
  // Several papers selected at once: Set Reading Status and Add Tag act on all of them.
  const view = vscode.window.createTreeView<TreeNode>(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  const describeFilter = (): void => {
    const summary = provider.filterSummary;
    const progress = services.library.progress;
    if (!summary.message && progress && !services.library.current.papers.length) {
      view.message = `Indexing ${progress.done} of ${progress.total} listings…`;
      return;
    }
    view.description = summary.description || undefined;
    if (summary.message) {
      view.message = summary.message;
      return;
    }
    const papers = services.library.current.papers.length;
    view.message = provider.findingTopics && provider.groupBy === 'topic' ? `Sorting ${papers.toLocaleString('en')} papers into topics…` : undefined;
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
