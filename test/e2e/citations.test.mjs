// Citations as a writer meets them: a page and prefix given while inserting, where a paper is
// cited (on hover), the References view of the note in front, and Check Bibliography.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureWorkspace } from '../host/workspaces.mjs';
import { openCommandPicker, waitForFocusedRow } from './search.quickPick.mjs';
import { useWorkbench } from './suite.mjs';

const NOTE = 'notes/review.md';
const SSRL = 'SSRL: Self-Search Reinforcement Learning';

describe('citations in the workbench', function () {
  this.timeout(180_000);
  let workbench;
  let workspace;
  useWorkbench(
    {
      name: 'citations',
      createWorkspace: createFixtureWorkspace,
      prepare: async (opened) => {
        await opened.openViewContainer('Lit Review');
        await opened.resizeSideBar(420);
        await opened.treeItems('Papers').first().waitFor({ timeout: 60_000 });
        await opened.openFile(NOTE);
      },
      escapeAfterEach: true,
    },
    (opened, folder) => {
      workbench = opened;
      workspace = folder;
    },
  );

  const lines = () => workbench.editorLines();

  it('asks for a page or prefix after the papers, each row showing the citation it writes', async () => {
    await lines().click();
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.type('Self-search needs no engine at first ', { delay: 5 });
    await openCommandPicker(workbench, 'Lit Review: Insert Citation', 'Lit Review: Insert Citation');
    await workbench.typeInQuickInput('self-search');
    await waitForFocusedRow(workbench, SSRL);
    await workbench.page.keyboard.press('Enter');
    await waitForFocusedRow(workbench, 'Insert 1 citation: [@ssrl2025]');
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().locator('.quick-input-title', { hasText: 'Insert Citation of ssrl2025' }).waitFor();
    await waitForFocusedRow(workbench, 'in brackets');
    await workbench.typeInQuickInput('see, p. 3');
    await waitForFocusedRow(workbench, '[see @ssrl2025, p. 3]');
    await workbench.quickInput().locator('.monaco-list-row', { hasText: '@ssrl2025 [p. 3]' }).waitFor();
    await workbench.moveMouseAway();
    await workbench.screenshot('cite-locator');
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });
    await workbench.page.waitForFunction(() => document.querySelector('.part.editor .view-lines')?.textContent?.includes('@ssrl2025,'));
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('It learns when to search [@ssrl2025; @nosuchkey2024].', { delay: 5 });
    await workbench.page.keyboard.press('Control+S');
  });

  it('shows where a paper is cited when hovering over its key', async () => {
    await workbench.hoverOverText('ssrl2025');
    const hover = workbench.page.locator('.monaco-hover', { hasText: 'Cited in' });
    await hover.waitFor({ timeout: 30_000 });
    assert.match(await hover.innerText(), /review\.md:\d+/);
    await workbench.screenshot('cited-in');
    await workbench.moveMouseAway();
  });

  it('lists the note’s references in the References view, an unknown key flagged', async () => {
    const rows = workbench.page.locator('.part.sidebar .monaco-list-row');
    await rows.filter({ hasText: 'nosuchkey2024' }).waitFor({ timeout: 30_000 });
    await rows.filter({ hasText: 'nosuchkey2024' }).locator('.codicon-warning').waitFor();
    await rows.filter({ hasText: 'SSRL: Self-Search' }).first().waitFor();
    await workbench.screenshot('references-view');
  });

  it('checks the bibliography and offers the fixes to tick', async () => {
    // The bibliography citing made, with two entries of the writer's own: one cited nowhere, one
    // cited nowhere and differing from the library.
    const bib = join(workspace.path, 'references.bib');
    for (const started = Date.now(); !existsSync(bib) || !readFileSync(bib, 'utf8').includes('ssrl2025'); ) {
      if (Date.now() - started > 30_000) throw new Error('no bibliography after citing');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    appendFileSync(bib, '\n@misc{oldsurvey2019,\n  title = {An Old Survey of Search}\n}\n\n@misc{zerosearch2025,\n  title = {ZeroSearch},\n  year = {2025}\n}\n');
    await workbench.page.waitForTimeout(1500);
    await lines().click();
    await workbench.chooseCommand('Lit Review: Check Bibliography');
    const row = workbench.quickInput().locator('.monaco-list-row', { hasText: 'nosuchkey2024' });
    await row.waitFor({ timeout: 30_000 });
    await workbench.moveMouseAway();
    await workbench.screenshot('check-bibliography');
    await workbench.page.keyboard.press('Escape');
  });

  it('shows the findings on the entries of the .bib file', async () => {
    await workbench.openFile('references.bib');
    const bibLines = workbench.editorLines();
    await bibLines.filter({ hasText: 'oldsurvey2019' }).waitFor();
    // The unused entry is faded, the one that differs from the library underlined as a warning.
    await workbench.page.locator('.part.editor .squiggly-warning').first().waitFor();
    await workbench.page.locator('.part.editor .squiggly-inline-unnecessary').first().waitFor();
    await workbench.hoverOverText('zerosearch2025');
    const hover = workbench.page.locator('.monaco-hover', { hasText: 'differs from the library' });
    await hover.waitFor({ timeout: 30_000 });
    const text = await hover.innerText();
    assert.match(text, /zerosearch2025 differs from the library: title "ZeroSearch" here, "ZeroSearch: Incentivize/);
    assert.match(text, /zerosearch2025 is cited by no note in the workspace/);
    await workbench.screenshot('bibliography-diagnostics');
    await workbench.moveMouseAway();
  });
});
