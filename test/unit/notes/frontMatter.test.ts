import assert from 'node:assert/strict';
import { declaredBibliographies, frontMatterLines, latexBibliographies, markdownBibliographies } from '../../../src/core/notes/frontMatter';

describe('bibliographies a note names', () => {
  it('reads the front matter between `---` fences, BOM and CRLF included', () => {
    assert.deepEqual(frontMatterLines('\uFEFF---\r\ntitle: x\r\n---\r\nbody'), ['title: x']);
    assert.deepEqual(frontMatterLines('---\ntitle: x\n...\n'), ['title: x']);
    assert.equal(frontMatterLines('title: x\n---\n'), undefined);
    assert.equal(frontMatterLines('---\ntitle: never closed\n'), undefined);
  });

  it('reads `bibliography:` as a plain, quoted, flow-list or block-list value', () => {
    assert.deepEqual(markdownBibliographies('---\nbibliography: refs.bib\n---\n'), ['refs.bib']);
    assert.deepEqual(markdownBibliographies('---\nbibliography: "../my refs.bib" # shared\n---\n'), ['../my refs.bib']);
    assert.deepEqual(markdownBibliographies("---\nbibliography: 'it''s.bib'\n---\n"), ["it's.bib"]);
    assert.deepEqual(markdownBibliographies('---\nbibliography: [a.bib, "b,c.bib"]\n---\n'), ['a.bib', 'b,c.bib']);
    assert.deepEqual(markdownBibliographies('---\ntitle: t\nbibliography:\n  - a.bib\n  # b.bib is old\n  - c.bib\nlink: x\n---\n'), ['a.bib', 'c.bib']);
  });

  it('ignores `bibliography:` outside the front matter or nested under another key', () => {
    assert.deepEqual(markdownBibliographies('# Notes\nbibliography: refs.bib\n'), []);
    assert.deepEqual(markdownBibliographies('---\nbuild:\n  bibliography: nested.bib\n---\n'), []);
  });

  it('reads BibTeX `\\bibliography` (adding .bib) and biblatex `\\addbibresource` (as written)', () => {
    const tex = '\\addbibresource[location=local]{refs.bib}\n% \\bibliography{old}\n\\bibliography{main, extra.bib}\n';
    assert.deepEqual(latexBibliographies(tex), ['refs.bib', 'main.bib', 'extra.bib']);
    assert.deepEqual(declaredBibliographies(tex, 'latex'), latexBibliographies(tex));
    assert.deepEqual(declaredBibliographies('---\nbibliography: x.bib\n---', 'markdown'), ['x.bib']);
  });
});
