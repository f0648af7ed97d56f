// Putting citations into notes: one editor edit per insertion (one undo step), keys added to
// a citation already around the cursor, then the note's .bib file brought up to date. Shared
// by the search quick pick, Insert Citation and the quick fix for unknown keys.
import * as vscode from 'vscode';
import { citationAt, formatCitation, keysToAppend } from '../../core/notes/citationText';
import type { Paper } from '../../core/paper/paper';
import type { Services } from './services';
import { BibliographySync } from './bibliographySync';
import { EditorTracker } from './editorTracker';
import { citationStyleOf, citationTemplate, noteLanguageOf } from './noteLanguage';

export type CiteOutcome = 'inserted' | 'copied' | 'nothing';

export class Citing implements vscode.Disposable {
  readonly editors = new EditorTracker();
  readonly bibliography: BibliographySync;

  constructor(private readonly services: Services) {
    this.bibliography = new BibliographySync(services);
  }

  /** The Markdown or LaTeX editor a citation would go into, if that is what is in front. */
  noteEditor(): vscode.TextEditor | undefined {
    const editor = this.editors.target();
    return editor && noteLanguageOf(editor.document) ? editor : undefined;
  }

  /** Inserts into the note in front; with no note in front, copies the citation instead. */
  async cite(papers: readonly Paper[]): Promise<CiteOutcome> {
    if (!papers.length) return 'nothing';
    const editor = this.noteEditor();
    if (editor) return (await this.insert(editor, papers)) ? 'inserted' : 'nothing';
    await this.copy(papers);
    return 'copied';
  }

  async insert(editor: vscode.TextEditor, papers: readonly Paper[]): Promise<boolean> {
    const language = noteLanguageOf(editor.document);
    if (!language || !papers.length) return false;
    const style = citationStyleOf(language);
    const template = citationTemplate(language, this.services.config.settings);
    const keys = [...new Set(papers.map((paper) => paper.key))];
    const document = editor.document;
    const extended = new Set<string>();
    const done = await editor.edit((builder) => {
      for (const selection of editor.selections) {
        const line = selection.active.line;
        const existing = selection.isEmpty ? citationAt(document.lineAt(line).text, selection.active.character, style) : undefined;
        if (!existing) {
          builder.replace(selection, formatCitation(keys, style, template));
          continue;
        }
        // Two cursors in the same citation extend it once.
        const where = `${line}:${existing.insertAt}`;
        const addition = keysToAppend(existing.keys, keys, style);
        if (addition && !extended.has(where)) builder.insert(new vscode.Position(line, existing.insertAt), addition);
        extended.add(where);
      }
    });
    if (!done) return false;
    await this.bibliography.add(document, papers);
    return true;
  }

  /** Puts `paper`'s key where an unknown key was, if the text there is still that key. */
  async replaceKey(editor: vscode.TextEditor, range: vscode.Range, oldKey: string, paper: Paper): Promise<boolean> {
    if (editor.document.getText(range) !== oldKey) return false;
    const done = await editor.edit((builder) => builder.replace(range, paper.key));
    if (done) await this.bibliography.add(editor.document, [paper]);
    return done;
  }

  async copy(papers: readonly Paper[]): Promise<string> {
    const text = formatCitation(papers.map((paper) => paper.key), 'pandoc', this.services.config.settings.citationFormat.markdown);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(`Copied ${text} to the clipboard: citations are inserted into Markdown and LaTeX editors.`);
    return text;
  }

  dispose(): void {
    this.editors.dispose();
  }
}

const shared = new WeakMap<Services, Citing>();

/** One Citing per extension: the search and cite features share its editor tracking and write queue. */
export function citingFor(services: Services): Citing {
  let citing = shared.get(services);
  if (!citing) {
    citing = new Citing(services);
    shared.set(services, citing);
    services.context.subscriptions.push(citing);
  }
  return citing;
}
