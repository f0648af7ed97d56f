// Real Hugging Face daily-papers API answers (test/fixtures/real/hf-json, see its PROVENANCE.md):
// every item is a paper with its arXiv id, authors and date, and its BibTeX carries them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatBibtexEntry } from '../../../src/core/bibtex/write';
import { Library } from '../../../src/core/indexing/library';
import { FIXTURES } from '../helpers';

const REAL = path.join(FIXTURES, 'real', 'hf-json');

describe('real Hugging Face API JSON', () => {
  for (const [file, items] of [['2024-05-27.json', 13], ['2026-08-21.json', 17]] as const) {
    it(`${file}: all ${items} items are papers with an arXiv id, authors and a date, and no problem`, () => {
      const text = readFileSync(path.join(REAL, file), 'utf8');
      const raw = JSON.parse(text) as { paper: { id: string; authors: unknown[] } }[];
      assert.equal(raw.length, items);
      const library = Library.fromListings([{ file, text }]);
      assert.deepEqual(library.problems, []);
      assert.deepEqual(library.papers.map((paper) => paper.arxivId).sort(), raw.map((item) => item.paper.id).sort());
      for (const item of raw) {
        const paper = library.papers.find((candidate) => candidate.arxivId === item.paper.id)!;
        assert.equal(paper.authors.length, item.paper.authors.length, paper.title);
        assert.ok(paper.date, paper.title);
        assert.doesNotMatch(paper.title, /\n/, 'arXiv’s hard line breaks are not kept in titles');
        const entry = formatBibtexEntry(paper);
        assert.match(entry, /\n {2}author = \{[^]*\n {2}eprint = \{/);
        assert.doesNotMatch(entry, /keywords = /, 'the site’s keywords are topic hints, not publishable keywords');
      }
    });
  }
});
