// Which folders hold the library: each `litReview.libraryFolders` entry in each workspace folder.
import * as path from 'node:path';
import * as vscode from 'vscode';

export interface LibraryRoot {
  uri: vscode.Uri;
  workspaceFolder?: vscode.WorkspaceFolder;
}

/** The configured folders that exist; an absolute entry stands on its own. */
export async function libraryRoots(folders: readonly string[]): Promise<LibraryRoot[]> {
  const roots: LibraryRoot[] = [];
  const seen = new Set<string>();
  const add = async (uri: vscode.Uri, workspaceFolder?: vscode.WorkspaceFolder) => {
    if (seen.has(uri.toString())) return;
    const stat = await vscode.workspace.fs.stat(uri).then((s) => s, () => undefined);
    if (stat && stat.type & vscode.FileType.Directory) {
      seen.add(uri.toString());
      roots.push({ uri, workspaceFolder });
    }
  };
  for (const entry of folders) {
    if (path.isAbsolute(entry)) {
      await add(vscode.Uri.file(entry));
      continue;
    }
    for (const workspaceFolder of vscode.workspace.workspaceFolders ?? []) {
      const uri = entry === '.' ? workspaceFolder.uri : vscode.Uri.joinPath(workspaceFolder.uri, entry);
      await add(uri, workspaceFolder);
    }
  }
  return roots;
}
