// "Lit Review: Insert Citation": several papers in one citation. Enter adds the paper under
// the cursor to the selection (shown checked, and summed up in the top row) and the picker
// stays open for the next; the top row, the ✓ button, or Enter before typing anything
// inserts them all. Escape inserts nothing. Called with papers, it cites them at once.
import * as vscode from 'vscode';
import { formatCitation } from '../../core/notes/citationText';
import type { Paper } from '../../core/paper/paper';
import { papersFromArguments } from '../../core/paper/arguments';
import { PaperPicker } from '../shared/paperPicker';
import { isPaperItem, NO_PAPERS_ACTION, type ActionItem, type PickerItem } from '../shared/pickerItems';
import type { Services } from '../shared/services';
import type { Citing, CiteOutcome } from '../shared/citing';
import { namedPapers } from '../shared/commandPapers';
import { citationStyleOf, citationTemplate, noteLanguageOf } from '../shared/noteLanguage';
import { COMMANDS } from '../../vscode/ids';

const INSERT_ACTION = 'insert';
const DONE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('check'), tooltip: 'Insert the chosen citations' };

/** The open picker: returned by the command, so callers (and tests) can follow it. */
export interface CitationPicker {
  readonly quickPick: vscode.QuickPick<PickerItem>;
  settled(): Promise<void>;
  /** The papers chosen so far, in the order they were chosen. */
  chosen(): readonly Paper[];
  /** Resolves when the picker has closed and the citation is in (or was cancelled). */
  readonly finished: Promise<CiteOutcome | 'cancelled'>;
}

export function registerInsertCitation(services: Services, citing: Citing): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.insertCitation, (...args: unknown[]) => {
    if (!papersFromArguments((key) => services.library.current.byKey(key), args)) return openCitationPicker(services, citing);
    return citeNamed(services, citing, args);
  });
}

async function citeNamed(services: Services, citing: Citing, args: unknown[]): Promise<CiteOutcome> {
  return citing.cite(await namedPapers(services, args));
}

function openCitationPicker(services: Services, citing: Citing): CitationPicker {
  const chosen: Paper[] = [];
  const isChosen = (paper: Paper): boolean => chosen.some((other) => other.key === paper.key);
  const picker = new PaperPicker(services.library, {
    title: 'Lit Review: Insert Citation',
    placeholder: 'Type to find a paper; Enter adds it. Enter with nothing typed (or ✓) inserts the citation.',
    // Only before anything is typed: with a query, Enter is for the paper found.
    header: (query) => (chosen.length && !query.trim() ? [summaryRow(services, citing, chosen)] : []),
    isChecked: isChosen,
    // Before anything is typed, the papers chosen so far come first, checked.
    pinned: (query) => (query.trim() ? [] : chosen),
  });
  const { quickPick } = picker;
  quickPick.buttons = [DONE_BUTTON];
  let outcome: Promise<CiteOutcome> | undefined;

  const finished = new Promise<CiteOutcome | 'cancelled'>((resolve) => {
    quickPick.onDidHide(() => resolve(outcome ?? 'cancelled'));
  });

  const finish = (): void => {
    if (outcome) return;
    outcome = citing.cite([...chosen]);
    quickPick.hide();
  };

  const title = quickPick.title;
  picker.onDidAcceptItem((item) => {
    if (isPaperItem(item)) {
      const at = chosen.findIndex((other) => other.key === item.paper.key);
      if (at >= 0) chosen.splice(at, 1);
      else chosen.push(item.paper);
      quickPick.title = chosen.length ? `${title} (${chosen.length} chosen)` : title;
      // Ready for the next paper: the query clears and the summary row comes first.
      quickPick.value = '';
      void picker.refresh();
      return;
    }
    if (item && 'action' in item && item.action === NO_PAPERS_ACTION) {
      quickPick.hide();
      void vscode.commands.executeCommand(COMMANDS.chooseFolder);
      return;
    }
    if ((item && 'action' in item && item.action === INSERT_ACTION) || (!item && chosen.length)) finish();
  });
  quickPick.onDidTriggerButton((button) => {
    if (button !== DONE_BUTTON) return;
    if (chosen.length) finish();
    else quickPick.hide();
  });

  picker.show();
  return { quickPick, settled: () => picker.settled(), chosen: () => [...chosen], finished };
}

/** "Insert 2 citations: [@a; @b]", written as the note in front will get it. */
function summaryRow(services: Services, citing: Citing, chosen: readonly Paper[]): ActionItem {
  const editor = citing.noteEditor();
  const language = editor ? noteLanguageOf(editor.document) : undefined;
  const keys = chosen.map((paper) => paper.key);
  const text = language ? formatCitation(keys, citationStyleOf(language), citationTemplate(language, services.config.settings)) : formatCitation(keys, 'pandoc');
  const count = `${chosen.length} ${chosen.length === 1 ? 'citation' : 'citations'}`;
  return {
    label: `$(quote) ${editor ? 'Insert' : 'Copy'} ${count}: ${text}`,
    description: 'Enter with nothing typed, or ✓',
    alwaysShow: true,
    action: INSERT_ACTION,
  };
}
