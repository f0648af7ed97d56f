import assert from 'node:assert/strict';
import { applyEdits } from '../../../src/core/notes/bibliographyCheck';
import { declaredBibliographies } from '../../../src/core/notes/frontMatter';
import type { NoteLanguage } from '../../../src/core/notes/grammar';
import { linkBibliography } from '../../../src/core/notes/linkBibliography';

/** The note once linked; fails when the module does not offer a link. */
function linked(text: string, language: NoteLanguage, path = 'references.bib'): string {
  const result = linkBibliography(text, language, path);
  assert.equal(result.status, 'link', JSON.stringify(result));
  if (result.status !== 'link') throw new Error('unreachable');
  const after = applyEdits(text, result.edits);
  assert.ok(declaredBibliographies(after, language).includes(language === 'latex' && !/addbibresource/.test(after) ? path.replace(/\.bib$/, '') + '.bib' : path), `the note names ${path} afterwards:\n${after}`);
  return after;
}

describe('linking a note to its bibliography', () => {
  describe('Markdown front matter', () => {
    it('makes a front matter when there is none, with a blank line before the text', () => {
      assert.equal(linked('# Review\n\nText.\n', 'markdown'), '---\nbibliography: references.bib\n---\n\n# Review\n\nText.\n');
      assert.equal(linked('\nText.\n', 'markdown'), '---\nbibliography: references.bib\n---\n\nText.\n', 'no second blank line');
      assert.equal(linked('', 'markdown'), '---\nbibliography: references.bib\n---\n');
    });

    it('keeps a BOM first and the note’s CRLF line endings', () => {
      assert.equal(linked('\uFEFF# T\r\n', 'markdown'), '\uFEFF---\r\nbibliography: references.bib\r\n---\r\n\r\n# T\r\n');
      assert.equal(linked('---\r\ntitle: T\r\n---\r\nBody', 'markdown'), '---\r\ntitle: T\r\nbibliography: references.bib\r\n---\r\nBody');
    });

    it('adds the key before the closing fence of a front matter without one', () => {
      const text = '---\ntitle: "A: review"\nauthor: me # not you\n...\n\nBody [@a].\n';
      assert.equal(linked(text, 'markdown', '../references.bib'), '---\ntitle: "A: review"\nauthor: me # not you\nbibliography: ../references.bib\n...\n\nBody [@a].\n');
    });

    it('adds the file to a block list, in the list’s own indentation', () => {
      const text = '---\nbibliography:\n    - a.bib\n    # old: b.bib\n    - "c d.bib"\ntitle: T\n---\n';
      assert.equal(linked(text, 'markdown'), '---\nbibliography:\n    - a.bib\n    # old: b.bib\n    - "c d.bib"\n    - references.bib\ntitle: T\n---\n');
      assert.equal(linked('---\nbibliography:\n- a.bib\n---\n', 'markdown'), '---\nbibliography:\n- a.bib\n- references.bib\n---\n');
    });

    it('adds the file to a flow list, an empty one included', () => {
      assert.equal(linked('---\nbibliography: [a.bib, "b.bib"] # both\n---\n', 'markdown'), '---\nbibliography: [a.bib, "b.bib", references.bib] # both\n---\n');
      assert.equal(linked('---\nbibliography: []\n---\n', 'markdown'), '---\nbibliography: [references.bib]\n---\n');
    });

    it('turns one file into a list of two, its quoting and comment kept', () => {
      assert.equal(linked('---\nbibliography: "my #1.bib"   # mine\n---\n', 'markdown'), '---\nbibliography: ["my #1.bib", references.bib]   # mine\n---\n');
      assert.equal(linked('---\nbibliography: other.bib\n---\n', 'markdown'), '---\nbibliography: [other.bib, references.bib]\n---\n');
    });

    it('fills an empty value, and quotes a path YAML would read otherwise', () => {
      assert.equal(linked('---\nbibliography:\ntitle: T\n---\n', 'markdown'), '---\nbibliography: references.bib\ntitle: T\n---\n');
      assert.equal(linked('# T\n', 'markdown', 'refs: 2024.bib'), '---\nbibliography: "refs: 2024.bib"\n---\n\n# T\n');
    });

    it('says so when the note already names the file, and declines what it cannot edit safely', () => {
      assert.deepEqual(linkBibliography('---\nbibliography: ./references.bib\n---\n', 'markdown', 'references.bib'), { status: 'linked' });
      assert.equal(linkBibliography('---\nbibliography: [a.bib,\n  b.bib]\n---\n', 'markdown', 'references.bib').status, 'unsupported');
      assert.equal(linkBibliography('---\nbibliography: |\n  a.bib\n---\n', 'markdown', 'references.bib').status, 'unsupported');
    });

    it('reads a `bibliography:` below the front matter as text, not as the key', () => {
      assert.equal(linked('---\ntitle: T\n---\nbibliography: x.bib\n', 'markdown'), '---\ntitle: T\nbibliography: references.bib\n---\nbibliography: x.bib\n');
    });
  });

  describe('LaTeX', () => {
    it('puts \\bibliographystyle and \\bibliography (no .bib) on their own lines before \\end{document}', () => {
      const text = '\\documentclass{article}\n\\begin{document}\nText \\cite{a}.\n\\end{document}\n';
      assert.equal(linked(text, 'latex', '../references.bib'), '\\documentclass{article}\n\\begin{document}\nText \\cite{a}.\n\\bibliographystyle{plain}\n\\bibliography{../references}\n\\end{document}\n');
    });

    it('uses natbib’s style with natbib, keeps a style already chosen, and ignores \\end{document} in a comment', () => {
      const natbib = '\\usepackage[round]{natbib}\n\\begin{document}\n% \\end{document}\nX\\end{document}';
      assert.equal(linked(natbib, 'latex'), '\\usepackage[round]{natbib}\n\\begin{document}\n% \\end{document}\nX\n\\bibliographystyle{plainnat}\n\\bibliography{references}\n\\end{document}');
      const styled = '\\begin{document}\n\\bibliographystyle{alpha}\r\n\\end{document}\r\n';
      assert.equal(linked(styled, 'latex'), '\\begin{document}\n\\bibliographystyle{alpha}\r\n\\bibliography{references}\n\\end{document}\r\n');
    });

    it('uses \\addbibresource in the preamble when the document loads biblatex, and prints the bibliography', () => {
      const text = '\\documentclass{article}\r\n\\usepackage[style=apa]{biblatex} % citations\r\n\\begin{document}\r\nSee \\textcite{a}.\r\n\\end{document}\r\n';
      assert.equal(
        linked(text, 'latex'),
        '\\documentclass{article}\r\n\\usepackage[style=apa]{biblatex} % citations\r\n\\addbibresource{references.bib}\r\n\\begin{document}\r\nSee \\textcite{a}.\r\n\\printbibliography\r\n\\end{document}\r\n',
      );
      const printed = '\\usepackage{biblatex}\n\\begin{document}\n\\printbibliography\n\\end{document}\n';
      assert.equal(linked(printed, 'latex'), '\\usepackage{biblatex}\n\\addbibresource{references.bib}\n\\begin{document}\n\\printbibliography\n\\end{document}\n');
      assert.equal(linkBibliography('% \\usepackage{biblatex}\n\\end{document}', 'latex', 'r.bib').status, 'link');
      assert.doesNotMatch(applyEditsOf('% \\usepackage{biblatex}\n\\end{document}', 'latex', 'r.bib'), /addbibresource/, 'a commented package is not loaded');
    });

    it('appends at the end of a file without \\end{document}, and knows a linked file', () => {
      assert.equal(linked('\\section{Part}\nText', 'latex'), '\\section{Part}\nText\n\\bibliographystyle{plain}\n\\bibliography{references}\n');
      assert.deepEqual(linkBibliography('\\bibliography{references}\n', 'latex', 'references.bib'), { status: 'linked' });
      assert.deepEqual(linkBibliography('\\addbibresource{references.bib}\n', 'latex', 'references.bib'), { status: 'linked' });
    });
  });

  it('appends #bibliography("…") to a Typst note', () => {
    assert.equal(linked('= Review\nSee @a.', 'typst'), '= Review\nSee @a.\n#bibliography("references.bib")\n');
  });
});

function applyEditsOf(text: string, language: NoteLanguage, path: string): string {
  const result = linkBibliography(text, language, path);
  return result.status === 'link' ? applyEdits(text, result.edits) : text;
}
