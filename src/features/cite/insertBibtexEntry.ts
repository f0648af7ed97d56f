// "Lit Review: Insert BibTeX Entry": a paper's full entry at the cursor (in a .bib file, or a
// LaTeX file's filecontents). Inserted as a snippet's plain text (`appendText` escapes what the
// snippet engine would read: an entry is full of `}` and `\`, an abstract may hold `$1`).
import * as vscode from 'vscode';
import { bibtexEntry } from '../shared/entries';
import type { Services } from '../shared/services';
import type { Citing } from '../shared/citing';
import { papersToUse } from '../shared/commandPapers';
import { COMMANDS } from '../../vscode/ids';

export function registerInsertBibtexEntry(services: Services, citing: Citing): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.insertBibtexEntry, async (...args: unknown[]): Promise<boolean> => {
    const papers = await papersToUse(services, args, 'Lit Review: Insert BibTeX Entry', 'Choose the paper whose BibTeX entry to insert');
    if (!papers.length) return false;
    const text = `${papers.map((paper) => bibtexEntry(paper, services.config.settings).trimEnd()).join('\n\n')}\n`;
    const editor = citing.editors.target();
    if (!editor) {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`Copied the BibTeX ${papers.length === 1 ? 'entry' : 'entries'} to the clipboard: no editor is open.`);
      return false;
    }
    return editor.insertSnippet(new vscode.SnippetString().appendText(text));
  });
}
