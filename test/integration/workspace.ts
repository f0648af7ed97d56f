// Shared by the integration tests: the extension under test and its fixture workspace.
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';

export const EXTENSION_ID = 'lit-review.lit-review';
/** Sources name a listing by its path inside its library folder (here `papers/`). */
export const EXAMPLE_LISTING = 'hf-daily-papers-rl-search.txt';
/** The papers in the example listing (a saved Hugging Face Daily Papers search page). */
export const EXAMPLE_PAPER_COUNT = 60;
/** A second listing, at the workspace root: outside the default library folder. */
export const MORE_LISTING = 'more-papers.txt';
export const MORE_PAPER_COUNT = 2;

export async function activateExtension(): Promise<LitReviewApi> {
  const extension = vscode.extensions.getExtension<LitReviewApi>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not installed in this editor.`);
  const api = await extension.activate();
  await api.whenIndexed();
  return api;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration suite needs the fixture workspace open.');
  return folder;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, relativePath);
}

export async function setLibraryFolders(folders: string[] | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('litReview').update('libraryFolders', folders, vscode.ConfigurationTarget.Workspace);
}

export async function reindex(): Promise<number> {
  const count = await vscode.commands.executeCommand<number>('litReview.reindex');
  if (typeof count !== 'number') throw new Error(`litReview.reindex returned ${String(count)}, expected the number of papers`);
  return count;
}

/**
 * Closes every editor without saving, and reverts documents changed without an editor (a
 * bibliography a citation or an undo edited): deleted afterwards, a dirty one would be
 * saved back by a later test and add its entries to the library.
 */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((each) => each.isDirty && !each.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  for (let i = 0; i < 20 && vscode.window.tabGroups.all.some((group) => group.tabs.length); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}

/** Shows a document in an editor with the cursor at `offset` (default: the end). */
export async function showWithCursor(document: vscode.TextDocument, offset = document.getText().length): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(document);
  const position = document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}
