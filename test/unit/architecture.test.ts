import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('architecture', () => {
  it('keeps src/core free of vscode so it runs anywhere', () => {
    const core = path.join(__dirname, '..', '..', 'src', 'core');
    const offenders = filesUnder(core).filter((file) => /(from\s+|require\()\s*['"]vscode['"]/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
