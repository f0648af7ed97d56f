import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeSnippet } from '../../../src/core/notes/snippet';

/** Reads a snippet the way the editor's snippet parser treats text: `\x` is `x` for `$`, `}` and `\`. */
function unescapeSnippet(snippet: string): string {
  return snippet.replace(/\\([\\$}])/g, '$1');
}

describe('snippet escaping', () => {
  it('escapes the characters snippet syntax gives a meaning', () => {
    assert.equal(escapeSnippet('@article{a, title = {Cost $1 \\& ${x}}}'), '@article{a, title = {Cost \\$1 \\\\& \\${x\\}\\}\\}');
  });

  it('leaves no unescaped `$`, `}` or `\\` and reads back as the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '$', '}', '{', '\\', '1', ' ') }), (text) => {
        const escaped = escapeSnippet(text);
        assert.equal(unescapeSnippet(escaped), text);
        assert.doesNotMatch(escaped.replace(/\\[\\$}]/g, ''), /[\\$}]/);
      }),
    );
  });
});
