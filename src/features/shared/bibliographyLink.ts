// When Lit Review creates a bibliography file for a note that names none, it says where the
// file is and offers to name it in the note (front matter, `\bibliography{}` or
// `\addbibresource{}`, `#bibliography()`), so the note builds with it. The link is one
// undoable edit of the note.
import * as vscode from 'vscode';
import { linkBibliography, type BibliographyLink } from '../../core/notes/linkBibliography';
import { relativePosixPath } from '../../core/notes/template';
import { noteLanguageOf } from './noteLanguage';

export const LINK_ACTION = 'Link to the note';

/** The link of a note to `file`, as the note's text stands; undefined for an unsaved note (no folder to be relative to). */
function linkOf(note: vscode.TextDocument, file: vscode.Uri): { link: BibliographyLink; path: string } | undefined {
  const language = noteLanguageOf(note);
  if (!language || note.uri.scheme === 'untitled') return undefined;
  const path = relativePosixPath(vscode.Uri.joinPath(note.uri, '..').path, file.path);
  return { link: linkBibliography(note.getText(), language, path), path };
}

/** Says where the new file is and, when the note can be linked to it, offers to. */
export function offerToLink(note: vscode.TextDocument, file: vscode.Uri): void {
  const where = vscode.workspace.asRelativePath(file);
  const name = note.uri.path.slice(note.uri.path.lastIndexOf('/') + 1);
  const found = linkOf(note, file);
  if (found?.link.status !== 'link') {
    void vscode.window.showInformationMessage(`Lit Review created ${where} for the papers ${name} cites.`);
    return;
  }
  const added = found.link.added.filter((line) => line !== '---').map((line) => `“${line.trim()}”`).join(' and ');
  const message = `Lit Review created ${where} for the papers ${name} cites. The note names no bibliography yet: linking adds ${added} to it.`;
  void vscode.window.showInformationMessage(message, LINK_ACTION).then((choice) => {
    if (choice === LINK_ACTION) void linkNote(note.uri, file);
  });
}

/** Names `file` in the note as its bibliography; true when the note names it afterwards. */
export async function linkNote(noteUri: vscode.Uri, file: vscode.Uri): Promise<boolean> {
  const note = await vscode.workspace.openTextDocument(noteUri);
  const found = linkOf(note, file);
  if (!found) return false;
  const { link, path } = found;
  if (link.status === 'linked') return true;
  if (link.status === 'unsupported') {
    void vscode.window.showWarningMessage(`Lit Review could not link ${path}: ${link.reason}. Add it to the note by hand.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of link.edits) edit.replace(note.uri, new vscode.Range(note.positionAt(change.start), note.positionAt(change.end)), change.newText);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  vscode.window.setStatusBarMessage(`$(link) ${vscode.workspace.asRelativePath(note.uri)} now names ${path} as its bibliography`, 5000);
  return true;
}
