// How long the extension takes from the start of activate() to a library with papers and to a
// Papers tree with items, printed as one machine-readable line that `npm run bench:activation`
// collects. It reports and never fails on timing: the figures depend on the machine.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';
import { EXTENSION_ID } from './workspace';

/** The prefix of the line the benchmark reads; JSON follows it. */
const REPORT_PREFIX = 'LIT_REVIEW_ACTIVATION ';

/** The moment `condition` first holds, checked now and whenever one of `events` fires. */
function firstMoment(condition: () => boolean, events: vscode.Event<unknown>[], what: string, timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      for (const subscription of subscriptions) subscription.dispose();
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out waiting for ${what}`))), timeoutMs);
    const check = () => {
      if (condition()) {
        const at = performance.now();
        finish(() => resolve(at));
      }
    };
    for (const event of events) subscriptions.push(event(check));
    check();
  });
}

describe('Activation time', () => {
  it('is reported from activate() to a library with papers and a tree with items', async function () {
    const extension = vscode.extensions.getExtension<LitReviewApi>(EXTENSION_ID);
    if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not installed in this editor.`);
    if (extension.isActive) {
      // Something opened the view or a note first: there is no start left to measure.
      console.log('Activation time: the extension was already active, not measured.');
      this.skip();
    }

    const start = performance.now();
    const api = await extension.activate();
    const activated = performance.now();
    // The view redraws when the provider says so (onDidRefresh), and then asks for the children.
    const [papers, tree, indexed] = await Promise.all([
      firstMoment(() => api.library().papers.length > 0, [api.onDidChange], 'a library with papers'),
      firstMoment(() => api.library().papers.length > 0 && api.tree.getChildren().length > 0, [api.tree.onDidRefresh], 'a tree with items'),
      api.whenIndexed().then(() => performance.now()),
    ]);
    const ms = (at: number) => Math.round((at - start) * 10) / 10;
    console.log(REPORT_PREFIX + JSON.stringify({
      activateMs: ms(activated),
      papersMs: ms(papers),
      treeMs: ms(tree),
      indexedMs: ms(indexed),
      papers: api.library().papers.length,
      searchIndex: api.searchIndexOrigin() ?? null,
      topics: api.topicsOrigin() ?? null,
    }));

    // What a session saves for the next start (the library, then the search index once built)
    // is written in the background; waiting for it lets the next start of this workspace be warm.
    const saved = async () => {
      for (const uri of [api.cacheUri(), api.searchIndexUri()]) {
        if (uri && !(await vscode.workspace.fs.stat(uri).then(() => true, () => false))) return false;
      }
      return true;
    };
    const deadline = Date.now() + 20_000;
    while (!(await saved()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  });
});
