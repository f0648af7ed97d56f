import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SearchIndex } from '../../src/core/search';
import type { LitReviewApi } from '../../src/extension';
import type { PickerItem } from '../../src/features/shared/pickerItems';
import type { SearchPicker } from '../../src/features/search';
import { EXAMPLE_PAPER_COUNT, activateExtension, workspaceUri, closeAllEditors } from './workspace';
import { until, within } from './waiting';

async function openSearch(query?: string): Promise<SearchPicker> {
  const picker = await vscode.commands.executeCommand<SearchPicker>('litReview.search', query);
  assert.ok(picker?.quickPick, 'the command returns the open search');
  await within(picker.settled(), 'the rows');
  return picker;
}

/** Waits until the editor has told the picker which row has the focus. */
async function activeKey(picker: SearchPicker): Promise<string | undefined> {
  const active = await until(() => picker.quickPick.activeItems, (items) => items.length > 0, 'a focused row');
  return keysOf(active)[0];
}

function keysOf(items: readonly PickerItem[]): string[] {
  return items.map((item) => ('paper' in item ? item.paper.key : `(${item.label})`));
}

describe('the search quick pick', function () {
  // Each test drives the real workbench, which is slow on a busy machine.
  this.timeout(180_000);
  let api: LitReviewApi;
  let engine: SearchIndex;

  before(async () => {
    api = await activateExtension();
    await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library');
    engine = new SearchIndex(api.library().papers);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('references.bib')).then(undefined, () => undefined);
  });

  it('shows the engine’s hits in the engine’s order, for several queries', async () => {
    for (const query of ['search agent', 'ssrl', 'deep research', 'tree search', 'multimodal', 'grpo']) {
      const picker = await openSearch(query);
      const expected = engine.search(query, { limit: 100 }).map((hit) => hit.paper.key);
      assert.ok(expected.length > 0, `"${query}" finds papers`);
      assert.deepEqual(keysOf(picker.quickPick.items), expected, `rows for "${query}"`);
      assert.equal(await activeKey(picker), expected[0], `Enter goes to the best hit for "${query}"`);
      assert.equal(picker.quickPick.value, query);
      // The editor would otherwise move rows whose title matches the query to the top.
      assert.equal((picker.quickPick as unknown as { sortByLabel?: boolean }).sortByLabel, false);
      assert.equal(picker.quickPick.matchOnDescription, false);
      assert.equal(picker.quickPick.matchOnDetail, false);
      picker.quickPick.hide();
      assert.equal(await within(picker.finished, 'the picker to close'), 'cancelled');
    }
  });

  it('shows each paper with its title, year, organisation or authors, upvotes and an abstract snippet', async () => {
    const picker = await openSearch('ssrl');
    const row = picker.quickPick.items[0]!;
    assert.ok('paper' in row);
    const paper = row.paper;
    assert.equal(row.label, paper.title);
    // No note is in front: the row says Enter shows the details.
    const facts = `2025 · ${paper.authorCount} authors · ▲${paper.upvotes} · Enter: show details — `;
    const detail = row.detail ?? '';
    assert.ok(detail.startsWith(facts), detail);
    const abstract = detail.slice(facts.length);
    assert.ok(abstract.length <= 161 && abstract.endsWith('…') && paper.abstract?.startsWith(abstract.slice(0, -1)), 'the abstract’s beginning');
    assert.equal(row.alwaysShow, true);
    assert.equal(paper.links.length, 0);
    assert.deepEqual(row.buttons?.map((button) => button.tooltip), ['Cite in the note', 'Copy BibTeX', 'Set reading status…'], 'no link, no button to open it');
    picker.quickPick.value = 'MARS2 multi-agent tree search';
    await within(picker.settled(), 'the rows');
    const linked = picker.quickPick.items[0]!;
    assert.ok('paper' in linked && linked.paper.key === 'mars2026' && linked.paper.links.length > 0);
    assert.deepEqual(linked.buttons?.map((button) => button.tooltip), ['Cite in the note', 'Copy BibTeX', 'Open the paper’s page', 'Set reading status…']);
  });

  it('shows the newest papers before anything is typed', async () => {
    const picker = await openSearch();
    const dates = picker.quickPick.items.map((item) => ('paper' in item ? item.paper.date ?? '' : 'not a paper'));
    assert.equal(dates.length, EXAMPLE_PAPER_COUNT);
    const dated = dates.filter(Boolean);
    assert.deepEqual(dated, [...dated].sort().reverse());
  });

  it('shows only the last query’s rows when typing fast', async () => {
    const picker = await openSearch();
    for (const value of ['d', 'de', 'dee', 'deep', 'deep r', 'deep research']) picker.quickPick.value = value;
    // The editor echoes each value back; wait until the echoes have all arrived and been searched.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await within(picker.settled(), 'the rows');
    assert.equal(picker.quickPick.value, 'deep research');
    assert.deepEqual(keysOf(picker.quickPick.items), engine.search('deep research', { limit: 100 }).map((hit) => hit.paper.key));
  });

  it('cites the chosen paper on Enter when a Markdown note is in front', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Self-search works ' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 18, 0, 18);
    const picker = await openSearch('self-search reinforcement');
    assert.equal(await activeKey(picker), 'ssrl2025');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await within(picker.finished, 'the picker to close'), 'inserted');
    assert.equal(document.getText(), 'Self-search works [@ssrl2025]');
  });

  it('cites the best hit for what was typed when Enter comes before its row does', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    const picker = await openSearch();
    picker.quickPick.value = 'zerosearch';
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await within(picker.finished, 'the picker to close'), 'inserted');
    assert.equal(document.getText(), '[@zerosearch2025]');
  });

  it('shows the details of the chosen paper on Enter when no note is in front', async () => {
    const picker = await openSearch('zerosearch');
    assert.equal(await activeKey(picker), 'zerosearch2025');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await within(picker.finished, 'the picker to close'), 'details');
    const tabs = await until(
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview),
      (found) => found.length > 0,
      'the details page',
    );
    assert.match(tabs[0]!.label, /ZeroSearch/);
  });
});
