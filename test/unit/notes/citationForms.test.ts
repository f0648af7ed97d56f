import assert from 'node:assert/strict';
import { citationAt, formatCitation, keysToAppend, readLocator } from '../../../src/core/notes/citationText';
import { citationAround, citedKeyAt, citedKeys, completionSpanAt, keyBeingTyped } from '../../../src/core/notes/citations';
import { parseCitations, type NoteLanguage } from '../../../src/core/notes/grammar';

function cursor(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('citations in every form', () => {
  describe('formatting', () => {
    it('writes Pandoc citations with prefixes, locators, suffixes and suppressed authors', () => {
      assert.equal(formatCitation([{ key: 'a', prefix: 'see', locator: 'p. 3' }, 'b'], { language: 'markdown' }), '[see @a, p. 3; @b]');
      assert.equal(formatCitation([{ key: 'a', locator: 'p. 3' }], { language: 'markdown', inText: true }), '@a [p. 3]');
      assert.equal(formatCitation([{ key: 'a', suppressAuthor: true }], { language: 'markdown' }), '[-@a]');
      assert.equal(formatCitation([{ key: 'a', locator: 'chap. 2', suffix: 'and more' }], { language: 'markdown' }), '[@a, chap. 2, and more]');
      assert.equal(formatCitation(['key with:odd chars', 'ok.'], { language: 'markdown' }), '[@{key with:odd chars}; @{ok.}]');
    });

    it('writes LaTeX commands with notes, and a multicite when keys have notes of their own', () => {
      assert.equal(formatCitation([{ key: 'a', prefix: 'see', locator: 'p. 3' }], { language: 'latex', command: '\\citep' }), '\\citep[see][p.~3]{a}');
      assert.equal(formatCitation([{ key: 'a', locator: 'p. 3' }], { language: 'latex' }), '\\cite[p.~3]{a}');
      assert.equal(formatCitation([{ key: 'a', prefix: 'see' }, { key: 'b', locator: 'pp. 3–5' }], { language: 'latex', command: 'citep' }), '\\citep[see][pp.~3–5]{a,b}');
      assert.equal(formatCitation([{ key: 'a', locator: 'p. 3' }, 'b'], { language: 'latex', command: '\\parencites' }), '\\parencites[p.~3]{a}{b}');
      assert.equal(formatCitation([{ key: 'a', locator: 'p. 3' }, { key: 'b', locator: 'chap. 2' }], { language: 'latex', command: '\\parencite' }), '\\parencites[p.~3]{a}[chap.~2]{b}');
      assert.equal(formatCitation([{ key: 'a', locator: 'p. 3' }, { key: 'b', locator: 'chap. 2' }], { language: 'latex', command: '\\citep' }), '\\citep[p.~3]{a}; \\citep[chap.~2]{b}');
      assert.equal(formatCitation(['a', 'b'], { language: 'latex', inText: true }), '\\citet{a,b}');
      assert.equal(formatCitation(['a'], { language: 'latex', command: '\\textcite' }), '\\textcite{a}');
    });

    it('writes Typst references and #cite', () => {
      assert.equal(formatCitation([{ key: 'a', locator: 'p. 3' }, 'b'], { language: 'typst' }), '@a[p. 3] @b');
      assert.equal(formatCitation([{ key: 'a', locator: 'p. 3' }], { language: 'typst', command: '#cite' }), '#cite(<a>, supplement: [p. 3])');
      assert.equal(formatCitation(['odd key'], { language: 'typst' }), '#cite(label("odd key"))');
    });

    it('reads back what it writes: each form parses to the same keys and locators', () => {
      const items = [{ key: 'a', prefix: 'see', locator: 'p. 3' }, { key: 'b:c', locator: 'chap. 2' }];
      const cases: [NoteLanguage, string | undefined][] = [['markdown', undefined], ['latex', '\\parencites'], ['latex', '\\cite'], ['typst', undefined], ['typst', '#cite']];
      for (const [language, command] of cases) {
        const text = formatCitation(items, { language, command });
        const parsed = parseCitations(text, language).flatMap((c) => c.items);
        assert.deepEqual(parsed.map((item) => [item.key, item.locator?.value]), [['a', '3'], ['b:c', '2']], text);
      }
      assert.deepEqual(readLocator('pp. 3-5'), { label: 'page', term: 'pp.', value: '3-5' });
    });

    it('keeps the template form the settings use', () => {
      assert.equal(formatCitation(['a', 'b'], 'latex', '\\citep{{keys}}'), '\\citep{a,b}');
      assert.equal(formatCitation(['a', 'b'], 'typst'), '@a @b');
    });
  });

  describe('joining an existing citation', () => {
    it('finds bracketed Pandoc citations, any LaTeX command (a multicite’s last group) and Typst references', () => {
      const md = 'As [see @a, p. 3; -@b] says.';
      assert.deepEqual(citationAt(md, 10, 'pandoc'), { insertAt: md.indexOf(']'), keys: ['a', 'b'] });
      assert.equal(citationAt('As @a says', 4, 'pandoc'), undefined);
      const multi = '\\parencites[p.~3]{a}{b} more';
      assert.deepEqual(citationAt(multi, 3, 'latex'), { insertAt: multi.indexOf('} more'), keys: ['a', 'b'] });
      const natbib = '\\citep*[see][p.~3]{a,\n b}';
      assert.deepEqual(citationAt(natbib.split('\n')[0]!, 3, 'latex'), undefined, 'an unfinished line is not joined');
      assert.deepEqual(citationAt('x @a[p. 3] y', 3, 'typst'), { insertAt: 10, keys: ['a'] });
      assert.equal(keysToAppend(['a'], ['b'], 'typst'), ' @b');
      assert.equal(keysToAppend(['a'], ['odd key'], 'pandoc'), '; @{odd key}');
    });
  });

  describe('completion, hover and diagnostics in every form', () => {
    it('offers keys inside multicite groups, braced Pandoc keys and Typst forms', () => {
      const cases: [string, NoteLanguage, string][] = [
        ['\\parencites[p.~3]{a}{|', 'latex', ''],
        ['\\textcites(see)()[p.~2]{a}[chap.~1]{b,ze|', 'latex', 'ze'],
        ['\\citealp*{x|', 'latex', 'x'],
        ['\\nocite{|', 'latex', ''],
        ['see @{key with sp|', 'markdown', 'key with sp'],
        ['[see @a, p. 3; @b|]', 'markdown', 'b'],
        ['@a [p. 3] and @|', 'markdown', ''],
        ['Typst @ke|', 'typst', 'ke'],
        ['#cite(<ke|', 'typst', 'ke'],
        ['#cite(label("ke|', 'typst', 'ke'],
      ];
      for (const [marked, language, key] of cases) {
        const [line, offset] = cursor(marked);
        assert.equal(completionSpanAt(line, offset, language)?.key, key, marked);
      }
      for (const [marked, language] of [['me@exa|', 'typst'], ['// @|', 'typst'], ['`@|`', 'typst'], ['$@|$', 'markdown'], ['\\verb|\\cite{|', 'latex']] as const) {
        const [line, offset] = cursor(marked);
        assert.equal(completionSpanAt(line, offset, language), undefined, marked);
      }
    });

    it('offers nothing in a fenced code block of a whole document, and keys across lines in LaTeX', () => {
      const [md, inCode] = cursor('```\n@|\n```\n');
      assert.equal(keyBeingTyped(md, inCode, 'markdown'), undefined);
      const [tex, open] = cursor('\\cite{a,\n  b|');
      assert.deepEqual(keyBeingTyped(tex, open, 'latex'), { key: 'b', start: open - 1, end: open });
    });

    it('finds the key under the cursor in every form', () => {
      const cases: [string, NoteLanguage, string][] = [
        ['\\parencites[p.~3]{a}{b|b}', 'latex', 'bb'],
        ['\\textcite{x, y|y}', 'latex', 'yy'],
        ['see |@{odd key}', 'markdown', 'odd key'],
        ['@a [p. 3] and @ke|y', 'markdown', 'key'],
        ['#cite(<ke|y>)', 'typst', 'key'],
        ['As @ke|y[p. 2]', 'typst', 'key'],
      ];
      for (const [marked, language, key] of cases) {
        const [line, offset] = cursor(marked);
        assert.equal(citedKeyAt(line, offset, language)?.key, key, marked);
      }
      const around = citationAround('x [see @a, p. 3] y', 8, 'markdown');
      assert.equal(around?.item?.locator?.value, '3');
    });

    it('lists every cited key for diagnostics, leaving out unfinished citations and cross-references', () => {
      assert.deepEqual(citedKeys('@fig-a and @b and [@c', 'markdown').map((k) => k.key), ['b', 'c']);
      assert.deepEqual(citedKeys('\\parencites{a}{b} \\cite{c', 'latex').map((k) => k.key), ['a', 'b']);
      assert.deepEqual(citedKeys('@a #cite(<b>)', 'typst').map((k) => [k.key, k.start, k.end]), [['a', 1, 2], ['b', 10, 11]]);
    });
  });
});
