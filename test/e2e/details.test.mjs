// The details page as a person meets it: picked from the Command Palette, shown as a page
// with the paper's title, organisation, date, upvotes, links, abstract and BibTeX.
import assert from 'node:assert/strict';
import { createExampleWorkspace } from '../host/workspaces.mjs';
import { useWorkbench } from './suite.mjs';

const CONTAINER = 'Lit Review';
const TITLE = 'TimeSearch-R: Adaptive Temporal Search for Long-Form Video Understanding via Self-Verification Reinforcement Learning';

describe('the paper details page in the workbench', function () {
  this.timeout(180_000);
  let workbench;
  useWorkbench(
    {
      name: 'details',
      createWorkspace: createExampleWorkspace,
      prepare: async (opened) => {
        await opened.openViewContainer(CONTAINER);
        await opened.resizeSideBar(420);
        await opened.treeItems('Papers').first().waitFor({ timeout: 60_000 });
      },
    },
    (opened) => {
      workbench = opened;
    },
  );

  it('shows a paper picked from the Command Palette as a readable page', async () => {
    // The command answers with a paper picker, so the palette stays open.
    await workbench.chooseCommand('Lit Review: Show Paper Details');
    await workbench.quickInput().locator('input.input[placeholder^="Type to search papers"]').waitFor();
    await workbench.typeInQuickInput('timesearch');
    await workbench.quickInput().locator(`.monaco-list-row.focused[aria-label^="${TITLE.slice(0, 30)}"]`).waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });

    // The panel opens a moment after the picker closes: wait for its tab to become the active one.
    const tab = workbench.page.locator(`.part.editor .tab.active[aria-label^=${JSON.stringify(TITLE.slice(0, 40))}]`);
    await tab.waitFor({ timeout: 30_000 });
    assert.ok((await tab.getAttribute('aria-label')).startsWith(TITLE.slice(0, 40)), 'the tab is titled after the paper');

    // A webview is an iframe (laid over the editor, outside its DOM) holding the page's own iframe.
    const page = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await page.locator('h1').waitFor({ timeout: 30_000 });
    assert.equal((await page.locator('h1').innerText()).trim(), TITLE);
    assert.match(await page.locator('.authors').innerText(), /ByteDance/);
    assert.match(await page.locator('.facts').innerText(), /2025/);
    assert.match(await page.locator('.facts').innerText(), /▲ \d+ upvotes/);
    const links = await page.locator('a.link').evaluateAll((anchors) => anchors.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
    assert.ok(links.length >= 1 && links.every((link) => /^https?:\/\//.test(link.href)), `web links only: ${JSON.stringify(links)}`);
    assert.ok(links.some((link) => link.text === 'GitHub'));
    assert.ok((await page.locator('.abstract p').first().innerText()).length > 100, 'the abstract is there');
    assert.match(await page.locator('pre.bibtex').innerText(), /^@\w+\{timesearchr2025,/);
    // One script, the page's own (by its nonce): it only posts what the reading buttons ask for.
    assert.equal(await page.locator('script[nonce]').count(), 1, 'the page runs its own script only');
    assert.match(await page.locator('script[nonce]').textContent(), /postMessage/);
    assert.equal(await page.locator('.abstract script, h1 script, pre.bibtex script').count(), 0, 'no listing text became a script');

    await workbench.moveMouseAway();
    await workbench.screenshot('details');
  });
});
