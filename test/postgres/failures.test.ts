// A shared library's server down, slow, frozen or refusing the login: every call fails fast
// and says why, and works again once the server is back.
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { openPool, readConnectionSettings } from '../../src/node/postgres/connect';
import { publish } from '../../src/node/postgres/publish';
import { runQuery } from '../../src/node/postgres/runQuery';
import { openSharedLibrary } from '../../src/node/postgres/sharedLibrary';
import { SharedLibraryError, type SharedLibraryFailure } from '../../src/node/postgres/types';
import { EXAMPLES, freshDatabase, sql, useCluster } from './helpers';

/** The failure a call ends with, and how long it took to say so. */
async function failure(call: () => Promise<unknown>): Promise<{ failure: SharedLibraryFailure | string; ms: number; error: unknown }> {
  const started = Date.now();
  try {
    await call();
  } catch (error) {
    return { failure: error instanceof SharedLibraryError ? error.failure : `not a SharedLibraryError: ${String(error)}`, ms: Date.now() - started, error };
  }
  assert.fail('the call succeeded');
}

describe('a shared library that fails', function () {
  this.timeout(120_000);
  const cluster = useCluster();
  let url: string;

  before(async () => {
    url = await freshDatabase(cluster());
    await publish({ folders: [EXAMPLES], connectionString: url });
  });

  it('says unreachable within a second when nothing listens, and for a server that never answers', async () => {
    const closed = await failure(() => openSharedLibrary({ connectionString: 'postgres://nobody:x@127.0.0.1:1/none' }).search('zero'));
    assert.equal(closed.failure, 'unreachable');
    assert.ok(closed.ms < 1000, `${closed.ms} ms`);

    // A server that takes the connection and then says nothing.
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const mute = await failure(() => openSharedLibrary({ connectionString: `postgres://ann:x@127.0.0.1:${port}/papers` }).search('zero'));
      assert.equal(mute.failure, 'unreachable');
      assert.ok(mute.ms >= 900 && mute.ms < 2000, `${mute.ms} ms`);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('says unreachable within about a second once the server is killed, and works again once it is back', async () => {
    const library = openSharedLibrary({ connectionString: url });
    try {
      assert.ok((await library.search('zerosearch')).length > 0);
      cluster().kill();
      for (const call of [() => library.search('zerosearch'), () => library.stats(), () => library.papers(['zerosearch2025'])]) {
        const down = await failure(call);
        assert.equal(down.failure, 'unreachable', String(down.error));
        assert.ok(down.ms < 1500, `${down.ms} ms`);
      }
      cluster().restart();
      assert.equal((await library.search('zerosearch', { limit: 1 }))[0]?.paper.key, 'zerosearch2025');
    } finally {
      await library.close();
    }
  });

  it('says timeout when a statement runs past its time (pg_sleep), and the connection serves the next', async () => {
    const pool = openPool(readConnectionSettings(url), { statementTimeoutMs: 300, connectTimeoutMs: 1000, applicationName: 'test', max: 1 });
    try {
      const slow = await failure(() => runQuery(pool, 'SELECT pg_sleep(5)', [], { timeoutMs: 300 }));
      assert.equal(slow.failure, 'timeout');
      assert.ok(slow.ms < 1000, `${slow.ms} ms`);
      assert.deepEqual(await runQuery(pool, 'SELECT 1 AS one', [], { timeoutMs: 300 }), [{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('says timeout when the papers are locked by someone else, without waiting longer', async () => {
    const pg = (await import('pg')).default;
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    const library = openSharedLibrary({ connectionString: url, queryTimeoutMs: 500 });
    try {
      await library.stats();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE lit_review.papers IN ACCESS EXCLUSIVE MODE');
      const blocked = await failure(() => library.search('masksearch'));
      assert.equal(blocked.failure, 'timeout');
      assert.ok(blocked.ms < 1200, `${blocked.ms} ms`);
      await locker.query('ROLLBACK');
      assert.ok((await library.search('masksearch')).length > 0);
    } finally {
      await locker.end();
      await library.close();
    }
  });

  it('gives up by itself on a frozen server the statement timeout cannot reach', async () => {
    const pg = (await import('pg')).default;
    const library = openSharedLibrary({ connectionString: url, queryTimeoutMs: 400 });
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    const frozen: number[] = [];
    try {
      await library.stats();
      // Every backend of the library's connections stops as if its machine hung.
      for (const row of await watcher.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'lit-review'").then((result) => result.rows)) {
        process.kill(row.pid, 'SIGSTOP');
        frozen.push(row.pid);
      }
      assert.ok(frozen.length > 0);
      const hung = await failure(() => library.stats());
      assert.equal(hung.failure, 'timeout');
      assert.ok(hung.ms >= 400 && hung.ms < 1200, `${hung.ms} ms`);
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
      await watcher.end();
      await library.close();
    }
  });

  it('stops waiting at once when the caller aborts, with the abort reason', async () => {
    const library = openSharedLibrary({ connectionString: url, queryTimeoutMs: 5000 });
    const pg = (await import('pg')).default;
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await library.stats();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE lit_review.papers IN ACCESS EXCLUSIVE MODE');
      const controller = new AbortController();
      const started = Date.now();
      const searching = library.search('masksearch', { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(searching, (error: Error) => error.name === 'AbortError');
      assert.ok(Date.now() - started < 500);
      const aborted = new AbortController();
      aborted.abort();
      await assert.rejects(library.search('masksearch', { signal: aborted.signal }), (error: Error) => error.name === 'AbortError');
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
      await library.close();
    }
  });

  it('says authentication for a wrong password or none, and not-published for an empty database', async () => {
    const wrong = await failure(() => openSharedLibrary({ connectionString: url, password: 'wrong' }).search('zero'));
    assert.equal(wrong.failure, 'authentication');
    assert.match(String((wrong.error as Error).message), /refused the login/);
    const none = await failure(() => openSharedLibrary({ connectionString: url.replace(/:[^:@/]+@/, '@') }).stats());
    assert.equal(none.failure, 'authentication');
    const empty = await freshDatabase(cluster());
    const unpublished = await failure(() => openSharedLibrary({ connectionString: empty }).search('zero'));
    assert.equal(unpublished.failure, 'not-published');
    const refused = await failure(() => publish({ folders: [EXAMPLES], connectionString: url, password: 'wrong' }));
    assert.equal(refused.failure, 'authentication');
    assert.deepEqual(await sql(url, 'SELECT 1 AS one'), [{ one: 1 }]);
  });
});
