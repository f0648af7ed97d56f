import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import type { CitationPicker } from '../../src/features/cite/insertCitation';
import type { BibliographyCheckRun } from '../../src/features/citations/checkBibliography';
import { EXAMPLE_PAPER_COUNT, activateExtension, workspaceUri, closeAllEditors, showWithCursor } from './workspace';
import { until, within } from './waiting';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const written = new Set<string>();
let fileCount = 0;

function fresh(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}-c${++fileCount}${name.slice(dot)}`;
}

async function writeText(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  written.add(relativePath);
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return uri;
}

async function openNote(relativePath: string, text: string, offset = text.length): Promise<vscode.TextEditor> {
  return showWithCursor(await vscode.workspace.openTextDocument(await writeText(relativePath, text)), offset);
}

const accept = (): Promise<unknown> => within(vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'), 'Enter');

describe('citations with locators, the citation map and the bibliography check', function () {
  this.timeout(180_000);
  let api: LitReviewApi;

  before(async () => {
    api = await activateExtension();
    await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library');
    await vscode.workspace.getConfiguration('litReview').update('syncBibliography', false, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('litReview').update('syncBibliography', undefined, vscode.ConfigurationTarget.Workspace);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await vscode.workspace.getConfiguration('litReview').update('latexCiteCommand', undefined, vscode.ConfigurationTarget.Workspace);
    for (const file of written) await vscode.workspace.fs.delete(workspaceUri(file)).then(undefined, () => undefined);
    written.clear();
  });

  it('inserts a citation with a locator and prefix in Markdown, in brackets or with the author in the text', async () => {
    const editor = await openNote(fresh('notes/locator.md'), 'As shown ');
    const picker = await vscode.commands.executeCommand<CitationPicker>('litReview.insertCitation');
    await within(picker.settled(), 'the rows');
    picker.quickPick.value = 'ssrl';
    await accept();
    await until(() => picker.chosen().length, (count) => count === 1, 'a paper chosen');
    picker.quickPick.value = '';
    await until(() => within(picker.settled(), 'the rows').then(() => picker.quickPick.activeItems[0]?.label ?? ''), (label) => label.startsWith('$(quote) Insert 1 citation'), 'the summary row active');
    await accept();
    const step = await until(() => picker.options(), (quickPick) => quickPick !== undefined && quickPick.items.length === 2, 'the page-or-prefix step');
    step!.value = 'see, p. 3';
    await until(() => step!.items[0]?.label, (label) => label === '$(quote) [see @ssrl2025, p. 3]', 'the rows showing the citation');
    assert.equal(step!.items[1]?.label, '$(quote) @ssrl2025 [p. 3]');
    await accept();
    assert.equal(await within(picker.finished, 'the citation'), 'inserted');
    assert.equal(editor.document.getText(), 'As shown [see @ssrl2025, p. 3]');

    // From a command's arguments: the author in the text.
    await vscode.commands.executeCommand('litReview.insertCitation', ['zerosearch2025'], { locator: 'pp. 4-5', inText: true });
    assert.equal(editor.document.getText(), 'As shown [see @ssrl2025, p. 3]@zerosearch2025 [pp. 4-5]');
  });

  it('inserts \\cite[p.~3]{key} in LaTeX, with the command of the setting or the one picked', async () => {
    await vscode.workspace.getConfiguration('litReview').update('latexCiteCommand', '\\parencite', vscode.ConfigurationTarget.Workspace);
    const editor = await openNote(fresh('notes/locator.tex'), 'As shown ');
    await vscode.commands.executeCommand('litReview.insertCitation', ['ssrl2025']);
    assert.equal(editor.document.getText(), 'As shown \\parencite{ssrl2025}');
    await vscode.commands.executeCommand('litReview.insertCitation', ['zerosearch2025'], { prefix: 'see', locator: 'p. 3' });
    assert.equal(editor.document.getText(), 'As shown \\parencite{ssrl2025}\\parencite[see][p.~3]{zerosearch2025}');
    // Out of the citation: a new one, whose form the step asks for.
    await editor.edit((edit) => edit.insert(editor.document.positionAt(editor.document.getText().length), ' and '));
    const end = editor.document.positionAt(editor.document.getText().length);
    editor.selection = new vscode.Selection(end, end);

    const picker = await vscode.commands.executeCommand<CitationPicker>('litReview.insertCitation');
    await within(picker.settled(), 'the rows');
    picker.quickPick.value = 'deepsearch';
    await accept();
    await until(() => picker.chosen().length, (count) => count === 1, 'a paper chosen');
    picker.quickPick.value = '';
    await until(() => within(picker.settled(), 'the rows').then(() => picker.quickPick.activeItems[0]?.label ?? ''), (label) => label.startsWith('$(quote) Insert 1 citation'), 'the summary row active');
    await accept();
    const step = await until(() => picker.options(), (quickPick) => (quickPick?.items.length ?? 0) > 2, 'the command step');
    assert.match(step!.items[0]!.label, /\\parencite\{deepsearch2025\}$/, 'the setting’s command comes first');
    step!.value = 'p. 7';
    // The rows are made again as the value changes: the \cite row is made active once they have settled.
    const citeRow = () => step!.items.find((item) => item.label.includes('\\cite[') && item.label.includes('p.~7'));
    await until(() => citeRow(), (item) => item !== undefined, 'the \\cite row');
    await until(
      async () => {
        const row = citeRow();
        if (row && step!.activeItems[0] !== row) step!.activeItems = [row];
        await new Promise((resolve) => setTimeout(resolve, 100));
        return step!.activeItems[0] === citeRow();
      },
      Boolean,
      'the \\cite row active',
    );
    await accept();
    assert.equal(await within(picker.finished, 'the citation'), 'inserted');
    assert.ok(editor.document.getText().endsWith('\\cite[p.~7]{deepsearch2025}'), editor.document.getText());
  });

  it('offers keys inside \\parencites{a}{ and in a Quarto note', async () => {
    const tex = await openNote(fresh('notes/multi.tex'), 'See \\parencites{ssrl2025}{');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', tex.document.uri, tex.selection.active, '{');
    assert.ok(list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'zerosearch2025'), 'the keys are offered in the second group');
    const qmd = await openNote(fresh('notes/quarto.qmd'), 'See [@');
    const offered = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', qmd.document.uri, qmd.selection.active, '@');
    assert.ok(offered.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'ssrl2025'), 'a .qmd note is a note');
  });

  it('lists where a paper is cited (hover, Papers view) and filters to cited papers', async () => {
    await writeText(fresh('notes/draft.md'), '# Draft\n\nFirst [@zerosearch2025, p. 2].\n\nAgain @zerosearch2025.\n');
    const editor = await openNote(fresh('notes/other.tex'), 'See \\citep{zerosearch2025}.');
    await until(() => api.tree.citedCount(api.library().byKey('zerosearch2025')!), (count) => count === 3, 'three citations in the map');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 14));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /\*\*Cited in\*\*/);
    const plain = text.replace(/\\/g, '');
    assert.match(plain, /\[notes\/draft-c\d+\.md:3\]\(file:[^)]*draft-c\d+\.md#L3\)/);
    assert.match(plain, /other-c\d+\.tex:1/);

    const node = api.tree.nodeOf('zerosearch2025')!;
    assert.match(String(api.tree.getTreeItem(node).description), /^cited 3× · /);
    const shown = await vscode.commands.executeCommand<number>('litReview.showCitedPapers');
    assert.ok(shown >= 1 && shown < EXAMPLE_PAPER_COUNT, `only cited papers (${shown})`);
    const uncited = await vscode.commands.executeCommand<number>('litReview.showUncitedPapers');
    assert.equal(uncited + shown, api.library().papers.filter((paper) => !paper.container).length);
    await vscode.commands.executeCommand('litReview.clearFilter');
    assert.equal(api.tree.citedFilter, undefined);
  });

  it('shows the references of the note in front in order of first citation, unknown keys flagged, each leading to its citation', async () => {
    const editor = await openNote(fresh('notes/refs.md'), 'One [@zerosearch2025].\n\nTwo [@nosuchpaper1999; @ssrl2025].\n\nThree [@zerosearch2025].\n');
    const view = api.references()!;
    const nodes = await until(() => view.references.map((node) => `${node.key}:${node.known}`).join(' '), (keys) => keys === 'zerosearch2025:library nosuchpaper1999:unknown ssrl2025:library', 'the references of the note');
    assert.ok(nodes);
    const item = view.getTreeItem(view.references[1]!);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'warning');
    const target = view.getTreeItem(view.references[2]!).command!;
    await vscode.commands.executeCommand(target.command, ...(target.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), editor.document.uri.toString());
    assert.deepEqual([active.selection.active.line, active.selection.active.character], [2, 24]);
  });

  it('checks the bibliography: adds a missing entry, removes an unused one when asked, in one undoable edit', async () => {
    const bibText = '% mine\n@misc{unusedentry2000,\n  title = {Never cited}\n}\n\n@misc{ssrl2025,\n  title = {SSRL}\n}\n';
    await writeText('notes/check-refs.bib', bibText);
    await openNote(fresh('notes/check.md'), '---\nbibliography: check-refs.bib\n---\n\nSee [@ssrl2025] and [@zerosearch2025].\n');
    const run = await vscode.commands.executeCommand<BibliographyCheckRun>('litReview.checkBibliography', { apply: ['missing:zerosearch2025', 'unused:unusedentry2000'] });
    const ids = run.findings.map((finding) => finding.id);
    assert.ok(ids.includes('missing:zerosearch2025'), ids.join(' '));
    assert.ok(ids.includes('unused:unusedentry2000'), ids.join(' '));
    assert.deepEqual(await run.finished, ['missing:zerosearch2025', 'unused:unusedentry2000']);
    const bib = await vscode.workspace.openTextDocument(workspaceUri('notes/check-refs.bib'));
    const text = bib.getText();
    assert.ok(text.startsWith('% mine\n@misc{ssrl2025,\n  title = {SSRL}\n}\n'), text);
    assert.match(text, /@\w+\{zerosearch2025,/);
    assert.equal(decoder.decode(await vscode.workspace.fs.readFile(workspaceUri('notes/check-refs.bib'))), bibText, 'left unsaved');
    await vscode.window.showTextDocument(bib);
    await vscode.commands.executeCommand('undo');
    assert.equal(bib.getText(), bibText, 'one undo takes both fixes back');
  });

  it('shows the check’s findings on the .bib entries, with the check’s fixes as quick fixes, and clears them once fixed', async () => {
    const bibText = [
      '@misc{unusedentry2001,',
      '  title = {Never cited}',
      '}',
      '',
      '@misc{ssrl2025,',
      '  title = {SSRL},',
      '  year = {2025}',
      '}',
      '',
      '@misc{twin2020a,',
      '  title = {Learning to Rank Papers Quickly},',
      '  year = {2020}',
      '}',
      '',
      '@misc{twin2020b,',
      '  title = {Learning to rank papers quickly},',
      '  year = {2020}',
      '}',
      '',
    ].join('\n');
    const bibUri = await writeText('notes/diag-refs.bib', bibText);
    await openNote(fresh('notes/diag.md'), '---\nbibliography: diag-refs.bib\n---\n\nSee [@ssrl2025] and [@twin2020a; @twin2020b].\n');
    const run = await vscode.commands.executeCommand<BibliographyCheckRun>('litReview.checkBibliography', { apply: [] });
    assert.ok(run.findings.some((finding) => finding.id === 'unused:unusedentry2001'), run.findings.map((finding) => finding.id).join(' '));
    const shown = vscode.languages.getDiagnostics(bibUri).filter((diagnostic) => diagnostic.source === 'Lit Review');
    const byCode = (code: string, line: number) => shown.filter((diagnostic) => diagnostic.code === code && diagnostic.range.start.line === line);

    const [unused] = byCode('unused-entry', 0);
    assert.ok(unused, shown.map((diagnostic) => `${String(diagnostic.code)}: ${diagnostic.message}`).join('\n'));
    assert.equal(unused.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(unused.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.deepEqual(unused.range, new vscode.Range(0, 6, 0, 21), 'on the key of the entry’s line');
    assert.match(unused.message, /unusedentry2001 is cited by no note/);

    const [stale] = byCode('differs-from-library', 4);
    assert.ok(stale, 'the entry that differs from the library');
    assert.equal(stale.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(stale.range.start.line, 4);
    assert.match(stale.message, /ssrl2025 differs from the library: .*title "SSRL" here, "SSRL: Self-Search Reinforcement Learning" in the library/);

    const duplicates = shown.filter((diagnostic) => diagnostic.code === 'duplicate-entry');
    assert.deepEqual(duplicates.map((diagnostic) => diagnostic.range.start.line).sort((a, b) => a - b), [9, 14], 'both entries of the one paper');
    assert.ok(duplicates.every((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning));
    assert.equal(
      duplicates.find((diagnostic) => diagnostic.range.start.line === 14)!.message,
      'twin2020b is the same paper as twin2020a on line 10 (same title and year): cited under both keys, it appears twice in the references.',
    );

    // The quick fix is the check's own: the entry goes, every other byte stays, and so does its diagnostic.
    const bib = await vscode.workspace.openTextDocument(bibUri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', bibUri, unused.range);
    const remove = actions.find((action) => action.title === 'Remove the unused entry unusedentry2001');
    assert.ok(remove?.edit, actions.map((action) => action.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    assert.equal(bib.getText(), bibText.slice(bibText.indexOf('@misc{ssrl2025')));
    await until(() => vscode.languages.getDiagnostics(bibUri).map((diagnostic) => diagnostic.message), (messages) => !messages.some((message) => message.includes('unusedentry2001')) && messages.some((message) => message.startsWith('ssrl2025 differs')), 'the fixed entry’s diagnostic to go');

    // Fixed by hand: the entry is brought to the library's title; its warning goes as well.
    const titleLine = bib.lineAt(1);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(bibUri, titleLine.range, '  title = {SSRL: Self-Search Reinforcement Learning},');
    await vscode.workspace.applyEdit(edit);
    await until(
      () => vscode.languages.getDiagnostics(bibUri).filter((diagnostic) => diagnostic.code === 'differs-from-library').map((diagnostic) => diagnostic.message).join(''),
      (message) => !message.includes('title "SSRL" here'),
      'the title difference to go',
    );
  });
});
