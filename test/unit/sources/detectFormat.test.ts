import assert from 'node:assert/strict';
import { detectFormat, parseListing } from '../../../src/core/sources';
import { EXAMPLE_FILE, fixture } from '../helpers';

describe('choosing a parser', () => {
  it('goes by content as well as by name', () => {
    assert.equal(detectFormat(fixture(EXAMPLE_FILE), 'saved.txt'), 'hf-daily-text');
    assert.equal(detectFormat(fixture('arxiv', 'cs-new-submissions.txt'), 'mail.txt'), 'arxiv');
    assert.equal(detectFormat(fixture('arxiv', 'cs-new-submissions.txt'), 'mail.eml'), 'arxiv');
    assert.equal(detectFormat(fixture('bibtex', 'traps.bib'), 'refs.bib'), 'bibtex');
    assert.equal(detectFormat('@article{key2024,\n  title = {T}\n}\n', 'refs.txt'), 'bibtex', 'BibTeX saved as text');
    assert.equal(detectFormat(fixture('markdown', 'awesome-llm-search.md'), 'list.md'), 'markdown');
    assert.equal(detectFormat('- [A Paper](https://arxiv.org/abs/2501.00001) by @someone\n', 'list.md'), 'markdown', 'a list mentioning @handles stays Markdown');
    assert.equal(detectFormat(fixture('hf-json', 'daily-papers.json'), 'daily.json'), 'hf-json');
    assert.equal(detectFormat('just some notes\n', 'notes.txt'), undefined);
  });

  it('reports a file it cannot read as a listing instead of guessing', () => {
    const result = parseListing('just some notes\n', 'notes.txt');
    assert.equal(result.papers.length, 0);
    assert.equal(result.problems[0]!.severity, 'warning');
    assert.match(result.problems[0]!.message, /Not a listing/);
  });
});
