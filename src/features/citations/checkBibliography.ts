// "Lit Review: Check Bibliography": for the note in front and its .bib file(s), the keys it
// cites that the bibliography lacks (added from the library in one click), entries no note
// cites, one paper under two keys, and entries the library knows better. The findings come
// as a list to tick; the fixes ticked are one undoable edit of the .bib, every other byte kept.
// Nothing is removed unless the person ticks it.
import * as vscode from 'vscode';
import { bibliographyAppend } from '../../core/bibtex/append';
import { checkBibliography, readBibEntries, removeEntryEdit, staleFieldEdits, type BibFileEntry, type TextEdit } from '../../core/notes/bibliographyCheck';
import { noteBibliography } from '../../core/notes/frontMatter';
import type { Services } from '../shared/services';
import { CitationIndex, citationLabel } from '../shared/citationIndex';
import type { Citing } from '../shared/citing';
import { bibtexEntry } from '../shared/entries';
import { noteLanguageOf } from '../shared/noteLanguage';
import { COMMANDS } from '../../vscode/ids';

/** One finding, with the fix ticking it applies (none for what needs a person's judgement). */
export interface Finding {
  /** `missing:key`, `unused:key`, `stale:key`, `duplicate:key1,key2`. */
  id: string;
  kind: 'missing' | 'unused' | 'stale' | 'duplicate';
  label: string;
  detail: string;
  file?: vscode.Uri;
  /** 1-based line in `file`. */
  line?: number;
  /** Edits of `file`'s text, as read for the check. */
  edits?: TextEdit[];
  /** An entry to append to `file` (all appended at once, in order). */
  append?: { key: string; text: string };
}

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

export function registerCheckBibliography(services: Services, citations: CitationIndex, citing: Citing): vscode.Disposable {
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

function findingsFor(services: Services, citations: CitationIndex, note: vscode.TextDocument, bibs: readonly { uri: vscode.Uri; text: string }[]): Finding[] {
  const language = noteLanguageOf(note)!;
  citations.updateNow(note);
  const entries: BibFileEntry[] = bibs.flatMap((bib) => readBibEntries(bib.text, bib.uri.toString()).entries);
  const library = services.library.current;
  const own = noteBibliography(note.getText(), language);
  const defined = new Set(own.references.map((key) => key.toLowerCase()));
  // Missing, stale and duplicates: this note. Unused: no note of the workspace cites it (a .bib is often shared).
  const forNote = checkBibliography({ citations: citations.map.citationsOf(CitationIndex.idOf(note.uri)), entries, library, definedInNotes: (key) => defined.has(key.toLowerCase()) });
  const forAll = checkBibliography({ citations: citations.map.all(), citesAll: citations.map.citesAll() || own.nociteAll, entries });
  const entryOf = (key: string, file: string): BibFileEntry | undefined => entries.find((entry) => entry.key === key && entry.file === file);
  const textOf = (file: string): string => bibs.find((bib) => bib.uri.toString() === file)?.text ?? '';
  const first = bibs[0]!;
  const findings: Finding[] = [];

  for (const missing of forNote.missing) {
    const paper = library.byKey(missing.key);
    const where = citationLabel(missing.citations[0]!);
    if (!paper) {
      findings.push({ id: `missing:${missing.key}`, kind: 'missing', label: `$(warning) ${missing.key}`, detail: `Cited at ${where}; the library has no paper with this key either` });
      continue;
    }
    findings.push({
      id: `missing:${missing.key}`, kind: 'missing', label: `$(add) Add ${missing.key}`, file: first.uri,
      detail: `Cited at ${where}; its entry goes from the library to ${vscode.workspace.asRelativePath(first.uri)}`,
      append: { key: missing.key, text: bibtexEntry(paper, services.config.settings, missing.key) },
    });
  }
  for (const unused of forAll.unused) {
    const entry = entryOf(unused.key, unused.file);
    if (!entry) continue;
    findings.push({
      id: `unused:${unused.key}`, kind: 'unused', label: `$(trash) Remove ${unused.key}`, file: vscode.Uri.parse(unused.file), line: unused.line,
      detail: `${fileLine(unused.file, unused.line)}: no note in the workspace cites it`,
      edits: [removeEntryEdit(textOf(unused.file), entry)],
    });
  }
  for (const stale of forNote.stale) {
    const entry = entryOf(stale.key, stale.file);
    if (!entry) continue;
    const fields = stale.fields.map((field) => field.field).join(', ');
    findings.push({
      id: `stale:${stale.key}`, kind: 'stale', label: `$(sync) Update ${stale.key}`, file: vscode.Uri.parse(stale.file), line: stale.line,
      detail: `${fileLine(stale.file, stale.line)}: ${fields} ${stale.fields.length === 1 ? 'differs' : 'differ'} from the library`,
      edits: staleFieldEdits(textOf(stale.file), entry, stale.fields),
    });
  }
  for (const duplicate of forNote.duplicates) {
    const places = duplicate.entries.map((entry) => fileLine(entry.file, entry.line)).join(', ');
    findings.push({
      id: `duplicate:${duplicate.keys.join(',')}`, kind: 'duplicate', label: `$(copy) ${duplicate.keys.join(' = ')}`,
      file: vscode.Uri.parse(duplicate.entries[0]!.file), line: duplicate.entries[0]!.line,
      detail: `Same ${duplicate.reason === 'library' ? 'paper in the library' : duplicate.reason} at ${places}; ticked, the first entry opens to merge by hand`,
    });
  }
  return findings;
}

function fileLine(file: string, line: number): string {
  return `${vscode.workspace.asRelativePath(vscode.Uri.parse(file))}:${line}`;
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
