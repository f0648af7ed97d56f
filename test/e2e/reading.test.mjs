// The reading workflow as a person meets it: Next to Read, Similar Papers and the library
// chart, each picked from the Command Palette.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExampleWorkspace } from '../host/workspaces.mjs';
import { useWorkbench } from './suite.mjs';

const CONTAINER = 'Lit Review';

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
      'chainoffocus2025\tto-read\t2026-11-02\tmultimodal,survey-candidates',
      'comprehensivesurvey2025\tread\t2026-10-30\tsurvey',
      'cosmos2025\texcluded\t2026-11-01\t\tstory generation, not search',
      'deepsearch2025\treading\t2026-11-12\ttree-search',
      'tenturns2025\tto-read\t2026-10-28\tlong-horizon,rl',
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

  it('lists the papers to read, oldest first', async () => {
    await workbench.chooseCommand('Lit Review: Next to Read');
    await workbench.quickInput().locator('.quick-input-title', { hasText: 'Next to Read' }).waitFor({ timeout: 30_000 });
    await workbench.quickInput().locator('.monaco-list-row').nth(2).waitFor({ timeout: 30_000 });
    const labels = await workbench.quickInputLabels();
    assert.match(labels[0], /Beyond Ten Turns/);
    assert.match(labels[1], /Chain-of-Focus/);
    assert.match(labels[2], /AdaSearch/);
    await workbench.moveMouseAway();
    await workbench.screenshot('status');
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
    await workbench.screenshot('similar');
  });

  it('draws papers per topic by month, with the most upvoted papers', async () => {
    await workbench.runCommand('Lit Review: Show Library Chart');
    const page = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await page.locator('svg.library-chart').waitFor({ timeout: 30_000 });
    assert.ok((await page.locator('rect.bar').count()) > 5);
    assert.ok((await page.locator('button.paper').count()) >= 5);
    await workbench.moveMouseAway();
    await workbench.screenshot('library-chart');
    // A bar filters the Papers view by its topic.
    await page.locator('rect.bar').first().click();
    await workbench.page.locator('.pane-header', { hasText: 'Papers' }).waitFor();
  });
});
