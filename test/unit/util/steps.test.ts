import assert from 'node:assert/strict';
import { runToEnd, SliceRunner, sortSteps } from '../../../src/core/util/steps';
import { Library } from '../../../src/core/indexing/library';
import { fixture } from '../helpers';

describe('work in steps', () => {
  it('sorts as Array.sort does, stably, pausing along the way', () => {
    // Pairs with many equal first parts: stability shows in the second.
    const items = Array.from({ length: 20_000 }, (_, i) => [(i * 7919) % 97, i] as const);
    const byFirst = (a: readonly [number, number], b: readonly [number, number]) => a[0] - b[0];
    const steps = sortSteps(items, byFirst);
    let pauses = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) pauses++;
    assert.deepEqual(next.value, [...items].sort(byFirst));
    assert.ok(pauses > 5, `${pauses} pauses`);
    assert.deepEqual(runToEnd(sortSteps([], byFirst)), []);
    assert.deepEqual(runToEnd(sortSteps([[1, 0]], byFirst)), [[1, 0]]);
  });

  it('builds a library a slice at a time to the same papers and keys as at once', () => {
    const listing = { file: 'hf.txt', text: fixture('hf-daily-papers-rl-search.txt') };
    const bib = { file: 'refs.bib', text: '@article{same, title = {ZeroSearch: Incentivize the Search Capability of LLMs without Searching}, year = {2025}}\n@book{b, title = {A Book}, year = 1999}' };
    const atOnce = Library.fromListings([listing, bib]);
    const sliced = Library.fromListings([listing, bib]);
    const runner = new SliceRunner(sliced.buildInSteps());
    let slices = 1;
    while (!runner.runFor(0)) slices++;
    assert.ok(slices > 2, `${slices} slices`);
    assert.deepEqual(sliced.papers, atOnce.papers);
    assert.deepEqual(sliced.merges, atOnce.merges);
    assert.equal(sliced.byKey('same')?.title, atOnce.byKey('same')?.title);
  });

  it('drops a build made in steps when a file changes meanwhile', () => {
    const library = Library.fromListings([{ file: 'a.bib', text: '@misc{a, title = {First Paper Title}, year = 2020}' }]);
    const steps = library.buildInSteps();
    steps.next();
    library.set({ file: 'b.bib', text: '@misc{b, title = {Second Paper Title}, year = 2021}' });
    while (!steps.next().done);
    assert.deepEqual(library.papers.map((paper) => paper.key).sort(), ['a', 'b'], 'the change is in the papers');
  });
});
