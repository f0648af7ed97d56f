// Publishing folders to a real PostgreSQL: every paper and field comes back, a second
// publish reads and writes only what changed, and folders published apart stay together.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Paper } from '../../src/core/paper/paper';
import { computeTopics } from '../../src/core/topics';
import { publish } from '../../src/node/postgres/publish';
import { openSharedLibrary } from '../../src/node/postgres/sharedLibrary';
import { EXAMPLES, freshDatabase, localLibrary, REAL, sql, useCluster } from './helpers';

/** A paper as JSON keeps it: fields that are undefined are no fields. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The local library's papers with their topics, as a publish computes them (files named within their folder). */
async function expectedPapers(folders: string[]): Promise<Paper[]> {
  const papers = (await localLibrary(folders)).papers;
  const within = papers.map((paper) => ({ ...paper, sources: paper.sources.map((source) => ({ ...source, file: source.file.slice(source.file.indexOf('/') + 1) })) }));
  const topics = new Map(computeTopics(within, { folderTopics: true }).papers.map((paper) => [paper.key, paper.topics]));
  return papers.map((paper) => ({ ...paper, topics: topics.get(paper.key) ?? [] }));
}

describe('publishing a shared library', function () {
  this.timeout(300_000);
  const cluster = useCluster();

  for (const [name, folders] of [
    ['the example library', [EXAMPLES]],
    ['the mixed real folder (BibTeX, CSL-JSON, Hugging Face JSON, Markdown)', [REAL]],
  ] as const) {
    it(`publishes ${name}: every paper comes back with every field`, async () => {
      const url = await freshDatabase(cluster());
      const report = await publish({ folders: [...folders], connectionString: url });
      const expected = await expectedPapers([...folders]);
      assert.ok(expected.length > 50, `only ${expected.length} papers`);
      assert.equal(report.papers.total, expected.length);
      assert.equal(report.papers.inserted, expected.length);
      assert.equal(report.listings.skipped, 0);

      const stored = await sql<{ paper: Paper }>(url, 'SELECT paper FROM papers');
      const byKey = new Map(stored.map((row) => [row.paper.key, row.paper]));
      for (const paper of expected) assert.deepEqual(byKey.get(paper.key), plain({ ...paper, topics: [] }), paper.key);

      const library = openSharedLibrary({ connectionString: url, queryTimeoutMs: 5000 });
      try {
        const read = await library.papers(expected.map((paper) => paper.key));
        assert.equal(read.length, expected.length);
        assert.deepEqual(
          read.map((paper) => plain(paper)),
          expected.map((paper) => plain(paper)),
          'the reader gives each paper whole, topics included',
        );
        assert.deepEqual(await library.stats().then((stats) => stats.papers), expected.length);
      } finally {
        await library.close();
      }
    });
  }

  describe('publishing again', () => {
    let folder: string;
    let url: string;
    const listingTimes = async () => new Map((await sql<{ path: string; published_at: Date }>(url, 'SELECT path, published_at FROM listings')).map((row) => [row.path, row.published_at.getTime()]));

    before(async () => {
      folder = path.join(mkdtempSync(path.join(tmpdir(), 'lit-review-publish-')), 'lab');
      cpSync(EXAMPLES, folder, { recursive: true });
      writeFileSync(path.join(folder, 'extra.bib'), '@article{knuth1984, title = {Literate Programming}, author = {Knuth, Donald E.}, journal = {The Computer Journal}, year = {1984}}\n');
      writeFileSync(path.join(folder, 'reading.md'), '# To read\n\n- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) - Ashish Vaswani, NeurIPS 2017\n');
      url = await freshDatabase(cluster());
      await publish({ folders: [folder], connectionString: url });
    });
    after(() => rmSync(path.dirname(folder), { recursive: true, force: true }));

    it('reads nothing and writes nothing when nothing changed', async () => {
      const before = await listingTimes();
      const report = await publish({ folders: [folder], connectionString: url });
      assert.deepEqual(report.listings, { read: 0, skipped: 3, removed: 0 });
      assert.deepEqual({ ...report.papers, total: 0 }, { inserted: 0, updated: 0, deleted: 0, total: 0 });
      assert.deepEqual(await listingTimes(), before);
    });

    it('reads and rewrites only the listing that changed', async () => {
      const before = await listingTimes();
      const papersBefore = await sql<{ key: string; hash: string }>(url, 'SELECT key, hash FROM papers');
      appendFileSync(path.join(folder, 'reading.md'), '- [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385) - Kaiming He, CVPR 2016\n');
      const report = await publish({ folders: [folder], connectionString: url });
      assert.deepEqual(report.listings, { read: 1, skipped: 2, removed: 0 });
      assert.equal(report.papers.inserted, 1);
      assert.equal(report.papers.deleted, 0);
      const after = await listingTimes();
      assert.equal(after.get('hf-daily-papers-rl-search.txt'), before.get('hf-daily-papers-rl-search.txt'));
      assert.equal(after.get('extra.bib'), before.get('extra.bib'));
      assert.ok(after.get('reading.md')! > before.get('reading.md')!, 'the changed listing was published again');
      // Papers of the listings that did not change keep their rows.
      const hashes = new Map((await sql<{ key: string; hash: string }>(url, 'SELECT key, hash FROM papers')).map((row) => [row.key, row.hash]));
      const rewritten = papersBefore.filter((row) => hashes.get(row.key) !== row.hash);
      assert.deepEqual(rewritten, []);
      assert.equal(hashes.size, papersBefore.length + 1);
      const library = openSharedLibrary({ connectionString: url });
      try {
        assert.equal((await library.search('deep residual learning image', { limit: 1 }))[0]?.paper.title, 'Deep Residual Learning for Image Recognition');
      } finally {
        await library.close();
      }
    });

    it('only restamps a listing touched but not changed', async () => {
      const before = await listingTimes();
      const later = new Date(Date.now() + 60_000);
      utimesSync(path.join(folder, 'extra.bib'), later, later);
      const report = await publish({ folders: [folder], connectionString: url });
      assert.deepEqual(report.listings, { read: 0, skipped: 3, removed: 0 });
      assert.deepEqual(await listingTimes(), before);
      const [stamp] = await sql<{ modified_ms: number }>(url, "SELECT modified_ms FROM listings WHERE path = 'extra.bib'");
      assert.equal(Math.round(stamp!.modified_ms), later.getTime());
    });

    it("removes a deleted listing's papers, and only those", async () => {
      const [{ count: before }] = (await sql<{ count: string }>(url, 'SELECT count(*) AS count FROM papers')) as [{ count: string }];
      unlinkSync(path.join(folder, 'extra.bib'));
      const report = await publish({ folders: [folder], connectionString: url });
      assert.deepEqual(report.listings, { read: 0, skipped: 2, removed: 1 });
      assert.equal(report.papers.deleted, 1);
      assert.deepEqual(await sql(url, "SELECT key FROM papers WHERE key = 'knuth1984'"), []);
      const [{ count: after }] = (await sql<{ count: string }>(url, 'SELECT count(*) AS count FROM papers')) as [{ count: string }];
      assert.equal(Number(after), Number(before) - 1);
      const [library] = await sql<{ papers: number }>(url, 'SELECT papers FROM library');
      assert.equal(library!.papers, Number(after), "the library's count follows its papers");
    });

    it("keeps another folder's papers when a folder is published alone", async () => {
      const other = path.join(path.dirname(folder), 'other');
      cpSync(path.join(REAL, 'hf-json'), other, { recursive: true });
      const both = await publish({ folders: [folder, other], connectionString: url });
      const alone = await publish({ folders: [folder], connectionString: url });
      assert.equal(alone.papers.total, both.papers.total);
      assert.equal(alone.papers.deleted, 0);
      assert.equal(alone.listings.read, 0);
      const roots = await sql<{ root: string }>(url, 'SELECT DISTINCT root FROM listings ORDER BY root');
      assert.deepEqual(roots.map((row) => row.root), ['lab', 'other']);
    });
  });
});
