// Complete Metadata as a person runs it from the command palette: the example library looked
// up in a local server replaying real Hugging Face, arXiv and Crossref answers, the progress
// and then the summary, and a completed paper in the tree with its authors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { REPO_ROOT } from '../host/hosts.mjs';
import { createExampleWorkspace } from '../host/workspaces.mjs';
import { useWorkbench } from './suite.mjs';

const CONTAINER = 'Lit Review';
const VIEW = 'Papers';

/** The replay server in a process of its own; resolves to its origin and a way to stop it. */
async function startReplayServer() {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test', 'services', 'serve.ts')], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const [origin] = await Promise.race([
    new Promise((resolve) => createInterface({ input: child.stdout }).once('line', (line) => resolve([line.trim()]))),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`the replay server exited (${code})`)))),
  ]);
  return { origin, stop: () => child.kill('SIGTERM') };
}

describe('Complete Metadata in the workbench', function () {
  this.timeout(240_000);
  let server;
  let workbench;
  let workspace;

  before(async () => {
    server = await startReplayServer();
  });
  after(() => server?.stop());

  useWorkbench(
    {
      name: 'resolve',
      createWorkspace: () => {
        const workspace = createExampleWorkspace();
        // The services, as mirrors would be named: the local replay server.
        mkdirSync(join(workspace.path, '.vscode'), { recursive: true });
        writeFileSync(
          join(workspace.path, '.vscode', 'settings.json'),
          JSON.stringify({ 'litReview.huggingFaceUrl': `${server.origin}/huggingface`, 'litReview.arxivUrl': `${server.origin}/arxiv`, 'litReview.crossrefUrl': `${server.origin}/crossref` }, null, 2),
        );
        return workspace;
      },
      prepare: async (opened) => {
        await opened.openViewContainer(CONTAINER);
        await opened.resizeSideBar(560);
      },
    },
    (opened, folder) => {
      workbench = opened;
      workspace = folder;
    },
  );

  it('looks up the papers that lack authors, then says what it found', async () => {
    await workbench.treeItems(VIEW).first().waitFor({ timeout: 60_000 });
    await workbench.runCommand('Lit Review: Complete Metadata');
    // Once the resolved listing is written the summary waits in the notification center.
    const resolved = join(workspace.path, 'papers', '.lit-review', 'resolved.bib');
    for (const started = Date.now(); !existsSync(resolved); ) {
      if (Date.now() - started > 120_000) throw new Error('no resolved listing after two minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await workbench.runCommand('Notifications: Show Notifications');
    const summary = workbench.page.locator('.notification-list-item').filter({ hasText: /papers completed/ }).first();
    await summary.waitFor({ timeout: 30_000 });
    const text = await summary.innerText();
    assert.match(text, /4 of 60 papers completed/, text);
    assert.match(text, /Saved in papers\/\.lit-review\/resolved\.bib/, text);
    await workbench.moveMouseAway();
    await workbench.screenshot('resolve');
  });
});
