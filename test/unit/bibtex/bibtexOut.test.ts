import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatBibtex, formatBibtexEntry } from '../../../src/core/bibtex/write';
import type { Paper } from '../../../src/core/paper/paper';
import { parseBibtex } from '../../../src/core/sources/bibtex';
import { makePaper } from '../paperFactory';
import { bibtexBracesBalance } from '../helpers';

/** Field name -> value as written, for entries this module produced (one field per line). */
function fieldsOf(entry: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of entry.matchAll(/^ {2}(\w+) = (.*?),?$/gm)) fields[match[1]!] = match[2]!;
  return fields;
}

const NASTY: Paper[] = [
  makePaper({
    key: 'garcia2024mars',
    title: 'MARS$^2$: Über-Scaling 50% of a_b & {Braces} #1 ~ ^ \\ with α-RL',
    authors: ['José García', 'Jan Østergaard', 'OpenAI', 'Google DeepMind', 'Piet van der Berg Jr.', 'A. B. Smith'],
    authorCount: 9,
    year: 2024,
    date: '2024-03-05',
    arxivId: '2403.01234',
    keywords: ['cs.CL', 'reinforcement learning'],
    links: ['https://huggingface.co/papers/2403.01234'],
  }),
  makePaper({
    key: 'mueller2023journal',
    title: 'A “Journal” Paper: What’s in a Name?',
    authors: ['Hans Müller', 'Łukasz Kaiser', 'François Chollet'],
    venue: 'Journal of Machine Learning Research',
    doi: '10.1234/abc_def%2x',
    year: 2023,
  }),
  makePaper({
    key: 'beethoven2023conf',
    title: 'Conference Paper with $O(n \\log n)$ Time and Ünïcödé',
    authors: ['Ludwig von Beethoven', 'Jean de la Fontaine', 'Nguyễn Văn An'],
    venue: 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)',
    year: 2023,
    arxivId: '2305.00001',
  }),
  makePaper({
    key: 'team2025many',
    title: 'Gemma 3 Technical Report',
    authors: Array.from({ length: 60 }, (_, i) => `Author${i} Family${i}`).concat(['Gemma Team', 'Bill and Melinda Gates Foundation']),
    venue: 'Findings of EMNLP & ACL',
    year: 2025,
    entryType: 'inproceedings',
  }),
  makePaper({
    key: 'old:hep-th+9901001',
    title: 'An Old-Style arXiv Paper',
    authors: ['Edward Witten'],
    arxivId: 'hep-th/9901001',
    year: 1999,
    keywords: ['hep-th'],
  }),
  makePaper({ key: 'bare', title: 'Only a Title' }),
];

describe('formatBibtexEntry', () => {
  it('writes an arXiv paper without a venue as @misc with eprint fields', () => {
    const entry = formatBibtexEntry(NASTY[0]!);
    assert.match(entry, /^@misc\{garcia2024mars,\n/);
    const fields = fieldsOf(entry);
    assert.equal(fields.eprint, '{2403.01234}');
    assert.equal(fields.archivePrefix, '{arXiv}');
    assert.equal(fields.primaryClass, '{cs.CL}');
    assert.equal(fields.url, '{https://arxiv.org/abs/2403.01234}');
    assert.equal(fields.month, 'mar');
    assert.equal(fields.year, '{2024}');
  });

  it('writes journals as @article and conferences as @inproceedings', () => {
    const journal = formatBibtexEntry(NASTY[1]!);
    assert.match(journal, /^@article\{mueller2023journal,/);
    assert.equal(fieldsOf(journal).journal, '{Journal of Machine Learning Research}');
    const conference = formatBibtexEntry(NASTY[2]!);
    assert.match(conference, /^@inproceedings\{beethoven2023conf,/);
    assert.match(fieldsOf(conference).booktitle!, /^\{Proceedings of the 61st Annual Meeting/);
    assert.equal(fieldsOf(conference).eprint, '{2305.00001}');
    assert.equal(fieldsOf(conference).primaryClass, undefined);
  });

  it('follows the entry type a listing gave, and falls back to @misc for unknown ones', () => {
    assert.match(formatBibtexEntry(makePaper({ key: 'a', venue: 'Some Venue', entryType: 'article' })), /^@article\{a,\n {2}title = \{\{Paper a\}\},\n {2}journal = \{Some Venue\}/);
    assert.match(formatBibtexEntry(makePaper({ key: 'b', venue: 'Some Venue', entryType: 'conference' })), /^@inproceedings\{b,[^]*booktitle = \{Some Venue\}/);
    assert.match(formatBibtexEntry(makePaper({ key: 'c', venue: 'Some Venue', entryType: 'online' })), /^@misc\{c,[^]*howpublished = \{Some Venue\}/);
    assert.match(formatBibtexEntry(makePaper({ key: 'd', venue: 'Proceedings of the IEEE' })), /^@article\{d,/);
    assert.match(formatBibtexEntry(makePaper({ key: 'e', venue: 'NeurIPS 2024' })), /^@inproceedings\{e,/);
  });

  it('writes names as "Family, Given", organisations in braces, and "others" for the unnamed', () => {
    const authors = fieldsOf(formatBibtexEntry(NASTY[0]!)).author;
    assert.equal(
      authors,
      "{Garc{\\'\\i}a, Jos{\\'e} and {\\O}stergaard, Jan and {OpenAI} and {Google DeepMind} and van der Berg, Jr., Piet and A. B. Smith and others}",
    );
    const many = fieldsOf(formatBibtexEntry(NASTY[3]!)).author!;
    assert.ok(many.includes(' and {Gemma Team} and {Bill and Melinda Gates Foundation}}'));
    assert.ok(!many.endsWith('others}'));
    assert.equal(fieldsOf(formatBibtexEntry(NASTY[2]!)).author, "{von Beethoven, Ludwig and de la Fontaine, Jean and Nguy{\\~{\\^e}}n V{\\u{a}}n An}");
  });

  it('keeps the title’s capitalisation and math, and escapes what LaTeX treats specially', () => {
    const title = fieldsOf(formatBibtexEntry(NASTY[0]!)).title;
    assert.equal(
      title,
      '{{MARS$^2$: {\\"U}ber-Scaling 50\\% of a\\_b \\& {\\textbraceleft}Braces{\\textbraceright} \\#1 {\\textasciitilde} {\\textasciicircum} {\\textbackslash} with $\\alpha$-RL}}',
    );
  });

  it('writes a stable field order, two-space indentation and a trailing newline', () => {
    const entry = formatBibtexEntry(
      makePaper({
        key: 'full',
        title: 'Full',
        authors: ['Ann Lee'],
        venue: 'Journal of Tests',
        year: 2020,
        date: '2020-12-01',
        arxivId: '2012.00001',
        doi: '10.1/x',
        abstract: 'An abstract\nover two lines.',
        keywords: ['testing', 'bibtex'],
      }),
    );
    assert.equal(
      entry,
      [
        '@article{full,',
        '  author = {Lee, Ann},',
        '  title = {{Full}},',
        '  journal = {Journal of Tests},',
        '  year = {2020},',
        '  month = dec,',
        '  eprint = {2012.00001},',
        '  archivePrefix = {arXiv},',
        '  doi = {10.1/x},',
        '  url = {https://arxiv.org/abs/2012.00001},',
        '  abstract = {An abstract over two lines.}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('prefers the arXiv page, then the DOI, then the first link for the url', () => {
    const url = (paper: Paper) => fieldsOf(formatBibtexEntry(paper)).url;
    assert.equal(url(makePaper({ key: 'a', links: ['https://example.org/x', 'https://doi.org/10.1/y'] })), '{https://doi.org/10.1/y}');
    assert.equal(url(makePaper({ key: 'b', links: ['https://example.org/x y%z'] })), '{https://example.org/x\\%20y\\%z}');
    assert.equal(url(makePaper({ key: 'c', doi: '10.1/y' })), '{https://doi.org/10.1/y}');
    assert.equal(url(NASTY[5]!), undefined);
  });

  it('writes only the fields a paper has', () => {
    assert.equal(formatBibtexEntry(NASTY[5]!), '@misc{bare,\n  title = {{Only a Title}}\n}\n');
  });

  it('writes a primary class only for keywords that are arXiv categories', () => {
    assert.equal(fieldsOf(formatBibtexEntry(NASTY[4]!)).primaryClass, '{hep-th}');
    const notCategories = makePaper({ key: 'x', arxivId: '2401.00001', keywords: ['math', 'physics', 'cs'] });
    assert.equal(fieldsOf(formatBibtexEntry(notCategories)).primaryClass, undefined);
  });

  it('keeps braces balanced, as classic BibTeX counts them, in every entry', () => {
    for (const paper of NASTY) assert.ok(bibtexBracesBalance(formatBibtexEntry(paper)), paper.key);
  });
});

describe('formatBibtex', () => {
  it('separates entries with a blank line and ends with a newline', () => {
    const text = formatBibtex(NASTY.slice(0, 2));
    assert.match(text, /^@misc\{garcia2024mars,[^]*\n}\n\n@article\{mueller2023journal,[^]*\n}\n$/);
    assert.equal(formatBibtex([]), '');
  });

  it('reads back with the same title, authors, year, ids, venue and key', () => {
    const { papers, problems } = parseBibtex(formatBibtex(NASTY), 'export.bib');
    assert.deepEqual(problems, []);
    assert.equal(papers.length, NASTY.length);
    for (const [index, original] of NASTY.entries()) {
      const read = papers[index]!;
      assert.equal(read.pinnedKey, original.key);
      assert.equal(read.title, original.title);
      assert.deepEqual(read.authors, original.authors);
      assert.equal(read.year, original.year);
      assert.equal(read.arxivId, original.arxivId);
      assert.equal(read.doi, original.doi);
      assert.equal(read.venue, original.venue);
      const complete = original.authorCount === undefined || original.authorCount === original.authors.length;
      assert.equal(read.authorCount, complete && original.authors.length ? original.authors.length : undefined, original.key);
    }
  });

  it('reads back any title and names built from awkward characters', () => {
    const character = fc.constantFrom(
      ...'abcXYZ019 ,.:;!?()[]/@+=*|"<>-\'`'.split(''),
      ...'&%$#_{}~^\\'.split(''),
      ...'éüøßÅłñçšőØÆœ'.split(''),
      'α', '×', '²', '…', '“', '”', '’', '–', '—', '注',
    );
    const title = fc.array(character, { minLength: 1, maxLength: 30 }).map((chars) => `T ${chars.join('')}`.replace(/\s+/g, ' ').trim());
    const given = fc.constantFrom('Ann', 'José', 'Łukasz', 'Min-Jun', 'A. B.', 'Zoë');
    const family = fc.constantFrom('Müller', 'García', 'Østergaard', 'van der Berg', 'de la Fontaine', 'O’Neil', 'Smith-Jones');
    const person = fc.tuple(given, family).map(([g, f]) => `${g} ${f}`);
    const organisation = fc.constantFrom('OpenAI', 'Google DeepMind', 'Meta AI & Friends', 'Qwen Team');
    const authors = fc.array(fc.oneof(person, organisation), { maxLength: 6 });
    fc.assert(
      fc.property(title, authors, (paperTitle, paperAuthors) => {
        const paper = makePaper({ key: 'k', title: paperTitle, authors: paperAuthors, venue: 'Journal of $\\alpha$ & Co.' });
        const { papers, problems } = parseBibtex(formatBibtexEntry(paper), 'export.bib');
        assert.deepEqual(problems, []);
        assert.equal(papers[0]?.title, paperTitle);
        assert.deepEqual(papers[0]?.authors, paperAuthors);
        assert.equal(papers[0]?.venue, 'Journal of α & Co.');
      }),
      { numRuns: 300 },
    );
  });
});
