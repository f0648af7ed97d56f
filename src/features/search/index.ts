// "Lit Review: Search Papers": the library at the fingertips. Enter cites the paper into the
// note being written, or shows its details when no note is in front; row buttons cite, copy
// the BibTeX entry, open the paper's page or set its reading status.
import * as vscode from 'vscode';
import { bibtexEntry } from '../shared/entries';
import type { Paper } from '../../core/paper/paper';
import { preferredLink } from '../../core/paper/links';
import { citingFor, type Citing } from '../shared/citing';
import type { FeatureActivator, Services } from '../shared/services';
import { PaperPicker } from '../shared/paperPicker';
import { isSharedPaper, paperArgument } from '../shared/sharedPapers';
import { isPaperItem, NO_PAPERS_ACTION, type PickerItem } from '../shared/pickerItems';
import { COMMANDS } from '../../vscode/ids';
import { readingOf } from '../../core/reading/display';

const CITE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Cite in the note' };
const COPY_BIBTEX_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy BibTeX' };
const OPEN_LINK_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Open the paper’s page' };
const STATUS_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('bookmark'), tooltip: 'Set reading status…' };

/** What Enter did with the chosen paper. */
export type SearchOutcome = 'inserted' | 'replaced' | 'copied' | 'details' | 'other' | 'cancelled';

/** The open search: returned by the command, so callers (and tests) can follow it. */
export interface SearchPicker {
  readonly quickPick: vscode.QuickPick<PickerItem>;
  /** Resolves once the rows for the latest query are shown. */
  settled(): Promise<void>;
  /** Resolves when the picker has closed and what Enter asked for is done. */
  readonly finished: Promise<SearchOutcome>;
}

/** Where an unknown key sits, when the search was started from its quick fix. */
interface KeyToReplace {
  uri: vscode.Uri;
  range: vscode.Range;
  key: string;
}

export const activate: FeatureActivator = (services) => {
  const citing = citingFor(services);
  services.context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.search, (query?: unknown, replace?: unknown): SearchPicker =>
      openSearch(services, citing, typeof query === 'string' ? query : '', keyToReplace(replace, query)),
    ),
  );
};

function openSearch(services: Services, citing: Citing, initialQuery: string, replace: KeyToReplace | undefined): SearchPicker {
  const enterDoes = enterAction(citing, replace);
  const picker = new PaperPicker(services.library, {
    title: 'Lit Review: Search Papers',
    placeholder: enterDoes.placeholder,
    initialQuery,
    shared: services.sharedLibrary,
    enterHint: () => enterDoes.hint,
    // A shared library's paper is not in the local reading list: it has no status to set.
    buttons: (paper) => (preferredLink(paper) ? [CITE_BUTTON, COPY_BIBTEX_BUTTON, OPEN_LINK_BUTTON, STATUS_BUTTON] : [CITE_BUTTON, COPY_BIBTEX_BUTTON, STATUS_BUTTON]).filter((button) => button !== STATUS_BUTTON || !isSharedPaper(paper)),
    reading: (paper) => readingOf(services.reading.list, paper),
  });
  const { quickPick } = picker;
  let outcome: Promise<SearchOutcome> | undefined;

  const finished = new Promise<SearchOutcome>((resolve) => {
    quickPick.onDidHide(() => resolve(outcome ?? Promise.resolve('cancelled')));
  });

  picker.onDidAcceptItem((item) => {
    if (!item || outcome) return;
    outcome = isPaperItem(item) ? enter(citing, item.paper, replace) : runAction(item.action);
    quickPick.hide();
  });

  quickPick.onDidTriggerItemButton(({ button, item }) => {
    if (!isPaperItem(item)) return;
    if (button === CITE_BUTTON) {
      if (outcome) return;
      outcome = citing.cite([item.paper]).then((result) => (result === 'nothing' ? 'other' : result));
      quickPick.hide();
    } else if (button === COPY_BIBTEX_BUTTON) {
      void vscode.env.clipboard.writeText(bibtexEntry(item.paper, services.config.settings));
      vscode.window.setStatusBarMessage(`$(copy) Copied the BibTeX entry of ${item.paper.key}`, 4000);
    } else if (button === OPEN_LINK_BUTTON) {
      const link = preferredLink(item.paper);
      if (link) void vscode.env.openExternal(vscode.Uri.parse(link.url, true));
    } else if (button === STATUS_BUTTON) {
      // The choice of status takes the search's place; the search is done once it is made.
      if (outcome) return;
      outcome = Promise.resolve(vscode.commands.executeCommand(COMMANDS.setReadingStatus, item.paper.key)).then(() => 'other' as const, () => 'other' as const);
      quickPick.hide();
    }
  });

  picker.show();
  return { quickPick, settled: () => picker.settled(), finished };
}

/** What Enter does, in the words of the placeholder and of every row: the same for the whole search. */
function enterAction(citing: Citing, replace: KeyToReplace | undefined): { hint: string; placeholder: string } {
  const search = 'Search titles, authors, abstracts, keys';
  if (replace) return { hint: `Enter: use instead of ${replace.key}`, placeholder: `${search} — Enter puts the paper’s key in place of ${replace.key}` };
  const editor = citing.noteEditor();
  if (!editor) return { hint: 'Enter: show details', placeholder: `${search} — Enter shows the paper’s details` };
  const name = editor.document.uri.path.slice(editor.document.uri.path.lastIndexOf('/') + 1);
  return { hint: `Enter: cite in ${name}`, placeholder: `${search} — Enter cites the paper in ${name}` };
}

async function enter(citing: Citing, paper: Paper, replace: KeyToReplace | undefined): Promise<SearchOutcome> {
  if (replace) {
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === replace.uri.toString());
    if (editor && (await citing.replaceKey(editor, replace.range, replace.key, paper))) return 'replaced';
  }
  const editor = citing.noteEditor();
  if (editor) return (await citing.insert(editor, [paper])) ? 'inserted' : 'other';
  await vscode.commands.executeCommand(COMMANDS.showDetails, paperArgument(paper));
  return 'details';
}

async function runAction(action: string): Promise<SearchOutcome> {
  if (action === NO_PAPERS_ACTION) await vscode.commands.executeCommand(COMMANDS.chooseFolder);
  return 'other';
}

/** The quick fix passes `{uri, range}` of the unknown key; anything else is ignored. */
function keyToReplace(value: unknown, key: unknown): KeyToReplace | undefined {
  if (typeof key !== 'string' || typeof value !== 'object' || value === null) return undefined;
  const { uri, range } = value as { uri?: unknown; range?: unknown };
  const target = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  const where = toRange(range);
  return target && where ? { uri: target, range: where, key } : undefined;
}

function toRange(value: unknown): vscode.Range | undefined {
  if (value instanceof vscode.Range) return value;
  const raw = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  const numbers = [raw?.start?.line, raw?.start?.character, raw?.end?.line, raw?.end?.character];
  if (!numbers.every((n): n is number => typeof n === 'number')) return undefined;
  return new vscode.Range(numbers[0], numbers[1], numbers[2], numbers[3]);
}
