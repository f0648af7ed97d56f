import assert from 'node:assert/strict';
import { frontMatterLines, markdownBibliographies } from '../../../src/core/notes/frontMatter';
import { citedKeys } from '../../../src/core/notes/citations';
import { escapeInlineMarkdown, literatureNote, noteFileName, relativePosixPath } from '../../../src/core/notes/template';
import { makePaper } from '../paperFactory';

const paper = makePaper({
  key: 'ssrl2025',
  title: 'SSRL: Self-Search   "Reinforcement" Learning',
  authors: ['Ada Lovelace', 'Alan Turing'],
  date: '2025-08-14',
  abstract: 'We ask whether <b>models</b> can search *themselves*; see [1] or mail a@b.org.',
  links: ['https://arxiv.org/abs/2508.10874'],
  upvotes: 18,
});

describe('new literature note', () => {
  const note = literatureNote(paper, { citation: '[@ssrl2025]', bibliography: '../references.bib' });
  const lines = note.text.split('\n');

  it('starts with front matter Pandoc reads: title, key, authors, date, link, bibliography', () => {
    const front = frontMatterLines(note.text);
    assert.deepEqual(front, [
      'title: "SSRL: Self-Search \\"Reinforcement\\" Learning"',
      'key: "ssrl2025"',
      'authors: ["Ada Lovelace", "Alan Turing"]',
      'date: 2025-08-14',
      'link: "https://arxiv.org/abs/2508.10874"',
      'bibliography: "../references.bib"',
    ]);
    assert.deepEqual(markdownBibliographies(note.text), ['../references.bib']);
  });

  it('has the title, the citation, the sections to fill in, and the cursor under Summary', () => {
    assert.ok(lines.includes('# SSRL: Self-Search "Reinforcement" Learning'));
    assert.ok(lines.includes('[@ssrl2025] · Ada Lovelace et al. · 2025-08-14 · <https://arxiv.org/abs/2508.10874>'));
    const headings = lines.filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## Summary', '## Key ideas', '## Notes']);
    assert.equal(lines[note.cursorLine - 1], '## Summary');
    assert.equal(lines[note.cursorLine], '');
  });

  it('quotes the abstract with its markup escaped, so only the note’s own citation is one', () => {
    assert.ok(lines.includes('> We ask whether \\<b\\>models\\</b\\> can search \\*themselves\\*; see \\[1\\] or mail a\\@b.org.'));
    assert.deepEqual(citedKeys(note.text, 'markdown').map((cited) => cited.key), ['ssrl2025']);
  });

  it('leaves out what the paper does not have', () => {
    const bare = literatureNote(makePaper({ key: 'bare', title: 'Bare' }), { citation: '[@bare]' });
    assert.deepEqual(frontMatterLines(bare.text), ['title: "Bare"', 'key: "bare"']);
    assert.ok(!bare.text.includes('> '), 'no abstract quote');
  });

  it('names note files after keys, with characters file systems dislike replaced', () => {
    assert.equal(noteFileName('smith:2020/x'), 'smith-2020-x.md');
    assert.equal(noteFileName('a.b-c+d_e'), 'a.b-c+d_e.md');
  });

  it('writes the bibliography path relative to the note', () => {
    assert.equal(relativePosixPath('/ws/notes', '/ws/references.bib'), '../references.bib');
    assert.equal(relativePosixPath('/ws', '/ws/references.bib'), 'references.bib');
    assert.equal(relativePosixPath('/ws/a/b', '/ws/c/refs.bib'), '../../c/refs.bib');
  });

  it('escapes only what changes meaning in Markdown', () => {
    assert.equal(escapeInlineMarkdown('A_b *c* `d` [e] <f> @g: h-i.'), 'A\\_b \\*c\\* \\`d\\` \\[e\\] \\<f\\> \\@g: h-i.');
  });
});
