import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import { EXAMPLE_PAPER_COUNT, activateExtension } from './workspace';
import { until } from './waiting';

/** Open webview tabs of the details page (the editor prefixes the view type it was given). */
function detailsTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('litReview.details'));
}

describe('the paper details page', () => {
  let api: LitReviewApi;

  before(async () => {
    api = await activateExtension();
    await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a page titled after the paper', async () => {
    const paper = api.library().papers.find((candidate) => candidate.title.startsWith('SSRL:'))!;
    assert.equal(await vscode.commands.executeCommand('litReview.showDetails', paper.key), paper.key);
    const tabs = await until(detailsTabs, (found) => found.length === 1, 'the details tab');
    assert.equal(tabs[0]!.label, paper.title);
  });

  it('reuses its one page for the next paper', async () => {
    const [first, second] = api.library().papers.filter((paper) => paper.title.length < 60);
    await vscode.commands.executeCommand('litReview.showDetails', first!.key);
    await until(detailsTabs, (found) => found.length === 1 && found[0]!.label === first!.title, 'the first paper');
    await vscode.commands.executeCommand('litReview.showDetails', { paper: second });
    const tabs = await until(detailsTabs, (found) => found[0]?.label === second!.title, 'the second paper');
    assert.equal(tabs.length, 1, 'still one details tab');
  });

  it('cuts a very long title in the tab', async () => {
    const long = api.library().papers.find((paper) => paper.title.length > 80);
    assert.ok(long, 'the example library has a long title');
    await vscode.commands.executeCommand('litReview.showDetails', long.key);
    const tabs = await until(detailsTabs, (found) => found.length === 1, 'the details tab');
    assert.ok(tabs[0]!.label.endsWith('…'));
    assert.ok(long.title.startsWith(tabs[0]!.label.slice(0, -1)));
  });

  it('says so when a key names no paper', async () => {
    assert.equal(await vscode.commands.executeCommand('litReview.showDetails', 'no-such-key-2099'), undefined);
    assert.equal(detailsTabs().length, 0);
  });
});
