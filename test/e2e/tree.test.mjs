// The Papers view as a person browses it: topics with their counts, one topic opened on its
// papers (title, year · authors · upvotes), grouping by year from the view's toolbar.
import assert from 'node:assert/strict';
import { createExampleWorkspace } from '../host/workspaces.mjs';
import { useWorkbench } from './suite.mjs';

const CONTAINER = 'Lit Review';
const VIEW = 'Papers';

describe('the Papers tree in the workbench', function () {
  this.timeout(180_000);
  let workbench;
  useWorkbench(
    {
      name: 'tree',
      createWorkspace: createExampleWorkspace,
      prepare: async (opened) => {
        await opened.openViewContainer(CONTAINER);
        await opened.resizeSideBar(820);
      },
    },
    (opened) => {
      workbench = opened;
    },
  );

  /** The rows at the top level of the tree (aria-level 1). */
  const topRows = () => workbench.treeItems(VIEW).and(workbench.page.locator('[aria-level="1"]'));

  it('shows topics with their number of papers, and a topic\'s papers newest first', async () => {
    await topRows().first().waitFor({ timeout: 60_000 });
    const topics = await topRows().evaluateAll((rows) => rows.map((row) => ({
      label: row.querySelector('.label-name')?.textContent ?? '',
      description: row.querySelector('.label-description')?.textContent ?? '',
      expanded: row.getAttribute('aria-expanded'),
    })));
    assert.ok(topics.length >= 2, `several topics, got ${JSON.stringify(topics)}`);
    for (const topic of topics) {
      assert.match(topic.description, /^\d+$/, `"${topic.label}" shows its count`);
      assert.equal(topic.expanded, 'false', `"${topic.label}" starts collapsed`);
    }

    // The first topic holding several papers: open it by clicking, as a person would.
    const chosen = topics.find((topic) => Number(topic.description) >= 5) ?? topics[0];
    const row = workbench.treeItem(VIEW, chosen.label).first();
    await row.click();
    await workbench.view(VIEW).locator(`.monaco-list-row[aria-expanded="true"][aria-label^="${chosen.label}"]`).waitFor();
    const children = workbench.treeItems(VIEW).and(workbench.page.locator('[aria-level="2"]'));
    await children.first().waitFor();
    const papers = await children.evaluateAll((rows) => rows.map((r) => ({
      label: r.querySelector('.label-name')?.textContent ?? '',
      description: r.querySelector('.label-description')?.textContent ?? '',
    })));
    assert.ok(papers.length >= 5, `the topic shows its papers, got ${papers.length}`);
    for (const paper of papers) assert.ok(paper.label.length > 0, 'each paper shows its title');
    const years = papers.map((paper) => /^(\d{4}) ·/.exec(paper.description)?.[1]).filter(Boolean).map(Number);
    assert.ok(years.length >= 3, `papers show their year first: ${JSON.stringify(papers.slice(0, 3))}`);
    assert.deepEqual(years, [...years].sort((a, b) => b - a), 'newest first');
    assert.ok(papers.some((paper) => / · ▲\d+$/.test(paper.description)), 'upvotes show as ▲n');

    await workbench.page.locator('.part.sidebar').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await workbench.moveMouseAway();
    await workbench.screenshot('tree');
  });

  it('groups by year from the command palette', async () => {
    // The command answers with a quick pick of its own, so the palette stays open.
    await workbench.chooseCommand('Lit Review: Group Papers By');
    await workbench.quickInput().locator('.monaco-list-row[aria-label^="Listing File"]').waitFor();
    await workbench.typeInQuickInput('Year');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label^="Year"]').waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.treeItem(VIEW, '2026').first().waitFor({ timeout: 30_000 });
    const labels = await topRows().locator('.label-name').allInnerTexts();
    const years = labels.filter((label) => /^\d{4}$/.test(label)).map(Number);
    assert.ok(years.length >= 2, `years at the root, got ${labels.join(', ')}`);
    assert.deepEqual(years, [...years].sort((a, b) => b - a), 'newest year first');
  });
});
