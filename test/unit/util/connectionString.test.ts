import assert from 'node:assert/strict';
import { connectionProblem, describeConnection, hasPassword, redactPasswords } from '../../../src/core/util/connectionString';

describe('connection strings in a setting', () => {
  it('spots a password in a URL, a parameter or a key=value pair', () => {
    assert.equal(hasPassword('postgres://alice:secret@db.lab.example/papers'), true);
    assert.equal(hasPassword('postgresql://alice@db.lab.example/papers?password=secret'), true);
    assert.equal(hasPassword('host=db.lab.example dbname=papers password=secret'), true);
    assert.equal(hasPassword('postgres://alice@db.lab.example:5433/papers'), false);
    assert.equal(hasPassword('postgres://db.lab.example/papers?sslmode=require'), false);
    assert.equal(hasPassword('host=db dbname=papers user=alice'), false);
    assert.equal(hasPassword('labpapers'), false);
  });

  it('accepts URLs, key=value pairs and service names without a password, and nothing else', () => {
    for (const ok of ['', 'postgres://alice@db.lab.example/papers', 'host=db dbname=papers', 'lab-papers']) assert.equal(connectionProblem(ok), undefined, ok);
    assert.match(connectionProblem('postgres://alice:secret@db/papers') ?? '', /without the password/);
    assert.match(connectionProblem('two words') ?? '', /service name/);
  });

  it('shows a connection without its scheme and without any password', () => {
    assert.equal(describeConnection('postgres://alice@db.lab.example/papers'), 'alice@db.lab.example/papers');
    assert.equal(describeConnection('postgres://alice:secret@db.lab.example/papers'), 'alice@db.lab.example/papers');
    assert.equal(describeConnection('postgresql://db/papers?password=secret&sslmode=require'), 'db/papers?sslmode=require');
    assert.equal(describeConnection("host=db password='s e c' dbname=papers"), 'host=db dbname=papers');
  });

  it('blanks passwords out of messages', () => {
    const text = redactPasswords('could not connect to postgres://alice:secret@db/papers (password=hunter2)');
    assert.ok(!text.includes('secret') && !text.includes('hunter2'), text);
    assert.match(text, /alice:…@db/);
  });
});
