import assert from 'node:assert/strict';
import { matchesGlobs } from '../../../src/core/util/glob';

describe('glob patterns', () => {
  const include = ['**/*.{bib,md,txt}'];
  const exclude = ['**/node_modules/**', '**/.git/**'];
  it('matches files at any depth, including the top', () => {
    assert.ok(matchesGlobs('a.bib', include, exclude));
    assert.ok(matchesGlobs('deep/er/notes.MD', include, exclude));
    assert.ok(!matchesGlobs('paper.pdf', include, exclude));
  });
  it('excludes folders anywhere', () => {
    assert.ok(!matchesGlobs('node_modules/x/readme.md', include, exclude));
    assert.ok(!matchesGlobs('sub/.git/info.txt', include, exclude));
  });
  it('treats dots and brackets literally', () => {
    assert.ok(!matchesGlobs('abib', ['*.bib'], []));
    assert.ok(matchesGlobs('[draft].bib', ['*.bib'], []));
  });
});

describe('glob patterns as researchers write them', () => {
  it('reads character classes and matches a folder with folder/**', () => {
    assert.ok(matchesGlobs('src/a.ts', ['**/*.[tj]s'], []));
    assert.ok(matchesGlobs('lib/b.js', ['**/*.[tj]s'], []));
    assert.ok(!matchesGlobs('c.cs', ['**/*.[tj]s'], []));
    assert.ok(matchesGlobs('papers', ['papers/**'], []));
    assert.ok(matchesGlobs('papers/2024/list.md', ['papers/**'], []));
    assert.ok(!matchesGlobs('papers/drafts/x.md', ['**/*.md'], ['papers/drafts/**']));
  });
});
