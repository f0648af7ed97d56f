// The reading list of the library folder (`.lit-review/reading.tsv`), read through the
// workspace's file system, kept fresh by a watcher, and changed by writing a whole new
// file atomically: another person's lines, or a line a person wrote by hand, are kept.
import * as vscode from 'vscode';
import { changeReadingText, emptyReadingList, parseReadingList, READING_FILE, type ReadingChange, type ReadingList } from '../../core/reading/status';
import { writeAtomically } from '../../vscode/atomicWrite';

/** What the store needs of the library: where its folder is, and when that may have changed. */
export interface LibraryFolderSource {
  libraryFolder(): vscode.Uri | undefined;
  readonly onDidChange: vscode.Event<unknown>;
}

export class ReadingStore implements vscode.Disposable {
  private state: ReadingList = emptyReadingList();
  /** The file the list was read from and its text, to tell a real change from an echo of our own write. */
  private readFrom: { file: string | undefined; text: string | undefined } | undefined;
  private loaded: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<ReadingList>();
  /** Fires when the list changes: set from the editor, or the file edited elsewhere (git, another window). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly library: LibraryFolderSource, private readonly output: vscode.OutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${READING_FILE}`);
    const reload = () => {
      // Saves come as a write and a rename: read once they are done.
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), 100);
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      // The library folder is known once the first scan starts, and moves with the settings.
      library.onDidChange(() => {
        if (this.readFrom?.file !== this.file()?.toString() || !this.readFrom) void this.reload();
      }),
    );
  }

  /** The file in the library folder; undefined without a library folder. */
  file(): vscode.Uri | undefined {
    const folder = this.library.libraryFolder();
    return folder && vscode.Uri.joinPath(folder, READING_FILE);
  }

  /** The list as last read: empty until the first read, which `current()` starts. */
  get list(): ReadingList {
    return this.state;
  }

  /** The list as last read (read once on first use). */
  async current(): Promise<ReadingList> {
    this.loaded ??= this.reload().then(() => undefined);
    await this.loaded;
    return this.state;
  }

  async reload(): Promise<ReadingList> {
    const file = this.file()?.toString();
    const text = await this.readText();
    this.loaded ??= Promise.resolve();
    if (this.readFrom && this.readFrom.file === file && this.readFrom.text === text) return this.state;
    this.readFrom = { file, text };
    const parsed = text === undefined ? undefined : parseReadingList(text, READING_FILE);
    for (const problem of parsed?.problems ?? []) this.output.appendLine(`${problem.file}:${problem.line}: ${problem.message}`);
    this.state = parsed ?? emptyReadingList();
    this.changed.fire(this.state);
    return this.state;
  }

  /** Makes `change` to each of `keys` and saves the file. */
  async change(keys: readonly string[], change: ReadingChange): Promise<ReadingList> {
    const file = this.file();
    if (!file) throw new Error('Lit Review has no library folder to keep the reading list in.');
    // Read again just before writing: a line another window or git wrote a moment ago is kept.
    const text = changeReadingText(await this.readText(), keys, change);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
    await writeAtomically(file, text);
    this.loaded = Promise.resolve();
    this.readFrom = { file: file.toString(), text };
    this.state = parseReadingList(text, READING_FILE);
    this.changed.fire(this.state);
    return this.state;
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
