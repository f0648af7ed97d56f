// The layers, checked from the imports themselves: the core is pure (no vscode, no file
// system, nothing above it); host adapters sit below the features; a feature reaches another
// only through features/shared. (ESLint says the same while editing; this holds in CI too.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports: package names as written, relative ones as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((match) => {
    const spec = match[1]!;
    return spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep).join('/') : spec;
  });
}

function offenders(folder: string, forbidden: (target: string, file: string) => boolean): string[] {
  return filesUnder(path.join(SRC, folder)).flatMap((file) => importsOf(file).filter((target) => forbidden(target, file)).map((target) => `${path.relative(SRC, file)} -> ${target}`));
}

describe('architecture', () => {
  it('keeps src/core pure: no vscode, no file system, nothing from the layers above', () => {
    assert.deepEqual(offenders('core', (target) => ['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises'].includes(target) || /^(features|vscode|node)\//.test(target) || target === 'extension' || target === 'cli'), []);
  });

  it('keeps the host adapters below the features', () => {
    assert.deepEqual(offenders('vscode', (target) => target.startsWith('features/')), []);
    assert.deepEqual(offenders('node', (target) => target.startsWith('features/') || target.startsWith('vscode/') || target === 'vscode'), []);
  });

  it('lets a feature reach another only through features/shared', () => {
    const featureOf = (file: string): string | undefined => /^features\/([^/]+)\//.exec(file)?.[1];
    assert.deepEqual(
      offenders('features', (target, file) => {
        const [from, to] = [featureOf(path.relative(SRC, file).split(path.sep).join('/')), featureOf(target)];
        return to !== undefined && to !== 'shared' && to !== from;
      }),
      [],
    );
    assert.deepEqual(offenders('features/shared', (target) => /^features\/(?!shared\/)/.test(target)), [], 'shared depends on no feature');
  });
});
