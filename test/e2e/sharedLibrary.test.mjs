// The lab's shared library in the workbench: a throwaway PostgreSQL with the example library
// published, connected from the Command Palette (the password typed into a password box),
// then Search Papers showing the lab's papers below the researcher's own, marked shared.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../host/hosts.mjs';
import { createFixtureWorkspace } from '../host/workspaces.mjs';
import { openCommandPicker, quickPickRows } from './search.quickPick.mjs';
import { useWorkbench } from './suite.mjs';

/** A researcher's own reading: classics of search and tool use that the lab's library lacks. */
const MY_READING = `@inproceedings{yao2023react,
  title = {ReAct: Synergizing Reasoning and Acting in Language Models},
  author = {Yao, Shunyu and Zhao, Jeffrey and Yu, Dian and Du, Nan and Shafran, Izhak and Narasimhan, Karthik and Cao, Yuan},
  booktitle = {International Conference on Learning Representations},
  year = {2023},
  eprint = {2210.03629},
  archiveprefix = {arXiv},
}

@article{jin2025searchr1,
  title = {Search-R1: Training LLMs to Reason and Leverage Search Engines with Reinforcement Learning},
  author = {Jin, Bowen and Zeng, Hansi and Yue, Zhenrui and Yoon, Jinsung and Arik, Sercan and Wang, Dong and Zamani, Hamed and Han, Jiawei},
  year = {2025},
  eprint = {2503.09516},
  archiveprefix = {arXiv},
}

@article{li2025searcho1,
  title = {Search-o1: Agentic Search-Enhanced Large Reasoning Models},
  author = {Li, Xiaoxi and Dong, Guanting and Jin, Jiajie and Zhang, Yuyao and Zhou, Yujia and Zhu, Yutao and Zhang, Peitian and Dou, Zhicheng},
  year = {2025},
  eprint = {2501.05366},
  archiveprefix = {arXiv},
}

@inproceedings{schick2023toolformer,
  title = {Toolformer: Language Models Can Teach Themselves to Use Tools},
  author = {Schick, Timo and Dwivedi-Yu, Jane and Dessì, Roberto and Raileanu, Roberta and Lomeli, Maria and Zettlemoyer, Luke and Cancedda, Nicola and Scialom, Thomas},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2023},
  eprint = {2302.04761},
  archiveprefix = {arXiv},
}
`;

const QUERY = 'search agent reinforcement';
const STATUS_ITEM = '[id="lit-review.lit-review.litReview.sharedLibrary"]';

/** The workspace of the search suite, its library the researcher's own reading instead of the example page. */
function createMyWorkspace() {
  const workspace = createFixtureWorkspace();
  rmSync(join(workspace.path, 'papers', 'hf-daily-papers-rl-search.txt'));
  writeFileSync(join(workspace.path, 'papers', 'my-reading.bib'), MY_READING);
  return workspace;
}

/**
 * Starts the throwaway server (`npx tsx test/postgres/serve.ts --json`, run by tsx itself so
 * that one signal reaches it once): resolves with its one line of JSON.
 */
function startSharedLibrary() {
  const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, 'test/postgres/serve.ts', '--json'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The shared library did not start within 180 s:\n${errors}`)), 180_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((text) => text.trim().startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
    child.stderr.on('data', (chunk) => {
      errors += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The shared library stopped (exit ${code}):\n${errors}`));
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // tsx hands the signal to the script, which stops its server and deletes it before exiting.
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  };
  return { ready, stop };
}

/**
 * The rows once the shared ones have come for the whole query and stayed: while typing, a
 * shorter query's shared rows may show for a moment before the next keystroke's replace them.
 */
async function settledRows(workbench, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const rows = await quickPickRows(workbench);
    const clouds = await workbench.quickInput().locator('.monaco-list-row').evaluateAll((elements) =>
      elements.filter((row) => row.querySelector('.codicon-cloud')).map((row) => Number(row.getAttribute('data-index'))),
    );
    const seen = JSON.stringify(rows.map((row) => row.aria));
    if (clouds.length && seen === last) return { rows, firstShared: Math.min(...clouds) };
    if (Date.now() > deadline) throw new Error(`No shared rows settled; the rows: ${rows.map((row) => row.aria).join(' | ')}`);
    last = clouds.length ? seen : '';
    await workbench.page.waitForTimeout(500);
  }
}

describe('the shared library in the workbench', function () {
  this.timeout(240_000);
  let workbench;
  let server;
  let shared;

  before(async function () {
    this.timeout(240_000);
    server = startSharedLibrary();
    shared = await server.ready;
    assert.ok(shared.connection && shared.password, 'the server says how to connect');
    assert.ok(!shared.connection.includes(shared.password), 'the connection string carries no password');
  });

  after(async () => {
    await server?.stop();
  });

  useWorkbench(
    {
      name: 'shared-library',
      createWorkspace: createMyWorkspace,
      escapeAfterEach: true,
      prepare: async (opened) => {
        await opened.openViewContainer('Lit Review');
        await opened.treeItems('Papers').first().waitFor({ timeout: 60_000 });
        await opened.openFile('notes/review.md');
      },
    },
    (opened) => {
      workbench = opened;
    },
  );

  it('connects from the Command Palette, the password typed into a password box', async () => {
    await workbench.chooseCommand('Lit Review: Connect to Shared Library…');
    const input = workbench.quickInput();
    await input.locator('.quick-input-title', { hasText: '(1/2)' }).waitFor();
    await workbench.typeInQuickInput(shared.connection);
    await workbench.page.keyboard.press('Enter');
    await input.locator('.quick-input-title', { hasText: '(2/2)' }).waitFor();
    assert.equal(await input.locator('input.input').getAttribute('type'), 'password', 'the password is not shown as it is typed');
    await workbench.typeInQuickInput(shared.password);
    await workbench.page.keyboard.press('Enter');
    const status = workbench.page.locator(`.part.statusbar ${STATUS_ITEM}`);
    await status.filter({ hasText: 'Shared: 60 papers' }).waitFor({ timeout: 30_000 });
    // Its view joins the Lit Review side bar, the published topics under the library's size.
    await workbench.treeItem('Shared Library', 'Shared library, 60 papers').waitFor({ timeout: 30_000 });
    await workbench.view('Shared Library').locator('.monaco-list-row .label-name', { hasText: 'Shared library (60 papers)' }).waitFor();
  });

  it('shows the lab’s papers below the researcher’s own in Search Papers, marked shared', async () => {
    await workbench.runCommand('Notifications: Clear All Notifications');
    await openCommandPicker(workbench, 'Lit Review: Search Papers', 'Lit Review: Search Papers');
    // The newest papers show before anything is typed: the picker is ready for the query.
    await workbench.quickInput().locator('.monaco-list-row').first().waitFor();
    await workbench.typeInQuickInput(QUERY);
    assert.equal(await workbench.quickInput().locator('input.input').inputValue(), QUERY);
    const input = workbench.quickInput();
    const { rows, firstShared } = await settledRows(workbench);
    const local = rows.filter((row) => row.index < firstShared && /Search-R1|Search-o1/.test(row.aria));
    assert.ok(local.length >= 1, `the researcher's own papers first: ${rows.map((row) => row.aria).join(' | ')}`);
    const below = rows.filter((row) => row.index >= firstShared);
    assert.ok(below.length >= 3, `a few shared papers below them, not ${below.length}`);
    assert.ok(below.every((row) => row.aria.includes('shared')), below.map((row) => row.aria).join(' | '));
    // The separator between the two says where the papers below come from.
    assert.ok(await input.getByText('shared library', { exact: true }).count(), 'a "shared library" separator');
    await workbench.moveMouseAway();
    await workbench.screenshot('shared-search');
    await workbench.page.keyboard.press('Escape');
  });

  it('offers citing and copying a shared paper from its context menu in the Shared Library view', async () => {
    const pane = workbench.view('Shared Library');
    const topic = pane.locator('.monaco-list-row[aria-level="2"]').first();
    await topic.waitFor({ timeout: 30_000 });
    if ((await topic.getAttribute('aria-expanded')) === 'false') await topic.click();
    const paper = pane.locator('.monaco-list-row[aria-level="3"]').first();
    await paper.waitFor({ timeout: 30_000 });
    assert.ok(await paper.locator('.codicon-cloud').count(), 'a paper only the shared library has');
    await paper.click({ button: 'right' });
    const menu = workbench.page.locator('.monaco-menu');
    for (const label of ['Insert Citation', 'Copy Citation Key', 'Copy BibTeX', 'Copy Formatted Reference', 'Open Link']) {
      await menu.locator('.action-item', { hasText: label }).first().waitFor({ timeout: 10_000 });
    }
    await workbench.screenshot('shared-context-menu');
    await workbench.page.keyboard.press('Escape');
  });

  it('says in the status bar when the server is gone, while local search goes on', async () => {
    await server.stop();
    await openCommandPicker(workbench, 'Lit Review: Search Papers', 'Lit Review: Search Papers');
    await workbench.typeInQuickInput('toolformer');
    await workbench.quickInput().locator('.monaco-list-row', { hasText: 'Toolformer' }).first().waitFor();
    const status = workbench.page.locator(`.part.statusbar ${STATUS_ITEM}`);
    await status.filter({ hasText: 'Shared library unreachable' }).waitFor({ timeout: 20_000 });
    await workbench.page.keyboard.press('Escape');
  });
});
