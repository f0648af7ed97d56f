// Add Paper: a paper named by its arXiv id or link, DOI, Hugging Face paper link, or a
// pasted BibTeX entry, looked up and appended as one BibTeX entry to a listing the user
// picks (`added.bib` in the library folder by default). The listing only grows at its end,
// every byte before kept; the paper is in the tree and citable as soon as it is read.
import * as vscode from 'vscode';
import { addedEntry, alreadyInLibrary, lookUpIdentifier, parseIdentifier, pastedEntry, type AddedEntry } from '../../core/resolve';
import type { Services } from '../shared/services';
import { writeAtomically } from '../../vscode/atomicWrite';
import { COMMANDS } from '../../vscode/ids';
import { mayGoOnline, serviceClients } from './network';

const DEFAULT_LISTING = 'added.bib';

/** The key the new paper is cited by, or undefined when nothing was added. */
export async function addPaper(services: Services, given?: string, target?: vscode.Uri): Promise<string | undefined> {
  const text =
    given ??
    (await vscode.window.showInputBox({
      title: 'Lit Review: Add Paper',
      prompt: 'An arXiv id or link, a DOI, a Hugging Face paper link, or a whole BibTeX entry',
      placeHolder: '2505.04588, https://doi.org/10.1371/journal.pone.0033693, @article{…}',
      ignoreFocusOut: true,
      validateInput: (value) => (!value.trim() || parseIdentifier(value) ? undefined : 'Not an arXiv id, DOI, Hugging Face paper link or BibTeX entry.'),
    }));
  if (!text?.trim()) return undefined;
  const identifier = parseIdentifier(text);
  if (!identifier) {
    void vscode.window.showErrorMessage(`Lit Review: "${text.trim()}" is not an arXiv id, DOI, Hugging Face paper link or BibTeX entry.`);
    return undefined;
  }
  const library = await services.library.whenIndexed();
  let entry: AddedEntry;
  if (identifier.kind === 'bibtex') {
    const pasted = pastedEntry(text, library.papers);
    if ('problem' in pasted) {
      void vscode.window.showErrorMessage(`Lit Review: the entry cannot be added: ${pasted.problem}`);
      return undefined;
    }
    entry = pasted;
  } else {
    if (!(mayGoOnline(services, 'Add Paper'))) return undefined;
    const found = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Lit Review: looking up ${text.trim()}`, cancellable: true }, (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return lookUpIdentifier(identifier, serviceClients(services, controller.signal)).catch((error: unknown) => error as Error);
    });
    if (found instanceof Error) {
      void vscode.window.showErrorMessage(`Lit Review: could not look up ${text.trim()}: ${found.message}`);
      return undefined;
    }
    if (!found) {
      void vscode.window.showWarningMessage(`Lit Review: no service knows ${text.trim()}.`);
      return undefined;
    }
    const existing = alreadyInLibrary(found, library.papers);
    if (existing) {
      void vscode.window.showInformationMessage(`Lit Review: "${existing.title}" is in the library already, as ${existing.key}.`);
      await vscode.commands.executeCommand(COMMANDS.showDetails, existing.key);
      return existing.key;
    }
    entry = addedEntry(found, library.papers, services.config.settings.keyTemplate);
  }
  const file = target ?? (await chooseListing(services));
  if (!file) return undefined;
  await append(file, entry.text);
  // The watcher reads the grown listing; the paper is shown once the library has it.
  const key = await appeared(services, entry.key);
  void vscode.window.showInformationMessage(`Lit Review: added "${entry.title}" to ${vscode.workspace.asRelativePath(file)} as ${entry.key}.`);
  if (key) await vscode.commands.executeCommand(COMMANDS.showDetails, key);
  return entry.key;
}

/** The listing to add to: `added.bib` in the library folder, or another `.bib` listing of the library. */
async function chooseListing(services: Services): Promise<vscode.Uri | undefined> {
  const folder = services.library.libraryFolder();
  if (!folder) {
    void vscode.window.showWarningMessage('Lit Review: there is no library folder to add the paper to.');
    return undefined;
  }
  const fallback = vscode.Uri.joinPath(folder, DEFAULT_LISTING);
  const bibs = services.library.current.files
    .filter((file) => file.toLowerCase().endsWith('.bib') && !file.includes('.lit-review/'))
    .map((file) => services.library.uriOf(file))
    .filter((uri): uri is vscode.Uri => uri !== undefined && uri.toString() !== fallback.toString());
  if (!bibs.length) return fallback;
  const picked = await vscode.window.showQuickPick(
    [{ label: vscode.workspace.asRelativePath(fallback), description: 'default', uri: fallback }, ...bibs.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), description: '', uri }))],
    { title: 'Lit Review: Add Paper', placeHolder: 'Which listing should the paper be added to?' },
  );
  return picked?.uri;
}

/** Appends `text` after every byte the file has (a blank line between entries), atomically. */
async function append(file: vscode.Uri, text: string): Promise<void> {
  const before = await vscode.workspace.fs.readFile(file).then((bytes) => bytes, () => new Uint8Array());
  const existing = new TextDecoder().decode(before);
  const separator = !existing ? '' : existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  const added = new TextEncoder().encode(separator + text);
  const bytes = new Uint8Array(before.length + added.length);
  bytes.set(before);
  bytes.set(added, before.length);
  await writeAtomically(file, bytes);
}

/** The key once the library has read the new entry (a few seconds at most), else undefined. */
function appeared(services: Services, key: string): Promise<string | undefined> {
  if (services.library.current.byKey(key)) return Promise.resolve(key);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(undefined);
    }, 10_000);
    const listener = services.library.onDidChange((library) => {
      if (!library.byKey(key)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(key);
    });
  });
}
