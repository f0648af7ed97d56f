// Indexing as the user sees it: the status bar count, the Reindex and folder commands.
import * as vscode from 'vscode';
import type { FeatureActivator } from '../shared/services';
import { COMMANDS } from '../../vscode/ids';

export const activate: FeatureActivator = ({ context, library, output }) => {
  const status = vscode.window.createStatusBarItem('litReview.status', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Lit Review';
  status.command = COMMANDS.search;
  const showCount = () => {
    const papers = library.current.papers.length;
    const problems = library.current.problems.length;
    status.text = `$(book) ${papers} ${papers === 1 ? 'paper' : 'papers'}`;
    status.tooltip = `Lit Review: ${papers} papers${problems ? `, ${problems} problems in the listings (see the Problems panel)` : ''}. Click to search.`;
    status.show();
  };
  status.text = '$(sync~spin) Lit Review';
  status.tooltip = 'Lit Review: indexing papers…';
  status.show();
  let indexed = false;
  void library.whenIndexed().then(() => {
    indexed = true;
    showCount();
  });
  // Until the first papers are known, say how far the reading is rather than a count of nothing.
  const showProgress = ({ done, total }: { done: number; total: number }) => {
    if (indexed || library.current.papers.length) return;
    status.text = `$(sync~spin) Indexing ${done} of ${total} listings`;
  };

  context.subscriptions.push(
    status,
    library.onDidChange(showCount),
    library.onDidProgress(showProgress),
    vscode.commands.registerCommand(COMMANDS.reindex, async () => {
      const started = Date.now();
      const rebuilt = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Lit Review: reading every listing again…' }, () => library.reindex());
      const { papers, problems } = rebuilt;
      const summary = `Reindexed ${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} in ${((Date.now() - started) / 1000).toFixed(1)} s${problems.length ? `, ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the listings` : ''}.`;
      output.appendLine(summary);
      // A message that goes by itself: the tree already shows the result.
      vscode.window.setStatusBarMessage(`$(check) Lit Review: ${summary}`, 6000);
      return papers.length;
    }),
    vscode.commands.registerCommand(COMMANDS.chooseFolder, async () => {
      const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use as Library Folder' });
      if (!chosen?.[0]) return;
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(chosen[0]);
      const entry = workspaceFolder ? vscode.workspace.asRelativePath(chosen[0], false) : chosen[0].fsPath;
      const configuration = vscode.workspace.getConfiguration('litReview');
      const folders = configuration.get<string[]>('libraryFolders') ?? [];
      const value = entry === workspaceFolder?.name || chosen[0].toString() === workspaceFolder?.uri.toString() ? '.' : entry;
      await configuration.update('libraryFolders', [...new Set([...folders, value])], vscode.ConfigurationTarget.Workspace);
    }),
    vscode.commands.registerCommand(COMMANDS.openSettings, () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:lit-review.lit-review')),
  );
};
