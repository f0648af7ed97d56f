// After a citation goes into a note, the note's .bib file gets the entries it lacks, so the
// note builds. The file is a person's own: existing bytes never change, an editor with unsaved
// changes gets an undoable edit, and a file on disk is replaced atomically (temp file, rename).
import * as vscode from 'vscode';
import { bibEntryKeys, bibliographyAppend } from '../../core/bibtex/append';
import { bibtexEntry } from './entries';
import { noteBibliography } from '../../core/notes/frontMatter';
import type { Paper } from '../../core/paper/paper';
import { writeAtomically } from '../../vscode/atomicWrite';
import type { Services } from './services';
import { noteLanguageOf } from './noteLanguage';
import { RecentCitations } from './recentCitations';

export interface SyncResult {
  file: vscode.Uri;
  added: string[];
}

export class BibliographySync {
  /** One write at a time per file: two quick citations must not read the same old text. */
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
    const language = noteLanguageOf(document);
    const base = noteFolder(document);
    const quarto = language === 'markdown' ? await quartoProject(document) : undefined;
    const named = language ? noteBibliography(document.getText(), language, { quartoYml: quarto?.text }).files : [];
    const files = named.map((file) => resolvePath(file.from === 'quarto' ? quarto?.folder : base, file.file)).filter((uri): uri is vscode.Uri => uri !== undefined);
    if (files.length) return files;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    const setting = folder ? resolvePath(folder.uri, this.services.config.settings.bibliographyFile) : undefined;
    return setting ? [setting] : [];
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

  /**
   * Adds the papers' entries that the note's .bib file lacks; reports what it did. `keys` are
   * the keys the note cites them by (an alias, say), one per paper; their own keys by default.
   */
  async add(document: vscode.TextDocument, papers: readonly Paper[], keys: readonly string[] = papers.map((paper) => paper.key)): Promise<SyncResult | undefined> {
    // Every citation passes here, whether or not the bibliography is kept in sync.
    this.recent.record(keys);
    if (!this.services.config.settings.syncBibliography || !papers.length) return undefined;
    const file = (await this.filesFor(document))[0];
    if (!file) {
      this.services.output.appendLine('Bibliography not updated: the note names no .bib file and has no workspace folder for the bibliographyFile setting.');
      return undefined;
    }
    const entries = papers.map((paper, index) => {
      const key = keys[index] ?? paper.key;
      return { key, text: bibtexEntry(paper, this.services.config.settings, key) };
    });
    const id = file.toString();
    const run = (this.queues.get(id) ?? Promise.resolve()).then(() => appendEntries(file, entries));
    this.queues.set(id, run.catch(() => undefined));
    try {
      const added = await run;
      if (added.length) {
        this.services.output.appendLine(`Added ${added.length} ${added.length === 1 ? 'entry' : 'entries'} to ${vscode.workspace.asRelativePath(file)}: ${added.join(', ')}.`);
      }
      return { file, added };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.services.output.appendLine(`Could not add ${entries.map((entry) => entry.key).join(', ')} to ${vscode.workspace.asRelativePath(file)}: ${reason}`);
      void vscode.window.showWarningMessage(`Lit Review could not update ${vscode.workspace.asRelativePath(file)}: ${reason}`);
      return undefined;
    } finally {
      if (this.queues.get(id) === run) this.queues.delete(id);
    }
  }
}

async function appendEntries(file: vscode.Uri, entries: { key: string; text: string }[]): Promise<string[]> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.toString());
  if (open?.isDirty) {
    // The person's unsaved text is the truth: append to it, as an edit they can undo.
    const current = open.getText();
    const { text, added } = bibliographyAppend(current, entries);
    if (!text) return [];
    const edit = new vscode.WorkspaceEdit();
    edit.insert(file, open.positionAt(current.length), text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the editor refused the edit');
    return added;
  }
  const bytes = await readBytes(file);
  // The BOM stays in the text (and so in the bytes we keep): only the end of the file changes.
  const current = bytes ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : '';
  const { text, added } = bibliographyAppend(current, entries);
  if (!text) return [];
  const addition = new TextEncoder().encode(text);
  const next = new Uint8Array((bytes?.length ?? 0) + addition.length);
  if (bytes) next.set(bytes, 0);
  next.set(addition, bytes?.length ?? 0);
  await writeAtomically(file, next);
  return added;
}

async function readBytes(file: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(file);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof vscode.FileSystemError) return error.code === 'FileNotFound';
  return error instanceof Error && /ENOENT|EntryNotFound|FileNotFound/.test(`${error.name} ${error.message}`);
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
