// What a real bibliography needs to survive Lit Review: every field written back, every key
// still citing its paper, only the same work merged, and a folder of .bib files read as one.
import assert from 'node:assert/strict';
import { formatBibtex, formatBibtexEntry } from '../../../src/core/bibtex/write';
import { Library } from '../../../src/core/indexing/library';
import { parseBibtex } from '../../../src/core/sources/bibtex';
import { makePaper } from '../paperFactory';

function library(files: Record<string, string>): Library {
  return Library.fromListings(Object.entries(files).map(([file, text]) => ({ file, text })));
}

/** Each entry's fields by key, as the file gives them. */
function fieldsByKey(text: string): Map<string, Map<string, string>> {
  const result = parseBibtex(text, 'x.bib');
  return new Map(result.papers.map((paper) => [paper.pinnedKey!, new Map(paper.bibtex!.fields)]));
}

describe('writing BibTeX back', () => {
  const entry = [
    '@string{jacm = "Journal of the {ACM}"}',
    '@InBook{knuth1973,',
    '  Author = {Knuth, Donald E. and others},',
    '  title = {Sorting and {S}earching},',
    '  journal = jacm,',
    '  volume = {3}, number = "2", pages = {1--10}, publisher = {Addison-Wesley},',
    '  editor = {Doe, Jane}, address = {Reading, MA}, edition = {Second}, series = {TAOCP},',
    '  chapter = {5}, isbn = {0-201-89685-0}, note = {A note with 50\\% and a \\{brace}, month = mar,',
    '  year = 1973, customfield = {kept too}',
    '}',
  ].join('\n');

  it('writes every field the entry had, in its order, values as written and macros applied', () => {
    const [paper] = library({ 'a.bib': entry }).papers;
    const written = formatBibtexEntry(paper!);
    assert.match(written, /^@inbook\{knuth1973,\n/);
    const names = [...written.matchAll(/^ {2}(\w+) = /gm)].map((match) => match[1]);
    assert.deepEqual(names, ['author', 'title', 'journal', 'volume', 'number', 'pages', 'publisher', 'editor', 'address', 'edition', 'series', 'chapter', 'isbn', 'note', 'month', 'year', 'customfield']);
    assert.match(written, /journal = \{Journal of the \{ACM\}\}/);
    assert.match(written, /note = \{A note with 50\\% and a \\\{brace\}/);
    assert.match(written, /month = mar,/);
    assert.match(written, /author = \{Knuth, Donald E\. and others\}/);
  });

  it('reads back field for field', () => {
    const original = fieldsByKey(entry);
    const again = fieldsByKey(formatBibtex(library({ 'a.bib': entry }).papers));
    assert.deepEqual(again, original);
  });

  it('writes the key it is asked for, an alias the user typed', () => {
    const [paper] = library({ 'a.bib': entry }).papers;
    assert.match(formatBibtexEntry(paper!, { key: 'TAOCP3' }), /^@inbook\{TAOCP3,/);
  });

  it('adds what the library learned elsewhere, after the fields the entry had', () => {
    const bib = '@article{vaswani2017, title = {Attention Is All You Need}, journal = {NeurIPS}, year = {2017}}';
    const json = JSON.stringify([{ paper: { id: '1706.03762', title: 'Attention Is All You Need', authors: [{ name: 'Ashish Vaswani' }], publishedAt: '2017-06-12T00:00:00.000Z' } }]);
    const [paper] = library({ 'a.bib': bib, 'b.json': json }).papers;
    const written = formatBibtexEntry(paper!);
    assert.match(written, /title = \{Attention Is All You Need\},\n {2}journal = \{NeurIPS\},\n {2}year = \{2017\},\n {2}author = \{Vaswani, Ashish\},\n {2}eprint = \{1706\.03762\},\n {2}archivePrefix = \{arXiv\}\n\}/);
  });

  it('writes a crossref child alone with its parent’s fields, and a whole library with the volume last', () => {
    const text = [
      '@proceedings{conf2020, title = {Proceedings of Conf 2020}, year = {2020}, publisher = {ACM}}',
      '@inproceedings{child2020, title = {A Child Paper}, author = {Roe, Ann}, crossref = {conf2020}, pages = {1--2}}',
    ].join('\n');
    const lib = library({ 'a.bib': text });
    const child = lib.byKey('child2020')!;
    const alone = formatBibtexEntry(child);
    assert.doesNotMatch(alone, /crossref/);
    assert.match(alone, /booktitle = \{Proceedings of Conf 2020\}/);
    assert.match(alone, /publisher = \{ACM\}/);
    const whole = formatBibtex(lib.papers);
    assert.match(whole, /^@inproceedings\{child2020,[^]*crossref = \{conf2020\}[^]*@proceedings\{conf2020,/);
  });

  it('escapes braces that do not pair up, so the entry stays readable', () => {
    const paper = makePaper({ key: 'k', title: 'Half { a brace', entryType: 'misc', bibtex: { fields: [['title', 'Half { a brace']], inherited: [] } });
    const written = formatBibtexEntry(paper);
    const read = parseBibtex(written, 'y.bib');
    assert.deepEqual(read.problems, []);
    assert.equal(read.papers[0]!.title, 'Half { a brace');
  });
});

describe('keys written in a .bib', () => {
  const twoKeys = [
    '@article{smith2020a, title = {Learning to Rank Papers Quickly}, author = {Smith, Ann}, year = {2020}, pages = {1--9}}',
    '@article{smith2020rank, title = {Learning to rank papers quickly}, author = {Smith, A.}, year = {2020}}',
  ].join('\n');

  it('keeps both keys of one paper: one as its key, the other as an alias that still finds it', () => {
    const lib = library({ 'refs.bib': twoKeys });
    assert.equal(lib.papers.length, 1);
    const [paper] = lib.papers;
    assert.equal(paper!.key, 'smith2020a');
    assert.deepEqual(paper!.aliases, ['smith2020rank']);
    assert.equal(lib.byKey('SMITH2020RANK'), paper);
    assert.deepEqual(lib.merges, [{ key: 'smith2020a', aliases: ['smith2020rank'], reason: 'title', title: paper!.title }]);
  });

  it('never gives a generated key an alias another paper holds', () => {
    const lib = library({ 'refs.bib': twoKeys, 'list.md': '- [Smith 2020 Rank](https://example.org/smith2020rank) smith2020rank\n' });
    for (const paper of lib.papers) assert.notEqual(paper.key.toLowerCase(), 'smith2020rank');
  });

  it('gives an entry written without a key a generated one', () => {
    const lib = library({ 'export.bib': '@article{,\n  title = {Mendeley Exports Have No Keys},\n  author = {Lee, Kim},\n  year = {2019}\n}\n' });
    assert.equal(lib.papers.length, 1);
    assert.equal(lib.papers[0]!.key, 'lee2019');
    assert.deepEqual(lib.problems, []);
  });
});

describe('merging only the same work', () => {
  const merges = (a: string, b: string): boolean => library({ 'a.bib': a, 'b.bib': b }).papers.length === 1;

  it('keeps a book and an article of the same title apart when their years differ', () => {
    assert.equal(merges('@book{b1973, title = {Principles of Artificial Intelligence}, year = {1973}}', '@article{a1986, title = {Principles of Artificial Intelligence}, year = {1986}}'), false);
  });

  it('keeps yearly proceedings volumes of one title apart', () => {
    const volumes = Array.from({ length: 14 }, (_, i) => `@proceedings{icaps${2000 + i}, title = {Proceedings of the International Conference on Planning}, year = {${2000 + i}}}`).join('\n');
    const lib = library({ 'p.bib': volumes });
    assert.equal(lib.papers.length, 14);
    assert.deepEqual(lib.papers.map((p) => p.year).sort(), Array.from({ length: 14 }, (_, i) => 2000 + i));
  });

  it('keeps a book and its chapter apart though they share a DOI', () => {
    const lib = library({
      'a.bib': '@book{handbook, title = {Handbook of Knowledge Representation}, doi = {10.1016/S1574-6526(07)03001-2}, year = {2008}}',
      'b.bib': '@incollection{chapter, title = {Description Logics}, doi = {10.1016/S1574-6526(07)03001-2}, year = {2008}}',
    });
    assert.equal(lib.papers.length, 2);
    assert.equal(lib.byKey('handbook')!.title, 'Handbook of Knowledge Representation');
    assert.equal(lib.byKey('chapter')!.title, 'Description Logics');
    assert.ok(lib.refusedMerges.length >= 1);
  });

  it('keeps two editions of a book apart', () => {
    assert.equal(merges('@book{e1, title = {Artificial Intelligence: A Modern Approach}, edition = {2}, year = {2003}}', '@book{e2, title = {Artificial Intelligence: A Modern Approach}, edition = {3}, year = {2003}}'), false);
  });

  it('keeps SICI DOIs whole, so two articles of one issue stay two', () => {
    const lib = library({
      'a.bib': '@article{p141, title = {Phonons in Thin Films}, doi = {10.1002/1521-396X(199711)164:1<141::AID-PSSA141>3.0.CO;2-G}}',
      'b.bib': '@article{p151, title = {Excitons in Quantum Wells}, doi = {10.1002/1521-396X(199711)164:1<151::AID-PSSA151>3.0.CO;2-X}}',
    });
    assert.equal(lib.papers.length, 2);
    assert.equal(lib.byKey('p141')!.doi, '10.1002/1521-396x(199711)164:1<141::aid-pssa141>3.0.co;2-g');
  });

  it('keeps papers of one title by different first authors apart', () => {
    assert.equal(merges('@article{a, title = {A Survey of Planning Methods}, author = {Hoffmann, J.}, year = {2010}}', '@article{b, title = {A Survey of Planning Methods}, author = {Nebel, B.}, year = {2010}}'), false);
  });

  it('merges a preprint with its publication a year later, keeping the arXiv id and the DOI', () => {
    const lib = library({
      'a.bib': '@misc{pre, title = {Deep Residual Learning for Image Recognition}, author = {He, Kaiming}, year = {2015}, eprint = {1512.03385}, archivePrefix = {arXiv}}',
      'b.bib': '@inproceedings{pub, title = {Deep Residual Learning for Image Recognition}, author = {He, Kaiming and Zhang, Xiangyu}, booktitle = {CVPR}, year = {2016}, doi = {10.1109/CVPR.2016.90}}',
    });
    assert.equal(lib.papers.length, 1);
    const [paper] = lib.papers;
    assert.equal(paper!.arxivId, '1512.03385');
    assert.equal(paper!.doi, '10.1109/cvpr.2016.90');
    assert.deepEqual([paper!.key, ...(paper!.aliases ?? [])].sort(), ['pre', 'pub']);
  });

  it('does not merge papers two years apart, preprint or not', () => {
    assert.equal(merges('@misc{pre, title = {Deep Residual Learning for Image Recognition}, year = {2014}, eprint = {1512.03385}}', '@article{pub, title = {Deep Residual Learning for Image Recognition}, year = {2016}}'), false);
  });

  it('merges titles that differ only in dashes, spacing around x, braces and case', () => {
    assert.equal(merges('@misc{a, title = {An Image is Worth 16x16 Words---Transformers}, year = {2021}}', '@misc{b, title = {An image is worth {16 x 16} words — transformers}, year = {2021}}'), true);
    assert.equal(merges('@misc{a, title = {Self--Supervised Search Agents}, year = {2021}}', '@misc{b, title = {Self-Supervised Search Agents}, year = {2021}}'), true);
  });

  it('reads a biblatex subtitle as part of the title', () => {
    const [paper] = library({ 'a.bib': '@book{b, title = {Planning Algorithms}, subtitle = {Theory and Practice}, year = {2006}}' }).papers;
    assert.equal(paper!.title, 'Planning Algorithms: Theory and Practice');
  });

  it('lets a .bib entry’s title, authors and date win over a reading list’s', () => {
    const lib = library({
      'a.bib': '@inproceedings{he2016, title = {Deep Residual Learning for Image Recognition}, author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian}, booktitle = {CVPR}, year = {2016}, month = jun, eprint = {1512.03385}}',
      'list.md': '# Vision\n\n- [2023-03] [Deep residual learning for image recognition, the famous ResNet paper](https://arxiv.org/abs/1512.03385) *Kaiming He et al.* CVPR 2016 oral\n',
    });
    assert.equal(lib.papers.length, 1);
    const [paper] = lib.papers;
    assert.equal(paper!.title, 'Deep Residual Learning for Image Recognition');
    assert.deepEqual(paper!.authors, ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun']);
    assert.equal(paper!.date, '2016-06');
    assert.equal(paper!.venue, 'CVPR');
  });
});

describe('a folder of .bib files is one bibliography', () => {
  const files = {
    'bib/abbrev.bib': '@string{ijcai = "Proceedings of the International Joint Conference on Artificial Intelligence"}\n@string{A&A = {Astronomy \\& Astrophysics}}\n',
    'bib/crossref.bib': '@proceedings{ijcai2009, title = ijcai # " (IJCAI 2009)", booktitle = ijcai # " (IJCAI 2009)", year = {2009}, publisher = {AAAI Press}}\n',
    'bib/literatur.bib': [
      '@inproceedings{helmert2009, author = {Helmert, Malte and Domshlak, Carmel}, title = {Landmarks, Critical Paths and Abstractions}, crossref = {ijcai2009}, pages = {162--169}}',
      '@article{star2001, author = {Sun, Ann}, title = {Stars Seen Far Away}, journal = A&A, year = {2001}}',
      '@article{bad2002, author = {Moon, Ben}, title = {A Macro Nobody Defines}, journal = nowhere, year = {2002}}',
    ].join('\n'),
  };

  it('takes crossref targets and macros from the other files', () => {
    const lib = library(files);
    const helmert = lib.byKey('helmert2009')!;
    assert.equal(helmert.year, 2009);
    assert.equal(helmert.venue, 'Proceedings of the International Joint Conference on Artificial Intelligence (IJCAI 2009)');
    assert.equal(lib.byKey('star2001')!.venue, 'Astronomy & Astrophysics');
    assert.match(formatBibtexEntry(helmert), /publisher = \{AAAI Press\}/);
  });

  it('keeps the proceedings volume citable, but as a container, not a paper', () => {
    const lib = library(files);
    assert.equal(lib.byKey('ijcai2009')!.container, true);
    assert.equal(lib.byKey('helmert2009')!.container, undefined);
  });

  it('names a macro no file defines at its file and line, and lets no text leak', () => {
    const lib = library(files);
    assert.equal(lib.byKey('bad2002')!.venue, undefined);
    const problems = lib.problems.filter((p) => /nowhere/.test(p.message));
    assert.deepEqual(problems.map((p) => [p.file, p.line]), [['bib/literatur.bib', 3]]);
  });

  it('reads an author list ending in "and et al." as one that goes on, written back as "and others"', () => {
    const lib = library({ 'a.bib': '@article{k, author = {Doe, Jane and Roe, Rick and et al.}, title = {Truncated Author Lists}, year = {2020}}' });
    const paper = lib.byKey('k')!;
    assert.deepEqual(paper.authors, ['Jane Doe', 'Rick Roe']);
    assert.equal(paper.authorCount, undefined);
  });
});

describe('names and text as real files write them', () => {
  it('decodes {\\aa}, \\slash and a hyphen after a braced accent', () => {
    const text = "@article{k, author = {Tr{\\\"a}g{\\aa}rdh, Christian and {\\'S}wierczewska-Gwiazda, Agnieszka}, title = {AND\\slash OR Search in {\\AA}rhus}, year = {2020}}";
    const [paper] = library({ 'a.bib': text }).papers;
    assert.deepEqual(paper!.authors, ['Christian Trägårdh', 'Agnieszka Świerczewska-Gwiazda']);
    assert.equal(paper!.title, 'AND/OR Search in Århus');
  });
});

describe('a library copy', () => {
  it('changes apart from the library it was copied from', () => {
    const original = library({ 'a.bib': '@misc{a, title = {The First Paper of Two}, year = {2020}}' });
    const copy = original.clone();
    copy.set({ file: 'b.bib', text: '@misc{b, title = {The Second Paper of Two}, year = {2021}}' });
    copy.delete('a.bib');
    assert.deepEqual(original.papers.map((paper) => paper.key), ['a']);
    assert.deepEqual(copy.papers.map((paper) => paper.key), ['b']);
  });
});
