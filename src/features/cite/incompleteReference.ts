// A cited paper without authors or an arXiv id or DOI makes an incomplete reference: on its
// key the light bulb offers Complete Metadata, which looks such papers up (on request only).
import * as vscode from 'vscode';
import { citedKeyAt } from '../../core/notes/citations';
import { needsResolving } from '../../core/resolve';
import type { Services } from '../shared/services';
import { noteLanguageOf } from '../shared/noteLanguage';
import { COMMANDS } from '../../vscode/ids';

export class IncompleteReferenceActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly services: Services) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const language = noteLanguageOf(document);
    if (!language || !vscode.workspace.isTrusted) return [];
    const span = citedKeyAt(document.lineAt(range.start.line).text, range.start.character, language);
    const paper = span && this.services.library.current.byKey(span.key);
    if (!paper || !needsResolving(paper)) return [];
    const lacking = paper.authors.length ? 'an arXiv id or DOI' : 'authors';
    const action = new vscode.CodeAction(`Complete Metadata: "${paper.key}" has no ${lacking} yet`, vscode.CodeActionKind.QuickFix);
    action.command = { command: COMMANDS.completeMetadata, title: 'Complete Metadata' };
    return [action];
  }
}
