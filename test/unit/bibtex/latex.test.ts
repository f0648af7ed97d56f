import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeLatex, decodeLatexInNames, encodeLatex, normalizeDecoded } from '../../../src/core/bibtex/latex';
import { bibtexBracesBalance, timed } from '../helpers';

describe('decodeLatex', () => {
  it('decodes accents in every spelling BibTeX files use', () => {
    const cases: [string, string][] = [
      ['M\\"uller', 'Müller'],
      ['M{\\"u}ller', 'Müller'],
      ['M\\"{u}ller', 'Müller'],
      ['M{\\" u}ller', 'Müller'],
      ["Garc{\\'\\i}a", 'García'],
      ["Garc\\'{\\i}a", 'García'],
      ["Garc\\'\\i a", 'García'],
      ['{\\O}stergaard', 'Østergaard'],
      ['\\O{}stergaard', 'Østergaard'],
      ['Stra\\ss e', 'Straße'],
      ['{\\v S}koda', 'Škoda'],
      ['\\v{S}koda', 'Škoda'],
      ['Fran\\c{c}ois', 'François'],
      ['{\\aa}ngstr{\\"o}m', 'ångström'],
      ['Erd\\H{o}s', 'Erdős'],
      ['\\L{}ukasz', 'Łukasz'],
      ["Nguy\\~{\\^e}n", 'Nguyễn'],
      ["\\'{\\^{e}}", 'ế'],
    ];
    for (const [latex, unicode] of cases) assert.equal(decodeLatex(latex), unicode, latex);
  });

  it('composes the result, so equal names compare equal', () => {
    assert.equal(decodeLatex("Garc{\\'\\i}a"), 'García'.normalize('NFC'));
    assert.equal(normalizeDecoded('Garcı\u0301a'), 'García');
    assert.equal(normalizeDecoded('e\u0301'), 'é');
  });

  it('drops case-protecting braces and unwraps formatting', () => {
    assert.equal(decodeLatex('The {BERT} Model: {{Deep}} Learning'), 'The BERT Model: Deep Learning');
    assert.equal(decodeLatex('\\emph{Deep} \\textit{and} \\textbf{Wide} {\\em nets} \\textsc{GPT}'), 'Deep and Wide nets GPT');
    assert.equal(decodeLatex('{\\it Italic} and {\\bf bold}'), 'Italic and bold');
  });

  it('reads ligatures, ties and escaped specials', () => {
    assert.equal(decodeLatex('pages 1--10, yes---no'), 'pages 1–10, yes—no');
    assert.equal(decodeLatex('A~B'), 'A B');
    assert.equal(decodeLatex("``quoted''"), '“quoted”');
    assert.equal(decodeLatex('50\\% \\& \\$5 a\\_b \\#1 \\{x\\}'), '50% & $5 a_b #1 {x}');
    assert.equal(decodeLatex('\\LaTeX{} and \\TeX'), 'LaTeX and TeX');
    assert.equal(decodeLatex('x\\textsuperscript{2} H\\textsubscript{2}O'), 'x² H₂O');
  });

  it('keeps math as written, but reads a lone symbol as its character', () => {
    assert.equal(decodeLatex('MARS$^2$: Scaling'), 'MARS$^2$: Scaling');
    assert.equal(decodeLatex('An $O(n \\log n)$ {Sort}'), 'An $O(n \\log n)$ Sort');
    assert.equal(decodeLatex('$\\alpha$-RL'), 'α-RL');
    assert.equal(decodeLatex('\\(x_1\\) and $$y$$'), '\\(x_1\\) and $$y$$');
    assert.equal(decodeLatex('MARS$^2$', { keepMath: false }), 'MARS^2');
  });

  it('drops arguments that are not text, and unknown commands but not their text', () => {
    assert.equal(decodeLatex('\\href{https://example.org}{the site}'), 'the site');
    assert.equal(decodeLatex('{\\noopsort{a}}Zeta'), 'Zeta');
    assert.equal(decodeLatex('Title\\thanks{Work done at X}'), 'Title');
    assert.equal(decodeLatex('\\unknowncommand{kept} text'), 'kept text');
  });

  it('does not take command names for properties every object has', () => {
    assert.equal(decodeLatex('a \\constructor b \\toString{x} \\"\\valueOf'), 'a b x ¨');
  });

  it('leaves stray delimiters readable', () => {
    assert.equal(decodeLatex('costs $5'), 'costs $5');
    assert.equal(decodeLatex('an \\( open'), 'an ( open');
    assert.equal(decodeLatex('trailing \\'), 'trailing');
    assert.equal(decodeLatex('\\^{} and \\~{}'), '^ and ~');
  });

  it('squashes whitespace, wrapped lines included', () => {
    assert.equal(decodeLatex('  A\n   wrapped\ttitle  '), 'A wrapped title');
  });

  it('reads the Scandinavian and other non-accent letters in every spelling', () => {
    const cases: [string, string][] = [
      ['Tr{\\"a}g{\\aa}rdh', 'Trägårdh'],
      ['Tr\\"{a}g\\aa rdh', 'Trägårdh'],
      ['{\\AA}berg', 'Åberg'],
      ['\\AA{}berg', 'Åberg'],
      ['\\aa{}', 'å'],
      ['{\\o}', 'ø'],
      ['Bj{\\o}rn {\\O}', 'Bjørn Ø'],
      ['{\\ae}{\\AE}{\\oe}{\\OE}{\\ss}{\\l}{\\L}', 'æÆœŒßłŁ'],
    ];
    for (const [latex, unicode] of cases) assert.equal(decodeLatex(latex), unicode, latex);
  });

  it('keeps a hyphen after a braced accent', () => {
    assert.equal(decodeLatex("{\\'S}wierczewska-Gwiazda"), 'Świerczewska-Gwiazda');
    assert.equal(decodeLatex("\\'{S}wierczewska-Gwiazda"), 'Świerczewska-Gwiazda');
    assert.equal(decodeLatex('{\\"O}zt{\\"u}rk-{\\c{C}}elik'), 'Öztürk-Çelik');
  });

  it('reads the text symbols real .bib files use', () => {
    const cases: [string, string][] = [
      ['AND\\slash OR', 'AND/OR'],
      ['input\\slash{}output', 'input/output'],
      ['1\\textendash 2, A\\textemdash B', '1–2, A—B'],
      // TUGboat's bibliographies define these in a @preamble.
      ['{\\LaTeX}\\emdash {A} Document Preparation System', 'LaTeX—A Document Preparation System'],
      ['pages 1\\endash 9', 'pages 1–9'],
      ['Alzheimer\\textquoteright s', 'Alzheimer’s'],
      ['\\textquoteleft x\\textquoteright{} \\textquotedblleft y\\textquotedblright', '‘x’ “y”'],
      ['a\\ldots{} b\\dots{} c\\textellipsis', 'a… b… c…'],
      ['\\& \\% \\# \\_ \\$', '& % # _ $'],
      ['\\S{} \\P{} \\copyright{} \\textregistered{} \\texttrademark{} \\pounds{} \\euro{} \\textdegree{}', '§ ¶ © ® ™ £ € °'],
      ['\\textdagger\\textdaggerdbl\\textcent\\textyen\\textonehalf\\textperthousand\\textnumero', '†‡¢¥½‰№'],
      ['\\quotedblbase x\\textquotedbl{} \\guilsinglleft y\\guilsinglright', '„x" ‹y›'],
      ['A~B', 'A B'],
      ['10\\,000 a\\;b c\\ d e\\quad f', '10 000 a b c d e f'],
      ['hy\\-phen\\-ation', 'hyphenation'],
      ['1--2 and yes---no', '1–2 and yes—no'],
      ['\\textsc{Bert} \\emph{Deep} \\textit{I} \\textbf{B} \\mbox{M} \\textrm{R} \\texttt{T}', 'Bert Deep I B M R T'],
      ['\\textcommabelow{s}i \\textcommabelow{T}ar', 'și Țar'],
      ['line\\\nbreak', 'line break'],
    ];
    for (const [latex, unicode] of cases) assert.equal(decodeLatex(latex), unicode, latex);
  });

  it('reads a math symbol written outside math, as \\ensuremath does', () => {
    assert.equal(decodeLatex('\\ensuremath{\\alpha}-RL'), 'α-RL');
    assert.equal(decodeLatex('5 \\times 5'), '5 × 5');
  });

  it('keeps a URL as written', () => {
    assert.equal(decodeLatex('See \\url{https://example.org/~user/a--b_c%20d}'), 'See https://example.org/~user/a--b_c%20d');
    assert.equal(decodeLatex('\\url{http://x.org/a\\_b\\%c}'), 'http://x.org/a_b%c');
  });

  it('takes linear time on hostile input', function () {
    this.timeout(120_000);
    const inputs = [
      '{'.repeat(200_000) + 'a' + '}'.repeat(200_000),
      'word '.repeat(1_000_000),
      '\\('.repeat(200_000),
      '$'.repeat(200_001),
      "\\'{".repeat(100_000),
      '\\'.repeat(200_001),
      '\\thanks{'.repeat(100_000),
      '\\url{'.repeat(100_000),
      '\\ensuremath{'.repeat(100_000),
    ];
    for (const input of inputs) {
      // Generous bounds: a quadratic scan would take minutes on these, a linear one well under a second.
      const decoded = timed(() => decodeLatex(input));
      assert.equal(typeof decoded.value, 'string');
      assert.ok(decoded.ms < 10_000, `decoding took ${decoded.ms} ms on ${input.slice(0, 10)}...`);
      const names = timed(() => decodeLatexInNames(input));
      assert.ok(names.ms < 10_000, `decoding names took ${names.ms} ms on ${input.slice(0, 10)}...`);
      const encoded = timed(() => encodeLatex(input));
      assert.ok(bibtexBracesBalance(encoded.value));
      assert.ok(encoded.ms < 10_000, `encoding took ${encoded.ms} ms on ${input.slice(0, 10)}...`);
    }
  });
});

describe('decodeLatexInNames', () => {
  it('decodes letters and accents but leaves a name list the name grammar still splits', () => {
    assert.equal(decodeLatexInNames('Tr{\\"a}g{\\aa}rdh, Christian and {\\\'S}wierczewska-Gwiazda, A.'), 'Trägårdh, Christian and Świerczewska-Gwiazda, A.');
    assert.equal(decodeLatexInNames('{\\AA}berg, K. and others'), 'Åberg, K. and others');
  });

  it('keeps braces that group words, drops those of special characters', () => {
    assert.equal(decodeLatexInNames('{Barnes and Noble} and {\\relax Ch}ristopher'), '{Barnes and Noble} and Christopher');
    assert.equal(decodeLatexInNames('{van der Berg}, J. and {\\v{S}}koda'), '{van der Berg}, J. and Škoda');
    assert.equal(decodeLatexInNames('{Unclosed'), '{Unclosed}');
  });

  it('escapes what the name grammar would read as LaTeX', () => {
    assert.equal(decodeLatexInNames('A\\$B \\{C\\} D\\textbackslash E {F}'), 'A\\${}B \\{{}C\\}{} D\\textbackslash{}E {F}');
    assert.equal(decodeLatexInNames('Tilde\\textasciitilde{} $x^2$'), 'Tilde\\textasciitilde{} \\${}x^2\\${}');
  });
});

describe('encodeLatex', () => {
  it('escapes the characters LaTeX treats specially', () => {
    assert.equal(encodeLatex('A & B 50% #1 a_b'), 'A \\& B 50\\% \\#1 a\\_b');
    assert.equal(encodeLatex('~ ^ \\'), '{\\textasciitilde} {\\textasciicircum} {\\textbackslash}');
    assert.equal(encodeLatex('{x}'), '{\\textbraceleft}x{\\textbraceright}');
  });

  it('writes accented letters as LaTeX macros that classic BibTeX sorts and pdflatex prints', () => {
    assert.equal(encodeLatex('García Müller'), "Garc{\\'\\i}a M{\\\"u}ller");
    assert.equal(encodeLatex('Østergaard Straße Łukasz'), '{\\O}stergaard Stra{\\ss}e {\\L}ukasz');
    assert.equal(encodeLatex('Škoda François'), '{\\v{S}}koda Fran{\\c{c}}ois');
    assert.equal(encodeLatex('Nguyễn'), 'Nguy{\\~{\\^e}}n');
    // Decomposed input is the same text; a mark with no precomposed letter still finds its letter.
    assert.equal(encodeLatex('Mu\u0308ller'), 'M{\\"u}ller');
    assert.equal(encodeLatex('q\u0303'), '{\\~q}');
  });

  it('keeps math as math and escapes dollars that are money', () => {
    assert.equal(encodeLatex('MARS$^2$: Scaling'), 'MARS$^2$: Scaling');
    assert.equal(encodeLatex('costs $5 and $10'), 'costs \\$5 and \\$10');
    assert.equal(encodeLatex('costs $5,$10'), 'costs \\$5,\\$10');
    assert.equal(encodeLatex('sleep $<$1 Hz'), 'sleep $<$1 Hz');
    assert.equal(encodeLatex('unbalanced ${x$'), 'unbalanced \\${\\textbraceleft}x\\$');
    assert.equal(encodeLatex('α-RL × 2'), '$\\alpha$-RL $\\times$ 2');
  });

  it('writes typographic punctuation as TeX ligatures', () => {
    assert.equal(encodeLatex('“quoted” – ranges — dashes…'), "``quoted'' -- ranges --- dashes\\ldots{}");
    // Side by side they must not merge into one ligature.
    assert.equal(encodeLatex('––'), '--{}--');
    assert.equal(encodeLatex("a--b ''"), "a-{}-b '{}'");
    assert.equal(decodeLatex(encodeLatex("a--b '' –– ‘‘x’’")), "a--b '' –– ‘‘x’’");
  });

  it('writes every character decoding produces as something BibTeX and pdflatex accept', () => {
    assert.equal(encodeLatex('Trägårdh Åberg'), 'Tr{\\"a}g{\\aa}rdh {\\AA}berg');
    assert.equal(encodeLatex('AND/OR'), 'AND/OR');
    assert.equal(encodeLatex('1–2 yes—no'), '1--2 yes---no');
    assert.equal(encodeLatex('wait… & more'), 'wait\\ldots{} \\& more');
    assert.equal(encodeLatex('½ ¢ ¥ † ‡ ‰ № „x‚'), '{\\textonehalf} {\\textcent} {\\textyen} {\\dag} {\\ddag} {\\textperthousand} {\\textnumero} {\\quotedblbase}x{\\quotesinglbase}');
    assert.equal(encodeLatex('µ ¨ ˙ ¯'), '{\\textmu} {\\textasciidieresis} {\\.{}} {\\textasciimacron}');
    assert.equal(encodeLatex('și Țar'), '{\\textcommabelow{s}}i {\\textcommabelow{T}}ar');
  });

  it('reads back a wide text exactly', () => {
    const wide = [
      'Trägårdh Świerczewska-Gwiazda Østergaard Åberg Łukasz Straße Ærø Œuvre ðþŋ ĐđĳĲ ıȷ',
      'AND/OR 1–2 yes—no ‘single’ “double” „low‚ ‹a› «b» wait… & % # _ $ { } \\ ~ ^ < > |',
      '§ ¶ © ® ™ ℠ £ € ¢ ¥ ¤ ¦ ° ± × ÷ µ · • † ‡ ‰ № ª º ¬ ¯ ´ ¨ ˙ ¹ ² ³ ¼ ½ ¾ ¿ ¡ − ‖ ⟨ ⟩ ← → ↑ ↓',
      'α β Γ Δ ≤ ≥ ≠ ≈ ∞ ∈ ∑ H₂O x² șț ȘȚ Nguyễn a--b x\'\'y `z` ’s',
    ].join(' ');
    assert.equal(decodeLatex(encodeLatex(wide)), wide);
  });

  it('keeps characters it has no macro for as UTF-8', () => {
    assert.equal(encodeLatex('注意力 Attention'), '注意力 Attention');
  });

  it('reads back as the text it was given, with braces balanced as BibTeX counts them', () => {
    const alphabet = fc.constantFrom(
      ...'abcXYZ019 ,.:;!?()[]/@+=*|"<>'.split(''),
      ...'&%$#_{}~^\\'.split(''),
      ...'éüøßÅłıñçšőØÆœ'.split(''),
      'α', 'β', '×', '²', '₂', '…', '“', '”', '‘', '’', '–', '—', '-', "'", '`', '注', '\n',
      ...'/§¶©®™£€°½¢†‡‰№„‚‹›«»µ¨˙¯ªº¬´−‖←→↑↓șȚ'.split(''),
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        const encoded = encodeLatex(text);
        assert.ok(bibtexBracesBalance(encoded), encoded);
        assert.equal(decodeLatex(encoded), text.replace(/\s+/g, ' ').trim().normalize('NFC'));
      }),
      { numRuns: 2000 },
    );
  });
});
