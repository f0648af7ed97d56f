// "Lit Review: Insert Citation": several papers in one citation. Enter adds the paper under
// the cursor to the selection (shown checked, and summed up in the top row) and the picker
// stays open for the next; the top row, the ✓ button, or Enter before typing anything
// inserts them all. Then one more step asks for an optional page or prefix (`p. 3`,
// `see, p. 3`) and the form (in brackets or author in text; the LaTeX command), each row
// showing the citation it writes; Enter takes the first. Escape inserts nothing. Called with
// papers (and options), it cites them at once.
import * as vscode from 'vscode';
import { formatCitation } from '../../core/notes/citationText';
import type { Paper } from '../../core/paper/paper';
import { papersFromArguments } from '../../core/paper/arguments';
import { PaperPicker } from '../shared/paperPicker';
import { isPaperItem, NO_PAPERS_ACTION, type ActionItem, type PickerItem } from '../shared/pickerItems';
import type { Services } from '../shared/services';
import { citationWith, citeOptionsOf, type Citing, type CiteOptions, type CiteOutcome } from '../shared/citing';
import { readCiteInput } from '../../core/notes/citeInput';
import type { NoteLanguage } from '../../core/notes/citations';
import { namedPapers } from '../shared/commandPapers';
import { citationStyleOf, citationTemplate, latexCommand, noteLanguageOf } from '../shared/noteLanguage';
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
  /** The step asking for a page or prefix and the form, once it is open. */
  options(): vscode.QuickPick<FormItem> | undefined;
}

/** A row of the form step: the citation as it will be written. */
export interface FormItem extends vscode.QuickPickItem {
  form: Pick<CiteOptions, 'inText' | 'command'>;
}

/** LaTeX commands offered besides the setting's, natbib's and biblatex's commonest. */
const LATEX_COMMANDS = ['\\cite', '\\citep', '\\citet', '\\parencite', '\\textcite', '\\autocite', '\\footcite'];

export function registerInsertCitation(services: Services, citing: Citing): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.insertCitation, (...args: unknown[]) => {
    if (!papersFromArguments((key) => services.library.current.byKey(key), args)) return openCitationPicker(services, citing);
    return citeNamed(services, citing, args);
  });
}

async function citeNamed(services: Services, citing: Citing, args: unknown[]): Promise<CiteOutcome> {
  return citing.cite(await namedPapers(services, args), citeOptionsOf(args[1]));
}

function openCitationPicker(services: Services, citing: Citing): CitationPicker {
  const chosen: Paper[] = [];
  const isChosen = (paper: Paper): boolean => chosen.some((other) => other.key === paper.key);
  const picker = new PaperPicker(services.library, {
    title: 'Lit Review: Insert Citation',
    placeholder: 'Type to find a paper; Enter adds it. Enter with nothing typed (or ✓) inserts the citation.',
    shared: services.sharedLibrary,
    // Only before anything is typed: with a query, Enter is for the paper found.
    header: (query) => (chosen.length && !query.trim() ? [summaryRow(services, citing, chosen)] : []),
    isChecked: isChosen,
    // Enter toggles: what it does to each paper is said on its row.
    enterHint: (paper) => (isChosen(paper) ? 'Enter: take out of the citation' : 'Enter: add to the citation'),
    // Before anything is typed, the papers chosen so far come first, checked.
    pinned: (query) => (query.trim() ? [] : chosen),
  });
  const { quickPick } = picker;
  quickPick.buttons = [DONE_BUTTON];
  let outcome: Promise<CiteOutcome | 'cancelled'> | undefined;
  let formStep: vscode.QuickPick<FormItem> | undefined;

  const finished = new Promise<CiteOutcome | 'cancelled'>((resolve) => {
    quickPick.onDidHide(() => resolve(outcome ?? 'cancelled'));
  });

  const finish = (): void => {
    if (outcome) return;
    const papers = [...chosen];
    const editor = citing.noteEditor();
    const language = editor && !citing.joinsCitation(editor) ? noteLanguageOf(editor.document) : undefined;
    if (!language) outcome = citing.cite(papers);
    else {
      formStep = createFormStep(services, language, papers.map((paper) => paper.key));
      outcome = askForm(formStep).then((options) => (options ? citing.cite(papers, options) : 'cancelled'));
    }
    quickPick.hide();
    formStep?.show();
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
  return { quickPick, settled: () => picker.settled(), chosen: () => [...chosen], finished, options: () => formStep };
}

/** The page-or-prefix step: what is typed goes into every row's citation, shown as it will be written. */
function createFormStep(services: Services, language: NoteLanguage, keys: readonly string[]): vscode.QuickPick<FormItem> {
  const step = vscode.window.createQuickPick<FormItem>();
  step.title = `Lit Review: Insert Citation of ${keys.length === 1 ? keys[0] : `${keys.length} papers`}`;
  step.placeholder = 'Optional page or prefix, e.g. "p. 3" or "see, p. 3". Enter inserts the first citation below.';
  step.ignoreFocusOut = false;
  const forms = formsOf(services, language);
  const draw = (): void => {
    const typed = readCiteInput(step.value);
    const active = step.activeItems[0]?.form;
    step.items = forms.map(({ form, label, detail }) => ({
      // Rows stay whatever is typed: the box holds the page, not a filter.
      label: `$(quote) ${citationWith(keys, language, { ...typed, ...form }, services.config.settings)}`,
      description: label,
      detail,
      alwaysShow: true,
      form,
    }));
    const again = active && step.items.find((item) => item.form.command === active.command && item.form.inText === active.inText);
    if (again) step.activeItems = [again];
  };
  step.onDidChangeValue(draw);
  draw();
  return step;
}

function formsOf(services: Services, language: NoteLanguage): { form: FormItem['form']; label: string; detail?: string }[] {
  if (language === 'markdown') {
    return [
      { form: { inText: false }, label: 'in brackets', detail: 'The reference in parentheses: (Author, 2025, p. 3)' },
      { form: { inText: true }, label: 'author in text', detail: 'The author’s name in the sentence: Author (2025, p. 3)' },
    ];
  }
  if (language === 'typst') {
    return [
      { form: {}, label: '@key', detail: 'Typst’s reference syntax' },
      { form: { command: '#cite' }, label: '#cite', detail: 'The #cite function' },
    ];
  }
  const setting = latexCommand(services.config.settings);
  const commands = [setting, ...LATEX_COMMANDS.filter((command) => command !== setting)];
  return commands.map((command) => ({ form: { command }, label: command === setting ? `${command} (latexCiteCommand setting)` : command }));
}

/** The options chosen, or undefined when the step is dismissed. */
function askForm(step: vscode.QuickPick<FormItem>): Promise<CiteOptions | undefined> {
  return new Promise((resolve) => {
    let chosen: CiteOptions | undefined;
    step.onDidAccept(() => {
      const form = step.activeItems[0]?.form ?? step.items[0]?.form ?? {};
      chosen = { ...readCiteInput(step.value), ...form };
      step.hide();
    });
    step.onDidHide(() => {
      step.dispose();
      resolve(chosen);
    });
  });
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
