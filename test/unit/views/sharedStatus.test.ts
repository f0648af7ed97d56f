import assert from 'node:assert/strict';
import { sharedStatusView, type SharedState } from '../../../src/core/views/sharedStatus';

const WHERE = 'alice@db.lab.example/papers';

describe('the shared library’s status bar item', () => {
  it('is hidden when no shared library is configured', () => {
    assert.equal(sharedStatusView({ kind: 'off' }, '').text, '');
  });

  it('gives the library’s size at a glance once connected', () => {
    assert.equal(sharedStatusView({ kind: 'connected', papers: 1_234_567 }, WHERE).text, '$(database) Shared: 1.2M papers');
    assert.equal(sharedStatusView({ kind: 'connected', papers: 60 }, WHERE).text, '$(database) Shared: 60 papers');
    assert.equal(sharedStatusView({ kind: 'connected', papers: 1 }, WHERE).text, '$(database) Shared: 1 paper');
    assert.equal(sharedStatusView({ kind: 'connected' }, WHERE).text, '$(database) Shared library');
    const tooltip = sharedStatusView({ kind: 'connected', papers: 1_234_567, publishedAt: '2026-11-28T12:00:00Z' }, WHERE).tooltip;
    assert.match(tooltip, /1,234,567 papers, last published 2026-11-28/);
    assert.match(tooltip, new RegExp(WHERE));
  });

  it('warns when the server fails, says that local work goes on, and a click tries again', () => {
    const failures: [SharedState, RegExp][] = [
      [{ kind: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, /unreachable/],
      [{ kind: 'slow' }, /slow/],
      [{ kind: 'not-published' }, /empty/],
      [{ kind: 'error', message: 'relation does not exist' }, /error/],
    ];
    for (const [state, text] of failures) {
      const view = sharedStatusView(state, WHERE);
      assert.match(view.text, text);
      assert.ok(view.text.startsWith('$(warning)') || view.text.startsWith('$(watch)'), view.text);
      assert.equal(view.warning, true);
      assert.equal(view.action, 'retry');
      assert.match(view.tooltip, /Your own library keeps working/);
    }
    assert.match(sharedStatusView({ kind: 'unreachable', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, WHERE).tooltip, /ECONNREFUSED/);
  });

  it('asks for the password when the server refused it', () => {
    const view = sharedStatusView({ kind: 'authentication' }, WHERE);
    assert.equal(view.text, '$(key) Shared library: password needed');
    assert.equal(view.action, 'password');
  });

  it('says why nothing is sent in Restricted Mode, and clicking does nothing there', () => {
    const view = sharedStatusView({ kind: 'restricted' }, WHERE);
    assert.match(view.tooltip, /Restricted Mode/);
    assert.equal(view.action, 'none');
    assert.equal(view.warning, false);
  });

  it('cuts a long server message', () => {
    const view = sharedStatusView({ kind: 'error', message: 'x'.repeat(500) }, WHERE);
    assert.ok(view.tooltip.length < 400, `${view.tooltip.length} characters`);
  });
});
