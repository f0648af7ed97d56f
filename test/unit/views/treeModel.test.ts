import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/paper/paper';
import type { Topic } from '../../../src/core/topics/types';
import { paperComparator } from '../../../src/core/paper/order';
import { PAGE_SIZE, TreeModel, allTopicNames, topicsHolding, type GroupNode, type TreeNode } from '../../../src/core/views/treeModel';
import { makePaper } from '../paperFactory';
import { parseReadingList } from '../../../src/core/reading/status';
import type { ReadingFilter } from '../../../src/core/reading/display';

function topic(name: string, keys: string[], children?: Topic[]): Topic {
  return { name, keys, why: `Why ${name}`, origin: 'auto', children };
}

function labels(nodes: TreeNode[]): string[] {
  return nodes.map((node) => (node.kind === 'paper' ? node.paper.key : node.kind === 'group' ? node.label : 'more'));
}

const papers: Paper[] = [
  makePaper({ key: 'old', title: 'Old Paper', date: '2023-01-05', upvotes: 50, sources: [{ file: 'papers/a.txt', line: 3 }] }),
  makePaper({ key: 'new', title: 'New Paper', date: '2025-06-01', upvotes: 1, sources: [{ file: 'papers/a.txt', line: 9 }, { file: 'papers/sub/b.md', line: 2 }] }),
  makePaper({ key: 'mid', title: 'Mid Paper', year: 2024, upvotes: 7, sources: [{ file: 'papers/sub/b.md', line: 5 }] }),
  makePaper({ key: 'undated', title: 'Alpha Undated', sources: [{ file: 'papers/a.txt', line: 20 }] }),
];

describe('the tree model', () => {
  it('groups by topic in the given order, with counts, and sorts papers newest first', () => {
    const model = new TreeModel(papers, [topic('Search', ['old', 'new', 'mid']), topic('Planning', ['undated', 'new'])], { groupBy: 'topic', sortOrder: 'newest' });
    assert.deepEqual(labels(model.children(undefined).nodes), ['Search', 'Planning']);
    const search = model.roots[0]!;
    assert.equal(search.count, 3);
    assert.equal(search.why, 'Why Search');
    assert.deepEqual(labels(model.children(search).nodes), ['new', 'mid', 'old']);
    assert.deepEqual(labels(model.children(model.roots[1]).nodes), ['new', 'undated'], 'undated papers come last');
  });

  it('gives every node an id unique in the tree, even for a paper in two topics', () => {
    const model = new TreeModel(papers, [topic('Search', ['old', 'new']), topic('Planning', ['new'])], { groupBy: 'topic', sortOrder: 'newest' });
    const ids: string[] = [];
    const walk = (node: TreeNode | undefined): void => {
      for (const child of model.children(node).nodes) {
        ids.push(child.id);
        walk(child);
      }
    };
    walk(undefined);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(model.nodesOf('NEW').length, 2, 'keys match regardless of case');
    for (const node of model.nodesOf('new')) assert.ok(node.parent && ids.includes(node.parent.id));
  });

  it('keeps ids stable when the library is rebuilt', () => {
    const first = new TreeModel(papers, [topic('Search', ['old', 'new'])], { groupBy: 'topic', sortOrder: 'newest' });
    const again = new TreeModel(papers.map((paper) => ({ ...paper })), [topic('Search', ['new', 'old'])], { groupBy: 'topic', sortOrder: 'newest' });
    assert.deepEqual(first.children(first.roots[0]).nodes.map((n) => n.id), again.children(again.roots[0]).nodes.map((n) => n.id));
  });

  it('puts papers no topic holds in a group of their own', () => {
    const model = new TreeModel(papers, [topic('Search', ['old'])], { groupBy: 'topic', sortOrder: 'title' });
    assert.deepEqual(labels(model.roots), ['Search', 'No topic']);
    assert.deepEqual(labels(model.children(model.roots[1]).nodes), ['undated', 'mid', 'new']);
    assert.equal(model.roots[1]!.topic, undefined, 'it is not a topic one can rename');
  });

  it('shows nested topics nested, each paper once, counting subtopics in the parent', () => {
    const model = new TreeModel(papers, [topic('RL', ['old', 'new', 'mid'], [topic('Tree Search', ['new', 'mid'])])], { groupBy: 'topic', sortOrder: 'newest' });
    const rl = model.roots[0]!;
    assert.equal(rl.count, 3);
    assert.deepEqual(labels(model.children(rl).nodes), ['Tree Search', 'old']);
    const sub = model.children(rl).nodes[0] as GroupNode;
    assert.equal(sub.parent, rl);
    assert.deepEqual(labels(model.children(sub).nodes), ['new', 'mid']);
    assert.equal((model.children(sub).nodes[0] as { parent?: GroupNode }).parent, sub, 'papers know their group (for reveal)');
    assert.equal(model.group(sub.id), sub);
  });

  it('groups by year, newest year first, papers without a year last', () => {
    const model = new TreeModel(papers, [], { groupBy: 'year', sortOrder: 'newest' });
    assert.deepEqual(labels(model.roots), ['2025', '2024', '2023', 'No year']);
    assert.deepEqual(model.roots.map((group) => group.count), [1, 1, 1, 1]);
  });

  it('groups by listing file, a paper found in two files under each', () => {
    const model = new TreeModel(papers, [], { groupBy: 'file', sortOrder: 'newest' });
    assert.deepEqual(labels(model.roots), ['a.txt', 'b.md']);
    assert.deepEqual(model.roots.map((group) => group.detail), ['papers', 'papers/sub']);
    assert.deepEqual(labels(model.children(model.roots[0]).nodes), ['new', 'old', 'undated']);
    assert.deepEqual(labels(model.children(model.roots[1]).nodes), ['new', 'mid']);
  });

  it('sorts by upvotes or by title when asked', () => {
    const byVotes = [...papers].sort(paperComparator('upvotes')).map((paper) => paper.key);
    assert.deepEqual(byVotes, ['old', 'mid', 'new', 'undated']);
    const byTitle = [...papers].sort(paperComparator('title')).map((paper) => paper.key);
    assert.deepEqual(byTitle, ['undated', 'mid', 'new', 'old']);
  });

  it('orders a precise date before a bare year of the same year, and breaks ties by upvotes', () => {
    const sameYear = [
      makePaper({ key: 'y', year: 2025 }),
      makePaper({ key: 'd', date: '2025-02-01' }),
      makePaper({ key: 'v', date: '2025-02-01', upvotes: 9 }),
    ];
    assert.deepEqual([...sameYear].sort(paperComparator('newest')).map((p) => p.key), ['v', 'd', 'y']);
  });

  it('narrows to the matching papers and hides groups left empty', () => {
    const model = new TreeModel(papers, [topic('Search', ['old', 'new']), topic('Planning', ['undated'])], { groupBy: 'topic', sortOrder: 'newest', matching: new Set(['NEW', 'mid']) });
    assert.deepEqual(labels(model.roots), ['Search', 'No topic']);
    assert.equal(model.roots[0]!.count, 1);
    assert.equal(model.roots[0]!.total, 2, 'the group still knows how many it holds without the filter');
    assert.deepEqual(labels(model.children(model.roots[0]).nodes), ['new']);
    assert.equal(model.visiblePaperCount, 2);
  });

  it('pages a node with too many children, continuing where the page stopped', () => {
    const many = Array.from({ length: PAGE_SIZE * 2 + 5 }, (_, i) => makePaper({ key: `p${String(i).padStart(4, '0')}`, title: `Paper ${String(i).padStart(4, '0')}` }));
    const model = new TreeModel(many, [topic('Big', many.map((paper) => paper.key))], { groupBy: 'topic', sortOrder: 'title' });
    const big = model.roots[0]!;
    const first = model.children(big);
    assert.equal(first.nodes.length, PAGE_SIZE + 1);
    const more = first.nodes[PAGE_SIZE]!;
    assert.equal(more.kind, 'more');
    assert.equal(more.kind === 'more' && more.total, many.length);
    assert.equal(more.parent, big);
    const second = model.children(big, PAGE_SIZE * 2);
    assert.equal(second.nodes.length, PAGE_SIZE * 2 + 1);
    assert.deepEqual(labels(second.nodes.slice(0, PAGE_SIZE)), labels(first.nodes.slice(0, PAGE_SIZE)), 'the first page stays as it was');
    assert.equal(model.children(big, PAGE_SIZE * 3).nodes.length, many.length, 'no "more" once everything is shown');
  });

  it('ignores topic keys the library does not have', () => {
    const model = new TreeModel(papers, [topic('Ghosts', ['nobody']), topic('Search', ['old', 'new', 'mid', 'undated'])], { groupBy: 'topic', sortOrder: 'newest' });
    assert.deepEqual(labels(model.roots), ['Search']);
  });

  it('shows all papers in one group when there are no topics yet', () => {
    const model = new TreeModel(papers, [], { groupBy: 'topic', sortOrder: 'newest' });
    assert.deepEqual(labels(model.roots), ['All papers']);
    assert.equal(model.roots[0]!.count, papers.length);
  });

  it('lists topic names at every depth, and the topics that hold a paper', () => {
    const topics = [topic('RL', ['a', 'b'], [topic('Tree Search', ['B']), topic('Planning', ['c'])]), topic('Planning', ['a'])];
    assert.deepEqual(allTopicNames(topics), ['RL', 'Tree Search', 'Planning']);
    assert.deepEqual(topicsHolding(topics, 'b'), ['RL', 'Tree Search']);
    assert.deepEqual(topicsHolding(topics, 'a'), ['RL', 'Planning']);
    assert.deepEqual(topicsHolding(topics, 'zzz'), []);
  });
});

describe('a filtered tree', () => {
  it('counts a topic’s papers out of all it holds, subtopics without a match included', () => {
    const many = Array.from({ length: 6 }, (_, i) => makePaper({ key: `p${i}`, title: i === 0 ? 'Needle in a subtopic' : `Paper ${i}` }));
    const topics = [topic('Parent', ['p4', 'p5'], [topic('Has the match', ['p0', 'p1']), topic('No match here', ['p2', 'p3'])])];
    const whole = new TreeModel(many, topics, { groupBy: 'topic', sortOrder: 'title' });
    const filtered = new TreeModel(many, topics, { groupBy: 'topic', sortOrder: 'title', matching: new Set(['p0']) });
    const [parent] = whole.children(undefined, PAGE_SIZE).nodes as GroupNode[];
    const [narrowed] = filtered.children(undefined, PAGE_SIZE).nodes as GroupNode[];
    assert.equal(parent!.count, 6);
    assert.equal(narrowed!.count, 1);
    assert.equal(narrowed!.total, parent!.count, 'the filtered count is out of the count the unfiltered tree shows');
    assert.deepEqual(narrowed!.subgroups.map((group) => group.label), ['Has the match'], 'subtopics without a match are hidden');
  });
});

describe('the tree and the reading list', () => {
  const reading = parseReadingList([
    'old\tread\t2026-01-02\tsurvey,rl',
    'new\tto-read\t2026-01-03\trl',
    'aliased\texcluded\t2026-01-04\t\tnot about search',
  ].join('\n'));
  const withAlias = [...papers, makePaper({ key: 'moved', aliases: ['aliased'], title: 'Moved Paper', date: '2024-05-01' })];

  it('groups by tag, tags by name, a paper with two tags under both, untagged papers last', () => {
    const model = new TreeModel(withAlias, [], { groupBy: 'tag', sortOrder: 'newest', reading });
    assert.deepEqual(labels(model.roots), ['rl', 'survey', 'Untagged']);
    assert.deepEqual(model.roots.map((group) => group.groupBy), ['tag', 'tag', 'tag']);
    assert.deepEqual(labels(model.children(model.roots[0]).nodes), ['new', 'old']);
    assert.deepEqual(labels(model.children(model.roots[2]).nodes), ['moved', 'mid', 'undated']);
    assert.equal(model.roots[2]!.id, 'tag-none');
    assert.equal(model.visiblePaperCount, withAlias.length, 'each paper counted once, however many tags it has');
    assert.equal(new Set(model.roots.map((group) => group.id)).size, 3);
  });

  it('puts every paper under "Untagged" when nobody has tagged one', () => {
    const model = new TreeModel(papers, [], { groupBy: 'tag', sortOrder: 'title' });
    assert.deepEqual(labels(model.roots), ['Untagged']);
    assert.equal(model.roots[0]!.count, papers.length);
  });

  it('filters by status, by tag, by both, and by "no status", finding a paper under an alias', () => {
    const count = (readingFilter: ReadingFilter) => new TreeModel(withAlias, [topic('Search', ['old', 'new', 'mid'])], { groupBy: 'topic', sortOrder: 'newest', reading, readingFilter }).visiblePaperCount;
    assert.equal(count({ status: 'read' }), 1);
    assert.equal(count({ status: 'excluded' }), 1, 'the line written under an alias counts for the paper');
    assert.equal(count({ tag: 'RL' }), 2, 'tags match whatever their case');
    assert.equal(count({ status: 'to-read', tag: 'rl' }), 1);
    assert.equal(count({ status: 'to-read', tag: 'survey' }), 0);
    assert.equal(count({ status: 'none' }), 2);
    const filtered = new TreeModel(withAlias, [topic('Search', ['old', 'new', 'mid'])], { groupBy: 'topic', sortOrder: 'newest', reading, readingFilter: { tag: 'rl' } });
    assert.deepEqual(labels(filtered.roots), ['Search'], 'groups the filter empties are hidden');
    assert.equal(filtered.roots[0]!.count, 2);
    assert.equal(filtered.roots[0]!.total, 3);
  });

  it('combines the reading filter with a text filter', () => {
    const model = new TreeModel(withAlias, [], { groupBy: 'year', sortOrder: 'newest', reading, readingFilter: { tag: 'rl' }, matching: new Set(['old', 'mid']) });
    assert.equal(model.visiblePaperCount, 1);
    assert.deepEqual(labels(model.roots), ['2023']);
  });
});
