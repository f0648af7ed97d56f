// Work on a note put off until its edits pause: a newer request for the same note replaces
// the older one. Used by everything that re-reads notes as they are typed in.
import type * as vscode from 'vscode';
import { isWritableNote } from './noteLanguage';

export class NoteTimers implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Runs `work` on `document` after `delayMs`, if it is a note one can write in. */
  schedule(document: vscode.TextDocument, delayMs: number, work: (document: vscode.TextDocument) => void): void {
    if (!isWritableNote(document)) return;
    const id = document.uri.toString();
    this.cancel(document.uri);
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        work(document);
      }, delayMs),
    );
  }

  /** Drops the work waiting for this note, if any. */
  cancel(uri: vscode.Uri): void {
    const id = uri.toString();
    const pending = this.timers.get(id);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(id);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
