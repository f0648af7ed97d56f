import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bibEntryKeys, bibliographyAppend, lineEnding } from '../../../src/core/bibtex/append';

const entry = (key: string, title = 'A Title'): { key: string; text: string } => ({
  key,
  text: `@article{${key},\n  title = {${title}},\n  year = {2025}\n}`,
});

/** What the file holds after the append: the old text, byte for byte, then the new text. */
function appended(current: string, entries: { key: string; text: string }[]): string {
  return current + bibliographyAppend(current, entries).text;
}

describe('bibliography sync', () => {
  describe('keys already in a file', () => {
    it('finds keys of every entry type, in any case and spacing, parentheses too', () => {
      const text = '@Article{Smith2020,\n}\n@inproceedings {  lee:2021-x ,\n}\n@misc(paren.key, title="x")\n';
      assert.deepEqual([...bibEntryKeys(text)], ['smith2020', 'lee:2021-x', 'paren.key']);
    });

    it('skips @string, @preamble and @comment, and still sees keys after a broken entry', () => {
      const text = '@string{acl = "ACL"}\n@comment{x, y}\n@preamble{"\\\\newcommand"}\n@article{broken, title = {never closed\n@book{after,\n}';
      assert.deepEqual([...bibEntryKeys(text)], ['broken', 'after']);
    });
  });

  describe('the text to append', () => {
    it('appends only the missing entries, matching keys without regard to case', () => {
      const current = '@article{SSRL2025,\n  title = {Mine}\n}\n';
      const result = bibliographyAppend(current, [entry('ssrl2025'), entry('zero2025'), entry('zero2025')]);
      assert.deepEqual(result.added, ['zero2025']);
      assert.equal(result.text, `\n${entry('zero2025').text}\n`);
    });

    it('adds nothing when every key is present', () => {
      assert.deepEqual(bibliographyAppend('@misc{a,\n}\n', [entry('A')]), { text: '', added: [] });
    });

    it('writes a new file’s entries separated by blank lines', () => {
      assert.equal(appended('', [entry('a'), entry('b')]), `${entry('a').text}\n\n${entry('b').text}\n`);
    });

    it('gives a CRLF file CRLF line endings in the new entries', () => {
      const current = '@article{old,\r\n  title = {Old}\r\n}\r\n';
      const result = appended(current, [entry('new')]);
      assert.ok(result.startsWith(current));
      assert.equal(result.slice(current.length), `\r\n${entry('new').text.replace(/\n/g, '\r\n')}\r\n`);
      assert.doesNotMatch(result.replace(/\r\n/g, ''), /\n/, 'no bare LF anywhere');
    });

    it('keeps a byte order mark where it is', () => {
      const current = '\uFEFF@article{old,\n}\n';
      const result = appended(current, [entry('new')]);
      assert.ok(result.startsWith(current));
      assert.equal(result.indexOf('\uFEFF'), 0);
      assert.equal(result.lastIndexOf('\uFEFF'), 0);
    });

    it('ends a last line that has no newline before the new entry', () => {
      const current = '@article{old,\n  title = {Old}\n}';
      assert.equal(appended(current, [entry('new')]), `${current}\n\n${entry('new').text}\n`);
    });

    it('adds no second blank line after a file that already ends with one', () => {
      const current = '@article{old,\n}\n\n';
      assert.equal(appended(current, [entry('new')]), `${current}${entry('new').text}\n`);
    });

    it('leaves a hand-edited entry exactly as it was', () => {
      const current = '% my refs\n@Article{ Smith2020 ,\n    Title={Hand {Edited}}, % keep\n   year=2020}\n\n\n@string{x="y"}';
      const result = appended(current, [entry('smith2020'), entry('new')]);
      assert.equal(result.slice(0, current.length), current);
      assert.equal(result.slice(current.length), `\n\n${entry('new').text}\n`);
    });
  });

  it('keeps every existing character and adds each missing key once, whatever the file holds', () => {
    const piece = fc.constantFrom('@article{a,\n}', '@misc{B,\r\n}', '\r\n', '\n', ' ', '\uFEFF', 'x', '}', '@string{c = "d"}', '%');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.subarray(['a', 'b', 'c', 'd']), (pieces, keys) => {
        const current = pieces.join('');
        const result = bibliographyAppend(current, keys.map((key) => entry(key)));
        const after = current + result.text;
        const present = bibEntryKeys(current);
        assert.deepEqual(result.added, keys.filter((key) => !present.has(key)));
        assert.deepEqual([...bibEntryKeys(after)].sort(), [...new Set([...present, ...keys])].sort());
        const beforeEntry = (current + result.text.slice(0, result.text.indexOf('@'))).replace(/^\uFEFF/, '');
        if (result.text) assert.ok(/(^|\r?\n)$/.test(beforeEntry), 'each new entry starts a line');
        if (result.text && lineEnding(current) === '\r\n') assert.doesNotMatch(result.text.replace(/\r\n/g, ''), /\n/);
      }),
    );
  });
});
