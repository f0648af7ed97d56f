// Searching the library as a person does: the Search Papers quick pick opened from the
// Command Palette, a query typed, the rows read off the screen in the order shown and compared
// with the search engine's own order (the command-line tool runs the same engine).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../host/hosts.mjs';
import { createFixtureWorkspace } from '../host/workspaces.mjs';
import { openCommandPicker, quickPickRows, waitForFocusedRow } from './search.quickPick.mjs';
import { useWorkbench } from './suite.mjs';

const QUERY = 'search agent';

/** The engine's titles for a query, best first, from the built command-line tool. */
function engineTitles(libraryFolder, query) {
  const output = execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'search', query, '--library', libraryFolder, '--json', '--limit', '100'], { encoding: 'utf8' });
  return JSON.parse(output).results.map((result) => result.title);
}

describe('searching papers in the workbench', function () {
  this.timeout(180_000);
  let workspace;
  let workbench;
  useWorkbench(
    {
      name: 'search',
      createWorkspace: createFixtureWorkspace,
      prepare: async (opened) => {
        await opened.openViewContainer('Lit Review');
        await opened.treeItems('Papers').first().waitFor({ timeout: 60_000 });
        await opened.openFile('notes/review.md');
      },
    },
    (opened, folder) => {
      workbench = opened;
      workspace = folder;
    },
  );

  it('shows the search engine’s best papers for a query, in the engine’s order', async () => {
    const expected = engineTitles(join(workspace.path, 'papers'), QUERY);
    assert.ok(expected.length >= 5, `the engine finds papers for "${QUERY}"`);
    // Left to itself, the editor moves rows whose title contains the query to the top, sorted by
    // title: for this query that order differs from the engine's, so the test can tell them apart.
    const literal = expected.filter((title) => title.toLowerCase().includes(QUERY));
    const editorOrder = [...[...literal].sort((a, b) => a.localeCompare(b)), ...expected.filter((title) => !literal.includes(title))];
    assert.notDeepEqual(editorOrder.slice(0, 8), expected.slice(0, 8), 'the editor’s own sorting would change the order');

    await openCommandPicker(workbench, 'Lit Review: Search Papers', 'Lit Review: Search Papers');
    await workbench.typeInQuickInput(QUERY);
    await waitForFocusedRow(workbench, expected[0]);

    const rows = await quickPickRows(workbench);
    assert.ok(rows.length >= 5, `a screenful of rows, not ${rows.length}`);
    rows.forEach((row, position) => {
      assert.equal(row.index, position, 'rows from the top, none skipped');
      assert.ok(row.aria.startsWith(expected[position]), `row ${position + 1} is "${expected[position]}", not "${row.aria}"`);
    });
    // Each row: the title, then year · organisation or authors (· upvotes), what Enter does
    // (the note is in front: it cites), and the abstract.
    assert.match(rows[0].aria, /, 20\d\d · \d+ authors(?: · ▲\d+)? · Enter: cite in review\.md — Large models are/);
    assert.ok(rows.every((row) => row.aria.includes('Enter: cite in review.md — ')), 'every row says it');
    const input = await workbench.quickInput().locator('input.input').inputValue();
    assert.equal(input, QUERY);
    await workbench.moveMouseAway();
    await workbench.screenshot('search');
    await workbench.page.keyboard.press('Escape');
  });
});
