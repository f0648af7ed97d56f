// The lab's shared library on a real PostgreSQL, from the extension host: a throwaway server
// with the example library and a few papers only the lab has, searched, cited, completed,
// hovered and browsed beside the local library; then the server down, back, and slow.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Paper } from '../../src/core/paper/paper';
import type { LitReviewApi } from '../../src/extension';
import type { SearchPicker } from '../../src/features/search';
import type { SharedNode } from '../../src/features/shared-library';
import type { PickerItem } from '../../src/features/shared/pickerItems';
import { publish } from '../../src/node/postgres/publish';
import { startCluster, type Cluster } from '../postgres/cluster';
import { startSlowProxy, type SlowProxy } from '../postgres/slowProxy';
import { EXAMPLE_PAPER_COUNT, EXTENSION_ID, activateExtension, workspaceUri } from './workspace';
import { until, within } from './waiting';

/** Papers only the lab's library has; one takes a key the local library gives another paper. */
const LAB_BIB = `@article{lablens2026,
  title = {LabLens: Reading Group Notes as Retrieval Signals},
  author = {Okafor, Ada and Lindqvist, Bo},
  journal = {Journal of Shared Reading},
  year = {2026},
  volume = {12},
  pages = {101--117},
  doi = {10.5555/lablens.2026},
  note = {Presented at the lab retreat},
  abstract = {Reading group notes say which retrieved passages a lab found useful; we train a retriever on them.},
}

@inproceedings{ssrl2025,
  title = {Sparse Spectral Regression Layers},
  author = {Marchetti, Carla},
  booktitle = {Proceedings of the Workshop on Sparse Models},
  year = {2025},
  eprint = {2507.01234},
  archiveprefix = {arXiv},
}

@misc{quokka2026,
  title = {Quokka: Tree Search over Lab Notebooks},
  author = {Tanaka, Emi and Reyes, Luis},
  year = {2026},
  howpublished = {Lab report},
  abstract = {Monte Carlo tree search over the steps recorded in lab notebooks finds the experiments worth repeating.},
}
`;

/** A whole subfolder of the lab's on one subject: more papers than the view fetches at once. */
const FOLDING_PAPERS = 64;

function foldingBib(): string {
  return Array.from({ length: FOLDING_PAPERS }, (_, i) => `@article{folding${i + 1},\n  title = {Protein Folding Benchmarks, Volume ${i + 1}},\n  author = {Haddad, Nour},\n  year = {${2000 + (i % 25)}},\n}\n`).join('\n');
}

/** 60 example papers, 3 of the lab's own and the folding papers. */
const SHARED_COUNT = 60 + 3 + FOLDING_PAPERS;

/** Connects the editor as a person would: the connection in the user settings, the password in the secret storage. */
async function connect(connection: string, password?: string): Promise<void> {
  await vscode.commands.executeCommand('litReview.connectSharedLibrary', { connection, password });
}

async function openSearch(query: string): Promise<SearchPicker> {
  const picker = await vscode.commands.executeCommand<SearchPicker>('litReview.search', query);
  await within(picker.settled(), 'the local rows');
  return picker;
}

function isShared(item: PickerItem): item is PickerItem & { paper: Paper } {
  return 'paper' in item && item.description === 'shared';
}

function localKeys(items: readonly PickerItem[]): string[] {
  return items.filter((item) => 'paper' in item && !isShared(item)).map((item) => (item as { paper: Paper }).paper.key);
}

async function sharedRows(picker: SearchPicker, what: string, timeoutMs = 10_000): Promise<(PickerItem & { paper: Paper })[]> {
  return until(() => picker.quickPick.items.filter(isShared), (rows) => rows.length > 0, what, timeoutMs);
}

async function closePicker(picker: SearchPicker): Promise<void> {
  picker.quickPick.hide();
  await within(picker.finished, 'the picker to close');
}

async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.tabGroups.all.some((group) => group.tabs.length); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}

describe('the shared library on PostgreSQL', function () {
  this.timeout(180_000);
  let api: LitReviewApi;
  let cluster: Cluster;
  let proxy: SlowProxy | undefined;
  let labFolder: string;
  let direct: string;
  const status = (): string => api.sharedLibrary.statusText();

  before(async function () {
    this.timeout(300_000);
    api = await activateExtension();
    await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library');
    cluster = await startCluster();
    labFolder = mkdtempSync(join(tmpdir(), 'lit-review-lab-'));
    writeFileSync(join(labFolder, 'lab.bib'), LAB_BIB);
    mkdirSync(join(labFolder, 'protein-folding'));
    writeFileSync(join(labFolder, 'protein-folding', 'benchmarks.bib'), foldingBib());
    const examples = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'examples', 'papers');
    await publish({ folders: [examples, labFolder], connectionString: cluster.url });
    // Without the password: the editor keeps that in its secret storage.
    direct = `postgres://${cluster.user}@${cluster.host}:${cluster.port}/${cluster.database}`;
    await connect(direct, cluster.password);
    await until(status, (text) => /^\$\(database\) Shared: \d+ papers$/.test(text), 'the status bar to show the shared library', 20_000);
  });

  after(async () => {
    await vscode.commands.executeCommand('litReview.forgetSharedLibraryPassword').then(undefined, () => undefined);
    await connect('');
    await proxy?.close();
    cluster?.stop();
    if (labFolder) rmSync(labFolder, { recursive: true, force: true });
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await vscode.workspace.fs.delete(workspaceUri('references.bib')).then(undefined, () => undefined);
  });

  it('says how many papers the shared library holds in the status bar', () => {
    assert.equal(status(), `$(database) Shared: ${SHARED_COUNT} papers`);
  });

  it('shows shared papers below the local ones in Search Papers, marked shared, none the local library holds', async () => {
    const picker = await openSearch('tree search');
    const local = api.search('tree search', 100).map((paper) => paper.key);
    assert.ok(local.length > 0);
    // The local rows come at once, in the local engine's order.
    assert.deepEqual(localKeys(picker.quickPick.items), local);
    const shared = await sharedRows(picker, 'the shared rows');
    const titles = shared.map((row) => row.paper.title);
    assert.ok(titles.includes('Quokka: Tree Search over Lab Notebooks'), titles.join(' | '));
    // Below every local row, each with a cloud and "shared".
    const items = picker.quickPick.items;
    const firstShared = items.findIndex(isShared);
    assert.deepEqual(localKeys(items.slice(0, firstShared)), local);
    assert.equal(items[firstShared - 1]?.kind, vscode.QuickPickItemKind.Separator, 'a separator between local and shared rows');
    for (const row of shared) {
      assert.ok(row.label.startsWith('$(cloud) '), row.label);
      assert.equal(api.library().papers.some((paper) => paper.title === row.paper.title), false, `"${row.paper.title}" is local: it must show once, as the local paper`);
    }
    await closePicker(picker);
  });

  it('gives a shared paper whose key names another local paper a key of its own', async () => {
    const picker = await openSearch('sparse spectral regression');
    const [row] = await sharedRows(picker, 'the shared paper');
    assert.equal(row!.paper.title, 'Sparse Spectral Regression Layers');
    assert.equal(api.library().byKey('ssrl2025')?.title.startsWith('SSRL'), true, 'the local ssrl2025 is another paper');
    assert.equal(row!.paper.key, 'ssrl2025a');
    await closePicker(picker);
  });

  it('cites a shared paper on Enter, writing its full BibTeX entry into the bibliography', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Notes help retrieval ' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 21, 0, 21);
    const picker = await openSearch('lablens reading group');
    const [row] = await sharedRows(picker, 'the shared paper');
    assert.equal(row!.paper.key, 'lablens2026');
    assert.ok(localKeys(picker.quickPick.items).length > 0, 'local rows above it');
    // Down to the shared row, as a person goes with the arrow keys.
    await until(
      async () => {
        if (picker.quickPick.activeItems[0] !== row) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
        await new Promise((resolve) => setTimeout(resolve, 50));
        return picker.quickPick.activeItems[0];
      },
      (active) => active === row,
      'the shared row focused',
    );
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await within(picker.finished, 'the picker to close'), 'inserted');
    assert.equal(document.getText(), 'Notes help retrieval [@lablens2026]');
    const bib = await until(
      () => Promise.resolve(vscode.workspace.fs.readFile(workspaceUri('references.bib'))).then((bytes) => new TextDecoder().decode(bytes), () => ''),
      (text) => text.includes('lablens2026'),
      'the bibliography entry',
    );
    // Every field the lab's entry has, so the draft builds without the server.
    for (const field of [/@article\{lablens2026,/, /journal = \{Journal of Shared Reading\}/, /volume = \{12\}/, /pages = \{101--117\}/, /doi = \{10\.5555\/lablens\.2026\}/, /note = \{Presented at the lab retreat\}/, /author = \{Okafor, Ada and Lindqvist, Bo\}/]) {
      assert.match(bib, field);
    }
  });

  it('offers shared papers in Insert Citation too', async () => {
    await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }).then((document) => vscode.window.showTextDocument(document));
    const picker = await vscode.commands.executeCommand<SearchPicker>('litReview.insertCitation');
    picker.quickPick.value = 'quokka notebooks';
    const [row] = await sharedRows(picker, 'the shared paper');
    assert.equal(row!.paper.key, 'quokka2026');
    await closePicker(picker);
  });

  it('completes shared keys in a note, and accepting one adds its entry to the bibliography', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'See [@quok' });
    await vscode.window.showTextDocument(document);
    const position = new vscode.Position(0, 10);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const item = list.items.find((candidate) => (typeof candidate.label === 'string' ? candidate.label : candidate.label.label) === 'quokka2026');
    assert.ok(item, `quokka2026 among ${list.items.length} completions`);
    assert.match(typeof item.label === 'string' ? '' : (item.label.detail ?? ''), /shared/);
    assert.ok(item.command, 'accepting it runs a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const bib = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('references.bib')));
    assert.match(bib, /@misc\{quokka2026,/);
    assert.match(bib, /howpublished = \{Lab report\}/);
  });

  it('shows a cited shared paper on hover', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'See [@quokka2026].' });
    await vscode.window.showTextDocument(document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 9));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n').replace(/\\(.)/g, '$1');
    assert.match(text, /From the shared library/);
    assert.match(text, /Quokka: Tree Search over Lab Notebooks/);
  });

  it('lists the shared topics, largest first, with their papers, in the Shared Library view', async () => {
    const tree = api.sharedLibrary.tree;
    const [root, ...others] = await tree.getChildren();
    assert.equal(others.length, 0);
    assert.equal(tree.getTreeItem(root!).label, `Shared library (${SHARED_COUNT} papers)`);
    const topics = (await tree.getChildren(root)).filter((node): node is Extract<SharedNode, { kind: 'topic' }> => node.kind === 'topic');
    assert.ok(topics.length >= 3, `${topics.length} topics`);
    const counts = topics.map((node) => node.topic.count);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'largest first');
    const second = await tree.getChildren(topics[1]);
    const papers = second.filter((node): node is Extract<SharedNode, { kind: 'paper' }> => node.kind === 'paper');
    assert.ok(papers.length > 0, 'a topic lists its papers');
    // An example paper is local too: it shows as the local paper, and opens as it.
    const local = papers.map((node) => tree.getTreeItem(node)).find((item) => (item.iconPath as vscode.ThemeIcon).id === 'book');
    assert.ok(local, 'an example paper under the second topic');
    assert.match(String(local.description), /in your library/);
    assert.equal(typeof local.command?.arguments?.[0], 'string', 'opened by its local key');
  });

  it('fetches a long topic a page at a time, the next page on "Load more…"', async () => {
    const tree = api.sharedLibrary.tree;
    const [root] = await tree.getChildren();
    const [largest] = (await tree.getChildren(root)).filter((node): node is Extract<SharedNode, { kind: 'topic' }> => node.kind === 'topic');
    assert.equal(largest!.topic.count, FOLDING_PAPERS, `the folding papers' subfolder is the largest topic, not ${largest!.topic.name}`);
    const first = await tree.getChildren(largest);
    const more = first.find((node): node is Extract<SharedNode, { kind: 'more' }> => node.kind === 'more');
    assert.equal(first.filter((node) => node.kind === 'paper').length, 50);
    assert.ok(more, 'a "Load more…" row');
    const item = tree.getTreeItem(more);
    assert.equal(item.label, 'Load more…');
    assert.equal(item.description, `50 of ${FOLDING_PAPERS} papers shown`);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const all = await tree.getChildren(largest);
    const titles = all.filter((node): node is Extract<SharedNode, { kind: 'paper' }> => node.kind === 'paper').map((node) => node.paper.title);
    assert.equal(titles.length, FOLDING_PAPERS);
    assert.equal(new Set(titles).size, FOLDING_PAPERS, 'each paper once');
    assert.equal(all.some((node) => node.kind === 'more'), false);
  });

  it('opens the details of a paper only the shared library has from its view', async () => {
    const tree = api.sharedLibrary.tree;
    const [root] = await tree.getChildren();
    const topics = (await tree.getChildren(root)).filter((node) => node.kind === 'topic');
    let found: vscode.TreeItem | undefined;
    for (const topic of topics) {
      for (const node of await tree.getChildren(topic)) {
        const item = node.kind === 'paper' ? tree.getTreeItem(node) : undefined;
        if (item && (item.iconPath as vscode.ThemeIcon).id === 'cloud') found ??= item;
      }
    }
    assert.ok(found?.command, 'a shared-only paper under some topic');
    await vscode.commands.executeCommand(found.command.command, ...(found.command.arguments ?? []));
    const shared = found.command.arguments![0] as Paper;
    const shown = await until(() => api.details(), (page) => page !== undefined, 'the details page');
    assert.equal(shown!.key, shared.key);
    // Its reading buttons hand the page's paper over whole (the local library lacks its key): the status is kept and shown.
    await vscode.commands.executeCommand('litReview.setReadingStatus', shared, undefined, 'to-read');
    await until(() => api.details(), (page) => /data-value="to-read"[^>]*aria-pressed="true"/.test(page?.html ?? ''), 'the page to show the status');
    await vscode.commands.executeCommand('litReview.addTag', shared, undefined, 'lab-pick');
    await until(() => api.details(), (page) => (page?.html ?? '').includes('#lab-pick'), 'the page to show the tag');
    assert.equal(api.details()!.key, shared.key);
  });

  it('copies and cites a paper only the shared library has from its view’s context menu', async () => {
    const tree = api.sharedLibrary.tree;
    const [root] = await tree.getChildren();
    let node: Extract<SharedNode, { kind: 'paper' }> | undefined;
    for (const topic of (await tree.getChildren(root)).filter((child) => child.kind === 'topic')) {
      node ??= (await tree.getChildren(topic)).find((child): child is Extract<SharedNode, { kind: 'paper' }> => child.kind === 'paper' && tree.getTreeItem(child).contextValue === 'sharedPaper');
    }
    assert.ok(node, 'a shared-only paper under some topic');
    const key = node.paper.key;
    assert.equal(api.library().byKey(key), undefined, 'not in the local library');
    const menus = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } }).contributes.menus['view/item/context']!;
    const offered = menus.filter((entry) => entry.when.includes('viewItem == sharedPaper')).map((entry) => entry.command);
    assert.deepEqual(offered.sort(), ['litReview.copyBibtex', 'litReview.copyFormattedReference', 'litReview.copyKey', 'litReview.insertCitation', 'litReview.openLink']);
    // A context-menu command receives the element clicked, as here.
    const entry = await vscode.commands.executeCommand<string>('litReview.copyBibtex', node);
    assert.match(entry, new RegExp(`^@\\w+\\{${key},`));
    assert.equal(await vscode.env.clipboard.readText(), entry);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'As shown ' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 9, 0, 9);
    await vscode.commands.executeCommand('litReview.insertCitation', node);
    await until(() => Promise.resolve(document.getText()), (text) => text === `As shown [@${key}]`, 'the citation');
    const bib = await until(
      () => Promise.resolve(vscode.workspace.fs.readFile(workspaceUri('references.bib'))).then((bytes) => new TextDecoder().decode(bytes), () => ''),
      (text) => text.includes(`{${key},`),
      'the bibliography entry',
    );
    assert.ok(bib.includes(node.paper.title.split(':')[0]!), 'the entry has the title');

    // The server's key of this one names another local paper: the menu acts on the shared paper, under the key it is shown with.
    let clash: SharedNode | undefined;
    for (const parent of [root!, ...(await tree.getChildren(root)).filter((child) => child.kind === 'topic')]) {
      clash ??= (await tree.getChildren(parent)).find((child) => child.kind === 'paper' && child.paper.title === 'Sparse Spectral Regression Layers');
    }
    assert.ok(clash?.kind === 'paper' && clash.paper.key === 'ssrl2025', 'the shared paper whose key the local SSRL has');
    const clashEntry = await vscode.commands.executeCommand<string>('litReview.copyBibtex', clash);
    assert.match(clashEntry, /^@\w+\{ssrl2025a,/);
    assert.match(clashEntry, /Sparse Spectral Regression Layers/);
  });

  it('asks for the password when the server refuses to go without, and uses it once given', async () => {
    await vscode.commands.executeCommand('litReview.forgetSharedLibraryPassword');
    const picker = await openSearch('quokka');
    await until(status, (text) => text === '$(key) Shared library: password needed', 'the status bar to ask for the password');
    assert.equal(picker.quickPick.items.filter(isShared).length, 0);
    await closePicker(picker);
    await connect(direct, cluster.password);
    await until(status, (text) => text.startsWith('$(database) Shared: '), 'connected again');
  });

  describe('when the server fails', () => {
    it('keeps local search answering at once while the server is down, and says so in the status bar', async () => {
      // Killed while the editor still holds idle connections to it, which it learns of only as it searches.
      cluster.kill();
      const started = Date.now();
      const picker = await openSearch('deep research');
      const elapsed = Date.now() - started;
      assert.deepEqual(localKeys(picker.quickPick.items), api.search('deep research', 100).map((paper) => paper.key));
      assert.ok(elapsed < 1000, `local rows after ${elapsed} ms`);
      await until(status, (text) => text === '$(warning) Shared library unreachable', 'the status bar to say so', 15_000);
      assert.equal(picker.quickPick.items.filter(isShared).length, 0);
      await closePicker(picker);
    });

    it('uses the server again once it is back', async () => {
      cluster.restart();
      // Searches keep coming while it waits out the backoff; one after it finds the server.
      await until(
        async () => {
          const picker = await openSearch(`quokka ${Date.now() % 2 ? 'lab' : 'notebooks'}`);
          const rows = await sharedRows(picker, 'shared rows', 1500).catch(() => []);
          await closePicker(picker);
          return rows.length;
        },
        (count) => count > 0,
        'shared rows again',
        60_000,
      );
      assert.equal(status(), `$(database) Shared: ${SHARED_COUNT} papers`);
    });

    it('gives up on a slow server after about a second, leaving the local rows as they were', async () => {
      proxy = await startSlowProxy({ host: cluster.host, port: cluster.port }, 0);
      await connect(`postgres://${cluster.user}@${proxy.host}:${proxy.port}/${cluster.database}`, cluster.password);
      const warm = await openSearch('lablens');
      await sharedRows(warm, 'shared rows through the proxy');
      await closePicker(warm);

      proxy.setDelay(2000);
      const started = Date.now();
      const picker = await openSearch('quokka tree search');
      assert.ok(Date.now() - started < 1000, 'the local rows do not wait');
      const local = api.search('quokka tree search', 100).map((paper) => paper.key);
      assert.deepEqual(localKeys(picker.quickPick.items), local);
      await until(status, (text) => text === '$(watch) Shared library slow', 'the status bar to say the server is slow', 10_000);
      const gaveUpAfter = Date.now() - started;
      assert.ok(gaveUpAfter >= 900 && gaveUpAfter < 1900, `gave up after ${gaveUpAfter} ms, before the 2 s answer`);
      // The slow answer is not shown when it finally comes.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.equal(picker.quickPick.items.filter(isShared).length, 0);
      assert.deepEqual(localKeys(picker.quickPick.items), local);
      await closePicker(picker);
      await connect(direct, cluster.password);
    });
  });
});
