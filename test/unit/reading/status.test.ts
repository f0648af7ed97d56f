// The reading list file: read with problems at their lines, written in one stable order, and
// changed for several papers at once without losing a line a person wrote.
import assert from 'node:assert/strict';
import { groupByTag, matchesReadingFilter, readingDescription, readingOf } from '../../../src/core/reading/display';
import { applyReadingChange, changeReadingText, nextToRead, parseReadingList, parseStatus, serializeReadingList, tagCounts } from '../../../src/core/reading/status';

const TEXT = [
  '# a comment',
  'zhou2025b\tread\t2026-01-03\trl,search',
  'chen2025a\tto-read\t2026-01-05',
  'bad key\tread',
  'li2025c\texcluded\t2026-01-02\t\tnot about search',
  'wu2025d\tto-read\t2025-12-30\tsurvey',
  'ma2025e\tlater\t2026-01-01',
  '',
].join('\n');

describe('the reading list file', () => {
  it('reads status, date, tags and reason, with problems at file:line for lines it cannot read', () => {
    const list = parseReadingList(TEXT, 'lib/.lit-review/reading.tsv');
    assert.deepEqual(list.entries.get('zhou2025b'), { key: 'zhou2025b', status: 'read', date: '2026-01-03', tags: ['rl', 'search'] });
    assert.deepEqual(list.entries.get('li2025c'), { key: 'li2025c', status: 'excluded', date: '2026-01-02', tags: [], reason: 'not about search' });
    assert.deepEqual(list.problems.map((p) => `${p.file}:${p.line}`), ['lib/.lit-review/reading.tsv:4', 'lib/.lit-review/reading.tsv:7']);
    assert.match(list.problems[1]!.message, /"later" is not a reading status/);
  });

  it('writes one line per paper sorted by key, keeping the lines it could not read', () => {
    const text = serializeReadingList(parseReadingList(TEXT));
    const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
    assert.deepEqual(lines, ['bad key\tread', 'chen2025a\tto-read\t2026-01-05', 'li2025c\texcluded\t2026-01-02\t\tnot about search', 'ma2025e\tlater\t2026-01-01', 'wu2025d\tto-read\t2025-12-30\tsurvey', 'zhou2025b\tread\t2026-01-03\trl,search']);
    assert.equal(serializeReadingList(parseReadingList(text)), text, 'a second save changes nothing');
  });

  it('sets a status and tags for several papers at once, stamping the date only when the status changes', () => {
    const list = applyReadingChange(parseReadingList(TEXT), ['zhou2025b', 'new2026f'], { status: 'read', addTags: ['core', 'RL'], today: '2026-02-01' });
    assert.deepEqual(list.entries.get('zhou2025b'), { key: 'zhou2025b', status: 'read', date: '2026-01-03', tags: ['rl', 'search', 'core'] });
    assert.deepEqual(list.entries.get('new2026f'), { key: 'new2026f', status: 'read', date: '2026-02-01', tags: ['core', 'RL'] });
    const untagged = applyReadingChange(list, ['zhou2025b'], { removeTags: ['SEARCH'], today: '2026-02-01' });
    assert.deepEqual(untagged.entries.get('zhou2025b')!.tags, ['rl', 'core']);
    const reasoned = applyReadingChange(list, ['chen2025a'], { status: 'excluded', reason: 'off\ttopic', today: '2026-02-02' });
    assert.deepEqual(reasoned.entries.get('chen2025a'), { key: 'chen2025a', status: 'excluded', date: '2026-02-02', tags: [], reason: 'off topic' });
  });

  it('drops a paper left with no status, tag or reason, and makes the file when there was none', () => {
    assert.equal(changeReadingText(undefined, ['a2020'], { addTags: ['x, y'], today: '2026-01-01' }).split('\n')[2], 'a2020\t\t\tx y');
    assert.equal(changeReadingText('a2020\t\t\tx\n', ['a2020'], { removeTags: ['x'], today: '2026-01-01' }).split('\n').length, 3);
  });

  it('reads both sides of a merge conflict, the later line winning, and a save drops the markers', () => {
    const conflicted = ['a2020\tread\t2026-01-01', '<<<<<<< HEAD', 'b2020\treading\t2026-01-02', '=======', 'b2020\tread\t2026-01-03', '>>>>>>> theirs', ''].join('\n');
    const list = parseReadingList(conflicted);
    assert.equal(list.entries.get('b2020')!.status, 'read');
    assert.equal(list.problems.filter((p) => /conflict/.test(p.message)).length, 3);
    assert.ok(!serializeReadingList(list).includes('<<<<<<<'));
  });

  it('lists the papers to read oldest first, and counts tags', () => {
    const list = parseReadingList(TEXT);
    assert.deepEqual(nextToRead(list).map((e) => e.key), ['wu2025d', 'chen2025a']);
    assert.deepEqual(tagCounts(list), [{ tag: 'rl', count: 1 }, { tag: 'search', count: 1 }, { tag: 'survey', count: 1 }]);
  });

  it('reads statuses as people write them', () => {
    assert.equal(parseStatus('To Read'), 'to-read');
    assert.equal(parseStatus('READ'), 'read');
    assert.equal(parseStatus('done'), undefined);
  });

  it('gives views a description, a filter and tag groups, finding a paper under an alias', () => {
    const list = parseReadingList(TEXT);
    assert.equal(readingOf(list, { key: 'other', aliases: ['li2025c'] })?.status, 'excluded');
    assert.equal(readingDescription(list.entries.get('zhou2025b')), 'Read · #rl #search');
    assert.equal(readingDescription(list.entries.get('li2025c')), 'Excluded (not about search)');
    assert.ok(matchesReadingFilter(list.entries.get('zhou2025b'), { status: 'read', tag: 'RL' }));
    assert.ok(!matchesReadingFilter(list.entries.get('zhou2025b'), { status: 'to-read' }));
    assert.ok(matchesReadingFilter(undefined, { status: 'none' }));
    const groups = groupByTag(list, [{ key: 'zhou2025b' }, { key: 'wu2025d' }, { key: 'nobody' }]);
    assert.deepEqual(groups.map((g) => [g.tag, g.papers.map((p) => p.key)]), [['rl', ['zhou2025b']], ['search', ['zhou2025b']], ['survey', ['wu2025d']], ['Untagged', ['nobody']]]);
  });
});
