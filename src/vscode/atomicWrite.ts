// A reader never sees half a file: the new content goes to a temporary file beside the
// target, which then replaces it.
import { rename } from 'node:fs/promises';
import * as vscode from 'vscode';

export async function writeAtomically(file: vscode.Uri, content: Uint8Array | string): Promise<void> {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(file, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  try {
    // In the workspace the editor's own rename tells open editors and Quick Open of the
    // change at once, but it deletes the target first: a reader may find no file for a
    // moment. Elsewhere (the extension's storage, read back by the next start while this
    // one saves) the system's rename replaces the file in one step.
    if (file.scheme === 'file' && !vscode.workspace.getWorkspaceFolder(file)) await rename(temporary.fsPath, file.fsPath);
    else await vscode.workspace.fs.rename(temporary, file, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
