import assert from 'node:assert/strict';
import { readCiteInput } from '../../../src/core/notes/citeInput';
import { formatCitation } from '../../../src/core/notes/citationText';

describe('the page or prefix typed while citing', () => {
  it('reads a locator, a prefix and a locator, a prefix alone, and nothing', () => {
    assert.deepEqual(readCiteInput('p. 3'), { locator: 'p. 3' });
    assert.deepEqual(readCiteInput('  see, p. 3 '), { prefix: 'see', locator: 'p. 3' });
    assert.deepEqual(readCiteInput('see'), { prefix: 'see' });
    assert.deepEqual(readCiteInput('33-35'), { locator: '33-35' });
    assert.deepEqual(readCiteInput('chap. 2, and elsewhere'), { locator: 'chap. 2', suffix: 'and elsewhere' });
    assert.deepEqual(readCiteInput('see, for example'), { prefix: 'see', suffix: 'for example' });
    assert.deepEqual(readCiteInput(''), {});
  });

  it('writes Pandoc and LaTeX citations with them', () => {
    const item = { key: 'a', ...readCiteInput('see, p. 3') };
    assert.equal(formatCitation([item], { language: 'markdown' }), '[see @a, p. 3]');
    assert.equal(formatCitation([item], { language: 'markdown', inText: true }), '@a [p. 3]');
    assert.equal(formatCitation([{ key: 'a', ...readCiteInput('p. 3') }], { language: 'latex', command: '\\cite' }), '\\cite[p.~3]{a}');
    assert.equal(formatCitation([item], { language: 'latex', command: '\\parencite' }), '\\parencite[see][p.~3]{a}');
  });
});
