// The Papers view's words for its filters: beside its title, and above the tree.
import assert from 'node:assert/strict';
import { filterSummary, isFiltered } from '../../../src/core/views/filterSummary';

describe('the Papers view’s filter summary', () => {
  it('says nothing when nothing is filtered', () => {
    assert.deepEqual(filterSummary({}, 120), {});
    assert.equal(isFiltered({ reading: {} }), false, 'a reading filter with neither status nor tag is none');
  });

  it('names a bar of the library chart, with how many papers it holds', () => {
    const summary = filterSummary({ chart: { topic: 'Tree Search', period: '2025-03' } }, 12);
    assert.equal(summary.description, 'Tree Search · Mar 2025');
    assert.equal(summary.message, '12 papers of “Tree Search” in Mar 2025 on the library chart.');
    assert.equal(filterSummary({ chart: { topic: 'Agents' } }, 1).message, '1 paper of “Agents” on the library chart.');
  });

  it('names the status and the tag, then any other filter', () => {
    const summary = filterSummary({ reading: { status: 'to-read', tag: 'rl' }, text: 'tree' }, 3);
    assert.equal(summary.description, 'To read · #rl · “tree”');
    assert.equal(summary.message, '3 papers marked “To read”, tagged #rl, matching “tree”.');
    assert.equal(filterSummary({ reading: { status: 'none' } }, 40).message, '40 papers without a reading status.');
  });

  it('says how to see every paper again when nothing is left', () => {
    const summary = filterSummary({ cited: 'uncited', text: 'zzz' }, 0);
    assert.equal(summary.description, 'not yet cited · “zzz”');
    assert.equal(summary.message, 'No paper not yet cited in your notes, matching “zzz”. Clear the filter to see every paper.');
    assert.ok(isFiltered({ text: 'zzz' }));
  });
});
