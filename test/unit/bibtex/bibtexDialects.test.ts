// The writer's options: biblatex as biber reads it, the published version of a preprint, and
// entries without abstracts.
import assert from 'node:assert/strict';
import { formatBibtex, formatBibtexEntry } from '../../../src/core/bibtex/write';
import { publishedVersion } from '../../../src/core/bibtex/writeVersion';
import { Library } from '../../../src/core/indexing/library';
import type { Paper } from '../../../src/core/paper/paper';
import { makePaper } from '../paperFactory';

/** Field name -> value as written (one field per line). */
function fieldsOf(entry: string): Map<string, string> {
  return new Map([...entry.matchAll(/^ {2}(\w+) = (.*?),?$/gm)].map((match) => [match[1]!, match[2]!]));
}

/** Field names in order, to check no entry holds one twice. */
function fieldNames(entry: string): string[] {
  return [...entry.matchAll(/^ {2}(\w+) = /gm)].map((match) => match[1]!.toLowerCase());
}

/** What biber refuses or warns about, checked on every biblatex entry these tests write. */
function assertBiberClean(entry: string): void {
  const names = fieldNames(entry);
  assert.equal(new Set(names).size, names.length, `a field twice in\n${entry}`);
  const type = /^@(\w+)\{/.exec(entry)?.[1];
  const biblatexTypes = ['article', 'book', 'inbook', 'incollection', 'inproceedings', 'manual', 'misc', 'online', 'report', 'thesis', 'unpublished', 'proceedings', 'collection', 'booklet'];
  assert.ok(type && biblatexTypes.includes(type), `@${type} is not a biblatex type`);
  const date = fieldsOf(entry).get('date');
  if (date) assert.match(date, /^\{-?\d{4}(-\d\d(-\d\d)?)?(\/(-?\d{4}(-\d\d(-\d\d)?)?|\.\.))?\}$/, 'date must be ISO 8601');
  for (const legacy of ['journal', 'address', 'archiveprefix', 'primaryclass']) assert.ok(!names.includes(legacy), `${legacy} written in biblatex`);
}

const PREPRINT = makePaper({
  key: 'garcia2024mars',
  title: 'MARS: Scaling Things',
  authors: ['José García', 'Ludwig von Beethoven'],
  date: '2024-03-05',
  year: 2024,
  arxivId: '2403.01234',
  keywords: ['cs.CL'],
  abstract: 'We scale 50% of things.',
});

const PUBLISHED_PREPRINT = makePaper({
  key: 'vaswani2017attention',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  year: 2017,
  arxivId: '1706.03762',
  doi: '10.5555/3295222.3295349',
  venue: 'Neural Computation',
  keywords: ['cs.CL'],
});

describe('biblatex entries', () => {
  it('writes an arXiv-only preprint as @online with eprinttype and an ISO date', () => {
    const entry = formatBibtexEntry(PREPRINT, { dialect: 'biblatex' });
    assert.equal(
      entry,
      [
        '@online{garcia2024mars,',
        '  author = {Garc{\\\'\\i}a, Jos{\\\'e} and von Beethoven, Ludwig},',
        '  title = {{MARS: Scaling Things}},',
        '  date = {2024-03-05},',
        '  eprint = {2403.01234},',
        '  eprinttype = {arxiv},',
        '  eprintclass = {cs.CL},',
        '  url = {https://arxiv.org/abs/2403.01234},',
        '  abstract = {We scale 50\\% of things.}',
        '}',
        '',
      ].join('\n'),
    );
    assertBiberClean(entry);
  });

  it('writes a journal paper as @article with journaltitle', () => {
    const entry = formatBibtexEntry(makePaper({ key: 'm', title: 'T', authors: ['Hans Müller'], venue: 'Journal of Machine Learning Research', doi: '10.1234/x', date: '2023-07' }), { dialect: 'biblatex' });
    assert.match(entry, /^@article\{m,/);
    assert.equal(fieldsOf(entry).get('journaltitle'), '{Journal of Machine Learning Research}');
    assert.equal(fieldsOf(entry).get('date'), '{2023-07}');
    assertBiberClean(entry);
  });

  it('keeps every field the user wrote, under biblatex names where biber expects them', () => {
    const bib = [
      '@phdthesis{doe2020,',
      '  author = {Doe, Jane},',
      '  title = {A Thesis},',
      '  school = {MIT},',
      '  address = {Cambridge, MA},',
      '  year = {2020},',
      '  month = feb,',
      '  myfield = {kept as written},',
      '}',
      '@article{roe2021,',
      '  author = {Roe, Rick},',
      '  title = {Both Names},',
      '  journal = {J. Old},',
      '  journaltitle = {Journal New},',
      '  year = {2021a},',
      '  archivePrefix = {arXiv},',
      '  eprint = {2101.00001},',
      '}',
      '@misc{dated2019,',
      '  title = {Dated Twice},',
      '  date = {2019-04-02},',
      '  year = {2019},',
      '  month = {4},',
      '}',
    ].join('\n');
    const papers = Library.fromListings([{ file: 'refs.bib', text: bib }]).papers;
    const byKey = (key: string): Paper => papers.find((paper) => paper.key === key)!;

    const thesis = formatBibtexEntry(byKey('doe2020'), { dialect: 'biblatex' });
    assert.equal(
      thesis,
      ['@thesis{doe2020,', '  author = {Doe, Jane},', '  title = {A Thesis},', '  institution = {MIT},', '  location = {Cambridge, MA},', '  date = {2020-02},', '  myfield = {kept as written},', '  type = {phdthesis}', '}', ''].join('\n'),
    );
    assertBiberClean(thesis);

    // journaltitle is taken, so journal keeps its name; a year biber cannot parse stays a year.
    const both = formatBibtexEntry(byKey('roe2021'), { dialect: 'biblatex' });
    const fields = fieldsOf(both);
    assert.equal(fields.get('journal'), '{J. Old}');
    assert.equal(fields.get('journaltitle'), '{Journal New}');
    assert.equal(fields.get('year'), '{2021a}');
    assert.equal(fields.get('eprinttype'), '{arxiv}');
    assert.equal(new Set(fieldNames(both)).size, fieldNames(both).length);

    // A year and month that only repeat the user's date are left out, not written twice.
    const dated = formatBibtexEntry(byKey('dated2019'), { dialect: 'biblatex' });
    assert.deepEqual(fieldNames(dated), ['title', 'date']);
    assertBiberClean(dated);
  });

  it('writes a whole library in biblatex with no entry biber would refuse', () => {
    const papers = [PREPRINT, PUBLISHED_PREPRINT, makePaper({ key: 'tr', title: 'A Report', entryType: 'techreport', organization: 'ACME Labs', year: 2001 }), makePaper({ key: 'bare', title: 'Only a Title' })];
    const text = formatBibtex(papers, { dialect: 'biblatex' });
    for (const entry of text.split('\n\n')) assertBiberClean(entry);
    assert.match(text, /@report\{tr,[^]*institution = \{ACME Labs\}[^]*type = \{techreport\}/);
  });
});

describe('the published version of a preprint', () => {
  it('knows a publication only from a DOI that is not arXiv’s or a venue that is not arXiv', () => {
    assert.deepEqual(publishedVersion(PUBLISHED_PREPRINT), { venue: 'Neural Computation', doi: '10.5555/3295222.3295349' });
    assert.equal(publishedVersion(PREPRINT), undefined);
    assert.equal(publishedVersion({ arxivId: '2403.01234', doi: '10.48550/arxiv.2403.01234', venue: 'arXiv preprint arXiv:2403.01234' }), undefined);
    assert.equal(publishedVersion({ doi: '10.1/x', venue: 'Nature' }), undefined, 'not a preprint at all');
  });

  it('writes the publication, with its DOI link, and keeps the arXiv id as eprint fields', () => {
    const entry = formatBibtexEntry(PUBLISHED_PREPRINT, { version: 'published' });
    assert.equal(
      entry,
      [
        '@article{vaswani2017attention,',
        '  author = {Vaswani, Ashish and Shazeer, Noam},',
        '  title = {{Attention Is All You Need}},',
        '  journal = {Neural Computation},',
        '  year = {2017},',
        '  doi = {10.5555/3295222.3295349},',
        '  url = {https://doi.org/10.5555/3295222.3295349},',
        '  eprint = {1706.03762},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL}',
        '}',
        '',
      ].join('\n'),
    );
    const biblatex = formatBibtexEntry(PUBLISHED_PREPRINT, { version: 'published', dialect: 'biblatex' });
    assert.match(biblatex, /^@article\{vaswani2017attention,[^]*journaltitle = \{Neural Computation\}[^]*eprinttype = \{arxiv\}/);
    assertBiberClean(biblatex);
  });

  it('writes the preprint by default: the venue the listing gave, the arXiv link', () => {
    const entry = formatBibtexEntry(PUBLISHED_PREPRINT);
    assert.match(entry, /^@misc\{vaswani2017attention,/);
    assert.equal(fieldsOf(entry).get('url'), '{https://arxiv.org/abs/1706.03762}');
    assert.equal(fieldsOf(entry).get('howpublished'), '{Neural Computation}');
  });

  it('changes nothing for a paper with no publication', () => {
    assert.equal(formatBibtexEntry(PREPRINT, { version: 'published' }), formatBibtexEntry(PREPRINT));
  });
});

describe('abstracts in written entries', () => {
  it('leaves every abstract out when asked, the user’s own included', () => {
    assert.doesNotMatch(formatBibtexEntry(PREPRINT, { abstracts: false }), /abstract/);
    const bib = '@article{a2020, title = {T}, author = {A, B}, year = {2020}, abstract = {Written by hand.}, note = {kept}}';
    const [paper] = Library.fromListings([{ file: 'a.bib', text: bib }]).papers;
    const entry = formatBibtexEntry(paper!, { abstracts: false });
    assert.doesNotMatch(entry, /abstract/);
    assert.match(entry, /note = \{kept\}/);
    assert.match(formatBibtexEntry(paper!), /abstract = \{Written by hand\.\}/, 'written by default');
  });
});
