// Formatted references offline: APA 7 by default, the other shipped styles, a style's XML.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { availableStyles, CslStyleError, formatReference, formatReferences } from '../../../src/core/csl/format';
import { Library } from '../../../src/core/indexing/library';
import type { Paper } from '../../../src/core/paper/paper';
import { makePaper } from '../paperFactory';

const JOURNAL_BIB =
  '@article{smith2020rank, author = {Smith, Ann B. and Roe, Rick}, title = {Ranking papers quickly}, journal = {Journal of Testing}, volume = {12}, number = {3}, pages = {1--9}, year = {2020}, doi = {10.1234/abc.5}}';

function journalPaper(): Paper {
  return Library.fromListings([{ file: 'refs.bib', text: JOURNAL_BIB }]).papers[0]!;
}

const PREPRINT = makePaper({ key: 'vaswani2017', title: 'Attention is all you need', authors: ['Ashish Vaswani', 'Noam Shazeer'], year: 2017, arxivId: '1706.03762' });

describe('formatted references', function () {
  // The first call loads Citation.js and citeproc-js.
  this.timeout(30_000);

  it('writes a journal article as APA 7 asks: authors, (year), title, journal, volume(issue), pages, DOI link', () => {
    const start = Date.now();
    const text = formatReference(journalPaper());
    const first = Date.now() - start;
    assert.equal(text, 'Smith, A. B., & Roe, R. (2020). Ranking papers quickly. Journal of Testing, 12(3), 1–9. https://doi.org/10.1234/abc.5');
    const again = Date.now();
    formatReference(journalPaper());
    console.log(`      first formatted reference ${first} ms, the next ${Date.now() - again} ms`);
  });

  it('italicises the journal and volume in HTML, as APA does', () => {
    assert.equal(
      formatReference(journalPaper(), { format: 'html' }),
      '<div data-csl-entry-id="smith2020rank" class="csl-entry">Smith, A. B., &#38; Roe, R. (2020). Ranking papers quickly. <i>Journal of Testing</i>, <i>12</i>(3), 1–9. https://doi.org/10.1234/abc.5</div>',
    );
  });

  it('writes an arXiv preprint with its arXiv number and arXiv’s DOI, as APA 7 does', () => {
    assert.equal(formatReference(PREPRINT), 'Vaswani, A., & Shazeer, N. (2017). Attention is all you need (arXiv:1706.03762). arXiv. https://doi.org/10.48550/arXiv.1706.03762');
  });

  it('writes the publication of a preprint when asked for the published version', () => {
    const published = makePaper({ ...PREPRINT, key: 'vaswani2017', venue: 'Advances in Neural Information Processing Systems', doi: '10.5555/3295222.3295349' });
    assert.equal(formatReference(published, { version: 'published' }), 'Vaswani, A., & Shazeer, N. (2017). Attention is all you need. Advances in Neural Information Processing Systems. https://doi.org/10.5555/3295222.3295349');
  });

  it('keeps the order it was given and the keys it was given', () => {
    const references = formatReferences([PREPRINT, journalPaper()], { format: 'html', keyFor: (paper, index) => `${paper.key}-${index}` });
    assert.match(references[0]!, /data-csl-entry-id="vaswani2017-0"[^]*Vaswani/);
    assert.match(references[1]!, /data-csl-entry-id="smith2020rank-1"[^]*Smith/);
  });

  it('ships APA, Vancouver and Harvard, and names them when asked for another', () => {
    assert.deepEqual(availableStyles().filter((style) => !style.startsWith('lit-review-')), ['apa', 'vancouver', 'harvard1']);
    assert.match(formatReference(journalPaper(), { style: 'vancouver' }), /^1\. Smith AB, Roe R\. Ranking papers quickly\. Journal of Testing\. 2020;12\(3\):1–9\./);
    assert.throws(() => formatReference(journalPaper(), { style: 'chicago' }), (error: unknown) => error instanceof CslStyleError && /No CSL style "chicago" offline; there are apa, vancouver, harvard1/.test(error.message));
  });

  it('formats with any style given as CSL XML, and refuses text that is not one', () => {
    const xml = readFileSync(path.join(__dirname, '../../fixtures/csl/title-year.csl'), 'utf8');
    assert.equal(formatReference(journalPaper(), { style: xml }), 'Ranking papers quickly (2020)');
    assert.throws(() => formatReference(journalPaper(), { style: '<style>nothing</style>' }), CslStyleError);
  });
});
