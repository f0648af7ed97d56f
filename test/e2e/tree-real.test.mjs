// The Papers tree on a real library that mixes fields (TeX and typography, evolutionary
// computation and optimisation, LLMs and medical AI; test/fixtures/real): the topics a
// researcher sees first, each with its count and a hover that says why.
import assert from 'node:assert/strict';
import { createRealMixedWorkspace } from '../host/workspaces.mjs';
import { useWorkbench } from './suite.mjs';

const CONTAINER = 'Lit Review';
const VIEW = 'Papers';
/** Words that name a document's structure, a venue or a format, never a subject. */
const NOT_SUBJECTS = /^(paper list|papers|methods?|analysis|related work|surveys?|news|contributing|proceedings|workshop|symposium|conference|supplementary material|datasets?|references|bibtex|markdown)$/i;

describe('the Papers tree on a real mixed library', function () {
  this.timeout(240_000);
  let workbench;
  useWorkbench(
    {
      name: 'tree-real',
      createWorkspace: createRealMixedWorkspace,
      prepare: async (opened) => {
        await opened.openViewContainer(CONTAINER);
        await opened.resizeSideBar(640);
      },
    },
    (opened) => {
      workbench = opened;
    },
  );

  const topRows = () => workbench.treeItems(VIEW).and(workbench.page.locator('[aria-level="1"]'));

  it('shows subject topics a researcher would choose, with counts and why', async () => {
    // Thousands of papers: the tree fills once they are read and sorted into topics.
    await workbench.page.waitForFunction(
      () => [...document.querySelectorAll('.monaco-list-row[aria-level="1"] .label-description')].filter((d) => /^\d+$/.test(d.textContent ?? '')).length >= 6,
      undefined,
      { timeout: 120_000 },
    );
    // The first topics may come from part of the library: read them once they stay the same for a few seconds.
    const readTopics = () => topRows().evaluateAll((rows) => rows.map((row) => ({
      label: row.querySelector('.label-name')?.textContent ?? '',
      count: Number(row.querySelector('.label-description')?.textContent ?? 'NaN'),
    })));
    let topics = await readTopics();
    for (let stable = Date.now(), deadline = Date.now() + 120_000; Date.now() - stable < 3_000; ) {
      assert.ok(Date.now() < deadline, 'the topics settle');
      await workbench.page.waitForTimeout(500);
      const now = await readTopics();
      if (JSON.stringify(now) !== JSON.stringify(topics)) [topics, stable] = [now, Date.now()];
    }
    const total = topics.reduce((sum, topic) => sum + topic.count, 0);
    console.log(`      ${topics.map((t) => `${t.label} ${t.count}`).join('; ')}`);
    for (const topic of topics) {
      assert.ok(Number.isInteger(topic.count) && topic.count > 0, `"${topic.label}" shows its count`);
      assert.ok(topic.label.split(/\s+/).filter((word) => word !== '&').length <= 4, `"${topic.label}" is a short name`);
      assert.ok(!NOT_SUBJECTS.test(topic.label), `"${topic.label}" names a subject, not a document's structure or a venue`);
      assert.ok(!/^\d/.test(topic.label), `"${topic.label}" is not a number`);
    }
    assert.ok(topics.length >= 6, `topics for each field, got ${topics.length}`);
    assert.ok(total > 2000, `every paper is in the tree: ${total}`);

    // Hovering a topic says how many papers it holds and the words they share.
    const first = topics.find((topic) => topic.label !== 'Other') ?? topics[0];
    const hover = workbench.page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
    // A redraw of the tree (the search index or topics saved meanwhile) can close a hover, or
    // move another row under the mouse: point again until the hover is this topic's.
    for (let attempt = 1; ; attempt++) {
      await workbench.moveMouseAway();
      await workbench.treeItem(VIEW, first.label).first().hover();
      try {
        await hover.waitFor({ timeout: 5_000 });
        if ((await hover.innerText()).startsWith(`${first.label}:`)) break;
        if (attempt === 4) break;
      } catch (error) {
        if (attempt === 4) throw error;
      }
    }
    // The count the row shows now (a redraw may have come since the rows were read).
    const shown = (await workbench.treeItem(VIEW, first.label).first().locator('.label-description').textContent())?.trim();
    const text = await hover.innerText();
    assert.ok(text.startsWith(`${first.label}:`), `the hover is the topic's own: ${text}`);
    assert.match(text, new RegExp(`${shown} papers`));
    await workbench.moveMouseAway();
    await workbench.screenshot('tree-real');
  });
});
