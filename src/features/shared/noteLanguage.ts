// Which documents are notes Lit Review cites into, and how each writes a citation. A note is
// known by its language id (`markdown`, `quarto`, `rmd`, `latex`, `typst`...) or, when the
// editor knows no such language (a .qmd or .Rmd opened as plain text), by its file extension.
import * as vscode from 'vscode';
import type { CitationStyle } from '../../core/notes/citationText';
import type { NoteLanguage } from '../../core/notes/citations';
import { noteLanguageOfFile } from '../../core/notes/citationMap';
import type { Settings } from '../../core/settings';

/** Language ids of notes, by the note language they are written in. */
const LANGUAGE_IDS: Readonly<Record<string, NoteLanguage>> = {
  markdown: 'markdown',
  quarto: 'markdown',
  rmd: 'markdown',
  rmarkdown: 'markdown',
  pandoc: 'markdown',
  latex: 'latex',
  tex: 'latex',
  typst: 'typst',
};

/** The file extensions of notes, for the documents the editor gives no note language. */
export const NOTE_EXTENSIONS = ['md', 'qmd', 'Rmd', 'rmd', 'tex', 'typ'] as const;

/** Where each note language's citations start: Markdown and Typst `@`, LaTeX inside `\cite{`, Typst inside `#cite(<`. */
export const COMPLETION_TRIGGERS: Readonly<Record<NoteLanguage, readonly string[]>> = {
  markdown: ['@'],
  latex: ['{', ','],
  typst: ['@', '<'],
};

/** The documents of one note language, by language id and by file name. */
export function noteSelector(language: NoteLanguage): vscode.DocumentFilter[] {
  const ids = Object.entries(LANGUAGE_IDS).filter(([, of]) => of === language).map(([id]) => ({ language: id }));
  const extensions = { markdown: '{qmd,Rmd,rmd}', latex: 'tex', typst: 'typ' }[language];
  return [...ids, { pattern: `**/*.${extensions}` }];
}

export const NOTE_SELECTOR: vscode.DocumentSelector = [...noteSelector('markdown'), ...noteSelector('latex'), ...noteSelector('typst')];

/** Schemes of documents a person writes; diff views (`git:`) and output panes are left alone. */
const WRITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

/** Languages a note file may be opened as without the editor knowing it is one. */
const UNKNOWN_LANGUAGES = new Set(['plaintext', 'quarto', 'rmd', 'r']);

export function noteLanguageOf(document: vscode.TextDocument): NoteLanguage | undefined {
  const byId = LANGUAGE_IDS[document.languageId];
  if (byId) return byId;
  if (!UNKNOWN_LANGUAGES.has(document.languageId)) return undefined;
  const language = noteLanguageOfFile(document.uri.path);
  // A plain .md file the user switched to plain text stays plain text.
  return language && !/\.(md|markdown)$/i.test(document.uri.path) ? language : undefined;
}

export function isWritableNote(document: vscode.TextDocument): boolean {
  return noteLanguageOf(document) !== undefined && WRITABLE_SCHEMES.has(document.uri.scheme);
}

export function citationStyleOf(language: NoteLanguage): CitationStyle {
  return language === 'markdown' ? 'pandoc' : language;
}

/** The template of a plain citation: the setting's, or (LaTeX) the `latexCiteCommand` setting's command. */
export function citationTemplate(language: NoteLanguage, settings: Settings): string {
  if (language === 'markdown') return settings.citationFormat.markdown;
  if (language === 'typst') return '{keys}';
  const command = latexCommand(settings);
  return settings.citationFormat.latex === '\\cite{{keys}}' && command !== '\\cite' ? `${command}{{keys}}` : settings.citationFormat.latex;
}

/** The LaTeX cite command of the settings, with its backslash. */
export function latexCommand(settings: Settings): string {
  const command = settings.latexCiteCommand.trim();
  return command.startsWith('\\') ? command : `\\${command}`;
}
