// The editor a citation goes into. A quick pick or the Papers view may hold the focus, so
// the target is the active text editor, else the last one that was, while still on screen.
import * as vscode from 'vscode';

export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly listener = vscode.window.onDidChangeActiveTextEditor((editor) => {
    if (editor) this.last = editor;
  });

  target(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) return active;
    const last = this.last;
    return last && vscode.window.visibleTextEditors.includes(last) ? last : undefined;
  }

  dispose(): void {
    this.listener.dispose();
  }
}
