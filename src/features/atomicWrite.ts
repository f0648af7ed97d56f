// A reader never sees half a file, nor no file: the new content goes to a temporary file
// beside the target, which then replaces it in one step.
import { rename } from 'node:fs/promises';
import * as vscode from 'vscode';

export async function writeAtomically(file: vscode.Uri, content: Uint8Array | string): Promise<void> {
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(file, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  try {
    // The editor's rename with overwrite deletes the target first, leaving a moment with no
    // file (and none at all after a crash there); the system's rename replaces it at once.
    if (file.scheme === 'file') await rename(temporary.fsPath, file.fsPath);
    else await vscode.workspace.fs.rename(temporary, file, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
