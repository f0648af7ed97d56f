// What views show of the reading list: filter labels, hover lines, and the counts the filter
// pick offers.
import assert from 'node:assert/strict';
import { readingCounts, readingFilterLabel, readingSummary, STATUS_COLOURS, STATUS_ICONS } from '../../../src/core/reading/display';
import { parseReadingList, READING_STATUSES } from '../../../src/core/reading/status';

const list = parseReadingList([
  'a\tread\t2026-01-02\tRL,survey',
  'b\tto-read\t2026-01-03\trl',
  'c\texcluded\t2026-01-04\t\tnot about search',
  'gone\tread\t2026-01-05\tsurvey',
].join('\n'));

describe('the reading list in views', () => {
  it('gives every status an icon and a theme colour', () => {
    for (const status of READING_STATUSES) {
      assert.match(STATUS_ICONS[status], /^[a-z-]+$/);
      assert.match(STATUS_COLOURS[status], /^[a-zA-Z.]+$/);
    }
    assert.equal(new Set(Object.values(STATUS_ICONS)).size, READING_STATUSES.length, 'no two statuses look alike');
  });

  it('says what a filter lets through', () => {
    assert.equal(readingFilterLabel({ status: 'to-read', tag: 'rl' }), 'To read · #rl');
    assert.equal(readingFilterLabel({ status: 'none' }), 'No status');
    assert.equal(readingFilterLabel({ tag: 'survey' }), '#survey');
    assert.equal(readingFilterLabel({}), '');
  });

  it('sums up a paper’s line for its hover card', () => {
    assert.equal(readingSummary(list.entries.get('c')), 'Excluded (not about search), since 2026-01-04');
    assert.equal(readingSummary(list.entries.get('a')), 'Read, since 2026-01-02 · tags: RL, survey');
    assert.equal(readingSummary(undefined), '');
  });

  it('counts statuses and tags over the library’s papers only, tags whatever their case', () => {
    const counts = readingCounts(list, [{ key: 'a' }, { key: 'b' }, { key: 'c' }, { key: 'd' }, { key: 'e' }]);
    assert.deepEqual(counts.statuses, { 'to-read': 1, reading: 0, read: 1, excluded: 1, none: 2 });
    assert.deepEqual(counts.tags, [{ tag: 'RL', count: 2 }, { tag: 'survey', count: 1 }], 'the line of a paper no longer listed is not counted');
  });
});
