// The lab's shared library in the editor: its state in the status bar, its topics in a view of
// their own, its papers offered as completions and shown on hover in notes, and the commands
// that connect to it. Search Papers and Insert Citation add its papers through features/shared.
import * as vscode from 'vscode';
import { INTERNAL_COMMANDS, SHARED_LIBRARY_VIEW } from '../../vscode/ids';
import { citingFor } from '../shared/citing';
import { COMPLETION_TRIGGERS, NOTE_SELECTOR, noteSelector } from '../shared/noteLanguage';
import type { FeatureActivator, Services } from '../shared/services';
import { isSharedPaper } from '../shared/sharedPapers';
import { registerSharedLibraryCommands } from './commands';
import { SharedCompletionProvider } from './completion';
import { SharedHoverProvider } from './hover';
import { SharedStatusBar } from './statusBar';
import { SharedLibraryTree } from './tree';
import type { LoadMoreNode, SharedNode } from './treeNodes';

export type { SharedNode } from './treeNodes';
export { SharedLibraryTree } from './tree';

/** What the composition root hands to tests and other extensions. */
export interface SharedLibraryUi {
  /** The Shared Library view's tree, as shown. */
  readonly tree: SharedLibraryTree;
  /** The status bar item's text (empty when it is hidden). */
  statusText(): string;
}

export function createSharedLibrary(services: Services): SharedLibraryUi {
  const tree = new SharedLibraryTree(services);
  const statusBar = new SharedStatusBar(services.sharedLibrary);
  const completion = new SharedCompletionProvider(services);
  const citing = citingFor(services);
  services.context.subscriptions.push(
    tree,
    statusBar,
    vscode.window.createTreeView<SharedNode>(SHARED_LIBRARY_VIEW, { treeDataProvider: tree, showCollapseAll: true }),
    ...registerSharedLibraryCommands(services),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.loadMoreShared, (node: LoadMoreNode) => tree.loadMore(node)),
    ...(['markdown', 'latex', 'typst'] as const).map((language) => vscode.languages.registerCompletionItemProvider(noteSelector(language), completion, ...COMPLETION_TRIGGERS[language])),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.sharedCompletionAccepted, async (note: unknown, paper: unknown) => {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === String(note));
      // The server's paper with every field: the note's bibliography gets its full entry.
      if (document && isSharedPaper(paper)) await citing.bibliography.add(document, [paper]);
    }),
    vscode.languages.registerHoverProvider(NOTE_SELECTOR, new SharedHoverProvider(services)),
    services.sharedLibrary.onDidChangeStatus((state) => {
      if (state.kind === 'idle' || state.kind === 'off') completion.forget();
    }),
  );
  return { tree, statusText: () => statusBar.text };
}

export const activate: FeatureActivator = (services) => {
  createSharedLibrary(services);
};
