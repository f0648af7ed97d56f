// A real mixed library in the real editor: the third-party BibTeX, reading lists and Hugging
// Face JSON kept in test/fixtures/real, several thousand papers, opened as a library folder.
// It records how long the topic tree takes after a cold start (the listings read afresh) and
// a warm one (what the last session saved), as one machine-readable line; it never fails on
// timing, only on what the view would show.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import { IndexingService } from '../../src/features/library/libraryService';
import { ConfigService } from '../../src/vscode/config';
import { until } from './waiting';
import { EXAMPLE_PAPER_COUNT, EXTENSION_ID, activateExtension, setLibraryFolders, workspaceUri } from './workspace';

const REPORT_PREFIX = 'LIT_REVIEW_REAL_LIBRARY ';
/** The real fixtures, from the compiled suite in out/test/integration. */
const REAL = path.resolve(__dirname, '../../../test/fixtures/real');
const FOLDER = 'real-library';

describe('a real mixed library', function () {
  this.timeout(300_000);
  let api: LitReviewApi;

  before(async () => {
    api = await activateExtension();
    await vscode.workspace.fs.copy(vscode.Uri.file(REAL), workspaceUri(FOLDER), { overwrite: true });
  });

  after(async () => {
    await setLibraryFolders(undefined);
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true }).then(undefined, () => undefined);
    await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library again', 120_000);
  });

  it('shows its topic tree after a cold and a warm start, and records how long each took', async () => {
    const coldStart = performance.now();
    await setLibraryFolders([FOLDER]);
    await until(() => api.library().papers.length, (count) => count > 3000, 'the real library', 120_000);
    // Its own topics, not the example's still shown while they are found.
    const groups = await until(() => (api.tree.findingTopics ? [] : api.tree.getChildren()), (nodes) => nodes.length > 3 && nodes.every((node) => node.kind === 'group'), 'its topics', 120_000);
    const coldMs = performance.now() - coldStart;
    const papers = api.library().papers.length;
    const labels = groups.map((node) => (node.kind === 'group' ? node.label : ''));
    assert.ok(!labels.includes('All papers'), `topics, not one group: ${labels.join(', ')}`);
    await until(() => api.searchIndexOrigin(), Boolean, 'the search index', 120_000);
    await until(() => api.topicsOrigin(), Boolean, 'the topics saved', 120_000);

    // A second start on the same storage, as when the window opens again.
    const cache = api.cacheUri();
    assert.ok(cache, 'the workspace has storage');
    await until(async () => (await vscode.workspace.fs.stat(cache).then(() => true, () => false)), Boolean, 'the saved cache', 60_000);
    const output = { appendLine: () => undefined } as unknown as vscode.OutputChannel;
    const context = { storageUri: vscode.Uri.joinPath(cache, '..'), extension: { packageJSON: vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON } } as unknown as vscode.ExtensionContext;
    const config = new ConfigService(output);
    const diagnostics = vscode.languages.createDiagnosticCollection('litReview.realLibraryTest');
    const service = new IndexingService(context, config, output, diagnostics);
    try {
      const warmStart = performance.now();
      // Shown once the papers and their topics are there, without asking for topics to be found at once.
      const shown = new Promise<number>((resolve) => {
        const check = () => {
          if (service.current.papers.length && service.topicsIfFound()?.length) resolve(performance.now());
        };
        service.onDidChange(check);
        service.onDidFindTopics(check);
      });
      void service.start();
      const warmMs = (await shown) - warmStart;
      const indexedMs = (await service.whenIndexed().then(() => performance.now())) - warmStart;
      console.log(REPORT_PREFIX + JSON.stringify({ papers, topics: labels.length, coldToTopicsMs: Math.round(coldMs), warmToTopicsMs: Math.round(warmMs), warmCheckedMs: Math.round(indexedMs), warmTopics: service.topicsOrigin() ?? null }));
      assert.equal(service.current.papers.length, papers, 'the warm start shows the same papers');
    } finally {
      service.dispose();
      config.dispose();
      diagnostics.dispose();
    }
  });
});
