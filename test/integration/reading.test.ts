import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import type { SimilarHit } from '../../src/core/reading/similar';
import { EXAMPLE_PAPER_COUNT, activateExtension } from './workspace';
import { until } from './waiting';

function chartTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('litReview.libraryChart'));
}

describe('the reading workflow', () => {
  let api: LitReviewApi;
  let readingFile: vscode.Uri;

  before(async () => {
    api = await activateExtension();
    await until(() => api.library().papers.length, (count) => count >= EXAMPLE_PAPER_COUNT, 'the example library');
  });

  const readText = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(readingFile));

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (readingFile) await vscode.workspace.fs.delete(readingFile).then(undefined, () => undefined);
  });

  it('marks several papers from the view selection and lists those to read', async () => {
    const [a, b, c] = api.library().papers;
    const clicked = { paper: a };
    const marked = await vscode.commands.executeCommand<string[]>('litReview.setReadingStatus', clicked, [{ paper: a }, { paper: b }], 'to-read');
    assert.deepEqual(marked, [a!.key, b!.key]);
    const tagged = await vscode.commands.executeCommand<string[]>('litReview.addTag', c!.key, undefined, 'survey');
    assert.deepEqual(tagged, [c!.key]);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const files = await vscode.workspace.findFiles('**/.lit-review/reading.tsv');
    assert.equal(files.length, 1, `one reading list in ${folder.toString()}`);
    readingFile = files[0]!;
    const text = await readText();
    assert.match(text, new RegExp(`^${a!.key.replace(/[.+]/g, '\\$&')}\tto-read\t\\d{4}-\\d\\d-\\d\\d$`, 'm'));
    assert.match(text, new RegExp(`^${c!.key.replace(/[.+]/g, '\\$&')}\t\t\tsurvey$`, 'm'));
    const next = await vscode.commands.executeCommand<string[]>('litReview.nextToRead');
    assert.deepEqual([...next].sort(), [a!.key, b!.key].sort());
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.deepEqual(await vscode.commands.executeCommand('litReview.removeTag', c!.key, undefined, 'survey'), [c!.key]);
    const after = await readText();
    assert.ok(!/\tsurvey/.test(after), after);
  });

  it('lists papers like a paper and like the text of a note, each with its shared words', async () => {
    const paper = api.library().papers.find((candidate) => candidate.title.startsWith('DeepSearch'))!;
    const hits = await vscode.commands.executeCommand<SimilarHit[]>('litReview.similarPapers', paper.key);
    assert.ok(hits.length >= 5);
    assert.ok(!hits.some((hit) => hit.key === paper.key));
    assert.ok(hits.every((hit) => hit.why.length > 0 && hit.score > 0));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const note = await vscode.commands.executeCommand<SimilarHit[]>('litReview.papersLikeThisNote', 'Monte Carlo tree search with process rewards for reasoning');
    assert.ok(note.length >= 3);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('opens the library chart and exports it as SVG', async () => {
    const data = await vscode.commands.executeCommand<{ periods: string[]; series: { topic: string }[] }>('litReview.showLibraryChart');
    assert.ok(data.periods.length > 3 && data.series.length > 1);
    await until(chartTabs, (tabs) => tabs.length === 1, 'the chart tab');
    const target = vscode.Uri.joinPath(readingFile, '..', 'chart-test.svg');
    const written = await vscode.commands.executeCommand<string>('litReview.exportLibraryChart', target);
    assert.equal(written, target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(svg, /^<svg /);
    assert.ok(svg.includes(`data-topic="`));
    await vscode.workspace.fs.delete(target);
  });
});
