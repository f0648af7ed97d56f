import assert from 'node:assert/strict';
import { bibliographyFilesOf, noteBibliography, typstBibliographies } from '../../../src/core/notes/frontMatter';
import { CitationMap, noteLanguageOfFile } from '../../../src/core/notes/citationMap';
import type { NoteLanguage } from '../../../src/core/notes/grammar';

describe('bibliography discovery', () => {
  it('reads front matter: bibliography as a string or a list, inline references and nocite', () => {
    const note = ['---', 'bibliography: [a.bib, b.json]', 'references:', '  - id: inline2020', '    title: Inline', '  - type: book', 'nocite: |', '  @x, @y', '---', '[@z]'].join('\n');
    assert.deepEqual(noteBibliography(note, 'markdown'), {
      files: [{ file: 'a.bib', from: 'note' }, { file: 'b.json', from: 'note' }],
      references: ['inline2020'],
      nocite: ['x', 'y'],
      nociteAll: false,
    });
    assert.equal(noteBibliography('---\nnocite: "@*"\n---\n', 'markdown').nociteAll, true);
  });

  it('falls back on the Quarto project’s bibliography, which a note’s own replaces', () => {
    const quartoYml = 'project:\n  type: book\nbibliography: references.bib\n';
    assert.deepEqual(noteBibliography('# A chapter\n@a', 'markdown', { quartoYml }).files, [{ file: 'references.bib', from: 'quarto' }]);
    assert.deepEqual(bibliographyFilesOf('---\nbibliography: own.bib\n---\n', 'markdown', { quartoYml }), ['own.bib']);
  });

  it('reads \\bibliography, \\addbibresource, \\nocite and Typst’s #bibliography', () => {
    const tex = '\\bibliography{main,extra.bib}\n\\addbibresource{more.bib}\n% \\addbibresource{old.bib}\n\\nocite{k}\\nocite{*}';
    assert.deepEqual(noteBibliography(tex, 'latex'), { files: ['main.bib', 'extra.bib', 'more.bib'].map((file) => ({ file, from: 'note' })), references: [], nocite: ['k'], nociteAll: true });
    assert.deepEqual(typstBibliographies('#bibliography("refs.bib")\n// #bibliography("old.bib")\n#bibliography(("a.bib", "b.yml"), style: "apa")'), ['refs.bib', 'a.bib', 'b.yml']);
  });

  it('tells a note’s language from its file name', () => {
    assert.deepEqual(['a.md', 'b.qmd', 'c.Rmd', 'd.tex', 'e.typ', 'f.bib', 'g'].map(noteLanguageOfFile), ['markdown', 'markdown', 'markdown', 'latex', 'typst', undefined, undefined]);
  });
});

describe('the citation map', () => {
  const notes: [string, string, NoteLanguage][] = [
    ['a.md', '[see @x, p. 3; @y]\n\nAs @x [chap. 2] says.', 'markdown'],
    ['b.tex', '\\parencites[p.~3]{x}{z}\n\\nocite{y}', 'latex'],
    ['c.typ', '@z[p. 1] and #cite(<X>)', 'typst'],
  ];

  function built(list = notes): CitationMap {
    const map = new CitationMap();
    for (const [file, text, language] of list) map.update(file, text, language);
    return map;
  }

  it('knows where each key is cited: file, line, column, locator and command', () => {
    const map = built();
    assert.deepEqual(map.citedIn('x'), [
      { key: 'x', file: 'a.md', line: 1, column: 7, locator: 'p. 3', command: '[@]' },
      { key: 'x', file: 'a.md', line: 3, column: 5, locator: 'chap. 2', command: '@ []' },
      { key: 'x', file: 'b.tex', line: 1, column: 19, locator: 'p. 3', command: '\\parencites' },
      { key: 'X', file: 'c.typ', line: 1, column: 21, command: '#cite' },
    ]);
    assert.deepEqual(map.keysOf('a.md'), ['x', 'y']);
    assert.deepEqual(map.filesCiting('Z'), ['b.tex', 'c.typ']);
    assert.deepEqual(map.counts(), { files: 3, citations: 8, keys: 3 });
    assert.deepEqual(map.unknownKeys((key) => key.toLowerCase() !== 'z').map((u) => [u.key, u.locations.length]), [['z', 2]]);
  });

  it('updates one note in place: the result equals a map built afresh', () => {
    const map = built();
    map.update('a.md', 'Now only @w.', 'markdown');
    map.update('d.md', '[@y; @x]', 'markdown');
    map.remove('c.typ');
    const fresh = built([['a.md', 'Now only @w.', 'markdown'], ['b.tex', notes[1]![1], 'latex'], ['d.md', '[@y; @x]', 'markdown']]);
    for (const key of new Set([...map.keys(), ...fresh.keys(), 'z', 'x'])) assert.deepEqual(map.citedIn(key), fresh.citedIn(key), key);
    assert.deepEqual(map.keys(), fresh.keys());
    assert.deepEqual(map.all(), fresh.all());
    assert.deepEqual(map.counts(), fresh.counts());
    assert.equal(map.citationCount('x'), 2);
  });

  it('stays equal to a fresh build over many random edits', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const keys = ['a', 'b', 'C', 'd', 'e'];
    const texts = new Map<string, [string, NoteLanguage]>();
    const map = new CitationMap();
    for (let edit = 0; edit < 300; edit++) {
      const file = `n${random(8)}`;
      if (random(10) === 0) {
        texts.delete(file);
        map.remove(file);
        continue;
      }
      const cited = Array.from({ length: random(4) }, () => keys[random(keys.length)]!);
      const language: NoteLanguage = random(2) ? 'markdown' : 'latex';
      const text = language === 'markdown' ? cited.map((key) => `[@${key}, p. ${random(9)}]`).join(' ') : cited.map((key) => `\\cite{${key}}`).join('\n');
      texts.set(file, [text, language]);
      map.update(file, text, language);
    }
    const fresh = new CitationMap();
    for (const [file, [text, language]] of texts) fresh.update(file, text, language);
    assert.deepEqual(map.all(), fresh.all());
    for (const key of keys) assert.deepEqual(map.citedIn(key), fresh.citedIn(key));
    assert.deepEqual(map.counts(), fresh.counts());
  });

  it('knows when a note cites the whole bibliography', () => {
    const map = built();
    assert.equal(map.citesAll(), false);
    map.update('all.tex', '\\nocite{*}', 'latex');
    assert.equal(map.citesAll(), true);
    map.remove('all.tex');
    assert.equal(map.citesAll(), false);
  });
});
