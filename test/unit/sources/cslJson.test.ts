// CSL-JSON in: Better BibTeX's real exports (test/fixtures/real/csl-json) and broken files.
import assert from 'node:assert/strict';
import { formatBibtexEntry } from '../../../src/core/bibtex/write';
import { toCslItem } from '../../../src/core/csl/toCsl';
import { Library } from '../../../src/core/indexing/library';
import { detectFormat, parseListing } from '../../../src/core/sources';
import { parseCslJson } from '../../../src/core/sources/cslJson';
import { fixture, lineWith } from '../helpers';

const REAL = ['bbt-deterministic-ordering.csl.json', 'bbt-date-export.csl.json', 'bbt-creator-fields.csl.json'];

describe('CSL-JSON listings', () => {
  it('is told apart from the Hugging Face API’s JSON', () => {
    for (const file of REAL) assert.equal(detectFormat(fixture('real', 'csl-json', file), 'refs.json'), 'csl-json', file);
    assert.equal(detectFormat(fixture('hf-json', 'daily-papers.json'), 'daily.json'), 'hf-json');
    assert.equal(detectFormat('[{"id": "a", "type": "book", "title": "T"}]', 'refs.json'), 'csl-json');
  });

  it('reads every item of a real Zotero library export, its ids as keys', () => {
    const text = fixture('real', 'csl-json', 'bbt-deterministic-ordering.csl.json');
    const items = JSON.parse(text) as { id: string; title: string }[];
    const result = parseCslJson(text, 'refs.json');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.papers.map((paper) => paper.pinnedKey), items.map((item) => item.id));
    assert.deepEqual(result.papers.map((paper) => paper.title), items.map((item) => item.title));
    const brittain = result.papers[0]!;
    assert.deepEqual([brittain.authors, brittain.year, brittain.venue, brittain.entryType], [['Ian Brittain'], 2004, 'Journal of Sport and Social Issues', 'article']);
    // A short DOI (10/fqd6hj) is no DOI to match on; the doi.org link names the full one.
    assert.equal(brittain.doi, '10.1177/0193723504268729');
    assert.equal(brittain.sources[0]!.line, lineWith(text, '"title": "Perceptions of disability'));
    const tagg = result.papers.find((paper) => paper.pinnedKey === 'tagg2016')!;
    assert.equal(tagg.title, 'Macho men in a girls’ game: Masculinities and the Otago men’s netball team');
  });

  it('reads dates as Better BibTeX writes them: strings, ranges, open ends, seasons and years BC', () => {
    const result = parseCslJson(fixture('real', 'csl-json', 'bbt-date-export.csl.json'), 'dates.json');
    assert.deepEqual(result.problems, []);
    const date = (key: string) => result.papers.find((paper) => paper.pinnedKey === key)!.date;
    assert.equal(date('t4'), '2014-12-31');
    assert.equal(date('t1'), '2014-12-31', 'a range starts the day it starts');
    assert.equal(date('t3'), '2014-12-31');
    assert.equal(date('doe12_edtf_2011'), '2011-05');
    assert.equal(date('doe13_season_2017'), '2017');
    assert.equal(date('t5'), undefined, 'a year BC is no paper date, but the item is read');
    const [t1] = Library.fromListings([{ file: 'dates.json', text: fixture('real', 'csl-json', 'bbt-date-export.csl.json') }]).papers.filter((paper) => paper.key === 't1');
    assert.match(formatBibtexEntry(t1!, { dialect: 'biblatex' }), /date = \{2014-12-31\/2015-01-01\}/);
    assert.deepEqual(toCslItem(t1!)['issued'], { 'date-parts': [[2014, 12, 31], [2015, 1, 1]] });
  });

  it('reports an item without a title at its line, keys it cannot use as warnings, and reads the rest', () => {
    const text = fixture('real', 'csl-json', 'bbt-creator-fields.csl.json');
    const result = parseCslJson(text, 'creators.json');
    assert.deepEqual(result.problems.map((p) => [p.file, p.line, p.severity]), [['creators.json', lineWith(text, '"id":"emptybook"'), 'error']]);
    assert.match(result.problems[0]!.message, /"emptybook" .* has no title/);
    assert.equal(result.papers.length, 6);
    const blair = result.papers.find((paper) => paper.pinnedKey === 'Blair2004')!;
    assert.equal(blair.title, 'Frithuswith (d. 727)');
    assert.equal(blair.doi, '10.1093/ref:odnb/10183');
    assert.ok(result.papers.some((paper) => paper.pinnedKey === 'friends:leia:dvd'));
  });

  it('keeps every variable of an item when it is written back, as BibTeX and as CSL-JSON', () => {
    const [paper] = Library.fromListings([{ file: 'creators.json', text: fixture('real', 'csl-json', 'bbt-creator-fields.csl.json') }]).papers.filter((p) => p.key === 'Author2015');
    const entry = formatBibtexEntry(paper!);
    assert.match(entry, /^@techreport\{Author2015,/);
    for (const field of ['editor = {Editrix, Emma and Editor, Ed}', 'number = {77}', 'publisher = {Institution}', 'address = {Place}', 'type = {working paper}']) assert.ok(entry.includes(field), field);
    const item = toCslItem(paper!);
    assert.deepEqual([item.type, item['number'], item['publisher'], item['publisher-place'], item['genre']], ['report', '77', 'Institution', 'Place', 'working paper']);
  });

  it('reports broken files and items with the file and line, and never throws', () => {
    const broken = parseListing('[\n  {"id": "a", "type": "book", "title": "T"},\n  {"id": "b", "type": "book" "title": "U"}\n]\n', 'refs.json');
    assert.equal(broken.papers.length, 0);
    assert.deepEqual([broken.problems[0]!.file, broken.problems[0]!.line], ['refs.json', 3]);
    const text = ['[', '  {"id": "ok1", "type": "book", "title": "Fine", "issued": {"date-parts": [[2001]]}},', '  "not an item",', '  {"type": "book", "title": "No Id"},', '  {"id": "has space", "type": "book", "title": "Bad Key"},', '  {"id": "x", "title": "No Type"}', ']'].join('\n');
    const result = parseCslJson(text, 'items.json');
    assert.deepEqual(result.papers.map((paper) => [paper.title, paper.pinnedKey]), [['Fine', 'ok1'], ['Bad Key', undefined]]);
    assert.deepEqual(result.problems.map((p) => [p.line, p.severity]), [[3, 'error'], [4, 'error'], [5, 'warning'], [6, 'error']]);
    assert.match(result.problems[2]!.message, /"has space" cannot be a citation key/);
    const notCsl = parseCslJson('{"name": "something else"}', 'other.json');
    assert.equal(notCsl.problems[0]!.severity, 'warning');
  });
});
