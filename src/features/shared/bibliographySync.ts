// A citation's entries go to the note's .bib file, so the note builds: the citation and the
// entries are one edit (one undo). The file is a person's own: existing bytes never change,
// unsaved changes in its editor stay unsaved, and a file Lit Review creates for a note that
// names none is offered to the note as its bibliography.
import * as vscode from 'vscode';
import { bibEntryKeys } from '../../core/bibtex/append';
import { bibtexEntry } from './entries';
import { noteBibliography } from '../../core/notes/frontMatter';
import type { Paper } from '../../core/paper/paper';
import type { Services } from './services';
import { noteLanguageOf } from './noteLanguage';
import { RecentCitations } from './recentCitations';
import { planBibliographyChange, readBytes, type BibliographyChange } from './bibliographyEdit';
import { offerToLink } from './bibliographyLink';

/** A note's bibliography file and who chose it: the note, its Quarto project, or the setting. */
export interface BibliographyTarget {
  file: vscode.Uri;
  from: 'note' | 'quarto' | 'setting';
}

/** Adds the note's part (the citation) to the edit; false when there is nothing to do. */
export type NoteEdits = (edit: vscode.WorkspaceEdit) => boolean;

export class BibliographySync {
  /** One edit at a time per file: two quick citations must not read the same old text. */
  private readonly queues = new Map<string, Promise<unknown>>();

  readonly recent: RecentCitations;

  constructor(private readonly services: Services) {
    this.recent = new RecentCitations(services.context.workspaceState);
  }

  /**
   * The .bib files a note names (front matter, `\bibliography`, `\addbibresource`,
   * `#bibliography`), else its Quarto project's (`_quarto.yml`), else the `bibliographyFile`
   * setting in its workspace folder.
   */
  async filesFor(document: vscode.TextDocument): Promise<vscode.Uri[]> {
    return (await this.targetsFor(document)).map((target) => target.file);
  }

  async targetsFor(document: vscode.TextDocument): Promise<BibliographyTarget[]> {
    const language = noteLanguageOf(document);
    const base = noteFolder(document);
    const quarto = language === 'markdown' ? await quartoProject(document) : undefined;
    const named = language ? noteBibliography(document.getText(), language, { quartoYml: quarto?.text }).files : [];
    const targets = named.flatMap((file): BibliographyTarget[] => {
      const uri = resolvePath(file.from === 'quarto' ? quarto?.folder : base, file.file);
      return uri ? [{ file: uri, from: file.from }] : [];
    });
    if (targets.length) return targets;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    const setting = folder ? resolvePath(folder.uri, this.services.config.settings.bibliographyFile) : undefined;
    return setting ? [{ file: setting, from: 'setting' }] : [];
  }

  /** Keys in the note's .bib files (lower-cased): cited keys found there are not unknown. */
  async keysFor(document: vscode.TextDocument): Promise<Set<string>> {
    const keys = new Set<string>();
    for (const file of await this.filesFor(document)) {
      const text = await readText(file);
      if (text !== undefined) for (const key of bibEntryKeys(text)) keys.add(key);
    }
    return keys;
  }

  /** Adds the papers' entries that the note's .bib file lacks, as an edit of its own. */
  add(document: vscode.TextDocument, papers: readonly Paper[], keys: readonly string[] = papers.map((paper) => paper.key)): Promise<boolean> {
    return this.cite(document, papers, () => true, keys);
  }

  /**
   * Applies the note's edit and the entries of `papers` its .bib file lacks as one
   * WorkspaceEdit; false when the note's part had nothing to do or the editor refused.
   * `keys` are the keys the note cites them by (an alias, say), one per paper.
   */
  async cite(document: vscode.TextDocument, papers: readonly Paper[], noteEdits: NoteEdits, keys: readonly string[] = papers.map((paper) => paper.key)): Promise<boolean> {
    const sync = this.services.config.settings.syncBibliography && papers.length > 0;
    const target = sync ? (await this.targetsFor(document))[0] : undefined;
    if (sync && !target) this.services.output.appendLine('Bibliography not updated: the note names no .bib file and has no workspace folder for the bibliographyFile setting.');
    if (!target) return this.apply(noteEdits, undefined, keys);
    const entries = papers.map((paper, index) => {
      const key = keys[index] ?? paper.key;
      return { key, text: bibtexEntry(paper, this.services.config.settings, key) };
    });
    const id = target.file.toString();
    const run = (this.queues.get(id) ?? Promise.resolve()).then(async () => {
      const change = await planBibliographyChange(target.file, entries).catch((error: unknown) => {
        this.report(target.file, entries.map((entry) => entry.key), error);
        return undefined;
      });
      const done = await this.apply(noteEdits, change, keys);
      if (done && change) await this.complete(change, target, document);
      return done;
    });
    this.queues.set(id, run.catch(() => undefined));
    try {
      return await run;
    } finally {
      if (this.queues.get(id) === run) this.queues.delete(id);
    }
  }

  private async apply(noteEdits: NoteEdits, change: BibliographyChange | undefined, keys: readonly string[]): Promise<boolean> {
    const edit = new vscode.WorkspaceEdit();
    // A new file first: the edit creates it before anything else refers to it.
    change?.addTo(edit);
    if (!noteEdits(edit)) return false;
    // (`size` counts the files with text edits: a file created counts for nothing.)
    if ((change?.undoable || edit.size > 0) && !(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage('Lit Review: the editor refused the citation’s edit; nothing changed.');
      return false;
    }
    // Every citation passes here, whether or not the bibliography is kept in sync.
    this.recent.record(keys);
    return true;
  }

  private async complete(change: BibliographyChange, target: BibliographyTarget, note: vscode.TextDocument): Promise<void> {
    const where = vscode.workspace.asRelativePath(change.file);
    try {
      await change.complete();
    } catch (error) {
      this.report(change.file, change.added, error);
      return;
    }
    this.services.output.appendLine(`Added ${change.added.length} ${change.added.length === 1 ? 'entry' : 'entries'} to ${where}${change.undoable ? '' : ' (outside the undo: the editor would have changed other bytes of the file)'}: ${change.added.join(', ')}.`);
    if (change.created && target.from === 'setting') offerToLink(note, change.file);
  }

  private report(file: vscode.Uri, keys: readonly string[], error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    const where = vscode.workspace.asRelativePath(file);
    this.services.output.appendLine(`Could not add ${keys.join(', ')} to ${where}: ${reason}`);
    void vscode.window.showWarningMessage(`Lit Review could not update ${where}: ${reason}`);
  }
}

/** The `_quarto.yml` of the Quarto project a note is in: the nearest one up to its workspace folder. */
async function quartoProject(document: vscode.TextDocument): Promise<{ folder: vscode.Uri; text: string } | undefined> {
  const root = vscode.workspace.getWorkspaceFolder(document.uri)?.uri;
  if (!root || document.uri.scheme === 'untitled') return undefined;
  let folder = vscode.Uri.joinPath(document.uri, '..');
  for (let depth = 0; depth < 20; depth++) {
    const text = await readText(vscode.Uri.joinPath(folder, '_quarto.yml'));
    if (text !== undefined) return { folder, text };
    if (folder.path === root.path || folder.path.length <= root.path.length) return undefined;
    folder = vscode.Uri.joinPath(folder, '..');
  }
  return undefined;
}

/** A file's text: the open editor's (unsaved changes too), else the file's; undefined when there is none. */
export async function readText(file: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.toString());
  if (open) return open.getText();
  const bytes = await readBytes(file).catch(() => undefined);
  return bytes ? new TextDecoder('utf-8').decode(bytes) : undefined;
}

/** Paths in a note are relative to the note; an unsaved note has only its workspace folder. */
function noteFolder(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.uri.scheme !== 'untitled') return vscode.Uri.joinPath(document.uri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

function resolvePath(base: vscode.Uri | undefined, path: string): vscode.Uri | undefined {
  if (path.startsWith('/')) return (base ?? vscode.Uri.file('/')).with({ path });
  if (/^[A-Za-z]:[\\/]/.test(path)) return vscode.Uri.file(path);
  return base ? vscode.Uri.joinPath(base, path.replace(/\\/g, '/')) : undefined;
}
