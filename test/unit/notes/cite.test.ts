import assert from 'node:assert/strict';
import { citationAt, formatCitation, keysToAppend } from '../../../src/core/notes/citationText';

describe('citation text', () => {
  it('formats Pandoc and LaTeX citations, one or several keys', () => {
    assert.equal(formatCitation(['ssrl2025'], 'pandoc'), '[@ssrl2025]');
    assert.equal(formatCitation(['a', 'b'], 'pandoc'), '[@a; @b]');
    assert.equal(formatCitation(['a', 'b'], 'latex'), '\\cite{a,b}');
    assert.equal(formatCitation(['a', 'b'], 'latex', '\\citep{{keys}}'), '\\citep{a,b}');
  });

  it('finds the citation around the cursor', () => {
    const md = 'As shown [@ssrl2025; @zerosearch2025] and more.';
    assert.deepEqual(citationAt(md, 12, 'pandoc'), { insertAt: md.indexOf(']'), keys: ['ssrl2025', 'zerosearch2025'] });
    assert.equal(citationAt(md, 2, 'pandoc'), undefined);
    const tex = 'See \\citep[p.~3]{ssrl2025,deepsearch2025} too.';
    assert.deepEqual(citationAt(tex, 20, 'latex'), { insertAt: tex.indexOf('}'), keys: ['ssrl2025', 'deepsearch2025'] });
  });

  it('adds only new keys to an existing citation', () => {
    assert.equal(keysToAppend(['a'], ['a', 'b'], 'pandoc'), '; @b');
    assert.equal(keysToAppend(['a'], ['A'], 'latex'), '');
    assert.equal(keysToAppend([], ['a', 'b'], 'latex'), 'a,b');
  });
});
