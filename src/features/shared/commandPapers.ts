// The papers a command acts on: those its arguments name (a key, keys, a Paper, a Papers
// view element or its selection), else the one the person picks in the shared paper picker.
import * as vscode from 'vscode';
import type { Library } from '../../core/indexing/library';
import type { Paper } from '../../core/paper/paper';
import { paperCarriedBy, papersFromArguments } from '../../core/paper/arguments';
import { pickOnePaper } from './paperPicker';
import type { Services } from './services';
import { isSharedPaper, localPaperOf, sharedPaperBeside } from './sharedPapers';

/** The papers the arguments name, else the one the person picks. */
export async function papersToUse(services: Services, args: readonly unknown[], title: string, placeholder: string): Promise<Paper[]> {
  if (papersFromArguments((key) => services.library.current.byKey(key), args)) return namedPapers(services, args);
  const picked = await pickOnePaper(services.library, title, placeholder);
  return picked ? [picked] : [];
}

/** The one paper a view or palette command acts on: its argument's, else the one the person picks. */
export async function paperToUse(services: Services, argument: unknown, title: string): Promise<Paper | undefined> {
  const [paper] = await papersToUse(services, argument === undefined || argument === null ? [] : [argument], `Lit Review: ${title}`, 'Type to search papers by title, author, key or arXiv id');
  return paper;
}

/** The papers the arguments name, once the library is indexed; unknown keys are reported. */
export async function namedPapers(services: Services, args: readonly unknown[]): Promise<Paper[]> {
  const library = await services.library.whenIndexed().catch(() => services.library.current);
  const named = papersFromArguments((key) => library.byKey(key), args.map((arg) => usableBeside(library, arg)));
  if (named?.unknown.length) void vscode.window.showWarningMessage(`Lit Review has no paper with the key ${named.unknown.map((key) => `"${key}"`).join(', ')}.`);
  return named?.papers ?? [];
}

/**
 * An argument as the local library can act on it. A paper handed over whole that is not the
 * library's own (a Shared Library view element carries the server's) is the local paper
 * that is the same work, else the shared one keyed beside the local papers, as the view
 * shows it: its server key may name another local paper.
 */
function usableBeside(library: Library, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => usableBeside(library, item));
  const carried = paperCarriedBy(value);
  if (!carried || library.byKey(carried.key) === carried) return value;
  // (Already keyed beside the local papers: the search rows and the details page hand those over.)
  const keyedBeside: boolean = isSharedPaper(carried);
  if (keyedBeside) return value;
  return localPaperOf(library, carried) ?? sharedPaperBeside(library, carried);
}
