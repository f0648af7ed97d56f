// Putting citations into notes: one edit per insertion, the entries it adds to the note's
// .bib file included (one undo step), keys added to a citation already around the cursor.
// Shared by the search quick pick, Insert Citation and the quick fix for unknown keys.
import * as vscode from 'vscode';
import { citationAt, formatCitation, keysToAppend, type CiteItem } from '../../core/notes/citationText';
import type { NoteLanguage } from '../../core/notes/citations';
import type { Settings } from '../../core/settings';
import type { Paper } from '../../core/paper/paper';
import type { Services } from './services';
import { BibliographySync } from './bibliographySync';
import { EditorTracker } from './editorTracker';
import { citationStyleOf, citationTemplate, latexCommand, noteLanguageOf } from './noteLanguage';

export type CiteOutcome = 'inserted' | 'copied' | 'nothing';

/** How a citation is written beyond its keys: what Insert Citation asks after the papers are chosen. */
export interface CiteOptions {
  /** `see`: before the first key. */
  prefix?: string;
  /** `p. 3`: after the last key. */
  locator?: string;
  /** Text after the locator. */
  suffix?: string;
  /** The author's name in the running text: `@a [p. 3]` rather than `[@a, p. 3]`. */
  inText?: boolean;
  /** A LaTeX command (`\parencite`) or Typst's `#cite`. */
  command?: string;
}

/** The options a command's arguments carry (an object with any of the option names), if any. */
export function citeOptionsOf(value: unknown): CiteOptions | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const options: CiteOptions = {};
  for (const name of ['prefix', 'locator', 'suffix', 'command'] as const) if (typeof record[name] === 'string' && record[name]) options[name] = record[name];
  if (typeof record.inText === 'boolean') options.inText = record.inText;
  return Object.keys(options).length ? options : undefined;
}

/** The citation of `keys` as `options` ask for it in a note's language. */
export function citationWith(keys: readonly string[], language: NoteLanguage, options: CiteOptions, settings: Settings): string {
  const items: CiteItem[] = keys.map((key) => ({ key }));
  if (items.length) {
    if (options.prefix) items[0]!.prefix = options.prefix;
    const last = items[items.length - 1]!;
    if (options.locator) last.locator = options.locator;
    if (options.suffix) last.suffix = options.suffix;
  }
  const command = options.command ?? (language === 'latex' ? latexCommand(settings) : undefined);
  return formatCitation(items, { language, command, inText: options.inText });
}

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
  async cite(papers: readonly Paper[], options?: CiteOptions): Promise<CiteOutcome> {
    if (!papers.length) return 'nothing';
    const editor = this.noteEditor();
    if (editor) return (await this.insert(editor, papers, options)) ? 'inserted' : 'nothing';
    await this.copy(papers);
    return 'copied';
  }

  /** Whether new keys would join a citation already around the cursor (then there is nothing to ask about its form). */
  joinsCitation(editor: vscode.TextEditor): boolean {
    const language = noteLanguageOf(editor.document);
    const selection = editor.selection;
    if (!language || !selection.isEmpty) return false;
    return citationAt(editor.document.lineAt(selection.active.line).text, selection.active.character, citationStyleOf(language)) !== undefined;
  }

  async insert(editor: vscode.TextEditor, papers: readonly Paper[], options?: CiteOptions): Promise<boolean> {
    const language = noteLanguageOf(editor.document);
    if (!language || !papers.length) return false;
    const style = citationStyleOf(language);
    const template = citationTemplate(language, this.services.config.settings);
    const keys = [...new Set(papers.map((paper) => paper.key))];
    const document = editor.document;
    // The citation and the entries it adds to the bibliography are one edit: one undo.
    return this.bibliography.cite(document, papers, (edit) => {
      const extended = new Set<string>();
      for (const selection of editor.selections) {
        const line = selection.active.line;
        // A citation with its own page or form is a citation of its own.
        const existing = selection.isEmpty && !options ? citationAt(document.lineAt(line).text, selection.active.character, style) : undefined;
        if (!existing) {
          edit.replace(document.uri, selection, options ? citationWith(keys, language, options, this.services.config.settings) : formatCitation(keys, style, template));
          continue;
        }
        // Two cursors in the same citation extend it once.
        const where = `${line}:${existing.insertAt}`;
        const addition = keysToAppend(existing.keys, keys, style);
        if (addition && !extended.has(where)) edit.insert(document.uri, new vscode.Position(line, existing.insertAt), addition);
        extended.add(where);
      }
      return true;
    });
  }

  /** Puts `paper`'s key where an unknown key was, if the text there is still that key. */
  async replaceKey(editor: vscode.TextEditor, range: vscode.Range, oldKey: string, paper: Paper): Promise<boolean> {
    const document = editor.document;
    return this.bibliography.cite(document, [paper], (edit) => {
      if (document.getText(range) !== oldKey) return false;
      edit.replace(document.uri, range, paper.key);
      return true;
    });
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
