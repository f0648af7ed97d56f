// Complete Metadata, Add Paper and formatted references in the real editor, against a local
// server replaying real recorded answers of Hugging Face, arXiv and Crossref: the resolved
// listing is written beside the listings, keys stay, and the tree and BibTeX gain authors.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import { ReplayServer } from '../services/replayServer';
import { until } from './waiting';
import { EXAMPLE_PAPER_COUNT, activateExtension, workspaceUri } from './workspace';

const SETTINGS = ['huggingFaceUrl', 'arxivUrl', 'crossrefUrl'] as const;

describe('completing metadata from public services (replayed)', function () {
  this.timeout(180_000);
  let api: LitReviewApi;
  let server: ReplayServer;
  const settings = () => vscode.workspace.getConfiguration('litReview');

  before(async () => {
    api = await activateExtension();
    server = await ReplayServer.start();
    await settings().update('huggingFaceUrl', server.url('huggingface'), vscode.ConfigurationTarget.Workspace);
    await settings().update('arxivUrl', server.url('arxiv'), vscode.ConfigurationTarget.Workspace);
    await settings().update('crossrefUrl', server.url('crossref'), vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    for (const name of SETTINGS) await settings().update(name, undefined, vscode.ConfigurationTarget.Workspace);
    for (const name of ['papers/.lit-review', 'papers/added.bib']) await vscode.workspace.fs.delete(workspaceUri(name), { recursive: true }).then(undefined, () => undefined);
    await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library again', 60_000);
    await server.close();
  });

  it('gives the papers the services know their authors and arXiv ids, keeping every key', async () => {
    const keysBefore = api.library().papers.map((paper) => paper.key).sort();
    const zeroSearch = api.library().papers.find((paper) => paper.title.startsWith('ZeroSearch'))!;
    assert.deepEqual(zeroSearch.authors, [], 'the example listing names no authors');
    const result = await vscode.commands.executeCommand<{ summary: { resolved: { key: string }[]; total: number; requests: number; ms: number }; file?: vscode.Uri }>('litReview.completeMetadata', { choose: false });
    assert.ok(result?.file, 'a resolved listing is written');
    const resolved = result.summary.resolved.map((entry) => entry.key).sort();
    console.log(`      resolved ${resolved.length} of ${result.summary.total} papers in ${result.summary.requests} requests, ${result.summary.ms} ms: ${resolved.join(', ')}`);
    assert.ok(resolved.includes(zeroSearch.key), `ZeroSearch is resolved: ${resolved.join(', ')}`);
    assert.equal(vscode.workspace.asRelativePath(result.file), 'papers/.lit-review/resolved.bib');

    const completed = await until(() => api.library().byKey(zeroSearch.key), (paper) => (paper?.authors.length ?? 0) > 0, 'ZeroSearch with its authors', 30_000);
    assert.equal(completed!.arxivId, '2505.04588');
    assert.deepEqual(api.library().papers.map((paper) => paper.key).sort(), keysBefore, 'no key changed and no paper was added');
    const bibtex = await vscode.commands.executeCommand<string>('litReview.copyBibtex', zeroSearch.key);
    for (const field of ['author', 'eprint', 'archiveprefix', 'url']) assert.match(bibtex, new RegExp(`^\\s*${field}\\s*=`, 'im'), `${field} in\n${bibtex}`);
    const tree = api.tree.nodeOf(zeroSearch.key);
    assert.ok(tree, 'the paper is still in the tree');
    assert.match(String(api.tree.getTreeItem(tree).description), /·/, 'its row names authors now');
  });

  it('copies a formatted reference in APA, made off the editor thread', async () => {
    const paper = api.library().papers.find((candidate) => candidate.title.startsWith('ZeroSearch'))!;
    const reference = await vscode.commands.executeCommand<string>('litReview.copyFormattedReference', paper.key);
    // APA: authors as "Family, I.", then the date, the title and the preprint's arXiv number.
    assert.match(reference, /^[^()]*\p{Lu}[\p{L}'-]+, \p{Lu}\./u, `authors first: ${reference}`);
    assert.match(reference, /\(2025(, \w+ \d+)?\)\. ZeroSearch: Incentivize the Search Capability of LLMs without Searching/);
    assert.match(reference, /arXiv/);
    assert.equal(await vscode.env.clipboard.readText(), reference);
  });

  it('adds a paper by its arXiv id to added.bib, citable at once', async () => {
    const before = api.library().papers.length;
    const key = await vscode.commands.executeCommand<string>('litReview.addPaper', 'arXiv:1605.08386', workspaceUri('papers/added.bib'));
    assert.ok(key, 'a key for the new paper');
    const added = await until(() => api.library().byKey(key), Boolean, 'the added paper', 30_000);
    assert.ok(added!.authors.length > 0 && added!.arxivId === '1605.08386', JSON.stringify(added));
    assert.equal(api.library().papers.length, before + 1);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('papers/added.bib')));
    assert.match(text, new RegExp(`^@\\w+\\{${key},`, 'm'));
  });

  it('asks nothing of the network when the settings say no', async () => {
    await settings().update('allowNetwork', false, vscode.ConfigurationTarget.Workspace);
    try {
      server.reset();
      const result = await vscode.commands.executeCommand('litReview.completeMetadata', { choose: false });
      assert.equal(result, undefined);
      assert.equal(server.count(), 0, 'no request reached the services');
    } finally {
      await settings().update('allowNetwork', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
