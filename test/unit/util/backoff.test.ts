import assert from 'node:assert/strict';
import { Backoff } from '../../../src/core/util/backoff';

describe('backing off a failing server', () => {
  it('waits twice as long after each failure, up to a limit', () => {
    const backoff = new Backoff(1000, 5000);
    assert.ok(backoff.ready(0));
    assert.deepEqual([backoff.failed(0), backoff.failed(0), backoff.failed(0), backoff.failed(0)], [1000, 2000, 4000, 5000]);
  });

  it('lets no try out until the wait has passed, and any after a success', () => {
    const backoff = new Backoff(1000, 30_000);
    backoff.failed(10_000);
    assert.equal(backoff.ready(10_500), false);
    assert.equal(backoff.ready(11_000), true);
    backoff.failed(11_000);
    assert.equal(backoff.ready(12_900), false);
    backoff.reset();
    assert.equal(backoff.ready(12_900), true);
    assert.equal(backoff.failed(13_000), 1000, 'the waits start over');
  });
});
