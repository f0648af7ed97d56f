// Keys a note cites that neither the library nor the note's .bib file knows get a warning,
// with a quick fix that searches the library for them. Refreshed as the note changes
// (debounced) and whenever the library does.
import * as vscode from 'vscode';
import type { Library } from '../../core/indexing/library';
import { citedKeys, type CitedKey } from '../../core/notes/citations';
import type { Services } from '../shared/services';
import type { BibliographySync } from '../shared/bibliographySync';
import { noteLanguageOf } from '../shared/noteLanguage';
import { NoteTimers } from '../shared/noteTimers';
import { COMMANDS } from '../../vscode/ids';

export const DIAGNOSTIC_COLLECTION = 'litReview.citations';
export const UNKNOWN_KEY_CODE = 'unknown-citation-key';
const DIAGNOSTIC_SOURCE = 'Lit Review';
const TYPING_DELAY_MS = 300;

export class UnknownKeyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION);
  private readonly timers = new NoteTimers();
  private readonly disposables: vscode.Disposable[] = [];
  private listingUris = new WeakMap<Library, Set<string>>();
  /** Notes with an unknown key left unflagged because the cursor is on it. */
  private readonly heldBack = new Set<string>();

  constructor(private readonly services: Services, private readonly bibliography: BibliographySync) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.schedule(event.document, TYPING_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      // The cursor left a key it was typing: now it may be flagged.
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (this.heldBack.has(event.textEditor.document.uri.toString())) this.schedule(event.textEditor.document, TYPING_DELAY_MS);
      }),
      // A saved .bib may now hold a key that was unknown.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (/\.bib$/i.test(document.uri.path)) this.refreshAll();
      }),
      services.library.onDidChange(() => this.refreshAll()),
      services.config.onDidChange(() => this.refreshAll()),
    );
    void services.library.whenIndexed().then(() => this.refreshAll(), () => undefined);
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    this.timers.schedule(document, delay, (note) => void this.refresh(note));
  }

  private async refresh(document: vscode.TextDocument): Promise<void> {
    const library = this.services.library.current;
    const language = noteLanguageOf(document);
    // Before the first index every key would look unknown; a listing is not a note.
    if (!language || document.isClosed || !library.papers.length || this.isListing(library, document.uri)) {
      this.collection.delete(document.uri);
      return;
    }
    const version = document.version;
    const unknown = citedKeys(document.getText(), language).filter((cited) => !library.byKey(cited.key));
    const inBibliography = unknown.length ? await this.bibliography.keysFor(document) : new Set<string>();
    // The note changed while the .bib was read: its own refresh is on the way.
    if (document.isClosed || document.version !== version) return;
    // A key being typed is unknown until its last letter: no warning under the cursor.
    const cursors = vscode.window.visibleTextEditors.filter((editor) => editor.document === document).flatMap((editor) => editor.selections.map((selection) => selection.active));
    const underCursor = (cited: CitedKey): boolean => cursors.some((cursor) => cursor.line === cited.line && cursor.character >= cited.start && cursor.character <= cited.end);
    const flagged = unknown.filter((cited) => !inBibliography.has(cited.key.toLowerCase()));
    const shown = flagged.filter((cited) => !underCursor(cited));
    if (shown.length < flagged.length) this.heldBack.add(document.uri.toString());
    else this.heldBack.delete(document.uri.toString());
    const diagnostics = shown
      .map((cited) => {
        const range = new vscode.Range(cited.line, cited.start, cited.line, cited.end);
        const diagnostic = new vscode.Diagnostic(range, `Unknown citation key "${cited.key}": no paper in the Lit Review library or the bibliography has it.`, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = UNKNOWN_KEY_CODE;
        return diagnostic;
      });
    this.collection.set(document.uri, diagnostics);
  }

  private isListing(library: Library, uri: vscode.Uri): boolean {
    let uris = this.listingUris.get(library);
    if (!uris) {
      uris = new Set(library.files.map((file) => this.services.library.uriOf(file)?.toString()).filter((id): id is string => id !== undefined));
      this.listingUris.set(library, uris);
    }
    return uris.has(uri.toString());
  }

  private forget(uri: vscode.Uri): void {
    this.timers.cancel(uri);
    this.heldBack.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    this.timers.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** "Search Lit Review for 'key'": the search opens on the key; the paper chosen replaces it. */
export class UnknownKeyActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === UNKNOWN_KEY_CODE)
      .map((diagnostic) => {
        const key = document.getText(diagnostic.range);
        const action = new vscode.CodeAction(`Search Lit Review for '${key}'`, vscode.CodeActionKind.QuickFix);
        action.command = {
          command: COMMANDS.search,
          title: action.title,
          arguments: [key, { uri: document.uri, range: diagnostic.range }],
        };
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return action;
      });
  }
}
