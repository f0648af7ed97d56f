// Check Bibliography's findings where they are: diagnostics on the entries of the .bib file
// (unused entries as information, faded; duplicates and entries that differ from the library
// as warnings), each saying what is wrong and why, with the check's own fix as a quick fix.
// They follow the file and the notes: once the check has run for a .bib, every edit of it and
// every change of what the notes cite checks it again, so a fixed entry loses its diagnostic.
import * as vscode from 'vscode';
import type { FieldDifference } from '../../core/notes/bibliographyCheck';
import type { Services } from '../shared/services';
import type { CitationIndex } from '../shared/citationIndex';
import { readText } from '../shared/bibliographySync';
import { findingsFor, type BibText, type Finding } from './bibliographyFindings';

const SOURCE = 'Lit Review';
/** What each kind of finding is called beside its message. */
const CODES: Record<Finding['kind'], string> = { unused: 'unused-entry', stale: 'differs-from-library', duplicate: 'duplicate-entry', missing: 'missing-entry' };
/** Typing in the .bib is checked again once it pauses. */
const RECHECK_DELAY_MS = 400;

/** The last check of a note's .bib files: what it read and found. */
interface Check {
  note: vscode.Uri;
  bibs: BibText[];
  findings: Finding[];
}

export class BibliographyDiagnostics implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('litReview.bibliography');
  /** By .bib file: the check that last covered it. */
  private readonly checks = new Map<string, Check>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private timer?: ReturnType<typeof setTimeout>;
  private readonly due = new Set<Check>();

  constructor(private readonly services: Services, private readonly citations: CitationIndex) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        const check = this.checks.get(event.document.uri.toString());
        if (check && event.contentChanges.length) this.schedule([check]);
      }),
      citations.onDidChange(() => this.schedule(new Set(this.checks.values()))),
    );
  }

  /** Shows a check's findings on the .bib files it read, replacing what an earlier check showed there. */
  show(note: vscode.Uri, bibs: readonly BibText[], findings: readonly Finding[]): void {
    const check: Check = { note, bibs: [...bibs], findings: [...findings] };
    for (const bib of bibs) {
      this.checks.set(bib.uri.toString(), check);
      this.collection.set(bib.uri, diagnosticsOf(bib, findings));
    }
  }

  /** The findings shown on a .bib file, as last checked. */
  findingsOf(file: vscode.Uri): readonly Finding[] {
    return this.checks.get(file.toString())?.findings ?? [];
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const check = this.checks.get(document.uri.toString());
    const read = check?.bibs.find((bib) => bib.uri.toString() === document.uri.toString());
    // The fixes are offsets in the text as checked: an edit since then waits for the next check.
    if (!check || read?.text !== document.getText()) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const line = diagnostic.range.start.line + 1;
      const finding = check.findings.find((candidate) => CODES[candidate.kind] === diagnostic.code && candidate.line === line && candidate.edits?.length && candidate.file?.toString() === document.uri.toString());
      if (!finding?.edits) continue;
      const action = new vscode.CodeAction(finding.kind === 'unused' ? `Remove the unused entry ${finding.key}` : `Update ${finding.key} from the library`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.edit = new vscode.WorkspaceEdit();
      for (const change of finding.edits) action.edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
      actions.push(action);
    }
    return actions;
  }

  private schedule(checks: Iterable<Check>): void {
    for (const check of checks) this.due.add(check);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const due = [...this.due];
      this.due.clear();
      for (const check of due) void this.recheck(check);
    }, RECHECK_DELAY_MS);
  }

  private async recheck(check: Check): Promise<void> {
    const note = await Promise.resolve(vscode.workspace.openTextDocument(check.note)).catch(() => undefined);
    const bibs: BibText[] = [];
    for (const bib of check.bibs) bibs.push({ uri: bib.uri, text: (await readText(bib.uri)) ?? '' });
    // A newer check of these files took this one's place meanwhile.
    if (check.bibs.some((bib) => this.checks.get(bib.uri.toString()) !== check)) return;
    if (!note) {
      for (const bib of check.bibs) this.forget(bib.uri);
      return;
    }
    await this.citations.ready();
    this.show(check.note, bibs, findingsFor(this.services, this.citations, note, bibs));
  }

  private forget(file: vscode.Uri): void {
    this.checks.delete(file.toString());
    this.collection.delete(file);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** The diagnostics of one .bib file: one per entry a finding is about. */
function diagnosticsOf(bib: BibText, findings: readonly Finding[]): vscode.Diagnostic[] {
  const lines = bib.text.split(/\r\n|\r|\n/);
  const at = (line: number, key: string): vscode.Range => {
    const text = lines[line - 1] ?? '';
    const column = text.indexOf(key);
    if (column >= 0) return new vscode.Range(line - 1, column, line - 1, column + key.length);
    return new vscode.Range(line - 1, text.length - text.trimStart().length, line - 1, text.length);
  };
  const mine = (file: vscode.Uri | undefined): boolean => file?.toString() === bib.uri.toString();
  const diagnostics: vscode.Diagnostic[] = [];
  const add = (finding: Finding, line: number, key: string, message: string, severity: vscode.DiagnosticSeverity): void => {
    const diagnostic = new vscode.Diagnostic(at(line, key), message, severity);
    diagnostic.source = SOURCE;
    diagnostic.code = CODES[finding.kind];
    if (finding.kind === 'unused') diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
    diagnostics.push(diagnostic);
  };
  for (const finding of findings) {
    if (finding.kind === 'unused' && finding.line && mine(finding.file)) {
      add(finding, finding.line, finding.key, `${finding.key} is cited by no note in the workspace: the bibliography lists a paper the text never refers to.`, vscode.DiagnosticSeverity.Information);
    } else if (finding.kind === 'stale' && finding.line && mine(finding.file)) {
      add(finding, finding.line, finding.key, `${finding.key} differs from the library: ${differences(finding.fields ?? [])}.`, vscode.DiagnosticSeverity.Warning);
    } else if (finding.kind === 'duplicate') {
      for (const place of finding.places ?? []) {
        if (!mine(place.file)) continue;
        const others = (finding.places ?? []).filter((other) => other !== place).map((other) => `${other.key} on line ${other.line}${mine(other.file) ? '' : ` of ${vscode.workspace.asRelativePath(other.file)}`}`);
        add(finding, place.line, place.key, duplicateMessage(place.key, others, finding.reason), vscode.DiagnosticSeverity.Warning);
      }
    }
  }
  return diagnostics;
}

function duplicateMessage(key: string, others: readonly string[], reason: Finding['reason']): string {
  if (reason === 'same key') return `${key} is defined again at ${others.join(', ')}: BibTeX keeps the first entry and reports the others as errors.`;
  const why = reason === 'library' ? 'the library knows them as one paper' : reason === 'title' ? 'same title and year' : `same ${reason}`;
  return `${key} is the same paper as ${others.join(', ')} (${why}): cited under both keys, it appears twice in the references.`;
}

/** `title "SSRL" here, "SSRL: Self-Search…" in the library; doi missing`. */
function differences(fields: readonly FieldDifference[]): string {
  // As a reader sees the value: BibTeX's protecting braces left out.
  const short = (value: string): string => {
    const plain = value.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
    return plain.length > 60 ? `${plain.slice(0, 59)}…` : plain;
  };
  return fields.map((field) => (field.bib === undefined ? `${field.field} missing (the library has "${short(field.library)}")` : `${field.field} "${short(field.bib)}" here, "${short(field.library)}" in the library`)).join('; ');
}
