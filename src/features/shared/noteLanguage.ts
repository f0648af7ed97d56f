// Which documents are notes Lit Review cites into, and how each writes a citation.
import * as vscode from 'vscode';
import type { CitationStyle } from '../../core/notes/citationText';
import type { NoteLanguage } from '../../core/notes/citations';
import type { Settings } from '../../core/settings';

export const NOTE_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'latex' }];

/** Schemes of documents a person writes; diff views (`git:`) and output panes are left alone. */
const WRITABLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export function noteLanguageOf(document: vscode.TextDocument): NoteLanguage | undefined {
  if (document.languageId === 'markdown') return 'markdown';
  if (document.languageId === 'latex') return 'latex';
  return undefined;
}

export function isWritableNote(document: vscode.TextDocument): boolean {
  return noteLanguageOf(document) !== undefined && WRITABLE_SCHEMES.has(document.uri.scheme);
}

export function citationStyleOf(language: NoteLanguage): CitationStyle {
  return language === 'markdown' ? 'pandoc' : 'latex';
}

export function citationTemplate(language: NoteLanguage, settings: Settings): string {
  return language === 'markdown' ? settings.citationFormat.markdown : settings.citationFormat.latex;
}
