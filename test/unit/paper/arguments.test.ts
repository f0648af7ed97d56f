import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { papersFromArguments } from '../../../src/core/paper/arguments';
import { exampleListing } from '../helpers';

describe('papers named by command arguments', () => {
  const library = Library.fromListings([exampleListing()]);
  const ssrl = library.byKey('ssrl2025')!;
  const zero = library.byKey('zerosearch2025')!;
  const keys = (args: unknown[]): string[] | undefined => papersFromArguments((key) => library.byKey(key), args)?.papers.map((paper) => paper.key);

  it('takes a key (with or without @, any case), keys, a Paper or a view element', () => {
    assert.deepEqual(keys(['ssrl2025']), ['ssrl2025']);
    assert.deepEqual(keys(['@SSRL2025']), ['ssrl2025']);
    assert.deepEqual(keys([['ssrl2025', 'zerosearch2025', 'ssrl2025']]), ['ssrl2025', 'zerosearch2025']);
    assert.deepEqual(keys([zero]), ['zerosearch2025']);
    assert.deepEqual(keys([{ kind: 'paper', id: 'x', paper: ssrl }]), ['ssrl2025']);
  });

  it('prefers the view’s multi-selection over the clicked element', () => {
    assert.deepEqual(keys([{ paper: ssrl }, [{ paper: ssrl }, { paper: zero }]]), ['ssrl2025', 'zerosearch2025']);
    assert.deepEqual(keys([{ paper: ssrl }, [{ paper: ssrl }]]), ['ssrl2025']);
  });

  it('takes a whole paper the library lacks as it is (a shared library’s), but never a bare key it lacks', () => {
    const shared = { ...zero, key: 'shared2026', aliases: [] };
    const named = papersFromArguments((key) => library.byKey(key), [{ kind: 'paper', paper: shared }]);
    assert.deepEqual(named, { papers: [shared], unknown: [] });
    assert.deepEqual(keys([{ key: 'shared2026' }]), []);
    // A local paper handed over whole is the library's own, as it is now.
    assert.equal(papersFromArguments((key) => library.byKey(key), [{ ...ssrl }])?.papers[0], ssrl);
  });

  it('says which keys it does not know, and that nothing was named when nothing was', () => {
    assert.deepEqual(papersFromArguments((key) => library.byKey(key), ['nope', 'ssrl2025']), { papers: [], unknown: ['nope'] });
    assert.deepEqual(papersFromArguments((key) => library.byKey(key), [['nope', 'ssrl2025']]), { papers: [ssrl], unknown: ['nope'] });
    assert.equal(papersFromArguments((key) => library.byKey(key), []), undefined);
    assert.equal(papersFromArguments((key) => library.byKey(key), [{ kind: 'group', label: 'Search' }]), undefined);
    assert.equal(papersFromArguments((key) => library.byKey(key), ['  ']), undefined);
  });
});
