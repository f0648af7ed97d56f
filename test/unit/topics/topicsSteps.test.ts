// Topics computed a slice at a time (computeTopicsSteps, run by a SliceRunner as the
// extension does) come out exactly as computed at once, and the work really pauses.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import type { Paper } from '../../../src/core/paper/paper';
import { computeTopics, computeTopicsSteps, type TopicOptions } from '../../../src/core/topics';
import { SliceRunner, type Steps } from '../../../src/core/util/steps';
import { exampleListing } from '../helpers';
import { realLibraryPapers } from './realLibrary';

/** Runs the steps one at a time; the result and how many pauses it made. */
function stepByStep<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, pauses };
    pauses++;
  }
}

describe('topics in steps', function () {
  this.timeout(60_000);
  const example = Library.fromListings([exampleListing()]).papers;
  let real: Paper[] = [];

  before(async () => {
    real = await realLibraryPapers();
  });

  it('gives the same topics and papers as computeTopics on the example', () => {
    const once = computeTopics(example);
    assert.deepEqual(stepByStep(computeTopicsSteps(example)).value, once);
    const options: TopicOptions = {
      previous: once.topics,
      rules: [{ name: 'Search', match: ['search'] }],
      maxTopicsPerPaper: 2,
      overrides: { moves: { [example[0]!.key]: ['Moved here'] }, renames: { [once.topics[0]!.name]: 'Renamed' } },
    };
    assert.deepEqual(stepByStep(computeTopicsSteps(example, options)).value, computeTopics(example, options));
  });

  it('gives the same topics and papers as computeTopics on the real library, slice by slice', () => {
    const once = computeTopics(real);
    const runner = new SliceRunner(computeTopicsSteps(real));
    let slices = 1;
    while (!runner.runFor(1)) slices++;
    assert.deepEqual(runner.finish(), once);
    assert.ok(slices > 1, `${slices} slices`);
    // Last time's topics given, as after a listing changes.
    assert.deepEqual(stepByStep(computeTopicsSteps(real, { previous: once.topics, folderTopics: true })).value, computeTopics(real, { previous: once.topics, folderTopics: true }));
  });

  it('pauses many times on a library of a few thousand papers', () => {
    const { pauses } = stepByStep(computeTopicsSteps(real));
    assert.ok(real.length > 2000, `${real.length} papers`);
    // Reading the papers alone pauses every few hundred of them; choosing, placing and naming topics more.
    assert.ok(pauses >= 100, `${pauses} pauses`);
  });

  it('needs more than one step even for a small library', () => {
    const steps = computeTopicsSteps(example);
    assert.equal(steps.next().done, false);
    assert.ok(stepByStep(steps).pauses > 5);
  });
});
