// Complete Metadata: the papers that lack authors or an identifier, looked up in Hugging
// Face, arXiv and Crossref; what is surely them goes to `.lit-review/resolved.bib` in the
// library folder under each paper's own key, where the normal merge joins it. The user's
// listings are never changed, and what was found is kept even when the run is cancelled or
// the network drops half-way.
import * as vscode from 'vscode';
import { needsResolving, RESOLVED_LISTING, resolvedEntry, resolvePapers, updateResolvedListing, type Found, type ResolveSummary } from '../../core/resolve';
import type { Services } from '../shared/services';
import { writeAtomically } from '../../vscode/atomicWrite';
import { mayGoOnline, serviceClients } from './network';

export interface CompleteMetadataResult {
  summary: ResolveSummary;
  /** The listing written, if anything was resolved. */
  file?: vscode.Uri;
  /** Ambiguous papers the user settled in the quick pick. */
  chosen: number;
}

export async function completeMetadata(services: Services, options: { choose?: boolean } = {}): Promise<CompleteMetadataResult | undefined> {
  if (!(mayGoOnline(services, 'Complete Metadata'))) return undefined;
  const library = await services.library.whenIndexed();
  const folder = services.library.libraryFolder();
  if (!folder) {
    void vscode.window.showWarningMessage('Lit Review: there is no library folder to keep what Complete Metadata finds in.');
    return undefined;
  }
  const wanting = library.papers.filter(needsResolving).length;
  if (!wanting) {
    void vscode.window.showInformationMessage('Lit Review: every paper already has its authors and an arXiv id or DOI.');
    return undefined;
  }

  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Lit Review: completing metadata', cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return resolvePapers(library.papers, serviceClients(services, controller.signal), {
        library: library.papers,
        onProgress: (done, total) => progress.report({ message: `${done} of ${total} papers`, increment: 100 / total }),
      });
    },
  );

  const entries = new Map<string, string>();
  for (const { key, found } of summary.resolved) addEntry(entries, library.byKey(key), found);
  let chosen = 0;
  // A person settles what the services could not: one quick pick per paper, skippable.
  if (options.choose !== false && !summary.cancelled) {
    for (const { key, title, candidates } of summary.ambiguous) {
      const picked = await chooseCandidate(title, candidates);
      if (picked === undefined) break;
      if (picked && addEntry(entries, library.byKey(key), picked)) chosen++;
    }
  }
  let file: vscode.Uri | undefined;
  if (entries.size) {
    file = vscode.Uri.joinPath(folder, RESOLVED_LISTING);
    const previous = await vscode.workspace.fs.readFile(file).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    await writeAtomically(file, updateResolvedListing(previous, entries));
  }
  report(services, summary, chosen, file);
  return { summary, file, chosen };
}

function addEntry(entries: Map<string, string>, paper: Parameters<typeof resolvedEntry>[0] | undefined, found: Found): boolean {
  if (!paper) return false;
  entries.set(paper.key, resolvedEntry(paper, found));
  return true;
}

/** The candidate the user picks; null for "none of these", undefined when they stop choosing. */
async function chooseCandidate(title: string, candidates: readonly Found[]): Promise<Found | null | undefined> {
  const none = { label: '$(close) None of these', found: null };
  const items = [
    ...candidates.map((found) => ({
      label: found.title,
      description: [found.year, found.arxivId ? `arXiv:${found.arxivId}` : found.doi ? `doi:${found.doi}` : undefined].filter(Boolean).join(' · '),
      detail: `${found.authors.slice(0, 4).join(', ')}${found.authors.length > 4 ? ', …' : ''} (${found.service})`,
      found,
    })),
    none,
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Which is "${title}"?`, placeHolder: 'Several papers could be it: choose one, or none (Escape stops choosing)', matchOnDescription: true });
  return picked === undefined ? undefined : picked.found;
}

/** A one-line summary, with the whole story (each paper and why) in the output channel. */
function report(services: Services, summary: ResolveSummary, chosen: number, file: vscode.Uri | undefined): void {
  const { output } = services;
  const resolved = summary.resolved.length + chosen;
  output.appendLine(`Complete Metadata: ${resolved} of ${summary.total} papers resolved, ${summary.ambiguous.length - chosen} ambiguous, ${summary.notFound.length} not found, ${summary.failed.length} failed${summary.cancelled ? `, ${summary.notTried.length} not tried (cancelled)` : ''}; ${summary.requests} requests in ${(summary.ms / 1000).toFixed(1)} s.`);
  for (const { key, found } of summary.resolved) output.appendLine(`  resolved  ${key}: ${found.arxivId ? `arXiv:${found.arxivId}` : `doi:${found.doi}`}, ${found.authors.length} authors (${found.service})`);
  for (const { key } of summary.notFound) output.appendLine(`  not found ${key}`);
  for (const { key, reason } of summary.failed) output.appendLine(`  failed    ${key}: ${reason}`);
  if (file) output.appendLine(`  written to ${vscode.workspace.asRelativePath(file)}`);
  const parts = [`${resolved} of ${summary.total} papers completed`];
  if (summary.ambiguous.length - chosen) parts.push(`${summary.ambiguous.length - chosen} ambiguous`);
  if (summary.notFound.length) parts.push(`${summary.notFound.length} not found`);
  if (summary.failed.length) parts.push(`${summary.failed.length} could not be looked up`);
  if (summary.cancelled) parts.push(`${summary.notTried.length} not tried`);
  const details = 'Show Details';
  void vscode.window.showInformationMessage(`Lit Review: ${parts.join(', ')}.${file ? ` Saved in ${vscode.workspace.asRelativePath(file)}.` : ''}`, details).then((choice) => {
    if (choice === details) output.show(true);
  });
}
