import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { writeAtomically } from '../../src/vscode/atomicWrite';
import { activateExtension } from './workspace';

describe('writing a file in one step', function () {
  this.timeout(60_000);

  it('never lets a reader find a file of the extension storage missing or half written while it is replaced', async () => {
    const cache = (await activateExtension()).cacheUri();
    assert.ok(cache, 'the workspace has storage');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(cache, '..'));
    const file = vscode.Uri.joinPath(cache, '..', 'atomic-write-check.bin');
    const SIZE = 200_000;
    const version = (n: number) => new Uint8Array(SIZE).fill((n % 250) + 1);
    await writeAtomically(file, version(0));
    const wrong: string[] = [];
    let reads = 0;
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const bytes = await vscode.workspace.fs.readFile(file).then((read) => read, () => undefined);
        if (!bytes) wrong.push('missing');
        else if (bytes.length !== SIZE || bytes.some((byte) => byte !== bytes[0])) wrong.push(`mixed (${bytes.length} bytes)`);
        else reads++;
      }
    })();
    try {
      for (let n = 1; n <= 60; n++) await writeAtomically(file, version(n));
    } finally {
      writing = false;
      await reader;
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
    assert.deepEqual(wrong, [], `${wrong.length} bad reads of ${wrong.length + reads}`);
    assert.ok(reads >= 10, `only ${reads} reads`);
  });
});
