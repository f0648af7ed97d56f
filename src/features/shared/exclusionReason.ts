// The question asked when a paper is excluded, wherever it is excluded from.
import * as vscode from 'vscode';

/** The reason typed ('' for none); undefined when the person backs out. */
export function askExclusionReason(): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: 'Why is it excluded?', prompt: 'An optional reason, kept with the status (Enter to leave it out)', placeHolder: 'e.g. not about search agents' });
}
