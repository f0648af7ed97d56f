// The paper a command acts on: the tree item it was invoked on, a paper or a key given by
// another command, or, from the Command Palette, one the user picks.
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import { paperDescription } from '../../core/views/paperSummary';
import { paperComparator } from '../../core/views/treeModel';
import type { Services } from './services';
import { displayTitle } from '../../core/views/displayTitle';

/** Items in the picker at once: more is noise, and the list stays fast at any library size. */
const PICK_LIMIT = 100;
const SEARCH_DEBOUNCE_MS = 60;

/** A tree item (`{paper}`), a Paper, or a citation key, as the library knows it now. */
export function paperFromArgument(services: Services, argument: unknown): Paper | undefined {
  const library = services.library.current;
  if (typeof argument === 'string') return library.byKey(argument);
  if (typeof argument !== 'object' || argument === null) return undefined;
  const candidate = 'paper' in argument ? (argument as { paper: unknown }).paper : argument;
  if (typeof candidate !== 'object' || candidate === null) return undefined;
  const key = (candidate as { key?: unknown }).key;
  if (typeof key !== 'string') return undefined;
  // The library's record wins: the argument may date from before the last reindex.
  return library.byKey(key) ?? (isPaperLike(candidate) ? candidate : undefined);
}

function isPaperLike(value: object): value is Paper {
  const paper = value as Partial<Paper>;
  return typeof paper.title === 'string' && Array.isArray(paper.sources) && Array.isArray(paper.authors) && Array.isArray(paper.links);
}

/**
 * The paper of the argument; without one, the user picks a paper. Undefined when they
 * cancel, or (with a message) when the argument names no paper of the library.
 */
export async function resolvePaper(services: Services, argument: unknown, title: string): Promise<Paper | undefined> {
  if (argument === undefined || argument === null) return pickPaper(services, title);
  const paper = paperFromArgument(services, argument);
  if (!paper) void vscode.window.showWarningMessage(`Lit Review: no paper ${typeof argument === 'string' ? `with the key "${argument}"` : 'was given'}.`);
  return paper;
}

interface PaperPick extends vscode.QuickPickItem {
  paper: Paper;
}

/**
 * A quick pick over the library, searched the way Search Papers searches. Items are set on
 * every keystroke with `alwaysShow`, so the search engine's order is the order shown.
 */
export async function pickPaper(services: Services, title: string): Promise<Paper | undefined> {
  const library = await services.library.whenIndexed();
  if (!library.papers.length) {
    void vscode.window.showInformationMessage('Lit Review: there are no papers in the library yet.');
    return undefined;
  }
  const picker = vscode.window.createQuickPick<PaperPick>();
  picker.title = title;
  picker.placeholder = 'Type to search papers by title, author, key or arXiv id';
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  const toItem = (paper: Paper): PaperPick => ({ label: displayTitle(paper.title), description: paperDescription(paper), paper, alwaysShow: true });
  const initial = [...library.papers].sort(paperComparator(services.config.settings.sortOrder)).slice(0, PICK_LIMIT).map(toItem);
  picker.items = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  picker.onDidChangeValue((value) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      picker.items = value.trim()
        ? services.library.searchIndex().search(value, { limit: PICK_LIMIT }).map((hit) => toItem(hit.paper))
        : initial;
    }, SEARCH_DEBOUNCE_MS);
  });
  return new Promise<Paper | undefined>((resolve) => {
    let chosen: Paper | undefined;
    picker.onDidAccept(() => {
      chosen = picker.selectedItems[0]?.paper;
      picker.hide();
    });
    picker.onDidHide(() => {
      if (timer) clearTimeout(timer);
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
  });
}
