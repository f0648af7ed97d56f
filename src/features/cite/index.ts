// Citing while writing: Insert Citation, Insert BibTeX Entry, New Literature Note, key
// completion, hover and Go to Definition on keys, warnings on unknown keys with a quick fix,
// and the note's .bib file kept in step with what it cites.
import * as vscode from 'vscode';
import type { FeatureActivator } from '../shared/services';
import { citingFor } from '../shared/citing';
import { citationIndexFor } from '../shared/citationIndex';
import { CitationCompletionProvider, COMPLETION_ACCEPTED_COMMAND } from './completion';
import { registerInsertBibtexEntry } from './insertBibtexEntry';
import { registerInsertCitation } from './insertCitation';
import { CitationDefinitionProvider, CitationHoverProvider } from './keyNavigation';
import { registerNewNote } from './newNote';
import { COMPLETION_TRIGGERS, NOTE_SELECTOR, noteLanguageOf, noteSelector } from '../shared/noteLanguage';
import { IncompleteReferenceActions } from './incompleteReference';
import { UnknownKeyActions, UnknownKeyDiagnostics } from './unknownKeys';
import { linkNote } from '../shared/bibliographyLink';
import { INTERNAL_COMMANDS } from '../../vscode/ids';

export const activate: FeatureActivator = (services) => {
  const citing = citingFor(services);
  const completion = new CitationCompletionProvider(services, citing.bibliography.recent);
  services.context.subscriptions.push(
    registerInsertCitation(services, citing),
    registerInsertBibtexEntry(services, citing),
    registerNewNote(services, citing),
    // Markdown (Quarto, R Markdown): `@` (quick suggestions are off there). LaTeX: `{` and `,`
    // inside \cite{...} and its kin. Typst: `@`, and `<` inside #cite(.
    ...(['markdown', 'latex', 'typst'] as const).map((language) => vscode.languages.registerCompletionItemProvider(noteSelector(language), completion, ...COMPLETION_TRIGGERS[language])),
    vscode.commands.registerCommand(COMPLETION_ACCEPTED_COMMAND, async (note: unknown, key: unknown) => {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === String(note));
      const paper = typeof key === 'string' ? services.library.current.byKey(key) : undefined;
      // The key as inserted, an alias too: the note's bibliography must have that very key.
      if (document && paper) await citing.bibliography.add(document, [paper], [String(key)]);
    }),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.linkBibliography, (note: unknown, file: unknown) => {
      const uri = (value: unknown): vscode.Uri | undefined => (value instanceof vscode.Uri ? value : typeof value === 'string' ? vscode.Uri.parse(value) : undefined);
      const [noteUri, fileUri] = [uri(note), uri(file)];
      return noteUri && fileUri ? linkNote(noteUri, fileUri) : false;
    }),
    vscode.languages.registerHoverProvider(NOTE_SELECTOR, new CitationHoverProvider(services, citationIndexFor(services))),
    vscode.languages.registerDefinitionProvider(NOTE_SELECTOR, new CitationDefinitionProvider(services)),
    new UnknownKeyDiagnostics(services, citing.bibliography),
    vscode.languages.registerCodeActionsProvider(NOTE_SELECTOR, new UnknownKeyActions(), { providedCodeActionKinds: UnknownKeyActions.kinds }),
    vscode.languages.registerCodeActionsProvider(NOTE_SELECTOR, new IncompleteReferenceActions(services), { providedCodeActionKinds: IncompleteReferenceActions.kinds }),
    // A note in front of the user will be hovered: the citation style is made ready off the editor's thread.
    vscode.window.onDidChangeActiveTextEditor((editor) => editor && noteLanguageOf(editor.document) && services.references.warm()),
  );
  const editor = vscode.window.activeTextEditor;
  if (editor && noteLanguageOf(editor.document)) services.references.warm();
};
