import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import {
  EXAMPLE_LISTING, EXAMPLE_PAPER_COUNT, EXTENSION_ID, MORE_LISTING, MORE_PAPER_COUNT,
  activateExtension, reindex, setLibraryFolders, workspaceUri,
} from './workspace';

describe('Lit Review in the editor', () => {
  let api: LitReviewApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    // Leave the workspace as the next test expects it: default settings, no extra listings.
    await setLibraryFolders(undefined);
    await vscode.workspace.fs.delete(workspaceUri('papers/added.txt')).then(undefined, () => undefined);
    await reindex();
  });

  it('activates and exposes its library', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'the extension is active');
    assert.equal(typeof api.library, 'function');
  });

  it('indexes every paper of the listings in the library folder', () => {
    const papers = api.library().papers;
    assert.equal(papers.length, EXAMPLE_PAPER_COUNT);
    const titles = papers.map((paper) => paper.title);
    assert.ok(titles.includes('SSRL: Self-Search Reinforcement Learning'), 'a known title is indexed');
    for (const paper of papers) {
      assert.deepEqual(paper.sources.map((source) => source.file), [EXAMPLE_LISTING], `"${paper.title}" comes from the example listing, by its path in the library folder`);
    }
  });

  it('reads only the library folders, not other text files of the workspace', () => {
    const files = new Set(api.library().papers.flatMap((paper) => paper.sources.map((source) => source.file)));
    assert.ok(!files.has(MORE_LISTING), `${MORE_LISTING} sits outside papers/ and is not read`);
  });

  it('reindexes on command and reports the number of papers', async () => {
    assert.equal(await reindex(), EXAMPLE_PAPER_COUNT);
  });

  it('sees a listing added since the last index after a reindex', async () => {
    const more = await vscode.workspace.fs.readFile(workspaceUri(MORE_LISTING));
    await vscode.workspace.fs.writeFile(workspaceUri('papers/added.txt'), more);
    assert.equal(await reindex(), EXAMPLE_PAPER_COUNT + MORE_PAPER_COUNT);
    assert.ok(api.library().papers.some((paper) => paper.title === 'Tiny Policies Learn Fast'));

    await vscode.workspace.fs.delete(workspaceUri('papers/added.txt'));
    assert.equal(await reindex(), EXAMPLE_PAPER_COUNT, 'a deleted listing takes its papers with it');
  });

  it('reads nothing, and offers to choose a folder, when no configured library folder exists', async () => {
    await setLibraryFolders(['no-such-folder']);
    // Indexing a whole workspace unasked could read thousands of unrelated files.
    assert.equal(await reindex(), 0);
    assert.equal(api.library().papers.length, 0);
  });

  it('reads the workspace folder itself when the library folder is "."', async () => {
    await setLibraryFolders(['.']);
    const count = await reindex();
    const files = new Set(api.library().papers.flatMap((paper) => paper.sources.map((source) => source.file)));
    assert.equal(count, EXAMPLE_PAPER_COUNT + MORE_PAPER_COUNT, `read from ${[...files].join(', ')}`);
    assert.deepEqual([...files].sort(), [MORE_LISTING, `papers/${EXAMPLE_LISTING}`].sort());
  });

  it('reads only the configured folders that exist when some do', async () => {
    await setLibraryFolders(['no-such-folder', 'papers']);
    assert.equal(await reindex(), EXAMPLE_PAPER_COUNT);
  });

  it('reindexes by itself when the library folders setting changes', async () => {
    await setLibraryFolders(['.']);
    const deadline = Date.now() + 10_000;
    while (api.library().papers.length !== EXAMPLE_PAPER_COUNT + MORE_PAPER_COUNT && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(api.library().papers.length, EXAMPLE_PAPER_COUNT + MORE_PAPER_COUNT);
  });

  it('contributes the Papers view in its own activity bar container', async () => {
    const commands = await vscode.commands.getCommands(true);
    // The editor creates these commands only for registered views and view containers.
    assert.ok(commands.includes('litReview.papers.focus'), 'the Papers view is registered');
    assert.ok(commands.includes('workbench.view.extension.litReview'), 'the Lit Review container is registered');
    await vscode.commands.executeCommand('litReview.papers.focus');
  });
});
