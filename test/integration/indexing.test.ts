import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ConfigService } from '../../src/vscode/config';
import { decodeCache } from '../../src/core/persist/cache';
import type { LitReviewApi } from '../../src/extension';
import { IndexingService } from '../../src/features/library/libraryService';
import { until } from './waiting';
import { EXAMPLE_LISTING, EXAMPLE_PAPER_COUNT, EXTENSION_ID, activateExtension, reindex, workspaceUri } from './workspace';

/** A one-paper Daily Papers listing with a title of its own. */
function listing(title: string): Uint8Array {
  const abstract = `We study ${title.toLowerCase()} with reinforcement learning and report what we find across several benchmarks.`;
  return new TextEncoder().encode(`${title}\n\n${abstract}\n\n  • 2 authors\n·\nMar 5, 2024 1\n`);
}

describe('keeping the library fresh', function () {
  this.timeout(180_000);
  let api: LitReviewApi;
  const titles = () => api.library().papers.map((paper) => paper.title);

  before(async () => {
    api = await activateExtension();
  });

  after(async () => {
    for (const name of ['papers/fresh.txt', 'papers/renamed.txt', 'papers/broken.bib', 'papers/burst']) {
      await vscode.workspace.fs.delete(workspaceUri(name), { recursive: true }).then(undefined, () => undefined);
    }
    await reindex();
  });

  it('sees a listing created, changed, renamed and deleted, without a reindex', async () => {
    const fresh = workspaceUri('papers/fresh.txt');
    await vscode.workspace.fs.writeFile(fresh, listing('Watching Folders: A First Title'));
    await until(() => titles().includes('Watching Folders: A First Title'), Boolean, 'the created listing', 20_000);

    await vscode.workspace.fs.writeFile(fresh, listing('Watching Folders: A Changed Title'));
    await until(() => titles().includes('Watching Folders: A Changed Title') && !titles().includes('Watching Folders: A First Title'), Boolean, 'the changed title', 20_000);

    const renamed = workspaceUri('papers/renamed.txt');
    await vscode.workspace.fs.rename(fresh, renamed);
    await until(() => api.library().papers.some((paper) => paper.sources.some((source) => source.file === 'renamed.txt')), Boolean, 'the renamed listing', 20_000);
    assert.equal(api.library().papers.filter((paper) => paper.title === 'Watching Folders: A Changed Title').length, 1, 'a rename leaves one paper, not two');

    await vscode.workspace.fs.delete(renamed);
    await until(() => !titles().includes('Watching Folders: A Changed Title'), Boolean, 'the deleted listing to go', 20_000);
    assert.equal(api.library().papers.length, EXAMPLE_PAPER_COUNT);
  });

  it('shows a malformed listing in the Problems panel at its line', async () => {
    const broken = workspaceUri('papers/broken.bib');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('@article{good2024,\n  title = {A Good Entry},\n  year = 2024\n}\n\n@article{bad2024,\n  title = {Never closed\n'));
    await until(() => vscode.languages.getDiagnostics(broken).length > 0, Boolean, 'a diagnostic on the broken listing', 20_000);
    const [diagnostic] = vscode.languages.getDiagnostics(broken);
    assert.equal(diagnostic!.range.start.line, 5, 'the problem is at the broken entry (line 6)');
    assert.ok(titles().includes('A Good Entry'), 'the good entry of the same file is indexed');
    await vscode.workspace.fs.delete(broken);
    await until(() => vscode.languages.getDiagnostics(broken).length === 0, Boolean, 'the diagnostic to clear', 20_000);
  });

  it('caches each listing with its modification time and size for a warm start, and rewrites a damaged cache', async () => {
    const cache = api.cacheUri();
    assert.ok(cache, 'the workspace has storage for the cache');
    const readCache = async () => {
      const bytes = await vscode.workspace.fs.readFile(cache).then((b) => b, () => undefined);
      return bytes && decodeCache(bytes);
    };
    await reindex();
    let entries: Awaited<ReturnType<typeof readCache>>;
    const deadline = Date.now() + 10_000;
    while (!(entries = await readCache()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const example = entries?.find((entry) => entry.file === EXAMPLE_LISTING);
    assert.ok(example, 'the example listing is cached');
    const stat = await vscode.workspace.fs.stat(workspaceUri(`papers/${EXAMPLE_LISTING}`));
    assert.equal(example.mtimeMs, stat.mtime);
    assert.equal(example.size, stat.size);
    assert.equal(example.result.papers.length, EXAMPLE_PAPER_COUNT);

    await vscode.workspace.fs.writeFile(cache, new TextEncoder().encode('{"version": 1, "entries": [ broken'));
    assert.equal(await reindex(), EXAMPLE_PAPER_COUNT, 'a damaged cache costs nothing');
    const again = Date.now() + 10_000;
    while (!(await readCache()) && Date.now() < again) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(await readCache(), 'the cache is written anew');
  });

  it('saves the search index, loads it for unchanged listings instead of building it, and builds afresh after a change', async () => {
    const saved = api.searchIndexUri();
    assert.ok(saved, 'the workspace has storage for the index');
    const savedAt = async () => vscode.workspace.fs.stat(saved).then((stat) => stat.mtime, () => 0);
    const origin = (what: string) => until(() => api.searchIndexOrigin(), (value) => value !== undefined, what, 20_000);

    await reindex();
    await origin('a search index of the example');
    await until(savedAt, (mtime) => mtime > 0, 'the saved index', 20_000);
    await reindex();
    assert.equal(await origin('the index of the same listings'), 'loaded', 'unchanged listings load the saved index');
    assert.equal(api.search('zerosearch')[0]?.title.startsWith('ZeroSearch'), true, 'the loaded index finds ZeroSearch first');

    const fresh = workspaceUri('papers/fresh.txt');
    const before = await savedAt();
    await vscode.workspace.fs.writeFile(fresh, listing('Saved Indexes: A Paper Added Later'));
    await until(() => titles().includes('Saved Indexes: A Paper Added Later'), Boolean, 'the added listing', 20_000);
    assert.equal(await origin('the index of the changed library'), 'built', 'a changed library builds its index');
    assert.equal(api.search('saved indexes added later')[0]?.title, 'Saved Indexes: A Paper Added Later');
    await until(savedAt, (mtime) => mtime > before, 'the index saved again', 20_000);

    await vscode.workspace.fs.writeFile(saved, new TextEncoder().encode('LITREVS\n damaged'));
    await reindex();
    assert.equal(await origin('an index despite the damaged file'), 'built', 'a damaged saved index is built afresh');
    assert.equal(api.search('saved indexes added later')[0]?.title, 'Saved Indexes: A Paper Added Later');
    await until(async () => (await vscode.workspace.fs.readFile(saved)).length, (length) => length > 100, 'the index saved anew', 20_000);
    await reindex();
    assert.equal(await origin('the index after the rewrite'), 'loaded');

    await vscode.workspace.fs.delete(fresh);
    await until(() => !titles().includes('Saved Indexes: A Paper Added Later'), Boolean, 'the added listing to go', 20_000);
  });

  it('saves the topics, shows them again for unchanged listings and settings, and finds them afresh after a change', async () => {
    // Damaged saved topics are read only at a start; the unit tests read them as nothing saved.
    const cache = api.cacheUri();
    assert.ok(cache, 'the workspace has storage');
    const saved = vscode.Uri.joinPath(cache, '..', 'topics.json');
    const savedText = async () => vscode.workspace.fs.readFile(saved).then((bytes) => new TextDecoder().decode(bytes), () => '');
    const topicNames = () => api.tree.getChildren().map((node) => (node.kind === 'group' ? node.label : ''));
    const settings = vscode.workspace.getConfiguration('litReview');

    await reindex();
    const names = topicNames();
    assert.ok(names.length >= 5, `topics: ${names.join(', ')}`);
    assert.ok(api.topicsOrigin());
    await until(savedText, (text) => names.every((name) => text.includes(JSON.stringify(name))), 'the saved topics', 20_000);

    await reindex();
    assert.deepEqual(topicNames(), names, 'the same topics');
    assert.equal(api.topicsOrigin(), 'loaded', 'unchanged listings and settings load the saved topics');

    try {
      await settings.update('topicRules', [{ name: 'Robots', match: ['robot'] }], vscode.ConfigurationTarget.Workspace);
      await until(topicNames, (now) => now.includes('Robots'), 'the rule topic', 20_000);
      assert.equal(api.topicsOrigin(), 'computed', 'a new rule finds the topics afresh');
      await until(savedText, (text) => text.includes('"Robots"'), 'the topics saved with the rule', 20_000);
    } finally {
      await settings.update('topicRules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until(topicNames, (now) => !now.includes('Robots'), 'the rule topic to go', 20_000);
  });

  it('starts warm from what the last session saved: papers, topics, search index and problems, all kept when no listing changed', async () => {
    const cache = api.cacheUri();
    assert.ok(cache, 'the workspace has storage');
    // A listing with a problem: after the restart the Problems panel must still show it.
    const broken = workspaceUri('papers/warm-broken.bib');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('@article{warm2024, title = {Warm Start Problems}, year = 2024}\n@article{open2024,\n  title = {Never closed\n'));
    await until(() => titles().includes('Warm Start Problems'), Boolean, 'the listing with a problem', 20_000);
    // What this session saved is for the library as it is now once its own reindex loads it.
    const reindexed = async () => {
      await reindex();
      return until(() => api.searchIndexOrigin(), Boolean, 'the search index', 20_000);
    };
    await until(reindexed, (origin) => origin === 'loaded', 'the saved index of the library as it is', 60_000);
    const regrouped = async () => {
      await reindex();
      api.tree.getChildren();
      return api.topicsOrigin();
    };
    await until(regrouped, (origin) => origin === 'loaded', 'the saved topics of the library as it is', 60_000);
    await until(async () => (await vscode.workspace.fs.readFile(cache).then(decodeCache, () => undefined))?.length, Boolean, 'the saved cache', 20_000);
    // The library as shown is saved too, keys and all: the next start restores it whole.
    const snapshot = vscode.Uri.joinPath(cache, '..', 'library-snapshot.bin');
    const savedKeys = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(snapshot).then((b) => b, () => new Uint8Array()));
    await until(savedKeys, (text) => text.includes('"warm2024"'), 'the saved library', 20_000);
    const names = api.tree.getChildren().map((node) => (node.kind === 'group' ? node.label : ''));

    // A second start with the same storage, as when the window opens again.
    const lines: string[] = [];
    const output = { appendLine: (line: string) => lines.push(line) } as unknown as vscode.OutputChannel;
    const context = { storageUri: vscode.Uri.joinPath(cache, '..'), extension: { packageJSON: vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON } } as unknown as vscode.ExtensionContext;
    const config = new ConfigService(output);
    const diagnostics = vscode.languages.createDiagnosticCollection('litReview.warmStartTest');
    const service = new IndexingService(context, config, output, diagnostics);
    try {
      const shown: number[] = [];
      service.onDidChange((library) => shown.push(library.papers.length));
      const library = await service.start();
      assert.deepEqual(shown, [EXAMPLE_PAPER_COUNT + 1], 'the saved papers show once, and the check changes nothing');
      assert.ok(lines.some((line) => line.startsWith(`Showed ${EXAMPLE_PAPER_COUNT + 1} papers as last indexed`)), lines.join('\n'));
      assert.deepEqual(diagnostics.get(broken)?.map((diagnostic) => diagnostic.range.start.line), [1], 'the problem shows at its file and line after a warm start');
      assert.ok(lines.some((line) => /^Checked \d+ listings in \d+ ms: all as last indexed\.$/.test(line)), lines.join('\n'));
      assert.equal(library.byKey('warm2024')?.title, 'Warm Start Problems', 'a restored library resolves its keys');
      assert.equal(service.current, library);
      const warmTopics = service.topics().map((topic) => topic.name);
      assert.ok(names.every((name) => warmTopics.includes(name)), `the topics the tree showed: ${warmTopics.join(', ')}`);
      assert.equal(service.topicsOrigin(), 'loaded');
      await until(() => service.searchIndexOrigin(), Boolean, 'the warm start\'s search index', 20_000);
      assert.equal(service.searchIndexOrigin(), 'loaded');
      assert.equal(service.searchIndex().search('zerosearch')[0]?.paper.title.startsWith('ZeroSearch'), true);
      assert.ok(!lines.some((line) => line.startsWith('Built the search index') || line.startsWith('Found ')), lines.join('\n'));

      // A change after a restored start merges again, from the parse results it was merged from.
      const added = workspaceUri('papers/after-warm.txt');
      await vscode.workspace.fs.writeFile(added, listing('Changed After A Warm Start'));
      try {
        await until(() => service.current.papers.map((paper) => paper.title), (now) => now.includes('Changed After A Warm Start'), 'the listing added after the warm start', 20_000);
        assert.equal(service.current.papers.length, EXAMPLE_PAPER_COUNT + 2, 'every other paper is still there');
        assert.equal(service.current.byKey('warm2024')?.title, 'Warm Start Problems');
      } finally {
        await vscode.workspace.fs.delete(added).then(undefined, () => undefined);
      }
    } finally {
      service.dispose();
      config.dispose();
      diagnostics.dispose();
      await vscode.workspace.fs.delete(broken).then(undefined, () => undefined);
      await until(() => titles().includes('Warm Start Problems'), (present) => !present, 'the listing with a problem to go', 20_000);
    }
  });

  it('never reports an empty library before the first scan has read the listings, and says how far it is', async () => {
    const lines: string[] = [];
    const output = { appendLine: (line: string) => lines.push(line) } as unknown as vscode.OutputChannel;
    const context = { storageUri: undefined, extension: { packageJSON: vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON } } as unknown as vscode.ExtensionContext;
    const config = new ConfigService(output);
    const diagnostics = vscode.languages.createDiagnosticCollection('litReview.firstScanTest');
    const service = new IndexingService(context, config, output, diagnostics);
    try {
      // A feature asks before the service has started, as the status bar and the tree do.
      const early = service.whenIndexed();
      const progress: [number, number][] = [];
      service.onDidProgress((step) => progress.push([step.done, step.total]));
      const changes: number[] = [];
      service.onDidChange((library) => changes.push(library.papers.length));
      void service.start();
      assert.equal((await early).papers.length, EXAMPLE_PAPER_COUNT, 'the first answer is the indexed library, not an empty one');
      assert.ok(!changes.includes(0), `no empty library is published: ${changes.join(', ')}`);
      assert.ok(progress.length > 0 && progress.every(([done, total]) => done <= total && total > 0), JSON.stringify(progress));
      assert.equal(progress.at(-1)?.[0], progress.at(-1)?.[1], 'the last step is the last listing');
      assert.equal(service.progress, undefined, 'no progress once indexed');
    } finally {
      service.dispose();
      config.dispose();
      diagnostics.dispose();
    }
  });

  it('reads every listing afresh after an upgrade: a cache another version wrote is not used', async () => {
    const cache = api.cacheUri();
    assert.ok(cache, 'the workspace has storage');
    await reindex();
    await until(async () => (await vscode.workspace.fs.readFile(cache).then(decodeCache, () => undefined))?.length, Boolean, 'the saved cache', 20_000);
    const lines: string[] = [];
    const output = { appendLine: (line: string) => lines.push(line) } as unknown as vscode.OutputChannel;
    const packageJSON = { ...vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON, version: '99.0.0' };
    const context = { storageUri: vscode.Uri.joinPath(cache, '..'), extension: { packageJSON } } as unknown as vscode.ExtensionContext;
    const config = new ConfigService(output);
    const diagnostics = vscode.languages.createDiagnosticCollection('litReview.upgradeTest');
    const service = new IndexingService(context, config, output, diagnostics);
    try {
      const library = await service.start();
      assert.equal(library.papers.length, EXAMPLE_PAPER_COUNT);
      assert.ok(!lines.some((line) => /as last indexed/.test(line)), lines.join('\n'));
      assert.ok(lines.some((line) => line.startsWith(`Read ${EXAMPLE_LISTING}`)), `the listing is parsed again:\n${lines.join('\n')}`);
    } finally {
      service.dispose();
      config.dispose();
      diagnostics.dispose();
      await reindex();
    }
  });

  it('takes a burst of 1,000 new listings in a few updates, with no duplicates, and forgets a deleted folder', async () => {
    const updates: number[] = [];
    const listener = api.onDidChange((library) => updates.push(library.papers.length));
    try {
      const names = Array.from({ length: 1000 }, (_, i) => `papers/burst/listing-${String(i).padStart(4, '0')}.txt`);
      for (let i = 0; i < names.length; i += 100) {
        await Promise.all(names.slice(i, i + 100).map((name, j) => vscode.workspace.fs.writeFile(workspaceUri(name), listing(`Burst Paper Number ${i + j}: On Many Files`))));
      }
      await until(() => api.library().papers.length === EXAMPLE_PAPER_COUNT + 1000, Boolean, '1,060 papers', 120_000);
      const keys = api.library().papers.map((paper) => paper.key);
      assert.equal(new Set(keys).size, keys.length, 'every key is unique');
      assert.equal(new Set(titles()).size, titles().length, 'no paper twice');
      assert.ok(updates.length <= 50, `the burst was applied in ${updates.length} updates, not one per file`);
      console.log(`      1,000 new listings arrived in ${updates.length} library updates`);

      await vscode.workspace.fs.delete(workspaceUri('papers/burst'), { recursive: true });
      await until(() => api.library().papers.length === EXAMPLE_PAPER_COUNT, Boolean, 'the deleted folder to leave', 60_000);
    } finally {
      listener.dispose();
    }
  });
});
