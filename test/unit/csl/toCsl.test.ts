// CSL-JSON out: items any CSL processor reads, checked against the schema's shape and by
// reading them back with Citation.js.
import assert from 'node:assert/strict';
import { Cite } from '@citation-js/core';
import { Library } from '../../../src/core/indexing/library';
import { toCslItem, toCslJson, type CslItem } from '../../../src/core/csl/toCsl';
import { makePaper } from '../paperFactory';

/** The item types of the CSL 1.0.2 schema (csl-data.json). */
const CSL_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection',
  'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview',
  'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent',
  'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book',
  'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
]);
const NAME_KEYS = new Set(['family', 'given', 'dropping-particle', 'non-dropping-particle', 'suffix', 'comma-suffix', 'static-ordering', 'literal', 'parse-names']);
const NAME_VARIABLES = new Set(['author', 'editor', 'translator', 'container-author', 'collection-editor', 'director', 'composer', 'interviewer', 'recipient', 'reviewed-author']);
const DATE_VARIABLES = new Set(['issued', 'accessed', 'original-date', 'event-date', 'submitted', 'available-date']);

/** What csl-data.json requires of an item: an id, a known type, names and dates of the right shape, other variables text. */
function assertCslShape(item: CslItem): void {
  assert.ok(typeof item.id === 'string' && item.id !== '', 'id');
  assert.ok(CSL_TYPES.has(item.type), `type ${item.type}`);
  for (const [name, value] of Object.entries(item)) {
    if (NAME_VARIABLES.has(name)) {
      assert.ok(Array.isArray(value), name);
      for (const person of value as Record<string, unknown>[]) {
        for (const key of Object.keys(person)) assert.ok(NAME_KEYS.has(key), `${name}.${key}`);
        assert.ok(typeof person['family'] === 'string' || typeof person['literal'] === 'string', `${name} has a family name or a literal`);
      }
    } else if (DATE_VARIABLES.has(name)) {
      const parts = (value as { 'date-parts'?: unknown[][] })['date-parts'];
      assert.ok(Array.isArray(parts) && parts.length >= 1 && parts.length <= 2, `${name} date-parts`);
      for (const end of parts) assert.ok(end.length >= 1 && end.length <= 3 && end.every((n) => Number.isInteger(n)), `${name} date part`);
    } else {
      assert.ok(typeof value === 'string' || typeof value === 'number', `${name} is text or a number`);
    }
  }
}

const PAPERS = [
  makePaper({ key: 'garcia2024mars', title: 'MARS: Über-Scaling', authors: ['José García', 'Ludwig von Beethoven', 'Piet van der Berg Jr.', 'OpenAI'], date: '2024-03-05', year: 2024, arxivId: '2403.01234', abstract: 'An abstract.' }),
  makePaper({ key: 'mueller2023journal', title: 'A Journal Paper', authors: ['Hans Müller'], venue: 'Journal of Machine Learning Research', doi: '10.1234/abc', year: 2023 }),
  makePaper({ key: 'bare', title: 'Only a Title' }),
];

describe('CSL-JSON out', () => {
  it('describes an arXiv preprint as Zotero does: type article, arXiv as publisher, the id as number', () => {
    assert.deepEqual(toCslItem(PAPERS[0]!), {
      id: 'garcia2024mars',
      type: 'article',
      'citation-key': 'garcia2024mars',
      title: 'MARS: Über-Scaling',
      author: [
        { family: 'García', given: 'José' },
        { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'von' },
        { family: 'Berg', given: 'Piet', 'non-dropping-particle': 'van der', suffix: 'Jr.' },
        { literal: 'OpenAI' },
      ],
      issued: { 'date-parts': [[2024, 3, 5]] },
      publisher: 'arXiv',
      number: 'arXiv:2403.01234',
      DOI: '10.48550/arXiv.2403.01234',
      URL: 'https://arxiv.org/abs/2403.01234',
      abstract: 'An abstract.',
    });
    assert.equal(toCslItem(PAPERS[0]!, 'garcia2024mars', { abstracts: false })['abstract'], undefined);
  });

  it('keeps the fields a .bib entry wrote that CSL has variables for', () => {
    const bib = '@article{smith2020, author = {Smith, Ann and {The Team}}, editor = {Roe, R.}, title = {Ranking {BERT} Papers}, journal = {J. Test.}, volume = {12}, number = {3}, pages = {1--9}, year = {2020}, month = mar, publisher = {ACM}, address = {New York}, issn = {1234-5678}, urldate = {2021-01-02}}';
    const [paper] = Library.fromListings([{ file: 'refs.bib', text: bib }]).papers;
    const item = toCslItem(paper!);
    assert.equal(item.type, 'article-journal');
    assert.deepEqual(item['author'], [{ family: 'Smith', given: 'Ann' }, { literal: 'The Team' }]);
    assert.deepEqual(item['editor'], [{ family: 'Roe', given: 'R.' }]);
    assert.equal(item['container-title'], 'J. Test.');
    assert.deepEqual([item['volume'], item['issue'], item['page'], item['publisher'], item['publisher-place'], item['ISSN']], ['12', '3', '1–9', 'ACM', 'New York', '1234-5678']);
    assert.deepEqual(item['issued'], { 'date-parts': [[2020, 3]] });
    assert.deepEqual(item['accessed'], { 'date-parts': [[2021, 1, 2]] });
    assertCslShape(item);
  });

  it('writes one item per key that has an entry of its own, ids unique', () => {
    const bib = ['@article{a2020, title = {Learning to Rank Papers Quickly}, author = {Smith, Ann}, year = {2020}}', '@article{b2020, title = {Learning to rank papers quickly}, author = {Smith, A.}, year = {2020}}'].join('\n');
    const items = toCslJson(Library.fromListings([{ file: 'refs.bib', text: bib }]).papers);
    assert.deepEqual(items.map((item) => item.id), ['a2020', 'b2020']);
    assert.deepEqual(toCslJson(PAPERS, (paper) => `k-${paper.key}`).map((item) => item.id), ['k-garcia2024mars', 'k-mueller2023journal', 'k-bare']);
  });

  it('is valid CSL-JSON: the schema’s shape, and Citation.js reads every title and author back', () => {
    const items = toCslJson(PAPERS);
    for (const item of items) assertCslShape(item);
    const json = JSON.parse(JSON.stringify(items)) as CslItem[];
    const cite = new Cite(json);
    assert.equal(cite.data.length, items.length);
    for (const [i, item] of items.entries()) {
      const read = cite.data[i]!;
      assert.equal(read.id, item.id);
      assert.equal(read.title, item['title']);
      assert.deepEqual(read.author ?? [], item['author'] ?? []);
      assert.deepEqual(read.issued, item['issued']);
      assert.equal(read.DOI, item['DOI']);
    }
  });
});
