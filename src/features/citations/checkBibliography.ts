// "Lit Review: Check Bibliography": for the note in front and its .bib file(s), the keys it
// cites that the bibliography lacks (added from the library in one click), entries no note
// cites, one paper under two keys, and entries the library knows better. The findings come
// as a list to tick (and as diagnostics in the .bib); the fixes ticked are one undoable edit
// of the .bib, every other byte kept. Nothing is removed unless the person ticks it.
import * as vscode from 'vscode';
import { bibliographyAppend } from '../../core/bibtex/append';
import type { Services } from '../shared/services';
import type { CitationIndex } from '../shared/citationIndex';
import type { Citing } from '../shared/citing';
import { COMMANDS } from '../../vscode/ids';
import { findingsFor, type Finding } from './bibliographyFindings';
import type { BibliographyDiagnostics } from './bibliographyDiagnostics';

export type { Finding } from './bibliographyFindings';

/** What the command returns: the findings and, when it asks, the list to tick. */
export interface BibliographyCheckRun {
  findings: Finding[];
  quickPick?: vscode.QuickPick<FindingItem>;
  /** The ids of the fixes applied, once done (empty when none or dismissed). */
  finished: Promise<string[]>;
}

export interface FindingItem extends vscode.QuickPickItem {
  finding?: Finding;
}

const HEADINGS: Record<Finding['kind'], string> = {
  missing: 'Cited, but not in the bibliography',
  unused: 'In the bibliography, cited by no note',
  stale: 'Differs from the library',
  duplicate: 'One paper under several keys',
};

export function registerCheckBibliography(services: Services, citations: CitationIndex, citing: Citing, diagnostics: BibliographyDiagnostics): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.checkBibliography, async (options?: { apply?: unknown }): Promise<BibliographyCheckRun | undefined> => {
    const editor = citing.noteEditor();
    if (!editor) {
      void vscode.window.showInformationMessage('Lit Review: open a note (Markdown, Quarto, R Markdown, LaTeX or Typst) to check its bibliography.');
      return undefined;
    }
    const files = await citing.bibliography.filesFor(editor.document);
    if (!files.length) {
      void vscode.window.showInformationMessage('Lit Review: this note names no bibliography file, and there is no workspace folder for the bibliographyFile setting.');
      return undefined;
    }
    const texts = new Map<string, { uri: vscode.Uri; document?: vscode.TextDocument; text: string }>();
    for (const file of files) {
      const document = await vscode.workspace.openTextDocument(file).then((opened) => opened, () => undefined);
      texts.set(file.toString(), { uri: file, document, text: document?.getText() ?? '' });
    }
    await citations.ready();
    const findings = findingsFor(services, citations, editor.document, [...texts.values()]);
    // In the .bib files too, on the entries themselves.
    diagnostics.show(editor.document.uri, [...texts.values()], findings);
    if (Array.isArray(options?.apply)) {
      const wanted = new Set(options.apply.map(String));
      const chosen = findings.filter((finding) => wanted.has(finding.id));
      await applyFixes(texts, chosen);
      return { findings, finished: Promise.resolve(chosen.map((finding) => finding.id)) };
    }
    if (!findings.length) {
      const names = files.map((file) => vscode.workspace.asRelativePath(file)).join(', ');
      void vscode.window.showInformationMessage(`Lit Review: ${names} is in order: every key the note cites is there, each paper once, each entry cited and as the library has it.`);
      return { findings, finished: Promise.resolve([]) };
    }
    const quickPick = findingsPicker(findings, files);
    const finished = new Promise<string[]>((resolve) => {
      let accepted = false;
      quickPick.onDidAccept(async () => {
        accepted = true;
        const chosen = quickPick.selectedItems.flatMap((item) => (item.finding ? [item.finding] : []));
        quickPick.hide();
        const applied = await applyFixes(texts, chosen);
        resolve(applied);
      });
      quickPick.onDidHide(() => {
        quickPick.dispose();
        if (!accepted) resolve([]);
      });
    });
    quickPick.show();
    return { findings, quickPick, finished };
  });
}

function findingsPicker(findings: readonly Finding[], files: readonly vscode.Uri[]): vscode.QuickPick<FindingItem> {
  const quickPick = vscode.window.createQuickPick<FindingItem>();
  quickPick.title = `Lit Review: Check Bibliography — ${files.map((file) => vscode.workspace.asRelativePath(file)).join(', ')}`;
  quickPick.placeholder = 'Tick the fixes to make, then Enter (one edit, one Undo)';
  quickPick.canSelectMany = true;
  quickPick.matchOnDetail = true;
  const items: FindingItem[] = [];
  for (const kind of ['missing', 'unused', 'stale', 'duplicate'] as const) {
    const of = findings.filter((finding) => finding.kind === kind);
    if (!of.length) continue;
    items.push({ label: `${HEADINGS[kind]} (${of.length})`, kind: vscode.QuickPickItemKind.Separator });
    for (const finding of of) items.push({ label: finding.label, detail: finding.detail, finding });
  }
  quickPick.items = items;
  // Adding what the note cites harms nothing; removing and rewriting wait for a tick.
  quickPick.selectedItems = items.filter((item) => item.finding?.append !== undefined);
  return quickPick;
}

/** Applies the chosen fixes as one WorkspaceEdit and shows the .bib; returns the ids applied. */
async function applyFixes(texts: Map<string, { uri: vscode.Uri; document?: vscode.TextDocument; text: string }>, chosen: readonly Finding[]): Promise<string[]> {
  const edit = new vscode.WorkspaceEdit();
  const applied: string[] = [];
  const touched = new Set<string>();
  const appends = new Map<string, { key: string; text: string }[]>();
  for (const finding of chosen) {
    if (!finding.file || (!finding.edits?.length && !finding.append)) continue;
    const bib = texts.get(finding.file.toString());
    // The file changed since the check read it: its offsets no longer hold.
    if (!bib || (bib.document ? bib.document.getText() !== bib.text : Boolean(finding.edits?.length))) continue;
    const document = bib.document;
    if (document) for (const change of finding.edits ?? []) edit.replace(bib.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
    if (finding.append) appends.set(bib.uri.toString(), [...(appends.get(bib.uri.toString()) ?? []), finding.append]);
    applied.push(finding.id);
    touched.add(finding.file.toString());
  }
  // New entries go in together at the end, the file's line endings kept.
  for (const [file, entries] of appends) {
    const bib = texts.get(file)!;
    const { text } = bibliographyAppend(bib.text, entries);
    if (!text) continue;
    if (bib.document) edit.insert(bib.uri, bib.document.positionAt(bib.text.length), text);
    else {
      // No such file yet: the edit makes it.
      edit.createFile(bib.uri, { ignoreIfExists: true });
      edit.insert(bib.uri, new vscode.Position(0, 0), text.replace(/^\s+/, ''));
    }
  }
  if (applied.length && !(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage('Lit Review: the editor refused the bibliography edit; nothing changed.');
    return [];
  }
  const toOpen = [...touched][0] ?? chosen.find((finding) => finding.kind === 'duplicate')?.file?.toString();
  const opened = toOpen ? texts.get(toOpen) : undefined;
  if (opened) opened.document ??= await vscode.workspace.openTextDocument(opened.uri).then((document) => document, () => undefined);
  if (opened?.document) {
    const line = chosen.find((finding) => finding.file?.toString() === toOpen && finding.line)?.line;
    const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(opened.document, { preview: true, preserveFocus: false, viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Selection(position, position) });
  }
  if (applied.length) {
    const where = [...touched].map((file) => vscode.workspace.asRelativePath(vscode.Uri.parse(file))).join(', ');
    void vscode.window.showInformationMessage(`Lit Review: ${applied.length} ${applied.length === 1 ? 'fix' : 'fixes'} made in ${where} (not saved yet; Undo takes ${applied.length === 1 ? 'it' : 'them'} back).`);
  }
  return applied;
}
