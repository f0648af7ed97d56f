// Citing while writing, as a person does it in a Markdown note: Insert Citation with two papers
// chosen from the quick pick, key completion after `[@`, and the card shown on hovering a key.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureWorkspace } from '../host/workspaces.mjs';
import { openCommandPicker, waitForFocusedRow } from './search.quickPick.mjs';
import { useWorkbench } from './suite.mjs';

const NOTE = 'notes/review.md';
const SSRL = 'SSRL: Self-Search Reinforcement Learning';
const ZEROSEARCH = 'ZeroSearch: Incentivize the Search Capability of LLMs without Searching';
const DEEPSEARCH = 'DeepSearch: Overcome the Bottleneck of Reinforcement Learning';

describe('citing in a note in the workbench', function () {
  this.timeout(180_000);
  let workspace;
  let workbench;
  useWorkbench(
    {
      name: 'cite',
      createWorkspace: createFixtureWorkspace,
      prepare: async (opened) => {
        await opened.openViewContainer('Lit Review');
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

  const editorText = () => workbench.editorLines().innerText();

  /** The text of the note's editor as one line: the editor wraps long lines. */
  async function noteText() {
    return (await editorText()).replace(/\s+/g, ' ');
  }

  /** The note's bibliography once `ready` says it is, or as it is at the deadline. */
  async function bibliographyWithin(ms, ready) {
    const file = join(workspace.path, 'references.bib');
    const deadline = Date.now() + ms;
    for (;;) {
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (ready(text) || Date.now() > deadline) return text;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('inserts one citation of two papers chosen in Insert Citation, and adds them to the bibliography', async () => {
    await workbench.editorLines().click();
    // The note ends with a newline: Ctrl+End is the start of a fresh line.
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.type('Two recent papers train this ability ', { delay: 5 });

    await openCommandPicker(workbench, 'Lit Review: Insert Citation', 'Lit Review: Insert Citation');
    await workbench.typeInQuickInput('self-search');
    await waitForFocusedRow(workbench, SSRL);
    await workbench.page.keyboard.press('Enter');
    await waitForFocusedRow(workbench, 'Insert 1 citation: [@ssrl2025]');
    await workbench.typeInQuickInput('zerosearch');
    await waitForFocusedRow(workbench, ZEROSEARCH);
    await workbench.page.keyboard.press('Enter');
    await waitForFocusedRow(workbench, 'Insert 2 citations: [@ssrl2025; @zerosearch2025]');
    // Both chosen papers are checked in the list below the summary.
    const checked = await workbench.quickInput().locator('.monaco-list-row .codicon-check').count();
    assert.ok(checked >= 2, `the chosen papers are checked (${checked} check marks)`);
    await workbench.page.keyboard.press('Enter');
    // No page or prefix: Enter again inserts the citation in brackets.
    await workbench.quickInput().locator('.quick-input-title', { hasText: 'Insert Citation of 2 papers' }).waitFor();
    await waitForFocusedRow(workbench, 'in brackets');
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });

    await workbench.page.waitForFunction(() => document.querySelector('.part.editor .view-lines')?.textContent?.includes('@zerosearch2025]'));
    const text = await noteText();
    assert.ok(text.includes('Two recent papers train this ability [@ssrl2025; @zerosearch2025]'), text);
    // The bibliography is written just after the edit lands: wait for it.
    const bib = await bibliographyWithin(30_000, (text) => text.includes('@misc{zerosearch2025'));
    assert.deepEqual([...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((match) => match[1]), ['ssrl2025', 'zerosearch2025']);

    // The note named no bibliography: Lit Review says where it wrote one, and offers to link it.
    await workbench.runCommand('Notifications: Show Notifications');
    const offer = workbench.page.locator('.notification-list-item', { hasText: 'Lit Review created references.bib' }).first();
    await offer.waitFor();
    assert.match(await offer.innerText(), /names no bibliography yet: linking adds “bibliography: \.\.\/references\.bib” to it/);
    await workbench.moveMouseAway();
    await workbench.screenshot('link-bibliography');
    await offer.getByRole('button', { name: 'Link to the note' }).click();
    await offer.waitFor({ state: 'detached' });
    await workbench.page.waitForFunction(() => document.querySelector('.part.editor .view-lines')?.textContent?.includes('../references.bib'));
    assert.ok((await noteText()).startsWith('--- bibliography: ../references.bib --- # Reinforcement learning'), await noteText());

    // The bibliography beside the note: both entries were added to it.
    await workbench.quickOpen('references.bib');
    await workbench.page.keyboard.press('Control+Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });
    const bibEditor = workbench.page.locator('.part.editor .editor-group-container').nth(1).locator('.view-lines');
    await bibEditor.filter({ hasText: '@misc{zerosearch2025' }).waitFor();
    await workbench.moveMouseAway();
    await workbench.screenshot('cite');
    // Back to the note alone.
    await workbench.page.locator('.part.editor .tab[data-resource-name="references.bib"] a.action-label[aria-label^="Close"]').click();
    await workbench.page.locator('.part.editor .editor-group-container').nth(1).waitFor({ state: 'detached' });
  });

  it('completes citation keys after `[@`, with each paper’s title', async () => {
    await workbench.editorLines().click();
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('Searching without a search engine is also studied in [@', { delay: 5 });
    const widget = workbench.page.locator('.editor-widget.suggest-widget.visible');
    await widget.waitFor();
    await widget.locator('.monaco-list-row').first().waitFor();
    const labels = await widget.locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    assert.ok(labels.length >= 5, `a screenful of keys, not ${labels.length}`);
    for (const label of labels) assert.match(label, /^[a-z0-9]+20\d\d|^[a-z0-9]+,/, `"${label}" is a citation key`);
    // The details of the focused key beside the list: title, year, authors, abstract.
    await workbench.page.keyboard.press('Control+Space');
    const details = workbench.page.locator('.suggest-details-container', { hasText: /\(20\d\d\)/ });
    await details.waitFor();
    assert.match(await details.innerText(), /authors?/, 'the details name the authors');
    await workbench.page.waitForTimeout(500);
    await workbench.moveMouseAway();
    await workbench.screenshot('completion');

    await workbench.page.keyboard.type('zero', { delay: 30 });
    await widget.locator('.monaco-list-row.focused[aria-label^="zerosearch2025"]').waitFor();
    await workbench.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await workbench.page.waitForFunction(() => document.querySelector('.part.editor .view-lines')?.textContent?.includes('[@zerosearch2025'));
    assert.ok((await noteText()).includes('is also studied in [@zerosearch2025'), await noteText());
  });

  it('shows the paper when the pointer rests on a key', async () => {
    await workbench.hoverOverText('@ssrl2025');
    const hover = workbench.page.locator('.monaco-hover:not(.hidden)', { hasText: SSRL });
    await hover.first().waitFor({ timeout: 15_000 });
    const text = await hover.first().innerText();
    assert.ok(text.includes(SSRL), text);
    assert.ok(text.includes('2025-08-14'), 'the date');
    assert.ok(text.includes('We investigate the potential of large language models'), 'the abstract');
    // The card fades in.
    await workbench.page.waitForTimeout(600);
    await workbench.screenshot('hover');
  });

  it('takes back a citation and its bibliography entry with one undo in the note', async () => {
    await workbench.editorLines().click();
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.type('Tree search helps as well ', { delay: 5 });
    await openCommandPicker(workbench, 'Lit Review: Search Papers', 'Lit Review: Search Papers');
    await workbench.typeInQuickInput('monte carlo tree search');
    await waitForFocusedRow(workbench, DEEPSEARCH);
    const focused = workbench.quickInput().locator('.monaco-list-row.focused');
    assert.match(await focused.getAttribute('aria-label'), /· Enter: cite in review\.md — /, 'the row says what Enter does');
    await workbench.page.keyboard.press('Enter');
    await workbench.quickInput().waitFor({ state: 'hidden' });
    await workbench.page.waitForFunction(() => document.querySelector('.part.editor .view-lines')?.textContent?.includes('[@deepsearch2025]'));
    const cited = await bibliographyWithin(30_000, (text) => text.includes('{deepsearch2025,'));
    assert.match(cited, /\{deepsearch2025,/, 'the entry is saved to the bibliography');
    // A moment to read what went in, as a person would before taking it back.
    await workbench.page.waitForTimeout(1000);

    // One Ctrl+Z in the note: the editor undoes the edit in both files at once, without asking.
    await workbench.page.keyboard.press('Control+Z');
    await workbench.page.waitForFunction(() => !document.querySelector('.part.editor .view-lines')?.textContent?.includes('@deepsearch2025'));
    const after = await bibliographyWithin(15_000, (text) => !text.includes('{deepsearch2025,'));
    assert.doesNotMatch(after, /\{deepsearch2025,/, 'the entry is gone from the bibliography');
    assert.match(after, /\{zerosearch2025,/, 'the entries before it stay');
  });
});
