import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import type { Paper } from '../../src/core/paper/paper';
import type { SimilarHit } from '../../src/core/reading/similar';
import type { LibraryChartData } from '../../src/core/reading/chart';
import type { GroupNode, PaperNode, TreeNode } from '../../src/features/papers-view';
import type { SearchPicker } from '../../src/features/search';
import { isPaperItem } from '../../src/features/shared/pickerItems';
import { EXAMPLE_PAPER_COUNT, activateExtension, workspaceUri } from './workspace';
import { until } from './waiting';

const HEADER = ['# Lit Review reading list: one paper per line, sorted by key.', '# key\tstatus\tdate\ttags\treason'];

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

  describe('in the Papers view, the details page and Search Papers', () => {
    /** The reading list at the top of the library folder, where the extension keeps it. */
    const listFile = () => workspaceUri('papers/.lit-review/reading.tsv');
    /** Writes the list as git or another window would: behind the editor's back. */
    const writeOutside = (lines: string[]) => {
      mkdirSync(path.dirname(listFile().fsPath), { recursive: true });
      writeFileSync(listFile().fsPath, [...HEADER, ...lines, ''].join('\n'));
    };
    const byTitle = (start: string): Paper => {
      const paper = api.library().papers.find((candidate) => candidate.title.startsWith(start));
      assert.ok(paper, `the example library has "${start}"`);
      return paper;
    };
    const itemOf = (key: string) => {
      const node = api.tree.nodeOf(key);
      assert.ok(node, `the tree shows ${key}`);
      return api.tree.getTreeItem(node);
    };
    const iconOf = (key: string) => (itemOf(key).iconPath as vscode.ThemeIcon).id;
    const paperNodes = (node?: TreeNode): PaperNode[] =>
      api.tree.getChildren(node).flatMap((child) => (child.kind === 'paper' ? [child] : child.kind === 'group' ? paperNodes(child) : []));
    const shownKeys = () => new Set(paperNodes().map((node) => node.paper.key));
    /** Waits until the tree describes the paper `key` as `description` begins (the list written has been read). */
    const shows = (key: string, description: string) =>
      until(() => String(itemOf(key).description), (text) => text.startsWith(description), `"${description}" on ${key}`);
    let deep: Paper;
    let ssrl: Paper;
    let zero: Paper;

    before(() => {
      deep = byTitle('DeepSearch');
      ssrl = byTitle('SSRL');
      zero = byTitle('ZeroSearch');
      readingFile = listFile();
    });

    afterEach(async () => {
      await vscode.commands.executeCommand('litReview.clearFilter');
      await vscode.commands.executeCommand('litReview.groupBy', 'topic');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('shows each paper’s status as its icon and its tags in its description, following edits made outside the editor', async () => {
      writeOutside([`${deep.key}\treading\t2026-01-10\ttree-search,mcts`, `${ssrl.key}\t\t\ttree-search`]);
      await shows(deep.key, 'Reading · #tree-search #mcts · ');
      assert.equal(iconOf(deep.key), 'book');
      const item = itemOf(deep.key);
      assert.match(String(item.description), /^Reading · #tree-search #mcts · /);
      assert.equal((item.iconPath as vscode.ThemeIcon).color?.id, 'charts.blue');
      assert.match((item.tooltip as vscode.MarkdownString).value, /\*\*Reading:\*\* Reading\\, since 2026\\-01\\-10/);
      assert.match(String(itemOf(ssrl.key).description), /^#tree-search · /, 'tags without a status');
      assert.equal((itemOf(ssrl.key).iconPath as vscode.ThemeIcon).color, undefined, 'a paper with no status keeps the plain icon');
      assert.doesNotMatch(String(itemOf(zero.key).description), /#|Reading/);

      // Another window (or git) changes the file while the extension runs; then a status is set here.
      writeOutside([`${deep.key}\texcluded\t2026-01-11\ttree-search\tnot about search`, `${ssrl.key}\t\t\ttree-search`, `${zero.key}\tread\t2026-01-11`]);
      await until(() => iconOf(deep.key), (id) => id === 'circle-slash', 'the icon after an edit outside the editor');
      assert.equal(iconOf(zero.key), 'pass');
      assert.match(String(itemOf(deep.key).description), /^Excluded \(not about search\) · #tree-search/);
      await vscode.commands.executeCommand('litReview.setReadingStatus', ssrl.key, undefined, 'to-read');
      await until(() => iconOf(ssrl.key), (id) => id === 'bookmark', 'the status set from the editor');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(listFile()));
      assert.match(text, new RegExp(`^${deep.key}\texcluded\t2026-01-11\ttree-search\tnot about search$`, 'm'), 'the line written outside is kept');
      assert.match(text, new RegExp(`^${zero.key}\tread\t2026-01-11$`, 'm'));
      assert.match(text, new RegExp(`^${ssrl.key}\tto-read\t\\d{4}-\\d\\d-\\d\\d\ttree-search$`, 'm'));
    });

    it('filters by status and by tag, says so, and clears', async () => {
      writeOutside([`${deep.key}\tto-read\t2026-01-10\ttree-search`, `${ssrl.key}\tto-read\t2026-01-10\tsurvey`, `${zero.key}\tread\t2026-01-10\ttree-search`]);
      await shows(zero.key, 'Read · #tree-search · ');
      const all = api.tree.model.visiblePaperCount;
      assert.equal(await vscode.commands.executeCommand('litReview.filterByReading', { status: 'to-read' }), 2);
      assert.deepEqual([...shownKeys()].sort(), [deep.key, ssrl.key].sort());
      assert.deepEqual(api.tree.filterSummary, { description: 'To read', message: '2 papers marked “To read”.' });
      assert.equal(await vscode.commands.executeCommand('litReview.filterByReading', { tag: 'Tree-Search' }), 2, 'a tag whatever its case');
      assert.deepEqual([...shownKeys()].sort(), [deep.key, zero.key].sort());
      assert.equal(await vscode.commands.executeCommand('litReview.filterByReading', { status: 'to-read', tag: 'tree-search' }), 1);
      assert.deepEqual([...shownKeys()], [deep.key]);
      assert.equal(api.tree.filterSummary.description, 'To read · #tree-search');
      assert.equal(await vscode.commands.executeCommand('litReview.filterByReading', { status: 'none' }), all - 3);
      await vscode.commands.executeCommand('litReview.clearFilter');
      assert.equal(api.tree.model.visiblePaperCount, all);
      assert.deepEqual(api.tree.filterSummary, {});
    });

    it('groups by tag, a paper with two tags under both', async () => {
      writeOutside([`${deep.key}\treading\t2026-01-10\ttree-search,survey`, `${ssrl.key}\t\t\tsurvey`]);
      await shows(ssrl.key, '#survey · ');
      await shows(deep.key, 'Reading · #tree-search #survey · ');
      assert.equal(await vscode.commands.executeCommand('litReview.groupBy', 'tag'), 'tag');
      const roots = api.tree.getChildren() as GroupNode[];
      assert.deepEqual(roots.map((group) => group.label), ['survey', 'tree-search', 'Untagged']);
      assert.deepEqual(paperNodes(roots[0]).map((node) => node.paper.key).sort(), [deep.key, ssrl.key].sort());
      assert.deepEqual(paperNodes(roots[1]).map((node) => node.paper.key), [deep.key]);
      assert.equal(roots[2]!.count, api.library().papers.filter((paper) => !paper.container).length - 2);
      assert.equal((api.tree.getTreeItem(roots[0]!).iconPath as vscode.ThemeIcon).id, 'tag');
    });

    it('shows the status, the tags and the similar papers on the details page, and follows a new status', async () => {
      writeOutside([`${deep.key}\treading\t2026-01-10\ttree-search`]);
      await shows(deep.key, 'Reading · #tree-search · ');
      await vscode.commands.executeCommand('litReview.showDetails', deep.key);
      const page = await until(() => api.details(), (shown) => shown?.key === deep.key && shown.html.includes('<ol class="similar">'), 'the similar papers on the page');
      assert.match(page!.html, /data-value="reading" class="status current" aria-pressed="true"/);
      assert.match(page!.html, /<span class="user-tag">#tree-search<button/);
      assert.match(page!.html, /<script nonce="[0-9a-f]{32}">/);
      const shown = [...page!.html.matchAll(/data-action="details" data-value="([^"]+)"/g)].map((match) => match[1]!);
      assert.equal(shown.length, 5);
      assert.ok(!shown.includes(deep.key), 'not the paper itself');
      const hits = await vscode.commands.executeCommand<SimilarHit[]>('litReview.similarPapers', deep.key);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.ok(shown.every((key) => hits.some((hit) => hit.key === key)), 'the nearest papers of Similar Papers');
      assert.ok(hits[0]!.why.some((word) => page!.html.includes(`<span class="why-word">${word}</span>`)), 'with the words they share');
      await vscode.commands.executeCommand('litReview.setReadingStatus', deep.key, undefined, 'read');
      await until(() => api.details()?.html ?? '', (html) => /data-value="read" class="status current" aria-pressed="true"/.test(html), 'the page after the status changed');
    });

    it('shows the status and tags on a Search Papers row, which has a button to set the status', async () => {
      writeOutside([`${deep.key}\treading\t2026-01-10\ttree-search`]);
      await shows(deep.key, 'Reading · #tree-search · ');
      const picker = await vscode.commands.executeCommand<SearchPicker>('litReview.search', 'DeepSearch Monte Carlo');
      await picker.settled();
      const row = picker.quickPick.items.find((item) => isPaperItem(item) && item.paper.key === deep.key);
      assert.ok(row, 'the paper is found');
      assert.match(row.detail ?? '', /^\$\(book\) Reading · #tree-search · /);
      assert.ok(row.buttons?.some((button) => button.tooltip === 'Set reading status…'));
      const other = picker.quickPick.items.find((item) => isPaperItem(item) && item.paper.key !== deep.key);
      assert.doesNotMatch(other?.detail ?? '', /^\$\(/, 'a paper off the list shows no status');
    });

    it('filters the Papers view to exactly the papers of a bar of the library chart', async () => {
      const data = await vscode.commands.executeCommand<LibraryChartData>('litReview.showLibraryChart');
      const series = data.series[0]!;
      const at = series.counts.indexOf(Math.max(...series.counts));
      const period = data.periods[at]!;
      const count = await vscode.commands.executeCommand<number>('litReview.filterByChartBar', { topic: series.topic, period });
      assert.equal(count, series.counts[at], `the bar's own number for ${series.topic} in ${period}`);
      const keys = shownKeys();
      assert.equal(keys.size, series.counts[at]);
      for (const key of keys) assert.ok(api.library().byKey(key)!.date!.startsWith(period), `${key} is of ${period}`);
      const topic = (api.tree.getChildren() as GroupNode[]).find((group) => group.label === series.topic);
      assert.ok(topic, 'the topic is in the tree');
      assert.deepEqual(new Set(paperNodes(topic).map((node) => node.paper.key)), keys, 'every paper shown is of the topic');
      assert.equal(api.tree.filterSummary.description?.startsWith(`${series.topic} · `), true);
      assert.match(api.tree.filterSummary.message ?? '', new RegExp(`^${count} papers? of “`));
      // A legend entry: the topic's papers on the chart, every month.
      assert.equal(await vscode.commands.executeCommand('litReview.filterByChartBar', { topic: series.topic }), series.total);
      await vscode.commands.executeCommand('litReview.clearFilter');
      assert.deepEqual(api.tree.filterSummary, {});
    });
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
