// The citation map of the workspace: which notes cite which keys, where. The notes are the
// Markdown, Quarto, R Markdown, LaTeX and Typst files outside the library's listings, and
// every note open in an editor; the map follows each save, file change and (debounced) keystroke.
import * as vscode from 'vscode';
import { CitationMap, noteLanguageOfFile, type CitationLocation } from '../../core/notes/citationMap';
import type { Library } from '../../core/indexing/library';
import type { Services } from './services';
import { isWritableNote, noteLanguageOf } from './noteLanguage';
import { NoteTimers } from './noteTimers';

const NOTE_GLOB = '**/*.{md,qmd,Rmd,rmd,tex,typ}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**}';
/** A workspace with more notes than this is read only this far (and the open ones). */
const MAX_NOTES = 5000;
const TYPING_DELAY_MS = 300;
/** A burst of updates tells the views once. */
const CHANGE_DELAY_MS = 100;

export class CitationIndex implements vscode.Disposable {
  readonly map = new CitationMap();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (debounced) after the map has changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly timers = new NoteTimers();
  private changeTimer?: ReturnType<typeof setTimeout>;
  private scanned?: Promise<void>;
  private listingIds = new WeakMap<Library, Set<string>>();

  constructor(private readonly services: Services) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.schedule(event.document, TYPING_DELAY_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document, 0)),
      // A closed note that is no file of the workspace (untitled) is no longer a note.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === 'untitled') this.forget(document.uri);
      }),
      services.library.onDidChange(() => this.dropListings()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher(NOTE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readFile(uri)),
      watcher.onDidChange((uri) => {
        if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) void this.readFile(uri);
      }),
      watcher.onDidDelete((uri) => this.forget(uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** Resolves once the workspace's notes have been read (the first call starts the reading). */
  ready(): Promise<void> {
    this.scanned ??= this.scan();
    return this.scanned;
  }

  /** Where a key is cited, in every note. */
  citedIn(key: string): CitationLocation[] {
    return this.map.citedIn(key);
  }

  /** How many places cite a key. */
  citationCount(key: string): number {
    return this.map.citationCount(key);
  }

  /** The note's id in the map: its URI as a string. */
  static idOf(uri: vscode.Uri): string {
    return uri.toString();
  }

  /** Reads a document again at once (a test, or a command that needs the newest map). */
  updateNow(document: vscode.TextDocument): void {
    const language = noteLanguageOf(document);
    if (!language || !isWritableNote(document) || this.isListing(document.uri)) return;
    this.map.update(CitationIndex.idOf(document.uri), document.getText(), language);
    this.fire();
  }

  private async scan(): Promise<void> {
    await this.services.library.whenIndexed().catch(() => undefined);
    const uris = await vscode.workspace.findFiles(NOTE_GLOB, EXCLUDE_GLOB, MAX_NOTES);
    const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    for (const uri of uris) if (!open.has(uri.toString())) await this.readFile(uri, false);
    this.fire();
  }

  private async readFile(uri: vscode.Uri, notify = true): Promise<void> {
    const language = noteLanguageOfFile(uri.path);
    if (!language || this.isListing(uri)) return;
    try {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      this.map.update(CitationIndex.idOf(uri), text, language);
    } catch {
      this.map.remove(CitationIndex.idOf(uri));
    }
    if (notify) this.fire();
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    this.timers.schedule(document, delay, (note) => {
      if (!note.isClosed) this.updateNow(note);
    });
  }

  private forget(uri: vscode.Uri): void {
    if (this.map.remove(CitationIndex.idOf(uri))) this.fire();
  }

  /** Listings are no notes: a Markdown reading list cites nothing. */
  private isListing(uri: vscode.Uri): boolean {
    const library = this.services.library.current;
    let ids = this.listingIds.get(library);
    if (!ids) {
      ids = new Set(library.files.map((file) => this.services.library.uriOf(file)?.toString()).filter((id): id is string => id !== undefined));
      this.listingIds.set(library, ids);
    }
    return ids.has(uri.toString());
  }

  private dropListings(): void {
    let dropped = false;
    for (const file of this.map.files()) {
      if (this.isListing(vscode.Uri.parse(file))) dropped = this.map.remove(file) || dropped;
    }
    if (dropped) this.fire();
  }

  private fire(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
    }, CHANGE_DELAY_MS);
  }

  dispose(): void {
    this.timers.dispose();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

const shared = new WeakMap<Services, CitationIndex>();

/** One citation map per extension, shared by the views, the hover and the details page. */
export function citationIndexFor(services: Services): CitationIndex {
  let index = shared.get(services);
  if (!index) {
    index = new CitationIndex(services);
    shared.set(services, index);
    services.context.subscriptions.push(index);
    void index.ready();
  }
  return index;
}

/** A place of a citation as a person reads it: `notes/draft.md:12`. */
export function citationLabel(location: CitationLocation): string {
  const uri = vscode.Uri.parse(location.file);
  const path = uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri);
  return `${path}:${location.line}`;
}
