// Problems found in listings, shown in the Problems panel at their file and line.
import * as vscode from 'vscode';
import type { Problem } from '../core/paper/paper';

/** Replaces what `diagnostics` shows with `problems`; a problem whose file has no URI is left out. */
export function showProblems(diagnostics: vscode.DiagnosticCollection, problems: readonly Problem[], uriOf: (file: string) => vscode.Uri | undefined): void {
  diagnostics.clear();
  const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
  for (const item of problems) {
    const uri = uriOf(item.file);
    if (!uri) continue;
    const line = Math.max(0, item.line - 1);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), item.message, item.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'Lit Review';
    const entry = byUri.get(uri.toString()) ?? { uri, list: [] };
    entry.list.push(diagnostic);
    byUri.set(uri.toString(), entry);
  }
  for (const { uri, list } of byUri.values()) diagnostics.set(uri, list);
}
