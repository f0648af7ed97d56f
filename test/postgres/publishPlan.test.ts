// Which rows a publish writes in which transaction: every listing whole in one, listings a
// key passes between in the same one, papers of no changed listing around them.
import assert from 'node:assert/strict';
import { planWrites, type PaperChange } from '../../src/node/postgres/publishPlan';
import { topicRows } from '../../src/node/postgres/topicRows';
import { failureOf } from '../../src/node/postgres/errors';
import { paperJson } from '../../src/node/postgres/paperRows';
import type { Paper } from '../../src/core/paper/paper';

const insert = (key: string, ...files: string[]): PaperChange => ({ key, files, kind: 'insert' });

describe('the writes of a publish', () => {
  it('writes each listing whole, a few listings a transaction, never splitting one', () => {
    const changes = [insert('a1', 'a'), insert('a2', 'a'), insert('a3', 'a'), insert('b1', 'b'), insert('c1', 'c'), insert('c2', 'c')];
    const plan = planWrites(['a', 'b', 'c'], changes, [], 4);
    assert.deepEqual(
      plan.batches.map((batch) => [batch.listings, batch.upserts]),
      [
        [['a', 'b'], ['a1', 'a2', 'a3', 'b1']],
        [['c'], ['c1', 'c2']],
      ],
    );
    assert.deepEqual(plan.batches.map((batch) => batch.inserted), [4, 2]);
    assert.deepEqual([plan.inserted, plan.updated, plan.deleted], [6, 0, 0]);
  });

  it('puts a paper of several changed listings with the first of them, and a removed listing with its deletions', () => {
    const plan = planWrites(['a', 'b', 'gone'], [insert('x', 'b', 'a')], [{ key: 'old', files: ['gone'] }], 1);
    assert.deepEqual(plan.batches.map((batch) => ({ listings: batch.listings, upserts: batch.upserts, deletes: batch.deletes })), [
      { listings: ['a', 'b'], upserts: ['x'], deletes: [] },
      { listings: ['gone'], upserts: [], deletes: ['old'] },
    ]);
  });

  it('writes two listings together when a key passes from a paper of one to a paper of the other', () => {
    // The row "k" held a paper of listing "a"; now a paper of "c" takes the key.
    const changes: PaperChange[] = [{ key: 'k', files: ['c'], kind: 'update', previousFiles: ['a'] }, insert('a1', 'a'), insert('b1', 'b')];
    const plan = planWrites(['a', 'b', 'c'], changes, [], 1);
    const withK = plan.batches.find((batch) => batch.upserts.includes('k'))!;
    assert.deepEqual(withK.listings.sort(), ['a', 'c']);
    assert.deepEqual(withK.upserts.sort(), ['a1', 'k']);
    assert.ok(plan.batches.some((batch) => batch.listings.join() === 'b'));
  });

  it('writes papers of no changed listing apart: new rows first, deletions last', () => {
    const changes: PaperChange[] = [insert('moved', 'unchanged'), { key: 'kept', files: ['unchanged'], kind: 'update', previousFiles: ['unchanged'] }, insert('a1', 'a')];
    const plan = planWrites(['a'], changes, [{ key: 'lost', files: ['unchanged'] }], 10);
    assert.deepEqual(plan.batches.map((batch) => ({ listings: batch.listings, upserts: batch.upserts, deletes: batch.deletes, inserted: batch.inserted })), [
      { listings: [], upserts: ['moved', 'kept'], deletes: [], inserted: 1 },
      { listings: ['a'], upserts: ['a1'], deletes: [], inserted: 1 },
      { listings: [], upserts: [], deletes: ['lost'], inserted: 0 },
    ]);
  });
});

describe('the rows of a publish', () => {
  it('gives topics ids from their place in the tree, papers newest first, keys no paper has left out', () => {
    const papers = new Map([
      ['old', { year: 2019 }],
      ['new', { date: '2024-05-01' }],
      ['mid', { date: '2021' }],
    ] as const);
    const rows = topicRows(
      [
        { name: 'RL / Search', keys: ['old', 'new', 'ghost'], why: 'words', origin: 'auto', children: [{ name: 'Trees', keys: ['mid'], why: 'more words', origin: 'auto' }] },
        { name: 'RL / Search', keys: ['mid'], why: 'again', origin: 'auto' },
      ],
      papers,
    );
    assert.deepEqual(rows.map((row) => [row.id, row.parent, row.position, row.keys]), [
      ['RL%20%2F%20Search', null, 0, ['new', 'old']],
      ['RL%20%2F%20Search/Trees', 'RL%20%2F%20Search', 1, ['mid']],
      ['RL%20%2F%20Search~2', null, 2, ['mid']],
    ]);
    assert.equal(rows[0]!.papers, 2);
  });

  it('writes a paper as JSON that jsonb takes: no NUL, no lone surrogate, topics left to the topic tables', () => {
    const paper = { key: 'k', title: 'A\u0000B \ud800 C', topics: ['x'], authors: [], links: [], keywords: [], sources: [{ file: 'f', line: 1 }] } as unknown as Paper;
    const json = paperJson(paper);
    assert.doesNotMatch(json, /\\u0000|\\ud800/);
    assert.deepEqual((JSON.parse(json) as Paper).topics, []);
    assert.equal((JSON.parse(json) as Paper).title, 'A\ufffdB \ufffd C');
  });

  it('tells failures apart by their codes and words', () => {
    assert.equal(failureOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })), 'unreachable');
    assert.equal(failureOf(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })), 'timeout');
    assert.equal(failureOf(Object.assign(new Error('password authentication failed'), { code: '28P01' })), 'authentication');
    assert.equal(failureOf(Object.assign(new Error('relation "schema_version" does not exist'), { code: '42P01' })), 'not-published');
    assert.equal(failureOf(new Error('Connection terminated unexpectedly')), 'unreachable');
    assert.equal(failureOf(Object.assign(new Error('division by zero'), { code: '22012' })), 'error');
  });
});
