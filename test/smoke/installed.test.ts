// The packaged extension as a user gets it: installed from the .vsix into the editor's
// extensions folder, opened on the example library. Whatever the package leaves out that the
// extension needs (a bundle, its icon, a file the manifest names) fails here, not for a user.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LitReviewApi } from '../../src/extension';

const EXTENSION_ID = 'lit-review.lit-review';
/** The papers in examples/papers (a saved Hugging Face Daily Papers search page). */
const EXAMPLE_PAPER_COUNT = 60;
/** Everything the package may hold: vsce adds .vsixmanifest and renames README, CHANGELOG and LICENSE. */
const SHIPPED = /^(package\.json|readme\.md|changelog\.md|license(\.txt)?|\.vsixmanifest|dist\/(extension|cli|referenceWorker|listingParserWorker)\.js|dist\/THIRD-PARTY-NOTICES\.md|media\/[^/]+)$/i;

type TreeNode = ReturnType<LitReviewApi['tree']['getChildren']>[number];

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]);
}

describe('The packaged extension, installed from its .vsix', () => {
  let extension: vscode.Extension<LitReviewApi>;
  let api: LitReviewApi;

  before(() => {
    const found = vscode.extensions.getExtension<LitReviewApi>(EXTENSION_ID);
    if (!found) throw new Error(`${EXTENSION_ID} is not installed in this editor.`);
    extension = found;
  });

  it('is the copy in the extensions folder, not the source tree', () => {
    const extensionsDir = process.env.LIT_REVIEW_SMOKE_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the launcher names the extensions folder');
    assert.equal(extension.extensionUri.scheme, 'file');
    assert.equal(path.dirname(extension.extensionPath), path.resolve(extensionsDir));
    const repository = path.resolve(__dirname, '..', '..', '..');
    assert.ok(!extension.extensionPath.startsWith(repository + path.sep), `${extension.extensionPath} is outside the repository`);
  });

  it('holds every file its manifest names, and nothing else', () => {
    const manifest = extension.packageJSON;
    const named = [
      manifest.main,
      ...Object.values<string>(manifest.bin ?? {}),
      ...Object.values<{ icon?: string }[]>(manifest.contributes?.viewsContainers ?? {}).flat().map((container) => container.icon),
      ...Object.values<{ icon?: string }[]>(manifest.contributes?.views ?? {}).flat().map((view) => view.icon),
    ].filter((file): file is string => typeof file === 'string');
    for (const file of named) assert.ok(existsSync(path.join(extension.extensionPath, file)), `${file} is in the package`);
    const unexpected = filesUnder(extension.extensionPath).filter((file) => !SHIPPED.test(file));
    assert.deepEqual(unexpected, [], 'the package holds only what the editor loads');
  });

  it('activates', async () => {
    api = await extension.activate();
    assert.ok(extension.isActive);
    assert.equal(typeof api.whenIndexed, 'function', 'activate returns the API');
  });

  it("shows the example library's papers in the Papers tree", async () => {
    const library = await api.whenIndexed();
    assert.equal(library.papers.length, EXAMPLE_PAPER_COUNT);
    const inTree = new Set<string>();
    const walk = (nodes: TreeNode[]): void => {
      for (const node of nodes) {
        if (node.kind === 'paper') inTree.add(node.paper.key);
        else if (node.kind === 'group') walk(api.tree.getChildren(node));
      }
    };
    walk(api.tree.getChildren());
    assert.deepEqual([...inTree].sort(), library.papers.map((paper) => paper.key).sort(), 'every paper is in the tree');
  });

  it('formats a reference on its worker thread, shipped in the package', async () => {
    assert.ok(existsSync(path.join(extension.extensionPath, 'dist', 'THIRD-PARTY-NOTICES.md')), 'the notices of the bundled packages');
    const [first] = api.search('zero search', 1);
    const reference = await vscode.commands.executeCommand<string>('litReview.copyFormattedReference', first!.key);
    assert.match(reference ?? '', /ZeroSearch: Incentivize the Search Capability/);
  });

  it('finds a paper by search', () => {
    const [first] = api.search('zero search', 5);
    assert.match(first?.title ?? '(nothing found)', /^ZeroSearch/);
  });

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: { command: string }[] = extension.packageJSON.contributes.commands;
    assert.deepEqual(contributed.map((entry) => entry.command).filter((command) => !registered.has(command)), []);
  });
});
