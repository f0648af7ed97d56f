// What every UI suite does around its tests: a workbench opened on a fresh workspace
// before them, a screenshot named after each test that fails, and both closed after.
import { openWorkbench } from './workbench.mjs';

/**
 * Registers the hooks in the calling `describe`. `opened` receives the workbench and the
 * workspace as soon as they exist; `prepare` then brings the workbench to where the tests start.
 */
export function useWorkbench({ name, createWorkspace, prepare, escapeAfterEach = false }, opened) {
  let workspace;
  let workbench;

  before(async () => {
    workspace = createWorkspace();
    workbench = await openWorkbench({ folder: workspace.path });
    opened(workbench, workspace);
    await prepare?.(workbench);
  });

  afterEach(async function () {
    // Whatever a failed step left open must not swallow the next test's keys.
    if (escapeAfterEach) await workbench?.page.keyboard.press('Escape');
    if (this.currentTest?.state === 'failed' && workbench) {
      const title = this.currentTest.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      console.log(`      screenshot: ${await workbench.screenshot(`failure-${name}-${title}`)}`);
    }
  });

  after(async () => {
    await workbench?.close();
    workspace?.remove();
  });
}
