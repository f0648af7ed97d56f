// Searching and reading a published library on a real PostgreSQL: the ranking the local
// engine makes (measured against it on the query sets), papers by key or alias, topics
// and their papers a page at a time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Paper } from '../../src/core/paper/paper';
import { SearchIndex } from '../../src/core/search';
import { publish } from '../../src/node/postgres/publish';
import { openSharedLibrary } from '../../src/node/postgres/sharedLibrary';
import type { SharedLibrary } from '../../src/node/postgres/types';
import { EXAMPLES, freshDatabase, localLibrary, REAL, ROOT, useCluster } from './helpers';

interface QueryCase {
  query: string;
  expect: string;
}

function querySet(name: string): QueryCase[] {
  return (JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8')) as { queries: QueryCase[] }).queries;
}

/** The folders the real query set was written for (as in the local quality test). */
const REAL_FOLDERS = ['markdown', 'hf-json', 'bibtex/texlive', 'bibtex/split-iridia'].map((folder) => path.join(REAL, folder));

describe('searching a shared library', function () {
  this.timeout(300_000);
  const cluster = useCluster();
  const opened: SharedLibrary[] = [];
  let examples: SharedLibrary;
  let examplePapers: Paper[];
  let real: SharedLibrary;
  let realPapers: Paper[];

  before(async function () {
    this.timeout(300_000);
    const exampleUrl = await freshDatabase(cluster());
    await publish({ folders: [EXAMPLES], connectionString: exampleUrl });
    examples = openSharedLibrary({ connectionString: exampleUrl, queryTimeoutMs: 5000 });
    examplePapers = (await localLibrary([EXAMPLES])).papers;
    const realUrl = await freshDatabase(cluster());
    await publish({ folders: REAL_FOLDERS, connectionString: realUrl });
    real = openSharedLibrary({ connectionString: realUrl, queryTimeoutMs: 5000 });
    realPapers = (await localLibrary(REAL_FOLDERS)).papers;
    opened.push(examples, real);
  });
  after(async () => {
    for (const library of opened) await library.close();
  });

  const first = async (library: SharedLibrary, query: string): Promise<string | undefined> => (await library.search(query, { limit: 5 }))[0]?.paper.title;
  const titled = (papers: Paper[], start: string): Paper => {
    const paper = papers.find((each) => each.title.startsWith(start));
    assert.ok(paper, `no paper titled ${start}`);
    return paper;
  };

  it('puts first the paper a key, an alias, an arXiv id or link, a DOI or a short name names', async () => {
    const zero = titled(examplePapers, 'ZeroSearch');
    assert.equal(await first(examples, zero.key), zero.title);
    assert.equal(await first(examples, zero.key.toUpperCase()), zero.title);
    assert.equal(await first(examples, 'zerosearch'), zero.title);
    assert.equal(await first(examples, 'ZERO search'), zero.title);
    const withId = realPapers.find((paper) => paper.arxivId && paper.doi === undefined)!;
    assert.equal(await first(real, `https://arxiv.org/abs/${withId.arxivId}v2`), withId.title);
    const withDoi = realPapers.find((paper) => paper.doi)!;
    assert.equal(await first(real, withDoi.doi!.toUpperCase()), withDoi.title);
    const aliased = realPapers.find((paper) => paper.aliases?.length);
    if (aliased) assert.equal(await first(real, aliased.aliases![0]!), aliased.title);
  });

  it('finds a title through a typo', async () => {
    assert.equal(await first(examples, 'zeroserch'), titled(examplePapers, 'ZeroSearch').title);
    assert.equal(await first(examples, 'stratifed grpo'), titled(examplePapers, 'Stratified GRPO').title);
    assert.equal(await first(real, 'nevergard'), titled(realPapers, 'Nevergrad').title);
  });

  it("finds words anywhere: an abstract's, an organisation's, an author's", async () => {
    for (const item of querySet('search-queries.json').filter((each) => ['abstract only', 'organisation'].includes((each as QueryCase & { kind: string }).kind))) {
      const hits = (await examples.search(item.query, { limit: 5 })).map((hit) => hit.paper.title);
      assert.ok(hits.includes(item.expect), `"${item.query}": ${hits.join(' | ')}`);
    }
    assert.equal((await real.search('vapnik', { limit: 1 }))[0]?.paper.authors.some((author) => /Vapnik/.test(author)), true);
  });

  it('finds the paper while its name is typed, letter by letter', async () => {
    const mask = titled(examplePapers, 'MaskSearch');
    for (let end = 3; end <= 'masksearch'.length; end++) {
      const hits = (await examples.search('masksearch'.slice(0, end), { limit: 10 })).map((hit) => hit.paper.title);
      assert.ok(hits.includes(mask.title), `"${'masksearch'.slice(0, end)}": ${hits.join(' | ')}`);
      if (end >= 6) assert.equal(hits[0], mask.title, `"${'masksearch'.slice(0, end)}" puts it first`);
    }
    const hits = await examples.search('monte carlo tree se', { limit: 10 });
    assert.ok(hits.some((hit) => /Monte Carlo Tree Search/i.test(hit.paper.title) || /MCTS|tree search/i.test(hit.paper.abstract ?? '')), 'an unfinished last word still finds');
    assert.deepEqual(await examples.search('', { limit: 10 }), []);
    assert.ok((await examples.search('z', { limit: 10 })).length > 0, 'a first letter shows something');
  });

  it('orders papers with every word above papers with some, scores falling', async () => {
    const hits = await examples.search('curiosity story space mcts', { limit: 20 });
    assert.equal(hits[0]?.paper.title, titled(examplePapers, 'COS(M+O)S').title);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score, 'scores fall');
    assert.ok(hits.length > 3, 'papers with some of the words follow');
  });

  it("agrees with the local engine's first paper on most of the query sets", async () => {
    let agree = 0;
    let total = 0;
    const misses: string[] = [];
    const compare = async (library: SharedLibrary, papers: Paper[], cases: QueryCase[]) => {
      const index = new SearchIndex(papers);
      for (const item of cases) {
        const local = index.search(item.query, { limit: 1 })[0]?.paper.key;
        const server = (await library.search(item.query, { limit: 1 }))[0]?.paper.key;
        total++;
        if (local === server) agree++;
        else misses.push(`"${item.query}": local ${local}, server ${server}`);
      }
    };
    await compare(examples, examplePapers, [...querySet('search-queries.json'), ...querySet('search-queries-hard.json')]);
    await compare(real, realPapers, querySet('search-queries-real.json'));
    console.log(`      first papers agree on ${agree} of ${total} queries (${((100 * agree) / total).toFixed(1)}%)`);
    assert.ok(agree / total >= 0.9, `agreement ${agree}/${total}:\n${misses.join('\n')}`);
  });

  it('gives papers by key or alias, whole, in the order asked, each once', async () => {
    const [a, b] = [realPapers[10]!, realPapers[200]!];
    const read = await real.papers([b.key, a.key.toUpperCase(), b.key, 'no-such-key']);
    assert.deepEqual(read.map((paper) => paper.key), [b.key, a.key]);
    assert.deepEqual(read[0]!.bibtex, b.bibtex);
    const aliased = realPapers.find((paper) => paper.aliases?.length);
    if (aliased) assert.deepEqual((await real.papers([aliased.aliases![0]!])).map((paper) => paper.key), [aliased.key]);
  });

  it('pages topics, largest first, and the papers of each', async () => {
    const all = await real.topics({ limit: 1000 });
    assert.ok(all.total > 3 && all.items.length === all.total);
    for (let i = 1; i < all.items.length; i++) assert.ok(all.items[i - 1]!.count >= all.items[i]!.count, 'largest first');
    const pages = [...(await real.topics({ limit: 2 })).items, ...(await real.topics({ offset: 2, limit: 2 })).items];
    assert.deepEqual(pages, all.items.slice(0, 4));
    // A library this size nests topics in its large ones (as the local tree does from 500 papers).
    let nested = 0;
    for (const parent of all.items) {
      const children = await real.topics({ parent: parent.id, limit: 1000 });
      for (const child of children.items) assert.equal(child.parent, parent.id);
      nested += children.total;
    }
    assert.ok(nested > 0, 'some topics have nested topics');

    const topic = all.items[0]!;
    const page1 = await real.topicPapers(topic.id, { limit: 7 });
    const page2 = await real.topicPapers(topic.id, { offset: 7, limit: 1000 });
    assert.equal(page1.total, topic.count);
    const keys = [...page1.items, ...page2.items].map((paper) => paper.key);
    assert.equal(keys.length, topic.count);
    assert.equal(new Set(keys).size, keys.length);
    for (const paper of page1.items) assert.ok(paper.topics.includes(topic.name), `${paper.key} lists ${topic.name}`);
    assert.deepEqual(await real.topicPapers('no such topic'), { items: [], total: 0 });
  });

  it('reports its size and when it was published', async () => {
    const stats = await examples.stats();
    assert.equal(stats.papers, examplePapers.length);
    assert.ok(Date.now() - Date.parse(stats.publishedAt!) < 10 * 60_000);
  });
});
