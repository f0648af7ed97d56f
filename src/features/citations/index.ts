// What the notes cite: the References view of the note in front, going to a citation, and
// Check Bibliography, its findings also shown as diagnostics in the .bib. The citation map
// itself (features/shared/citationIndex.ts) is shared with the Papers view, the details page
// and the hover.
import * as vscode from 'vscode';
import type { FeatureActivator, Services } from '../shared/services';
import { citationIndexFor } from '../shared/citationIndex';
import { citingFor } from '../shared/citing';
import { ReferencesProvider } from './referencesView';
import { registerCheckBibliography } from './checkBibliography';
import { BibliographyDiagnostics } from './bibliographyDiagnostics';
import { INTERNAL_COMMANDS, REFERENCES_VIEW } from '../../vscode/ids';

export type { ReferenceNode } from './referencesView';
export { ReferencesProvider } from './referencesView';

/** Opens a note at a citation: its file (a URI string), 1-based line and column. */
export async function openCitation(file: unknown, line: unknown, column: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof file !== 'string') return undefined;
  const position = new vscode.Position(Math.max(0, Number(line) - 1 || 0), Math.max(0, Number(column) - 1 || 0));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(file));
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Selection(position, position), preview: false });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export const activate: FeatureActivator = (services) => {
  const citations = citationIndexFor(services);
  const citing = citingFor(services);
  const provider = new ReferencesProvider(services, citations, citing.bibliography);
  const diagnostics = new BibliographyDiagnostics(services, citations);
  const view = vscode.window.createTreeView(REFERENCES_VIEW, { treeDataProvider: provider });
  const describe = (): void => {
    const note = provider.document;
    view.description = note ? vscode.workspace.asRelativePath(note.uri) : undefined;
    const unknown = provider.references.filter((node) => node.known === 'unknown').length;
    if (!note) view.message = 'Open a Markdown, Quarto, R Markdown, LaTeX or Typst note to see the papers it cites.';
    else if (!provider.references.length) view.message = 'This note cites no paper yet.';
    else view.message = unknown ? `${unknown} ${unknown === 1 ? 'key is' : 'keys are'} in neither the library nor the bibliography.` : undefined;
  };
  services.context.subscriptions.push(
    provider,
    view,
    provider.onDidRefresh(describe),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.openCitation, (file: unknown, line: unknown, column: unknown) => openCitation(file, line, column).then((editor) => editor?.document.uri.toString())),
    diagnostics,
    vscode.languages.registerCodeActionsProvider([{ language: 'bibtex' }, { pattern: '**/*.bib' }], diagnostics, { providedCodeActionKinds: BibliographyDiagnostics.kinds }),
    registerCheckBibliography(services, citations, citing, diagnostics),
  );
  describe();
  referencesViews.set(services, provider);
};

const referencesViews = new WeakMap<Services, ReferencesProvider>();

/** The References view's provider, for the extension's API (and so the tests). */
export function referencesOf(services: Services): ReferencesProvider | undefined {
  return referencesViews.get(services);
}
