// The papers a command acts on: those its arguments name (a key, keys, a Paper, a Papers
// view element or selection), else the one the person picks.
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper/paper';
import { papersFromArguments } from '../../core/paper/arguments';
import { pickOnePaper } from './paperPicker';
import type { Services } from './services';

/** The papers the arguments name, else the one the person picks. */
export async function papersToUse(services: Services, args: readonly unknown[], title: string, placeholder: string): Promise<Paper[]> {
  if (papersFromArguments(services.library.current, args)) return namedPapers(services, args);
  const picked = await pickOnePaper(services.library, title, placeholder);
  return picked ? [picked] : [];
}

/** The papers the arguments name, once the library is indexed; unknown keys are reported. */
export async function namedPapers(services: Services, args: readonly unknown[]): Promise<Paper[]> {
  const library = await services.library.whenIndexed().catch(() => services.library.current);
  const named = papersFromArguments(library, args);
  if (named?.unknown.length) void vscode.window.showWarningMessage(`Lit Review has no paper with the key ${named.unknown.map((key) => `"${key}"`).join(', ')}.`);
  return named?.papers ?? [];
}
