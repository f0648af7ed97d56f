// The built command line against a real PostgreSQL: two publishes at once end as one would,
// a publish killed half-way leaves every listing whole (old or new) and the next finishes
// it, and a server down or a refused login is exit code 1 with a message.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generatePapers } from '../../bench/corpus';
import { FORMATS, writeListings } from '../../bench/listings';
import { decodeCache } from '../../src/core/persist/cache';
import { publish } from '../../src/node/postgres/publish';
import { libraryFile, textHash } from '../../src/node/postgres/publishRead';
import { cli, ensureBuilt, EXAMPLES, freshDatabase, REAL, sql, useCluster } from './helpers';

/** What a publish leaves, to compare two of them: papers, listings, topics and the library's count. */
async function publishedState(url: string): Promise<unknown> {
  return {
    papers: await sql(url, 'SELECT key, hash, files FROM papers ORDER BY key'),
    listings: await sql(url, 'SELECT root, path, hash, papers FROM listings ORDER BY root, path'),
    topics: await sql(url, 'SELECT id, parent, papers FROM topics ORDER BY id'),
    members: await sql(url, 'SELECT count(*) AS n FROM topic_papers'),
    library: await sql(url, 'SELECT papers FROM library'),
  };
}

/** Writes `count` generated papers (seeded) as listing files, about a hundred a file. */
function writeGenerated(folder: string, count: number, seed: number): Map<string, string> {
  const texts = new Map<string, string>();
  for (const listing of writeListings(generatePapers(count, seed), FORMATS, new Date('2026-11-28T12:00:00Z'))) {
    const file = path.join(folder, listing.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, listing.text);
    texts.set(listing.file, listing.text);
  }
  return texts;
}

describe('publishing from the command line', function () {
  this.timeout(600_000);
  const cluster = useCluster();
  let scratch: string;

  before(function () {
    this.timeout(300_000);
    ensureBuilt();
    scratch = mkdtempSync(path.join(tmpdir(), 'lit-review-cli-pg-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('ends two publishes started at once as one publish would', async () => {
    const folder = path.join(scratch, 'lab');
    cpSync(EXAMPLES, folder, { recursive: true });
    cpSync(path.join(REAL, 'markdown'), path.join(folder, 'markdown'), { recursive: true });
    cpSync(path.join(REAL, 'hf-json'), path.join(folder, 'hf-json'), { recursive: true });
    const [together, once] = [await freshDatabase(cluster()), await freshDatabase(cluster())];
    const runs = await Promise.all([0, 1].map(() => cli(['publish', '--library', folder, '--postgres', together, '--json'])));
    for (const run of runs) assert.equal(run.code, 0, run.stderr);
    const reports = runs.map((run) => JSON.parse(run.stdout) as { listings: { read: number; skipped: number }; papers: { inserted: number; total: number } });
    // One of them did the work; the other waited for it and found nothing left to do.
    assert.deepEqual(reports.map((report) => report.papers.inserted).sort((a, b) => a - b), [0, reports[0]!.papers.total]);
    assert.ok(runs.some((run) => /Waiting for another publish/.test(run.stderr)) || reports.some((report) => report.listings.read === 0));
    const single = await cli(['publish', '--library', folder, '--postgres', once]);
    assert.equal(single.code, 0, single.stderr);
    assert.match(single.stdout, /^Published \d+ papers/);
    assert.match(single.stderr, /Publishing to litreview@127\.0\.0\.1/);
    assert.deepEqual(await publishedState(together), await publishedState(once));
  });

  it('leaves every listing whole when a publish is killed half-way, and the next one finishes it', async () => {
    const folder = path.join(scratch, 'big');
    const url = await freshDatabase(cluster());
    const before = writeGenerated(folder, 20_000, 7);
    await publish({ folders: [folder], connectionString: url });
    // Every listing changes: the next publish has twenty transactions to make.
    const after = writeGenerated(folder, 20_000, 8);
    const killed = await cli(['publish', '--library', folder, '--postgres', url], {
      onStderr: (text, child) => {
        if (/Wrote 1 of/.test(text)) child.kill('SIGKILL');
      },
    });
    assert.equal(killed.signal, 'SIGKILL', killed.stderr);

    // Still served: each listing either as it was or as it is now, its papers with it.
    const listings = await sql<{ root: string; path: string; hash: string; parser: string; parsed: Buffer; papers: number }>(url, 'SELECT root, path, hash, parser, parsed, papers FROM listings');
    const titlesByFile = new Map<string, string[]>();
    for (const row of await sql<{ title: string; files: string[] }>(url, "SELECT paper->>'title' AS title, files FROM papers")) {
      for (const file of row.files) titlesByFile.set(file, [...(titlesByFile.get(file) ?? []), row.title]);
    }
    let old = 0;
    let renewed = 0;
    for (const listing of listings) {
      if (listing.hash === textHash(before.get(listing.path)!)) old++;
      else if (listing.hash === textHash(after.get(listing.path)!)) renewed++;
      else assert.fail(`${listing.path} is neither as it was nor as it is`);
      const parsed = decodeCache(new Uint8Array(listing.parsed), { producer: listing.parser })![0]!.result;
      assert.deepEqual((titlesByFile.get(libraryFile(listing.root, listing.path)) ?? []).sort(), parsed.papers.map((paper) => paper.title).sort(), listing.path);
    }
    assert.equal(listings.length, before.size);
    assert.ok(old > 0 && renewed > 0, `killed half-way: ${old} old, ${renewed} new`);
    const [count] = await sql<{ n: string }>(url, 'SELECT count(*) AS n FROM papers');
    const [library] = await sql<{ papers: number }>(url, 'SELECT papers FROM library');
    assert.equal(library!.papers, Number(count!.n));

    const rerun = await cli(['publish', '--library', folder, '--postgres', url, '--json']);
    assert.equal(rerun.code, 0, rerun.stderr);
    const report = JSON.parse(rerun.stdout) as { listings: { read: number; skipped: number } };
    assert.deepEqual(report.listings, { read: old, skipped: renewed, removed: 0 });
    const fresh = await freshDatabase(cluster());
    assert.equal((await cli(['publish', '--library', folder, '--postgres', fresh])).code, 0);
    const [finished, once] = [await publishedState(url), await publishedState(fresh)];
    assert.deepEqual((finished as { papers: unknown }).papers, (once as { papers: unknown }).papers);
    assert.deepEqual((finished as { listings: unknown }).listings, (once as { listings: unknown }).listings);
  });

  it('searches the shared library with --postgres, printing what the local search prints', async () => {
    const url = await freshDatabase(cluster());
    await publish({ folders: [EXAMPLES], connectionString: url });
    const shared = await cli(['search', 'zerosearch', '--postgres', url, '--json', '--limit', '3']);
    assert.equal(shared.code, 0, shared.stderr);
    const local = await cli(['search', 'zerosearch', '--library', EXAMPLES, '--json', '--limit', '3']);
    const [sharedResults, localResults] = [shared, local].map((run) => (JSON.parse(run.stdout) as { results: { key: string; title: string; score: number }[] }).results);
    assert.deepEqual(Object.keys(sharedResults![0]!), Object.keys(localResults![0]!));
    assert.equal(sharedResults![0]!.key, localResults![0]!.key);
    for (const result of sharedResults!) assert.ok(result.score >= 0 && result.score <= 1);
    const env = await cli(['search', 'zerosearch', '--postgres', '', '--limit', '1'], { env: { PGHOST: '127.0.0.1', PGPORT: String(cluster().port), PGUSER: cluster().user, PGPASSWORD: cluster().password, PGDATABASE: url.split('/').pop()! } });
    assert.equal(env.code, 0, env.stderr);
    assert.match(env.stdout, /zerosearch2025/, 'the PG* variables alone say where');
  });

  it('exits 1 with a clear message when the server is down or refuses the login', async () => {
    const down = await cli(['search', 'zero', '--postgres', 'postgres://ann:x@127.0.0.1:1/papers']);
    assert.equal(down.code, 1);
    assert.match(down.stderr, /^lit-review: The shared library cannot be reached \(ann@127\.0\.0\.1:1\/papers\)/);
    const refused = await cli(['publish', '--library', EXAMPLES, '--postgres', cluster().url.replace(/:[^:@/]+@/, ':wrong@')]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /refused the login/);
    assert.doesNotMatch(refused.stderr, /wrong|at \w+ \(/, 'no password and no stack trace');
  });
});
