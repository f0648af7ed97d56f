import assert from 'node:assert/strict';
import { CITATION_FORMS, citationForm, parseCitations, type Citation, type NoteLanguage } from '../../../src/core/notes/grammar';
import { parseLocator } from '../../../src/core/notes/locator';

/** Each citation as `command: key(prefix|locator|suffix)...`, the shape the tests compare. */
function read(text: string, language: NoteLanguage): string[] {
  return parseCitations(text, language).map(summary);
}

function summary(citation: Citation): string {
  const items = citation.items.map((item) => {
    const notes = [item.prefix, item.locator ? `${item.locator.label}=${item.locator.value}` : '', item.suffix].join('|');
    return `${item.suppressAuthor ? '-' : ''}${item.key}${notes === '||' ? '' : `(${notes})`}`;
  });
  return `${citation.command}: ${items.join(' ')}${citation.all ? ' *' : ''}${citation.closed ? '' : ' (open)'}`;
}

const keysOf = (text: string, language: NoteLanguage): string[] => parseCitations(text, language).flatMap((c) => c.items.map((item) => item.key));

describe('the citation grammar', () => {
  describe('Pandoc Markdown', () => {
    it('reads bracketed citations with prefixes, locators, suffixes and suppressed authors', () => {
      assert.deepEqual(read('[see @a, p. 3; @b]', 'markdown'), ['[@]: a(see|page=3|) b']);
      assert.deepEqual(read('[-@a]', 'markdown'), ['[-@]: -a']);
      assert.deepEqual(read('[see @doe99, pp. 33-35 and *passim*; also @smith04, chap. 1]', 'markdown'), ['[@]: doe99(see|page=33-35|and *passim*) smith04(also|chapter=1|)']);
      assert.deepEqual(read('[@a, 33]', 'markdown'), ['[@]: a(|page=33|)']);
      assert.deepEqual(read('[@a, pp. 33, 35–37, and elsewhere]', 'markdown'), ['[@]: a(|page=33, 35–37|and elsewhere)']);
      assert.deepEqual(read('[@a, §\u00a04.2]', 'markdown'), ['[@]: a(|section=4.2|)']);
      assert.deepEqual(read('[@a, with a suffix]', 'markdown'), ['[@]: a(||with a suffix)']);
    });

    it('reads in-text citations, with a bracket of notes after them', () => {
      assert.deepEqual(read('@a [p. 3] says', 'markdown'), ['@ []: a(|page=3|)']);
      assert.deepEqual(read('As @a says.', 'markdown'), ['@: a']);
      assert.deepEqual(read('As @a.b. says', 'markdown'), ['@: a.b']);
      assert.deepEqual(read('@a [-@b]', 'markdown'), ['@: a', '[-@]: -b']);
    });

    it('reads braced keys with any character, and keys in any script', () => {
      assert.deepEqual(keysOf('@{key with:odd chars} and [@{10.1000/x;y}, p. 2]', 'markdown'), ['key with:odd chars', '10.1000/x;y']);
      assert.deepEqual(keysOf('[@müller2020; @李2021]', 'markdown'), ['müller2020', '李2021']);
      assert.deepEqual(keysOf('see @http://x.org/a', 'markdown'), ['http://x.org/a']);
    });

    it('leaves out e-mail addresses, links, escaped `@`, code, math and comments', () => {
      const text = [
        'Mail me@example.org, see https://medium.com/@someone or <https://x.org/@a>.',
        'An escaped \\@notme too.',
        'Inline `@code [@code2]` and ``a ` @code3`` and $x @math$ and $$',
        '@display',
        '$$ and <!-- @comment --> and [link @inlink](http://x) [@real].',
        '```python',
        '@decorator',
        '```',
        '~~~~',
        '@fenced ```',
        '~~~~',
        'Costs $5 and @later $6.',
      ].join('\n');
      assert.deepEqual(keysOf(text, 'markdown'), ['inlink', 'real', 'later']);
    });

    it('skips front matter but reads its nocite keys', () => {
      const text = '---\ntitle: "@notakey"\nnocite: |\n  @a, @b\nauthor: x@y.org\n---\n[@c]';
      assert.deepEqual(read(text, 'markdown'), ['nocite: a b', '[@]: c']);
      assert.deepEqual(read("---\nnocite: '@*'\n---\n", 'markdown'), ['nocite:  *']);
    });

    it('takes a bracket without a key in every part for prose, and links for links', () => {
      assert.deepEqual(read('[see the manual; @a]', 'markdown'), ['@: a']);
      assert.deepEqual(read('[@a](http://x.org) and [@b][ref]', 'markdown'), ['@: a', '@: b']);
    });

    it('marks Quarto and pandoc-crossref references, which cite no paper', () => {
      const items = parseCitations('See @fig-plot, @sec:intro and @smith2020.', 'markdown').flatMap((c) => c.items);
      assert.deepEqual(items.map((item) => [item.key, item.crossref ?? false]), [['fig-plot', true], ['sec:intro', true], ['smith2020', false]]);
    });

    it('gives each key its offsets, line and character', () => {
      const text = 'one\r\ntwo [@a;\n @b]';
      const items = parseCitations(text, 'markdown')[0]!.items;
      assert.deepEqual(items.map((item) => [item.key, item.start, item.end, item.line, item.character]), [['a', 11, 12, 1, 6], ['b', 16, 17, 2, 2]]);
      assert.equal(text.slice(items[1]!.start, items[1]!.end), 'b');
    });
  });

  describe('LaTeX', () => {
    it('reads \\cite with its optional notes, and natbib with starred forms', () => {
      assert.deepEqual(read('\\cite[p.~3]{a}', 'latex'), ['\\cite: a(|page=3|)']);
      assert.deepEqual(read('\\cite[see][p.~3]{a}', 'latex'), ['\\cite: a(see|page=3|)']);
      assert.deepEqual(read('\\cite[see][]{a, b}', 'latex'), ['\\cite: a(see||) b']);
      for (const command of ['citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'citep*', 'citet*', 'Citet']) {
        assert.deepEqual(read(`\\${command}{a,b}`, 'latex'), [`\\${command}: a b`], command);
      }
    });

    it('reads biblatex commands and their multicite forms', () => {
      for (const command of ['autocite', 'parencite', 'textcite', 'footcite', 'smartcite', 'fullcite', 'Textcite', 'autocite*']) {
        assert.deepEqual(read(`\\${command}[chap.~2]{a}`, 'latex'), [`\\${command}: a(|chapter=2|)`], command);
      }
      assert.deepEqual(read('\\parencites[p.~3]{a}{b}', 'latex'), ['\\parencites: a(|page=3|) b']);
      assert.deepEqual(read('\\textcites(see)(and more)[cf.][p.~3]{a}[chap.~2]{b, c} after', 'latex'), ['\\textcites: a(cf.|page=3|) b c(|chapter=2|)']);
      const multi = parseCitations('\\parencites(see)(and more)[p.~3]{a}', 'latex')[0]!;
      assert.deepEqual([multi.prenote, multi.postnote], ['see', 'and more']);
    });

    it('reads \\nocite, with `*` for the whole bibliography', () => {
      assert.deepEqual(read('\\nocite{a}\\nocite{*}', 'latex'), ['\\nocite: a', '\\nocite:  *']);
      assert.equal(citationForm('\\nocite', 'latex')?.silent, true);
    });

    it('reads a citation over lines, and comments inside it', () => {
      assert.deepEqual(read('\\citep[see][%\n p.~3]{a,% first\n  b}', 'latex'), ['\\citep: a(see||) b(|page=3|)']);
    });

    it('leaves out comments, \\verb, verbatim environments and escaped percent signs', () => {
      const text = [
        '50\\% of \\cite{a} % \\cite{commented}',
        '\\verb|\\cite{verb}| and \\verb+\\cite{verb2}+ \\lstinline{\\cite{x}}',
        '\\begin{verbatim}',
        '\\cite{verbatim}',
        '\\end{verbatim}',
        '\\begin{lstlisting}\\cite{listing}\\end{lstlisting}',
        '\\section{\\cite{b}} \\citeauthor{c}',
      ].join('\n');
      assert.deepEqual(keysOf(text, 'latex'), ['a', 'b', 'c']);
    });

    it('knows an unfinished citation from a finished one', () => {
      assert.deepEqual(read('\\cite{a, b', 'latex'), ['\\cite: a b (open)']);
      assert.deepEqual(read('\\cite{a,\n\nnext paragraph}', 'latex'), ['\\cite: a (open)']);
      assert.deepEqual(read('\\parencites{a}{', 'latex'), ['\\parencites: a (open)']);
      assert.deepEqual(read('\\cite[p.~3] and no keys', 'latex'), []);
    });

    it('reads any command named ...cite... as \\cite, as older versions did', () => {
      assert.deepEqual(read('\\supercite{a} \\citetitle*{b} \\Autocites{c}{d}', 'latex'), ['\\supercite: a', '\\citetitle*: b', '\\Autocites: c d']);
      assert.equal(citationForm('\\mycitecommand', 'latex')?.command, '\\mycitecommand');
      assert.equal(citationForm('\\section', 'latex'), undefined);
    });
  });

  describe('Typst', () => {
    it('reads @key with a supplement and #cite with a label or label("...")', () => {
      assert.deepEqual(read('As @a[p. 3] and @b. And #cite(<c>, supplement: [chap. 2]) #cite(label("d e"))', 'typst'), ['@[]: a(|page=3|)', '@: b', '#cite: c(|chapter=2|)', '#cite: d e']);
      assert.equal(parseCitations('#cite(<a>, form: "prose")', 'typst')[0]!.form.inText, true);
    });

    it('leaves out e-mail addresses, comments, raw text and math', () => {
      const text = 'me@x.org // @comment\n/* @block /* nested */ @still */ `@raw` ```\n@raw2\n``` $@math$ \\@escaped @real';
      assert.deepEqual(keysOf(text, 'typst'), ['real']);
    });
  });

  it('has one table row per form, each language its own', () => {
    const forms = CITATION_FORMS.map((form) => `${form.language} ${form.command}`);
    assert.equal(new Set(forms).size, forms.length);
    for (const command of ['\\cite', '\\citep', '\\citet', '\\citealp', '\\citeauthor', '\\citeyear', '\\autocite', '\\parencite', '\\textcite', '\\footcite', '\\smartcite', '\\fullcite', '\\parencites', '\\nocite']) {
      assert.ok(citationForm(command, 'latex'), command);
    }
    assert.equal(citationForm('\\parencite', 'latex')?.multiForm, '\\parencites');
  });

  it('reads locators with Pandoc’s terms', () => {
    const cases: [string, string, string, string][] = [
      ['p. 3', 'page', 'p.', '3'],
      ['pp. 3–5, more', 'page', 'pp.', '3–5'],
      ['chap. 2', 'chapter', 'chap.', '2'],
      ['Chapter 12', 'chapter', 'Chapter', '12'],
      ['vol. iv', 'volume', 'vol.', 'iv'],
      ['§§ 3-4', 'section', '§§', '3-4'],
      ['fig. 2a', 'figure', 'fig.', '2a'],
      ['l. {a-b}', 'line', 'l.', 'a-b'],
      ['s.v. "ranking"', 'sub verbo', 's.v.', '"ranking"'],
    ];
    for (const [text, label, term, value] of cases) assert.deepEqual(parseLocator(text).locator, { label, term, value }, text);
    assert.equal(parseLocator('pages of text').locator, undefined);
    assert.equal(parseLocator('and did more').locator, undefined);
  });

  it('reads a long document in one pass, without slowing down on stray brackets or dollars', () => {
    const hostile = '['.repeat(20_000) + '$x '.repeat(20_000) + '`'.repeat(5_000) + '\\cite['.repeat(5_000);
    const started = Date.now();
    parseCitations(hostile, 'markdown');
    parseCitations(hostile, 'latex');
    parseCitations(hostile, 'typst');
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});
