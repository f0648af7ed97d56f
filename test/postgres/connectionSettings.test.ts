// Where the shared library is, worked out as psql would: no server needed.
import assert from 'node:assert/strict';
import { ConnectionStringError, describeConnection, parseConnectionString, parsePasswordFile, passwordFor, resolveConnection, serviceFromFile, type ConnectionSources } from '../../src/node/postgres/connectionSettings';

function sources(overrides: Partial<ConnectionSources> = {}, files: Record<string, string> = {}): ConnectionSources {
  return { env: {}, home: '/home/ann', osUser: 'ann', readFile: (file) => files[file], ...overrides };
}

describe('shared library connection settings', () => {
  it('reads a URL: user, password, host, port, database and parameters, %-escapes decoded', () => {
    assert.deepEqual(parseConnectionString('postgres://ann:p%40ss%3Aword@db.lab.org:6543/papers?sslmode=require&application_name=x'), {
      user: 'ann',
      password: 'p@ss:word',
      host: 'db.lab.org',
      port: '6543',
      dbname: 'papers',
      sslmode: 'require',
      application_name: 'x',
    });
    assert.deepEqual(parseConnectionString('postgresql:///papers?host=/var/run/postgresql'), { dbname: 'papers', host: '/var/run/postgresql' });
    assert.deepEqual(parseConnectionString('postgres://[::1]:5433/x'), { host: '::1', port: '5433', dbname: 'x' });
  });

  it("reads libpq's key=value form, with quoted values and escapes", () => {
    assert.deepEqual(parseConnectionString("host=db port = 5433 dbname='my papers' password='it\\'s' user=ann"), { host: 'db', port: '5433', dbname: 'my papers', password: "it's", user: 'ann' });
    assert.throws(() => parseConnectionString('host=db dbname'), ConnectionStringError);
    assert.throws(() => parseConnectionString("host='db"), ConnectionStringError);
  });

  it('reads a bare name as the name of a service', () => {
    assert.deepEqual(parseConnectionString('lab-papers'), { service: 'lab-papers' });
    const files = { '/home/ann/.pg_service.conf': '[lab-papers]\nhost=db.lab.org\ndbname=papers\n' };
    assert.equal(resolveConnection(sources({ connectionString: 'lab-papers' }, files)).host, 'db.lab.org');
  });

  it('finds a service in a service file, and only that one', () => {
    const text = '# lab\n[other]\nhost=elsewhere\n\n[lab]\nhost = db.lab.org\nport=5433\ndbname=papers\n';
    assert.deepEqual(serviceFromFile(text, 'lab'), { host: 'db.lab.org', port: '5433', dbname: 'papers' });
    assert.equal(serviceFromFile(text, 'missing'), undefined);
  });

  it('matches a password file line by host, port, database and user, * for any, \\: escaped', () => {
    const lines = parsePasswordFile('# comment\ndb.lab.org:5432:papers:ann:first\n*:*:*:bob:pa\\:ss\nlocalhost:5432:*:ann:socket\n');
    assert.equal(passwordFor(lines, { host: 'db.lab.org', port: 5432, database: 'papers', user: 'ann' }), 'first');
    assert.equal(passwordFor(lines, { host: 'anywhere', port: 1, database: 'x', user: 'bob' }), 'pa:ss');
    assert.equal(passwordFor(lines, { host: '/var/run/postgresql', port: 5432, database: 'other', user: 'ann' }), 'socket', 'a socket folder is localhost');
    assert.equal(passwordFor(lines, { host: 'db.lab.org', port: 5432, database: 'other', user: 'ann' }), undefined);
  });

  it('takes the connection string first, then the service, then PG* variables, then the defaults', () => {
    const files = { '/home/ann/.pg_service.conf': '[lab]\nhost=service-host\nport=5433\ndbname=service-db\n' };
    const env = { PGSERVICE: 'lab', PGHOST: 'env-host', PGUSER: 'env-user', PGDATABASE: 'env-db', PGPORT: '5999' };
    const settings = resolveConnection(sources({ connectionString: 'dbname=given', env }, files));
    assert.deepEqual({ ...settings }, { host: 'service-host', port: 5433, user: 'env-user', database: 'given' });
    const defaults = resolveConnection(sources());
    assert.deepEqual({ ...defaults }, { host: 'localhost', port: 5432, user: 'ann', database: 'ann' });
    assert.equal(resolveConnection(sources({ defaultHost: () => '/var/run/postgresql' })).host, '/var/run/postgresql');
  });

  it('names a missing service rather than connecting elsewhere', () => {
    assert.throws(() => resolveConnection(sources({ env: { PGSERVICE: 'nowhere' } })), /service "nowhere"/);
  });

  it('takes the password from the string, else PGPASSWORD, else ~/.pgpass; a password given apart wins', () => {
    const files = { '/home/ann/.pgpass': 'db:5432:papers:ann:from-file\n' };
    const base = { connectionString: 'postgres://ann@db/papers' };
    assert.equal(resolveConnection(sources(base, files)).password, 'from-file');
    assert.equal(resolveConnection(sources({ ...base, env: { PGPASSWORD: 'from-env' } }, files)).password, 'from-env');
    assert.equal(resolveConnection(sources({ connectionString: 'postgres://ann:in-url@db/papers' }, files)).password, 'in-url');
    assert.equal(resolveConnection(sources({ connectionString: 'postgres://ann:in-url@db/papers', password: 'secret' }, files)).password, 'secret');
    assert.equal(resolveConnection(sources({ ...base, env: { PGPASSFILE: '/elsewhere' } }, { '/elsewhere': '*:*:*:*:other\n' })).password, 'other');
    assert.equal(resolveConnection(sources({ ...base, readPasswordFile: () => undefined }, files)).password, undefined, 'an unreadable (or too open) file gives none');
  });

  it('rejects a port that is no port, and never shows a password in a description', () => {
    assert.throws(() => resolveConnection(sources({ connectionString: 'port=99999' })), /not a port/);
    const settings = resolveConnection(sources({ connectionString: 'postgres://ann:secret@db:5433/papers' }));
    assert.equal(describeConnection(settings), 'ann@db:5433/papers');
  });
});
