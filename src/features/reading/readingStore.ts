// The reading list of the library folder (`.lit-review/reading.tsv`), read through the
// workspace's file system, kept fresh by a watcher, and changed by writing a whole new
// file atomically: another person's lines, or a line a person wrote by hand, are kept.
import * as vscode from 'vscode';
import { changeReadingText, emptyReadingList, parseReadingList, READING_FILE, type ReadingChange, type ReadingList } from '../../core/reading/status';
import { writeAtomically } from '../../vscode/atomicWrite';
import type { Services } from '../shared/services';

export class ReadingStore implements vscode.Disposable {
  private list: ReadingList = emptyReadingList();
  private loaded: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<ReadingList>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly services: Services) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${READING_FILE}`);
    const reload = () => {
      // Saves come as a write and a rename: read once they are done.
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), 100);
    };
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  /** The file in the library folder; undefined without a library folder. */
  file(): vscode.Uri | undefined {
    const folder = this.services.library.libraryFolder();
    return folder && vscode.Uri.joinPath(folder, READING_FILE);
  }

  /** The list as last read (read once on first use). */
  async current(): Promise<ReadingList> {
    this.loaded ??= this.reload().then(() => undefined);
    await this.loaded;
    return this.list;
  }

  async reload(): Promise<ReadingList> {
    const text = await this.readText();
    const parsed = text === undefined ? undefined : parseReadingList(text, READING_FILE);
    for (const problem of parsed?.problems ?? []) this.services.output.appendLine(`${problem.file}:${problem.line}: ${problem.message}`);
    this.list = parsed ?? emptyReadingList();
    this.changed.fire(this.list);
    return this.list;
  }

  /** Makes `change` to each of `keys` and saves the file. */
  async change(keys: readonly string[], change: ReadingChange): Promise<ReadingList> {
    const file = this.file();
    if (!file) throw new Error('Lit Review has no library folder to keep the reading list in.');
    const text = changeReadingText(await this.readText(), keys, change);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
    await writeAtomically(file, text);
    this.loaded = Promise.resolve();
    this.list = parseReadingList(text, READING_FILE);
    this.changed.fire(this.list);
    return this.list;
  }

  private async readText(): Promise<string | undefined> {
    const file = this.file();
    if (!file) return undefined;
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
