// The extension as a person meets it: the example library opened in VS Code, the Lit Review
// view in the activity bar, the paper count in the status bar, commands in the palette.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleWorkspace, FIXTURES } from '../host/workspaces.mjs';
import { useWorkbench } from './suite.mjs';

const CONTAINER = 'Lit Review';
const VIEW = 'Papers';
const EXAMPLE_PAPER_COUNT = 60;
const EXAMPLE_LISTING = 'papers/hf-daily-papers-rl-search.txt';

describe('Lit Review in the workbench', function () {
  this.timeout(180_000);
  let workspace;
  let workbench;
  useWorkbench(
    {
      name: 'lit-review',
      createWorkspace: createExampleWorkspace,
    },
    (opened, folder) => {
      workbench = opened;
      workspace = folder;
    },
  );

  it('lists the papers of the example library in its own view', async () => {
    await workbench.openViewContainer(CONTAINER);
    await workbench.resizeSideBar(560);
    await workbench.openFile(EXAMPLE_LISTING);
    await workbench.treeItems(VIEW).first().waitFor({ timeout: 60_000 });
    await workbench.statusBarItem(`${EXAMPLE_PAPER_COUNT} papers`).waitFor();
    const labels = await workbench.visibleTreeLabels(VIEW);
    assert.ok(labels.length >= 5, `the view shows the library's topics, not ${labels.length} rows`);
    assert.ok(labels.includes('Other') || labels.length >= 8, `topics are listed: ${labels.join(', ')}`);
    await workbench.moveMouseAway();
    await workbench.screenshot('library');
  });

  it('shows the number of papers in the status bar', async () => {
    const item = workbench.paperCountItem(/\d+ papers?/);
    await item.waitFor();
    assert.equal((await item.innerText()).trim(), `${EXAMPLE_PAPER_COUNT} papers`);
  });

  it('reindexes from the command palette and picks up a new listing', async () => {
    copyFileSync(join(FIXTURES, 'workspace', 'more-papers.txt'), join(workspace.path, 'papers', 'more-papers.txt'));
    await workbench.runCommand('Lit Review: Reindex Library');
    await workbench.paperCountItem(`${EXAMPLE_PAPER_COUNT + 2} papers`).waitFor();
    // The result is also said in passing, once.
    await workbench.statusBarItem(`Reindexed ${EXAMPLE_PAPER_COUNT + 2} papers`).waitFor();
    await workbench.screenshot('reindexed');
  });
});
