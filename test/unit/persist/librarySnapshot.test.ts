import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { decodeLibrarySnapshot, encodeLibrarySnapshot, sameListings, type LibrarySnapshot, type ListingStamp } from '../../../src/core/persist/librarySnapshot';
import { FIXTURES, fixture } from '../helpers';
import { readListings } from '../../../src/node/readListings';
import * as path from 'node:path';

const producer = '0.1.0 {"keyTemplate":"auto"}';

/** Without the keys whose value is undefined, which the snapshot leaves out as JSON would. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function snapshotOf(library: Library): LibrarySnapshot {
  return {
    listings: library.files.map((file, i): ListingStamp => [file, 1_700_000_000_000 + i, 100 + i]),
    library: { papers: library.papers, problems: library.problems, merges: library.merges, refusedMerges: library.refusedMerges },
  };
}

describe('library snapshot', () => {
  let library: Library;

  before(async () => {
    // Real BibTeX with crossrefs, macros, merged entries and alias keys, beside a Daily Papers page.
    const { listings } = await readListings(path.join(FIXTURES, 'real', 'bibtex', 'texlive'));
    library = Library.fromListings([...listings, { file: 'hf.txt', text: fixture('hf-daily-papers-rl-search.txt') }]);
    assert.ok(library.papers.length > 100 && library.merges.length > 0, 'a library worth saving');
  });

  it('gives back every paper with its key, aliases and fields, and the problems and merges', () => {
    const saved = snapshotOf(library);
    const restored = decodeLibrarySnapshot(encodeLibrarySnapshot(saved, { producer }), { producer });
    assert.ok(restored);
    assert.deepEqual(restored.listings, [...saved.listings].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    assert.deepEqual(restored.library.papers, plain(saved.library.papers));
    assert.deepEqual(restored.library.problems, plain(saved.library.problems));
    assert.deepEqual(restored.library.merges, saved.library.merges);
    assert.deepEqual(restored.library.refusedMerges, saved.library.refusedMerges);
  });

  it('is not used when made by another version or with other settings, or when damaged', () => {
    const bytes = encodeLibrarySnapshot(snapshotOf(library), { producer });
    assert.equal(decodeLibrarySnapshot(bytes, { producer: '0.2.0 {"keyTemplate":"auto"}' }), undefined);
    assert.equal(decodeLibrarySnapshot(bytes.subarray(0, bytes.length - 1000), { producer }), undefined);
    const flipped = bytes.slice();
    flipped[Math.floor(bytes.length / 2)] = 0xff;
    assert.equal(decodeLibrarySnapshot(flipped, { producer }), undefined);
    assert.equal(decodeLibrarySnapshot(new TextEncoder().encode('not a snapshot'), { producer }), undefined);
  });

  it('restores a library that resolves every key and alias, and merges again once its parse results are back', () => {
    const saved = decodeLibrarySnapshot(encodeLibrarySnapshot(snapshotOf(library), { producer }), { producer })!;
    const restored = Library.restored(saved.library, saved.listings.map(([file]) => file));
    assert.equal(restored.hasParseResults, false);
    assert.deepEqual(restored.files, library.files);
    for (const paper of library.papers) {
      for (const key of [paper.key, ...(paper.aliases ?? [])]) assert.equal(restored.byKey(key.toUpperCase())?.key, paper.key, key);
    }
    assert.throws(() => restored.clone(), /parse results/);
    assert.throws(() => restored.set({ file: 'x.md', text: '' }), /parse results/);

    const results = new Map(library.files.map((file) => [file, library.parsedFile(file)!]));
    restored.restoreParsed(results);
    assert.equal(restored.hasParseResults, true);
    const changed = restored.clone();
    changed.delete('hf.txt');
    assert.equal(changed.papers.length, library.papers.length - 60);
    assert.equal(restored.papers.length, library.papers.length, 'the restored library shows what it showed');
  });

  it('will not take parse results that miss a listing it was merged from', () => {
    const restored = Library.restored(snapshotOf(library).library, library.files);
    assert.throws(() => restored.restoreParsed(new Map([['hf.txt', library.parsedFile('hf.txt')!]])), /No parse result/);
  });

  it('compares listings by name and stamps, in any order', () => {
    const a: ListingStamp[] = [['a.bib', 1, 10], ['b.md', 2, 20]];
    assert.ok(sameListings(a, [['b.md', 2, 20], ['a.bib', 1, 10]]));
    assert.ok(!sameListings(a, [['a.bib', 1, 10], ['b.md', 3, 20]]));
    assert.ok(!sameListings(a, [['a.bib', 1, 10], ['b.md', 2, 21]]));
    assert.ok(!sameListings(a, [['a.bib', 1, 10]]));
    assert.ok(!sameListings(a, [['a.bib', 1, 10], ['c.md', 2, 20]]));
  });
});
