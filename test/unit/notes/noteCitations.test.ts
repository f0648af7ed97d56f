import assert from 'node:assert/strict';
import { citedKeyAt, citedKeys, completionSpanAt, isMarkdownCodeLine } from '../../../src/core/notes/citations';

/** Splits `text|rest` into the line and the cursor offset. */
function cursor(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('citation keys in notes', () => {
  describe('the key being typed', () => {
    it('starts right after `@` in Markdown and covers the whole key', () => {
      const [line, offset] = cursor('See [@ss|rl2025] for more.');
      assert.deepEqual(completionSpanAt(line, offset, 'markdown'), { key: 'ss', start: 6, end: 14 });
    });

    it('offers keys right after `[@`, `; @`, a space, `-@` and at the start of a line', () => {
      for (const marked of ['[@|', '[@a; @|', 'as @| says', '[-@|', '@|']) {
        const [line, offset] = cursor(marked);
        assert.deepEqual(completionSpanAt(line, offset, 'markdown'), { key: '', start: offset, end: offset }, marked);
      }
    });

    it('takes keys with `:`, `-` and `.` as one key', () => {
      const [line, offset] = cursor('[@smith:2020-x.|y]');
      assert.deepEqual(completionSpanAt(line, offset, 'markdown'), { key: 'smith:2020-x.', start: 2, end: 16 });
    });

    it('ignores e-mail addresses and @ inside words or links', () => {
      for (const marked of ['write to me@exa|', 'https://medium.com/@us|', 'x@|']) {
        const [line, offset] = cursor(marked);
        assert.equal(completionSpanAt(line, offset, 'markdown'), undefined, marked);
      }
    });

    it('is found in LaTeX after `{` or `,` of any cite command, optional arguments included', () => {
      const cases: [string, string, number, number][] = [
        ['\\cite{|', '', 6, 6],
        ['\\citep{ssrl2025, zero|search}', 'zero', 17, 27],
        ['\\parencite[see][p.~3]{a,|}', '', 24, 24],
        ['\\textcite{|', '', 10, 10],
        ['\\autocite*{x:1|', 'x:1', 11, 14],
        ['text \\citet{a}, and \\cite{b,c|', 'c', 28, 29],
      ];
      for (const [marked, key, start, end] of cases) {
        const [line, offset] = cursor(marked);
        assert.deepEqual(completionSpanAt(line, offset, 'latex'), { key, start, end }, marked);
      }
    });

    it('is not found in inline code, nor in a LaTeX comment', () => {
      for (const [marked, language] of [['see `[@|` here', 'markdown'], ['`@|`', 'markdown'], ['% \\cite{|', 'latex'], ['a % b \\cite{|', 'latex']] as const) {
        const [line, offset] = cursor(marked);
        assert.equal(completionSpanAt(line, offset, language), undefined, marked);
      }
      const [line, offset] = cursor('50\\% of \\cite{|');
      assert.deepEqual(completionSpanAt(line, offset, 'latex'), { key: '', start: offset, end: offset }, 'an escaped % is text');
    });

    it('knows the lines of front matter and fenced code, where `@` is no citation', () => {
      const text = '---\nauthor: me@x.org\n---\nprose\n```python\n@dataclass\n```\nprose\n~~~\nstill code';
      const code = text.split('\n').map((_, line) => isMarkdownCodeLine(text, line));
      assert.deepEqual(code, [true, true, true, false, true, true, true, false, true, true]);
    });

    it('is not found in LaTeX outside a cite command or after it closed', () => {
      for (const marked of ['\\section{|', '\\cite{a} |', 'plain text|', '\\cite{a b|']) {
        const [line, offset] = cursor(marked);
        assert.equal(completionSpanAt(line, offset, 'latex'), undefined, marked);
      }
    });
  });

  describe('the key under the cursor', () => {
    it('finds a Markdown key from its `@` to its end, without the sentence’s full stop', () => {
      const line = 'As @ssrl2025. shows, [@a:b-c; @zero.search]';
      assert.deepEqual(citedKeyAt(line, 3, 'markdown'), { key: 'ssrl2025', start: 4, end: 12 });
      assert.deepEqual(citedKeyAt(line, 12, 'markdown'), { key: 'ssrl2025', start: 4, end: 12 });
      assert.equal(citedKeyAt(line, 13, 'markdown'), undefined);
      assert.deepEqual(citedKeyAt(line, 25, 'markdown'), { key: 'a:b-c', start: 23, end: 28 });
      assert.deepEqual(citedKeyAt(line, 35, 'markdown')?.key, 'zero.search');
    });

    it('finds a LaTeX key inside the braces only', () => {
      const line = '\\citep[p.~3]{ssrl2025, zerosearch2025} and more';
      assert.deepEqual(citedKeyAt(line, 15, 'latex'), { key: 'ssrl2025', start: 13, end: 21 });
      assert.deepEqual(citedKeyAt(line, 25, 'latex'), { key: 'zerosearch2025', start: 23, end: 37 });
      assert.equal(citedKeyAt(line, 3, 'latex'), undefined);
      assert.equal(citedKeyAt('% \\cite{hidden}', 10, 'latex'), undefined);
    });
  });

  describe('every cited key', () => {
    it('lists Markdown citations with lines and offsets, skipping front matter and code', () => {
      const text = [
        '---',
        'author: me@example.org',
        'note: "@notakey"',
        '---',
        'See [@ssrl2025; -@zero2025].',
        '```',
        '@decorator',
        '```',
        'Inline `@code` and @later2024 too.',
        '~~~~',
        '@fenced',
        '~~~~',
      ].join('\r\n');
      assert.deepEqual(citedKeys(text, 'markdown'), [
        { key: 'ssrl2025', line: 4, start: 6, end: 14 },
        { key: 'zero2025', line: 4, start: 18, end: 26 },
        { key: 'later2024', line: 8, start: 20, end: 29 },
      ]);
    });

    it('lists LaTeX keys, also when a cite spreads over lines, skipping comments', () => {
      const text = 'A \\cite{a,\n  b} B \\citep[see]{c}\n% \\cite{commented}\n50\\% \\textcite{d} \\nocite{*}';
      assert.deepEqual(citedKeys(text, 'latex'), [
        { key: 'a', line: 0, start: 8, end: 9 },
        { key: 'b', line: 1, start: 2, end: 3 },
        { key: 'c', line: 1, start: 19, end: 20 },
        { key: 'd', line: 3, start: 15, end: 16 },
      ]);
    });
  });
});
