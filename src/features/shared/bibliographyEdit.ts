// The part of a citation's edit that adds entries to a .bib file. The citation and the
// entries go into one WorkspaceEdit, so one undo takes both back: a new file is created by
// the edit, an existing one gets the entries at its end and is saved after. The file is a
// person's own, so the editor writes it only when saving can change no other byte (its text
// reads back as the same bytes and no save action rewrites it); otherwise the entries are
// appended to the bytes on disk once the edit is in, outside the undo.
import * as vscode from 'vscode';
import { bibliographyAppend, type BibEntry } from '../../core/bibtex/append';
import { writeAtomically } from '../../vscode/atomicWrite';

export interface BibliographyChange {
  file: vscode.Uri;
  /** Keys whose entries the change adds, in order. */
  added: string[];
  /** The file did not exist: the edit creates it. */
  created: boolean;
  /** Whether the entries are part of the edit (and so of its undo). */
  undoable: boolean;
  /** Puts the change into the edit (nothing when it is written after). */
  addTo(edit: vscode.WorkspaceEdit): void;
  /** Once the edit is applied: saves the file, or appends the entries to its bytes. */
  complete(): Promise<void>;
}

const BOM = [0xef, 0xbb, 0xbf];

/** What adding `entries` to `file` takes; undefined when the file has every one of them. */
export async function planBibliographyChange(file: vscode.Uri, entries: readonly BibEntry[]): Promise<BibliographyChange | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.toString());
  // The person's unsaved text is the truth: the entries join it, and it stays unsaved.
  if (open?.isDirty) return editorChange(open, entries, false);
  const bytes = await readBytes(file);
  if (!bytes) {
    const { text, added } = bibliographyAppend('', entries);
    if (!text) return undefined;
    return {
      file, added, created: true, undoable: true,
      addTo: (edit) => edit.createFile(file, { contents: new TextEncoder().encode(text) }),
      complete: async () => undefined,
    };
  }
  const document = open ?? (await vscode.workspace.openTextDocument(file));
  if (document.isDirty) return editorChange(document, entries, false);
  if (savesAsRead(document, bytes)) return editorChange(document, entries, true);
  return byteChange(file, bytes, entries);
}

function editorChange(document: vscode.TextDocument, entries: readonly BibEntry[], save: boolean): BibliographyChange | undefined {
  const current = document.getText();
  const { text, added } = bibliographyAppend(current, entries);
  if (!text) return undefined;
  return {
    file: document.uri, added, created: false, undoable: true,
    addTo: (edit) => edit.insert(document.uri, document.positionAt(current.length), text),
    complete: async () => {
      if (save && !(await document.save())) throw new Error('the editor could not save it');
    },
  };
}

function byteChange(file: vscode.Uri, bytes: Uint8Array, entries: readonly BibEntry[]): BibliographyChange | undefined {
  // The BOM stays in the text (and so in the bytes kept): only the end of the file changes.
  const { text, added } = bibliographyAppend(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), entries);
  if (!text) return undefined;
  return {
    file, added, created: false, undoable: false,
    addTo: () => undefined,
    complete: async () => {
      const addition = new TextEncoder().encode(text);
      const next = new Uint8Array(bytes.length + addition.length);
      next.set(bytes, 0);
      next.set(addition, bytes.length);
      await writeAtomically(file, next);
    },
  };
}

/**
 * Whether saving the document writes back exactly the bytes read: UTF-8 (with the BOM it
 * had), line endings the editor did not change on loading, and no save action that trims,
 * formats or fixes the file.
 */
function savesAsRead(document: vscode.TextDocument, bytes: Uint8Array): boolean {
  const files = vscode.workspace.getConfiguration('files', document);
  const editor = vscode.workspace.getConfiguration('editor', document);
  const actions = editor.get<unknown>('codeActionsOnSave');
  const hasActions = Array.isArray(actions) ? actions.length > 0 : typeof actions === 'object' && actions !== null && Object.values(actions).some((value) => value === true || value === 'explicit' || value === 'always');
  if (files.get<boolean>('trimTrailingWhitespace') || editor.get<boolean>('formatOnSave') || hasActions) return false;
  const bom = BOM.every((byte, index) => bytes[index] === byte);
  const body = new TextEncoder().encode(document.getText());
  const expected = bom ? BOM.length + body.length : body.length;
  if (expected !== bytes.length) return false;
  const offset = bom ? BOM.length : 0;
  for (let index = 0; index < body.length; index++) if (body[index] !== bytes[offset + index]) return false;
  return true;
}

/** A file's bytes; undefined when there is no such file. */
export async function readBytes(file: vscode.Uri): Promise<Uint8Array | undefined> {
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
