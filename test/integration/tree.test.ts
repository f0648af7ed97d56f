import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import type { PaperNode, PapersTreeProvider, TreeNode } from '../../src/features/papers-view';
import { EXAMPLE_LISTING, EXAMPLE_PAPER_COUNT, activateExtension, reindex, workspaceUri } from './workspace';
import { until } from './waiting';

/** The Papers tree the extension shows, as its API hands it to tests. */
function treeOf(api: LitReviewApi): PapersTreeProvider {
  const tree = (api as LitReviewApi & { tree?: PapersTreeProvider }).tree;
  if (!tree) throw new Error('The extension API has no `tree`: the Papers tree provider is not exposed.');
  return tree;
}

function papersUnder(tree: PapersTreeProvider, group: TreeNode): PaperNode[] {
  return tree.getChildren(group).filter((node): node is PaperNode => node.kind === 'paper');
}

/** Every paper node in the tree, walking all groups (including subtopics). */
function allPaperNodes(tree: PapersTreeProvider, node?: TreeNode): PaperNode[] {
  return tree.getChildren(node).flatMap((child) => (child.kind === 'paper' ? [child] : child.kind === 'group' ? allPaperNodes(tree, child) : []));
}

function dateKey(node: PaperNode): string {
  return node.paper.date ?? (node.paper.year !== undefined ? String(node.paper.year) : '');
}

describe('the Papers tree', () => {
  let api: LitReviewApi;
  let tree: PapersTreeProvider;

  before(async () => {
    api = await activateExtension();
    tree = treeOf(api);
    await until(() => api.library().papers.length, (count) => count === EXAMPLE_PAPER_COUNT, 'the example library');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('litReview.clearFilter');
    await vscode.workspace.getConfiguration('litReview').update('groupBy', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('litReview.groupBy', 'topic');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows topics at the root, each with its number of papers', () => {
    const roots = tree.getChildren();
    assert.ok(roots.length >= 2, `several topics, not ${roots.length}`);
    for (const root of roots) {
      assert.equal(root.kind, 'group');
      const item = tree.getTreeItem(root);
      const distinct = new Set(allPaperNodes(tree, root).map((node) => node.paper.key));
      assert.ok(distinct.size > 0, `${String(item.label)} holds papers`);
      assert.equal(String(item.description).split(' ')[0], String(distinct.size), 'the description starts with the number of papers in the group');
      assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'groups start collapsed');
      assert.ok(item.contextValue === 'topic' || item.contextValue === 'group');
      assert.equal(typeof item.tooltip, 'string', 'a topic says why its papers are together');
      const [heading, why] = String(item.tooltip).split('\n');
      assert.equal(heading, `${String(item.label)}: ${distinct.size} ${distinct.size === 1 ? 'paper' : 'papers'}`, 'the hover names the topic and its size');
      if (root.kind === 'group' && root.topic?.origin === 'auto') assert.match(why ?? '', /^Papers sharing: \S/, 'an automatic topic shows its top words');
    }
    const keys = new Set(allPaperNodes(tree).map((node) => node.paper.key));
    assert.equal(keys.size, EXAMPLE_PAPER_COUNT, 'every paper of the library is somewhere in the tree');
  });

  it('lists a topic\'s papers newest first, titled, described and clickable', () => {
    const topic = tree.getChildren().find((node) => papersUnder(tree, node).length >= 5)!;
    const children = papersUnder(tree, topic);
    const dates = children.map(dateKey);
    const sorted = [...dates].sort((a, b) => (a === b ? 0 : !a ? 1 : !b ? -1 : a < b ? 1 : -1));
    assert.deepEqual(dates, sorted, 'newest first, undated last');
    assert.ok(dates[0]! > dates[dates.length - 1]!, 'the papers span more than one date');
    for (const node of children) {
      const item = tree.getTreeItem(node);
      assert.equal(item.label, node.paper.title);
      assert.equal(item.contextValue, 'paper');
      assert.equal(item.command?.command, 'litReview.showDetails');
      assert.deepEqual(item.command?.arguments, [node.paper.key]);
      assert.ok(item.tooltip instanceof vscode.MarkdownString);
      assert.notEqual((item.tooltip as vscode.MarkdownString).isTrusted, true, 'the hover card is not trusted');
      if (node.paper.year !== undefined) assert.ok(String(item.description).startsWith(String(node.paper.year)));
      assert.equal(tree.getParent(node), topic, 'a paper knows its topic, so it can be revealed');
    }
    const ids = allPaperNodes(tree).map((node) => tree.getTreeItem(node).id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  it('groups by year when asked, newest year first', async () => {
    assert.equal(await vscode.commands.executeCommand('litReview.groupBy', 'year'), 'year');
    const roots = await until(() => tree.getChildren(), (nodes) => nodes.every((node) => node.kind === 'group' && node.groupBy === 'year'), 'year groups');
    const labels = roots.map((node) => String(tree.getTreeItem(node).label));
    assert.ok(labels.length >= 2, `papers of several years, got ${labels.join(', ')}`);
    const years = labels.filter((label) => /^\d{4}$/.test(label)).map(Number);
    assert.deepEqual(years, [...years].sort((a, b) => b - a));
    const total = roots.reduce((sum, node) => sum + Number(tree.getTreeItem(node).description), 0);
    assert.equal(total, EXAMPLE_PAPER_COUNT, 'each paper is in exactly one year');
    for (const root of roots) {
      for (const node of papersUnder(tree, root)) {
        const year = node.paper.year ?? node.paper.date?.slice(0, 4);
        assert.equal(year === undefined ? 'No year' : String(year), String(tree.getTreeItem(root).label));
      }
    }
    const setting = vscode.workspace.getConfiguration('litReview').inspect('groupBy');
    assert.equal(setting?.workspaceValue, undefined, 'a view choice writes nothing into the repository\'s settings');
    assert.equal(setting?.globalValue, undefined, 'nor into the user\'s');
  });

  it('lets a setting the user writes decide the grouping again', async () => {
    await vscode.commands.executeCommand('litReview.groupBy', 'year');
    await until(() => tree.getChildren(), (nodes) => nodes.every((node) => node.kind === 'group' && node.groupBy === 'year'), 'year groups');
    await vscode.workspace.getConfiguration('litReview').update('groupBy', 'file', vscode.ConfigurationTarget.Workspace);
    await until(() => tree.getChildren(), (nodes) => nodes.every((node) => node.kind === 'group' && node.groupBy === 'file'), 'file groups');
  });

  it('narrows to the papers the filter finds, and clears', async () => {
    const count = await vscode.commands.executeCommand<number>('litReview.filter', 'Monte Carlo Tree Search');
    const shown = new Set(allPaperNodes(tree).map((node) => node.paper.key));
    assert.equal(count, shown.size);
    assert.ok(shown.size > 0 && shown.size < EXAMPLE_PAPER_COUNT, `some papers but not all (${shown.size})`);
    assert.ok([...shown].some((key) => api.library().byKey(key)?.title.startsWith('DeepSearch:')), 'the MCTS paper is kept');
    const item = tree.getTreeItem(tree.getChildren()[0]!);
    assert.match(String(item.description), /^\d+ of \d+/, 'a filtered group says how many of its papers match');

    await vscode.commands.executeCommand('litReview.clearFilter');
    assert.equal(new Set(allPaperNodes(tree).map((node) => node.paper.key)).size, EXAMPLE_PAPER_COUNT);
    assert.equal(tree.filter, undefined);
  });

  it('shows nothing when nothing matches the filter', async () => {
    assert.equal(await vscode.commands.executeCommand('litReview.filter', 'zzqxv nonexistent words'), 0);
    assert.deepEqual(tree.getChildren(), []);
  });

  it('copies a paper\'s key to the clipboard', async () => {
    const node = allPaperNodes(tree)[0]!;
    await vscode.env.clipboard.writeText('something else');
    assert.equal(await vscode.commands.executeCommand('litReview.copyKey', node), node.paper.key);
    assert.equal(await vscode.env.clipboard.readText(), node.paper.key);
  });

  it('copies a paper\'s BibTeX entry to the clipboard', async () => {
    const node = allPaperNodes(tree)[0]!;
    const entry = await vscode.commands.executeCommand<string>('litReview.copyBibtex', node.paper.key);
    assert.match(entry, new RegExp(`^@\\w+\\{${node.paper.key},`));
    assert.equal(await vscode.env.clipboard.readText(), entry);
  });

  it('opens the listing at the paper\'s title line', async () => {
    const node = allPaperNodes(tree).find((candidate) => candidate.paper.title.startsWith('SSRL:'))!;
    const source = node.paper.sources[0]!;
    await vscode.commands.executeCommand('litReview.revealInListing', node);
    const editor = await until(() => vscode.window.activeTextEditor, (active) => active?.document.uri.path.endsWith(`/${EXAMPLE_LISTING}`) === true, 'the listing editor');
    assert.equal(editor!.selection.start.line, source.line - 1);
    assert.equal(editor!.document.lineAt(source.line - 1).text.trim(), node.paper.title);
    const visible = editor!.visibleRanges[0];
    if (visible) assert.ok(visible.contains(editor!.selection.start), 'the line is scrolled into view');
  });

  it('moves a paper to a new topic and renames that topic, both kept in the overrides file', async () => {
    const overrides = workspaceUri('papers/.lit-review-topics.json');
    try {
      const node = allPaperNodes(tree).find((candidate) => candidate.paper.title.startsWith('SSRL:'))!;
      assert.equal(await vscode.commands.executeCommand('litReview.moveToTopic', node, 'Reading Group'), 'Reading Group');
      const moved = await until(() => tree.getChildren().find((root) => root.kind === 'group' && root.label === 'Reading Group'), Boolean, 'the new topic');
      assert.deepEqual(papersUnder(tree, moved!).map((child) => child.paper.key), [node.paper.key]);
      assert.equal(tree.getTreeItem(moved!).contextValue, 'topic');

      assert.equal(await vscode.commands.executeCommand('litReview.renameTopic', moved, 'Seminar'), 'Seminar');
      const renamed = await until(() => tree.getChildren().find((root) => root.kind === 'group' && root.label === 'Seminar'), Boolean, 'the renamed topic');
      assert.deepEqual(papersUnder(tree, renamed!).map((child) => child.paper.key), [node.paper.key]);
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(overrides))) as { moves: Record<string, string[]>; renames: Record<string, string> };
      assert.deepEqual(saved.moves[node.paper.key], ['Reading Group']);
      assert.equal(saved.renames['Reading Group'], 'Seminar');
    } finally {
      await vscode.workspace.fs.delete(overrides).then(undefined, () => undefined);
      await reindex();
    }
  });

  it('pages a long listing 200 papers at a time behind "Show more…"', async () => {
    const many = workspaceUri('papers/many.md');
    const total = 450;
    const lines = Array.from({ length: total }, (_, i) => `- [Synthetic Study Number ${i + 1}](https://example.org/study/${i + 1}) (2024)`);
    await vscode.workspace.fs.writeFile(many, new TextEncoder().encode(`# Reading list\n\n${lines.join('\n')}\n`));
    try {
      assert.equal(await reindex(), EXAMPLE_PAPER_COUNT + total);
      await vscode.commands.executeCommand('litReview.groupBy', 'file');
      const group = await until(() => tree.getChildren().find((node) => node.kind === 'group' && node.label === 'many.md'), Boolean, 'the many.md group');
      assert.equal(tree.getTreeItem(group!).description, String(total), 'a listing at the top of the library folder shows only its count');
      let children = tree.getChildren(group);
      assert.equal(children.length, 201, 'the first 200 papers and a "Show more…" item');
      const firstPage = children.slice(0, 200).map((node) => node.id);
      const more = children[200]!;
      assert.equal(more.kind, 'more');
      const item = tree.getTreeItem(more);
      assert.equal(item.label, 'Show more…');
      assert.equal(item.description, `200 of ${total} shown`);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      children = tree.getChildren(group);
      assert.equal(children.length, 401);
      assert.deepEqual(children.slice(0, 200).map((node) => node.id), firstPage, 'the first page stays where it was');
      await vscode.commands.executeCommand(item.command!.command, children[400]);
      children = tree.getChildren(group);
      assert.equal(children.length, total, 'everything shown, no "Show more…" left');
      assert.ok(children.every((node) => node.kind === 'paper'));
    } finally {
      await vscode.workspace.fs.delete(many).then(undefined, () => undefined);
      await reindex();
    }
  });
});
