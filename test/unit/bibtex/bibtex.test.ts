import assert from 'node:assert/strict';
import type { PaperDraft } from '../../../src/core/paper/paper';
import { parseBibtex } from '../../../src/core/sources/bibtex';
import { fixture, timed } from '../helpers';

const FILE = 'refs/traps.bib';

function parseTraps() {
  return parseBibtex(fixture('bibtex', 'traps.bib'), FILE);
}

function byKey(papers: PaperDraft[], key: string): PaperDraft {
  const paper = papers.find((p) => p.pinnedKey === key);
  assert.ok(paper, `no paper with key ${key}`);
  return paper;
}

describe('parseBibtex', () => {
  describe('a file that uses most of BibTeX', () => {
    const { papers, problems } = parseTraps();

    it('reads every entry, in file order, one written without a key or a title too', () => {
      assert.deepEqual(
        papers.map((p) => p.pinnedKey),
        ['garcia2020deep', 'vaswani2017attention', 'child2021', 'parent2021', 'report2022', 'scholar2023', 'dblp2023', undefined, 'untitled2024', 'after2024'],
      );
      assert.equal(papers[7]!.title, 'An Entry Without a Key');
      assert.equal(papers[8]!.title, 'untitled2024', 'a draft may cite it: its key stands in for the title');
    });

    it('points each paper at the line of its @type{ line', () => {
      assert.deepEqual(byKey(papers, 'garcia2020deep').sources, [{ file: FILE, line: 8 }]);
      assert.deepEqual(byKey(papers, 'vaswani2017attention').sources, [{ file: FILE, line: 22 }]);
      assert.deepEqual(byKey(papers, 'after2024').sources, [{ file: FILE, line: 87 }]);
    });

    it('decodes LaTeX in titles, keeping math, and drops case-protecting braces', () => {
      assert.equal(byKey(papers, 'garcia2020deep').title, 'The BERT Model: Deep Learning for Über-Scale Text and MARS$^2$');
      assert.equal(byKey(papers, 'report2022').title, 'Technical Report on LaTeX Things');
    });

    it('reads names as "Given Family", keeping von parts, Jr. and braced organisations whole', () => {
      assert.deepEqual(byKey(papers, 'garcia2020deep').authors, [
        'José García',
        'Jan Østergaard',
        'Hans Müller',
        'OpenAI',
        'Google DeepMind',
        'Piet van der Berg Jr.',
        'Ludwig von Beethoven',
      ]);
      assert.equal(byKey(papers, 'garcia2020deep').authorCount, 7);
      assert.deepEqual(byKey(papers, 'report2022').authors, ['Example AI Lab']);
    });

    it('keeps the named authors of "and others" and leaves the count unknown', () => {
      const paper = byKey(papers, 'vaswani2017attention');
      assert.deepEqual(paper.authors, ['Ashish Vaswani', 'Noam Shazeer']);
      assert.equal(paper.authorCount, undefined);
    });

    it('applies @string macros, # concatenation and month macros', () => {
      const article = byKey(papers, 'garcia2020deep');
      assert.equal(article.venue, 'Journal of Machine Learning Research');
      assert.equal(article.date, '2020-03');
      assert.equal(article.year, 2020);
      const paper = byKey(papers, 'vaswani2017attention');
      assert.equal(paper.venue, 'Proceedings of the Annual Meeting of the Association for Computational Linguistics (ACL)');
      assert.equal(paper.date, '2017-12');
    });

    it('still applies macros after broken entries', () => {
      assert.equal(byKey(papers, 'after2024').venue, 'Journal of Machine Learning Research');
    });

    it('fills a crossref child from its parent, but not with the parent’s own title or DOI', () => {
      const child = byKey(papers, 'child2021');
      assert.equal(child.title, 'A Paper in a Volume');
      assert.equal(child.venue, 'Proceedings of the Parent Workshop');
      assert.equal(child.date, '2021-07');
      assert.equal(child.doi, undefined);
      assert.equal(byKey(papers, 'parent2021').container, true, 'the proceedings volume is a container, not a paper');
      assert.equal(child.container, undefined);
      assert.deepEqual(child.bibtex?.inherited.map(([name]) => name).slice(0, 1), ['booktitle']);
    });

    it('reads DOIs, links, keywords, abstracts and organisations', () => {
      const article = byKey(papers, 'garcia2020deep');
      assert.equal(article.doi, '10.5555/abc_def.123');
      assert.deepEqual(article.links, ['https://example.org/papers/a_b', 'https://doi.org/10.5555/abc_def.123']);
      assert.deepEqual(article.keywords, ['language models', 'transfer learning', 'BERT']);
      assert.equal(article.abstract, 'We study transfer learning in 50% fewer steps—and faster.');
      assert.equal(article.entryType, 'article');
      assert.equal(byKey(papers, 'report2022').organization, 'Example Institute');
    });

    it('finds arXiv ids wherever exporters put them', () => {
      assert.equal(byKey(papers, 'vaswani2017attention').arxivId, '1706.03762');
      assert.equal(byKey(papers, 'report2022').arxivId, '2211.00001');
      assert.equal(byKey(papers, 'scholar2023').arxivId, '2301.00002');
      assert.equal(byKey(papers, 'dblp2023').arxivId, '2302.00003');
      assert.ok(byKey(papers, 'vaswani2017attention').links.includes('https://arxiv.org/abs/1706.03762'));
    });

    it('does not take arXiv itself, CoRR or a bare URL for a venue', () => {
      assert.equal(byKey(papers, 'scholar2023').venue, undefined);
      assert.equal(byKey(papers, 'dblp2023').venue, undefined);
      const report = byKey(papers, 'report2022');
      assert.equal(report.venue, undefined);
      assert.ok(report.links.includes('https://example.org/report'));
    });

    it('reads a biblatex date field to the day', () => {
      assert.equal(byKey(papers, 'report2022').date, '2022-11-05');
      assert.equal(byKey(papers, 'report2022').year, 2022);
    });

    it('reports each broken entry at its line, with a reason', () => {
      assert.deepEqual(
        problems.map((p) => [p.line, p.severity]),
        [
          [72, 'error'],
          [82, 'warning'],
        ],
      );
      assert.match(problems[0]!.message, /'broken2024' at line 72 is not closed/);
      assert.equal(problems[1]!.message, 'Entry \'untitled2024\' at line 82 has no title; it is listed as "untitled2024".');
    });
  });

  describe('entries in other shapes', () => {
    it('reads parenthesised entries, quoted values with parentheses, and numbers', () => {
      const { papers } = parseBibtex('@article( k1 , title = "A (Small) Study", year = 1999 )\n', FILE);
      assert.equal(papers[0]?.title, 'A (Small) Study');
      assert.equal(papers[0]?.year, 1999);
    });

    it('reads many entries on one line', () => {
      const text = Array.from({ length: 50 }, (_, i) => `@misc{k${i}, title = {Title ${i}}}`).join(' ');
      const { papers } = parseBibtex(text, FILE);
      assert.equal(papers.length, 50);
      assert.ok(papers.every((p) => p.sources[0]!.line === 1));
    });

    it('reads month names, numbers and days', () => {
      const text = [
        '@misc{a, title = {A}, year = 2020, month = {September}}',
        '@misc{b, title = {B}, year = 2020, month = 2, day = 29}',
        '@misc{c, title = {C}, year = {2021}, month = {Feb}, day = {30}}',
        '@misc{d, title = {D}, year = {2019a}}',
      ].join('\n');
      assert.deepEqual(
        parseBibtex(text, FILE).papers.map((p) => p.date),
        ['2020-09', '2020-02-29', '2021-02', '2019'],
      );
    });

    it('reads the DOI of a doi.org link and the arXiv id of an arXiv DOI', () => {
      const text = [
        '@misc{a, title = {A}, url = {https://doi.org/10.1000/XYZ%28a%29}}',
        '@misc{b, title = {B}, doi = {10.48550/arXiv.2405.01234}}',
        '@misc{c, title = {C}, arxiv = {hep-th/9901001v2}}',
      ].join('\n');
      const [a, b, c] = parseBibtex(text, FILE).papers;
      assert.equal(a?.doi, '10.1000/xyz(a)');
      assert.equal(b?.arxivId, '2405.01234');
      assert.equal(c?.arxivId, 'hep-th/9901001');
    });

    it('warns about a repeated key, and leaves a crossref that is not in the file to the library', () => {
      const text = '@misc{a, title = {A}}\n@misc{a, title = {Again}}\n@misc{b, title = {B}, crossref = {nowhere}}\n';
      const { papers, problems } = parseBibtex(text, FILE);
      assert.equal(papers.length, 3);
      assert.equal(papers[2]!.bibtex?.pending, true);
      assert.deepEqual(
        problems.map((p) => [p.line, p.severity]),
        [
          [2, 'warning'],
        ],
      );
      assert.match(problems[0]!.message, /repeats the key of the entry at line 1/);
    });

    it('names the line of a syntax error inside an entry', () => {
      const text = '@misc{ok, title = {Fine}}\n\n@article{bad,\n  title = {X},\n  year = 20 20\n}\n@misc{next, title = {Next}}\n';
      const { papers, problems } = parseBibtex(text, FILE);
      assert.deepEqual(papers.map((p) => p.pinnedKey), ['ok', 'next']);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.line, 3);
      assert.match(problems[0]!.message, /^Entry 'bad' at line 3 could not be read: .* at line 5; skipped\.$/);
    });

    it('keeps macros to the file they are defined in', () => {
      parseBibtex('@string{venue = {Leaky Venue}}\n@misc{a, title = {A}, journal = venue}\n', 'a.bib');
      const { papers } = parseBibtex('@misc{b, title = {B}, journal = venue}\n', 'b.bib');
      assert.equal(papers[0]?.venue, undefined);
    });

    it('reads the same text to the same result', () => {
      assert.deepEqual(parseTraps(), parseTraps());
    });
  });

  describe('hostile input', function () {
    this.timeout(120_000);

    it('returns for thousands of unterminated entries, one problem each', () => {
      const text = Array.from({ length: 5000 }, (_, i) => `@article{k${i}, title = {Title ${i}\n`).join('');
      const { value, ms } = timed(() => parseBibtex(text, FILE));
      assert.equal(value.papers.length, 0);
      assert.equal(value.problems.length, 5000);
      assert.equal(value.problems[4999]!.line, 5000);
      assert.ok(ms < 30_000, `took ${ms} ms`);
    });

    it('returns for 200,000 nested braces, balanced or not', () => {
      for (const text of [
        `@article{deep, title = ${'{'.repeat(200_000)}a${'}'.repeat(200_000)}}\n@misc{after, title = {After}}\n`,
        `@article{deep, title = ${'{'.repeat(200_000)}a\n@misc{after, title = {After}}\n`,
      ]) {
        const { papers, problems } = parseBibtex(text, FILE);
        assert.deepEqual(papers.map((p) => p.pinnedKey), ['after']);
        assert.equal(problems.length, 1);
        assert.match(problems[0]!.message, /^Entry 'deep' at line 1 /);
      }
    });

    it('returns for a 5 MB single line', () => {
      const oneField = `@article{huge, title = {${'word '.repeat(1_000_000)}}}`;
      const huge = timed(() => parseBibtex(oneField, FILE));
      assert.equal(huge.value.papers.length, 0);
      assert.match(huge.value.problems[0]!.message, /too long for an entry/);
      const manyEntries = Array.from({ length: 10_000 }, (_, i) => `@misc{k${i}, title = {Title number ${i} of many}, year = 2020}`).join(' ');
      const many = timed(() => parseBibtex(manyEntries, FILE));
      assert.equal(many.value.papers.length, 10_000);
      assert.ok(huge.ms + many.ms < 60_000, `took ${huge.ms} + ${many.ms} ms`);
    });

    it('returns for a file of nothing but @ signs and headers', () => {
      assert.deepEqual(parseBibtex('@'.repeat(1_000_000), FILE), { papers: [], problems: [] });
      const headers = parseBibtex('@a{'.repeat(200_000), FILE);
      assert.equal(headers.papers.length, 0);
      assert.equal(headers.problems.length, 1);
    });
  });
});
