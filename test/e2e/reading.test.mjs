// The reading workflow as a person meets it: statuses and tags in the Papers view (grouped by
// tag, filtered by status), the details page with its similar papers, Next to Read, Similar
// Papers and the library chart, whose bars filter the Papers view.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleWorkspace } from '../host/workspaces.mjs';
import { useWorkbench } from './suite.mjs';

const CONTAINER = 'Lit Review';
const VIEW = 'Papers';

/** The example library with a reading list a team might have committed. */
function createReadingWorkspace() {
  const workspace = createExampleWorkspace();
  mkdirSync(join(workspace.path, 'papers', '.lit-review'), { recursive: true });
  writeFileSync(
    join(workspace.path, 'papers', '.lit-review', 'reading.tsv'),
    [
      '# Lit Review reading list: one paper per line, sorted by key.',
      '# key\tstatus\tdate\ttags\treason',
      'adasearch2025\tto-read\t2026-11-20\tknowledge-boundaries',
      'chainoffocus2025\tto-read\t2026-11-02\tmultimodal',
      'comprehensivesurvey2025\tread\t2026-10-30\tsurvey',
      'cosmos2025\texcluded\t2026-11-01\ttree-search\tstory generation, not search',
      'deepsearch2025\treading\t2026-11-12\ttree-search,baselines',
      'glanceorgaze2026\tread\t2026-11-05\tmultimodal',
      'mars2026\tto-read\t2026-11-24\ttree-search',
      'scalingup2025\tread\t2026-11-03\ttree-search',
      'sensenovamars2025\treading\t2026-11-15\tmultimodal',
      'ssrl2025\tread\t2026-10-21\tbaselines',
      'tenturns2025\tto-read\t2026-10-28\tlong-horizon',
      'vsearcher2026\texcluded\t2026-11-09\tmultimodal\tvideo only, out of scope',
      'zerosearch2025\tread\t2026-10-20\tbaselines',
      '',
    ].join('\n'),
  );
  return workspace;
}

describe('the reading workflow in the workbench', function () {
  this.timeout(180_000);
  let workbench;
  useWorkbench(
    {
      name: 'reading',
      createWorkspace: createReadingWorkspace,
      prepare: async (opened) => {
        await opened.openViewContainer(CONTAINER);
        await opened.resizeSideBar(420);
        await opened.treeItems('Papers').first().waitFor({ timeout: 60_000 });
      },
      escapeAfterEach: true,
    },
    (opened) => {
      workbench = opened;
    },
  );

  /** The Papers view, filtered or not (a filter's description joins the header's label: "Papers - To read"). */
  const pane = () => workbench.page.locator('.part.sidebar .pane', { has: workbench.page.locator(`.pane-header[aria-label^="${VIEW}"]`) });
  const rowsAt = (level) => pane().locator(`.monaco-list-row[aria-level="${level}"]`);
  /** The rows at the top level of the Papers tree. */
  const topRows = () => rowsAt(1);
  /** A row's icon, label and description, as drawn. */
  const rowsOf = (rows) => rows.evaluateAll((found) => found.map((row) => ({
    label: row.querySelector('.label-name')?.textContent ?? '',
    description: row.querySelector('.label-description')?.textContent ?? '',
    icon: [...(row.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find((name) => name.startsWith('codicon-') && name !== 'codicon-') ?? '',
  })));
  /** Gives the keys back to the workbench: a click on the empty end of the Papers list (a webview keeps them otherwise). */
  const focusPapers = async () => {
    const list = pane().locator('.monaco-list').first();
    const box = await list.boundingBox();
    await list.click({ position: { x: box.width / 2, y: box.height - 4 } });
  };
  /** The page of the webview in front (a webview is an iframe holding the page's own iframe). */
  const webviewPage = () => workbench.page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');

  it('shows each paper’s status as its icon and its tags, grouped by tag', async () => {
    await workbench.chooseCommand('Lit Review: Group Papers By');
    await workbench.quickInput().locator('.monaco-list-row[aria-label^="Tag"]').waitFor();
    await workbench.typeInQuickInput('Tag');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label^="Tag"]').waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.treeItem(VIEW, 'tree-search').first().waitFor({ timeout: 30_000 });
    const groups = await rowsOf(topRows());
    assert.deepEqual(groups.map((group) => group.label), ['baselines', 'knowledge-boundaries', 'long-horizon', 'multimodal', 'survey', 'tree-search', 'Untagged']);
    assert.deepEqual(groups.slice(0, 6).map((group) => group.description), ['3', '1', '1', '4', '1', '4']);

    // Open the three largest tags, the last first so the rows above do not move.
    // The References view folded away: the Papers view gets the whole side bar.
    await workbench.page.locator('.pane-header[aria-label^="References"]').click();
    for (const tag of ['tree-search', 'multimodal', 'baselines']) {
      await workbench.treeItem(VIEW, tag).first().click();
      await workbench.view(VIEW).locator(`.monaco-list-row[aria-expanded="true"][aria-label^="${tag}"]`).waitFor();
    }
    for (const title of ['SSRL', 'MARS', 'COS(M+O)S', 'Glance-or-Gaze']) await workbench.treeItem(VIEW, title).first().waitFor();
    const papers = await rowsOf(rowsAt(2));
    const row = (start) => papers.find((paper) => paper.label.startsWith(start));
    assert.equal(row('DeepSearch')?.icon, 'codicon-book', JSON.stringify(papers));
    assert.match(row('DeepSearch').description, /^Reading · #tree-search #baselines · 2025/);
    assert.equal(row('COS(M+O)S')?.icon, 'codicon-circle-slash');
    assert.match(row('COS(M+O)S').description, /^Excluded \(story generation, not search\) · #tree-search/);
    assert.equal(row('SSRL')?.icon, 'codicon-pass');
    assert.equal(row('MARS')?.icon, 'codicon-bookmark');
    await workbench.resizeSideBar(980);
    await workbench.page.locator('.part.sidebar').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await workbench.moveMouseAway();
    await workbench.screenshot('status');
    await workbench.resizeSideBar(420);
    await workbench.page.locator('.pane-header[aria-label^="References"]').click();
  });

  it('filters the Papers view by a status from its menu, and says so', async () => {
    await workbench.chooseCommand('Lit Review: Filter by Reading Status or Tag');
    await workbench.quickInput().locator('.monaco-list-row[aria-label*="To read"]').waitFor();
    await workbench.typeInQuickInput('To read');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label*="To read"]').waitFor();
    await workbench.page.keyboard.press('Enter');
    const message = pane().locator('.message', { hasText: '4 papers marked “To read”.' });
    await message.waitFor({ timeout: 30_000 });
    await workbench.page.locator(`.pane-header[aria-label="${VIEW} - To read Section"]`).waitFor();
    for (const tag of ['knowledge-boundaries', 'long-horizon', 'multimodal', 'tree-search']) {
      const group = pane().locator(`.monaco-list-row[aria-level="1"][aria-label^="${tag}"]`);
      await group.waitFor();
      if ((await group.getAttribute('aria-expanded')) === 'false') await group.click();
      await pane().locator(`.monaco-list-row[aria-level="1"][aria-expanded="true"][aria-label^="${tag}"]`).waitFor();
    }
    assert.equal(await pane().locator('.monaco-list-row[aria-level="1"][aria-label^="baselines"]').count(), 0, 'a tag none of whose papers is to read is hidden');
    await pane().locator('.monaco-list-row[aria-label^="Beyond Ten Turns"]').waitFor();
    const papers = await rowsOf(rowsAt(2));
    assert.equal(new Set(papers.map((paper) => paper.label)).size, 4, JSON.stringify(papers));
    assert.ok(papers.every((paper) => paper.icon === 'codicon-bookmark' && paper.description.startsWith('To read')), JSON.stringify(papers));
    await workbench.runCommand('Lit Review: Clear Filter');
    await message.waitFor({ state: 'hidden' });
  });

  it('shows the status, the tags and the similar papers on the details page', async () => {
    await workbench.chooseCommand('Lit Review: Group Papers By');
    await workbench.typeInQuickInput('Topic');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label^="Topic"]').waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });
    await workbench.chooseCommand('Lit Review: Show Paper Details');
    await workbench.typeInQuickInput('deepsearch monte carlo');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label^="DeepSearch"]').waitFor({ timeout: 30_000 });
    await workbench.page.keyboard.press('Enter');
    const page = webviewPage();
    await page.locator('section.similar-papers ol.similar li').nth(4).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('button.status[aria-pressed="true"]').innerText(), 'Reading');
    assert.deepEqual(await page.locator('.user-tag').evaluateAll((tags) => tags.map((tag) => tag.firstChild.textContent)), ['#tree-search', '#baselines']);
    assert.equal(await page.locator('.user-tag button.remove').count(), 2);
    const similar = await page.locator('ol.similar li').evaluateAll((items) => items.map((item) => ({
      title: item.querySelector('.paper-link')?.textContent ?? '',
      why: [...item.querySelectorAll('.why-word')].map((word) => word.textContent),
    })));
    assert.equal(similar.length, 5);
    assert.ok(similar.every((paper) => paper.title && !paper.title.startsWith('DeepSearch') && paper.why.length > 0), JSON.stringify(similar));

    // A status set on the page reaches the file and the Papers view.
    await page.locator('button.status[data-value="read"]').click();
    await page.locator('button.status[aria-pressed="true"]', { hasText: 'Read' }).waitFor({ timeout: 30_000 });
    // The side bar hidden, the page is wide enough for the card and the similar papers beside the paper.
    await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
    await page.locator('ol.similar li').nth(4).waitFor();
    await workbench.page.waitForTimeout(500);
    assert.equal(await page.locator('article.has-aside').evaluate((article) => getComputedStyle(article).display), 'grid', 'beside the paper');
    await workbench.moveMouseAway();
    await workbench.screenshot('similar');
    await workbench.runCommand('View: Toggle Primary Side Bar Visibility');

    // A similar paper opens its own page, at its top (the link sat far down this one).
    const next = similar[0].title;
    await page.locator('ol.similar button.paper-link').first().click();
    await page.locator('h1', { hasText: next }).waitFor({ timeout: 30_000 });
    await page.locator('section.reference').waitFor({ timeout: 30_000 });
    await workbench.page.waitForTimeout(500);
    assert.equal(await page.locator('h1').evaluate(() => window.scrollY), 0, 'drawn again with its formatted reference, still at its top');
    await focusPapers();
  });

  it('lists the papers to read, oldest first', async () => {
    await workbench.chooseCommand('Lit Review: Next to Read');
    await workbench.quickInput().locator('.quick-input-title', { hasText: 'Next to Read' }).waitFor({ timeout: 30_000 });
    await workbench.quickInput().locator('.monaco-list-row').nth(3).waitFor({ timeout: 30_000 });
    const labels = await workbench.quickInputLabels();
    assert.match(labels[0], /Beyond Ten Turns/);
    assert.match(labels[1], /Chain-of-Focus/);
    assert.match(labels[2], /AdaSearch/);
    assert.match(labels[3], /MARS/);
    await workbench.moveMouseAway();
    await workbench.screenshot('next-to-read');
  });

  it('marks two papers selected together from the Papers view’s context menu', async () => {
    await focusPapers();
    await workbench.runCommand('View: Close All Editors');
    await workbench.chooseCommand('Lit Review: Group Papers By');
    await workbench.typeInQuickInput('Tag');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label^="Tag"]').waitFor();
    await workbench.page.keyboard.press('Enter');
    for (const tag of ['knowledge-boundaries', 'long-horizon']) {
      const group = pane().locator(`.monaco-list-row[aria-level="1"][aria-label^="${tag}"]`);
      await group.waitFor({ timeout: 30_000 });
      if ((await group.getAttribute('aria-expanded')) === 'false') await group.click();
    }
    const ada = pane().locator('.monaco-list-row[aria-label^="AdaSearch"]');
    const turns = pane().locator('.monaco-list-row[aria-label^="Beyond Ten Turns"]');
    await ada.click();
    await turns.click({ modifiers: ['Control'] });
    await pane().locator('.monaco-list-row.selected').nth(1).waitFor();
    // A click opens the paper's details page, which may take the focus and close a menu opened meanwhile: ask again then.
    const title = workbench.quickInput().locator('.quick-input-title', { hasText: 'Set Reading Status of 2 papers' });
    for (let attempt = 1; ; attempt++) {
      await workbench.page.waitForTimeout(500);
      await turns.click({ button: 'right' });
      const item = workbench.page.locator('.monaco-menu .action-item', { hasText: 'Set Reading Status…' });
      await item.hover();
      await item.locator('.action-label').waitFor();
      await workbench.page.keyboard.press('Enter');
      if (await title.waitFor({ timeout: 5_000 }).then(() => true, () => attempt === 3)) break;
      await workbench.page.keyboard.press('Escape');
    }
    await title.waitFor();
    await workbench.typeInQuickInput('Reading');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label*="Reading"]').waitFor();
    await workbench.page.keyboard.press('Enter');
    await ada.locator('.codicon-book').waitFor({ timeout: 30_000 });
    await turns.locator('.codicon-book').waitFor({ timeout: 30_000 });
    assert.match(await turns.locator('.label-description').textContent(), /^Reading · #long-horizon/);
    await focusPapers();
  });

  it('lists the papers like a paper, with the words that make them alike', async () => {
    await workbench.chooseCommand('Lit Review: Similar Papers');
    await workbench.quickInput().locator('input.input[placeholder^="Type to search papers"]').waitFor();
    await workbench.typeInQuickInput('deepsearch monte carlo');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label^="DeepSearch"]').waitFor({ timeout: 30_000 });
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().locator('.quick-input-title', { hasText: 'Papers Like deepsearch2025' }).waitFor({ timeout: 30_000 });
    await workbench.quickInput().locator('.monaco-list-row').nth(4).waitFor();
    const labels = await workbench.quickInputLabels();
    assert.ok(!labels.some((label) => label.startsWith('DeepSearch')), 'not the paper itself');
    await workbench.moveMouseAway();
    await workbench.screenshot('similar-command');
  });

  it('draws papers per topic by month, with the most upvoted papers', async () => {
    await focusPapers();
    await workbench.runCommand('View: Close All Editors');
    await workbench.chooseCommand('Lit Review: Group Papers By');
    await workbench.typeInQuickInput('Topic');
    await workbench.quickInput().locator('.monaco-list-row.focused[aria-label^="Topic"]').waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });
    await workbench.runCommand('Lit Review: Show Library Chart');
    const page = webviewPage();
    await page.locator('svg.library-chart').waitFor({ timeout: 30_000 });
    assert.ok((await page.locator('rect.bar').count()) > 5);
    assert.ok((await page.locator('button.paper').count()) >= 5);
    await workbench.moveMouseAway();
    await workbench.screenshot('library-chart');
    // A bar of the largest topic shows exactly its papers in the Papers view: as many as its tooltip says.
    const bar = page.locator('rect.bar.s0').first();
    const [, topic, count, month] = /^(.+): (\d+) papers? in (.+)$/.exec(await bar.locator('title').textContent());
    await bar.click();
    const papers = Number(count);
    await pane().locator('.message', { hasText: `${papers} ${papers === 1 ? 'paper' : 'papers'} of “${topic}” in ${month} on the library chart.` }).waitFor({ timeout: 30_000 });
    await workbench.page.locator(`.pane-header[aria-label="${VIEW} - ${topic} · ${month} Section"]`).waitFor();
    await workbench.moveMouseAway();
    await workbench.screenshot('chart-filter');
    await workbench.runCommand('Lit Review: Clear Filter');
  });
});
