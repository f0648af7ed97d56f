// "Lit Review: New Literature Note": a Markdown note about one paper, from a template with
// its facts and a citation. Where a workspace keeps a `notes` folder, the note is saved there
// as `notes/<key>.md` (an existing note is opened, never overwritten); elsewhere it opens as
// an untitled document, so no folder is created unasked.
import * as vscode from 'vscode';
import { formatCitation } from '../../core/notes/citationText';
import { literatureNote, noteFileName, relativePosixPath } from '../../core/notes/template';
import type { Paper } from '../../core/paper/paper';
import type { Services } from '../shared/services';
import type { Citing } from '../shared/citing';
import { papersToUse } from '../shared/commandPapers';
import { COMMANDS } from '../../vscode/ids';

export const NOTES_FOLDER = 'notes';

export function registerNewNote(services: Services, citing: Citing): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.newNote, async (...args: unknown[]): Promise<vscode.Uri | undefined> => {
    const [paper] = await papersToUse(services, args, 'Lit Review: New Literature Note', 'Choose the paper to write a note about');
    return paper ? openNote(services, citing, paper) : undefined;
  });
}

async function openNote(services: Services, citing: Citing, paper: Paper): Promise<vscode.Uri> {
  const settings = services.config.settings;
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  const notes = folder ? vscode.Uri.joinPath(folder.uri, NOTES_FOLDER) : undefined;
  const citation = formatCitation([paper.key], 'pandoc', settings.citationFormat.markdown);
  const bibliographyFile = folder ? vscode.Uri.joinPath(folder.uri, settings.bibliographyFile) : undefined;

  let document: vscode.TextDocument;
  let cursorLine = 0;
  if (notes && (await isDirectory(notes))) {
    const file = vscode.Uri.joinPath(notes, noteFileName(paper.key));
    if (await exists(file)) {
      await vscode.window.showTextDocument(file);
      void vscode.window.showInformationMessage(`Opened your existing note on ${paper.key}.`);
      return file;
    }
    const bibliography = bibliographyFile ? relativePosixPath(notes.path, bibliographyFile.path) : settings.bibliographyFile;
    const note = literatureNote(paper, { citation, bibliography });
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(note.text));
    document = await vscode.workspace.openTextDocument(file);
    cursorLine = note.cursorLine;
  } else {
    // Relative to the workspace folder: right once the note is saved there.
    const note = literatureNote(paper, { citation, bibliography: settings.bibliographyFile });
    document = await vscode.workspace.openTextDocument({ language: 'markdown', content: note.text });
    cursorLine = note.cursorLine;
  }
  const editor = await vscode.window.showTextDocument(document);
  const position = new vscode.Position(Math.min(cursorLine, document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
  // The note cites the paper: its entry belongs in the bibliography the note names.
  await citing.bibliography.add(document, [paper]);
  return document.uri;
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
