import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PaperDraftSchema } from '../../../src/core/paper/paper';
import { parseArxivListing, splitAuthors } from '../../../src/core/sources/arxiv';
import { decodeLatex } from '../../../src/core/bibtex/latex';
import { fixture, lineWith } from '../helpers';

/** 1-based line of the first line of `text` containing `needle`. */
describe('arXiv listings', () => {
  describe('a new-submissions e-mail', () => {
    const file = 'cs-new-submissions.txt';
    const text = fixture('arxiv', file);
    const { papers, problems } = parseArxivListing(text, file);
    const byId = (id: string) => {
      const paper = papers.find((p) => p.arxivId === id);
      assert.ok(paper, `no paper ${id}`);
      return paper;
    };

    it('reads every entry, and nothing from the preamble or trailer', () => {
      assert.deepEqual(
        papers.map((p) => p.title),
        [
          'SSRL: Self-Search Reinforcement Learning',
          'Tokenizers Meet Umlauts: Robust Subword Segmentation for Accented Names across Twelve Languages',
          'A Cross-Listed Note on Calibration',
          'The Large N Limit of Superconformal Field Theories and Supergravity',
          'A Revised Paper Whose Date Is Only a Revision',
        ],
      );
      assert.deepEqual(problems, []);
    });

    it('reads a new submission field by field', () => {
      const ssrl = byId('2508.10874');
      assert.equal(ssrl.date, '2025-08-14');
      assert.equal(ssrl.year, 2025);
      assert.equal(ssrl.authors.length, 18);
      assert.equal(ssrl.authors[0], 'Yuchen Fan');
      // A name broken across the wrapped Authors line is joined again.
      assert.equal(ssrl.authors[6], 'Xinwei Long');
      assert.equal(ssrl.authors[17], 'Bowen Zhou');
      assert.deepEqual(ssrl.keywords, ['cs.CL', 'cs.AI']);
      assert.deepEqual(ssrl.links, ['https://arxiv.org/abs/2508.10874']);
      assert.equal(
        ssrl.abstract,
        'We investigate the potential of large language models (LLMs) to serve as efficient simulators for agentic search tasks in reinforcement learning (RL), thereby reducing dependence on costly interactions with external search engines.',
      );
      assert.deepEqual(ssrl.sources, [{ file, line: lineWith(text, 'Title: SSRL') }]);
      assert.equal(ssrl.venue, undefined);
      assert.equal(ssrl.doi, undefined);
      assert.equal(ssrl.organization, undefined);
    });

    it('joins wrapped fields, drops affiliations and decodes LaTeX accents in names', () => {
      const paper = byId('2508.20001');
      assert.deepEqual(paper.authors, ['Marta Müller', 'José García', 'Søren Østergaard', 'Šimon Dvořák', 'Lars Bråten']);
      assert.equal(paper.venue, 'Proceedings of the Workshop on Multilingual Tokenization 2025, pp. 1-14');
      assert.equal(paper.doi, '10.1234/mwt.2025.001');
      assert.deepEqual(paper.keywords, ['cs.CL']);
      assert.equal(paper.date, '2025-08-13');
      assert.deepEqual(paper.links, ['https://arxiv.org/abs/2508.20001', 'https://example.org/umlaut-data', 'https://github.com/example/umlaut-tok']);
      assert.ok(paper.abstract?.endsWith('Data: https://example.org/umlaut-data.'));
      assert.equal(paper.sources[0]!.line, lineWith(text, 'Title: Tokenizers Meet Umlauts'));
      // Report-no, MSC-class, ACM-class and License are not read into anything.
      assert.ok(!JSON.stringify(paper).includes('MWT-2025-01'));
      assert.ok(!JSON.stringify(paper).includes('68T50'));
    });

    it('reads cross-listings, old-style ids and replacements', () => {
      const cross = byId('2508.20002');
      assert.deepEqual(cross.keywords, ['stat.ML', 'cs.LG']);
      assert.equal(cross.date, '2025-08-14');

      const old = byId('hep-th/9711200');
      assert.deepEqual(old.authors, ['Juan M. Maldacena']);
      assert.equal(old.venue, 'Adv.Theor.Math.Phys.2:231-252,1998');
      assert.equal(old.doi, '10.1023/a:1026654312961');
      assert.equal(old.abstract, undefined);
      // A replacement has no Date line: the id still gives the month of first submission.
      assert.equal(old.date, '1997-11');
      assert.equal(old.year, 1997);
      assert.deepEqual(old.links, ['https://arxiv.org/abs/hep-th/9711200']);
    });

    it('drops the version from an id and does not take a revision date for the paper date', () => {
      const revised = byId('2412.09999');
      assert.equal(revised.date, '2024-12');
      assert.equal(revised.year, 2024);
    });

    it('reads the same with Windows line endings', () => {
      const crlf = parseArxivListing(text.replace(/\n/g, '\r\n'), file);
      assert.deepEqual(crlf, { papers, problems });
    });
  });

  describe('malformed entries', () => {
    const file = 'malformed.txt';
    const text = fixture('arxiv', file);
    const { papers, problems } = parseArxivListing(text, file);

    it('keeps reading the good entries around the bad ones', () => {
      assert.deepEqual(
        papers.map((p) => p.title),
        ['The First Good Entry', 'An Entry With a Mangled Id', 'An Entry Whose Closing Line Is Missing', 'The Last Good Entry'],
      );
      assert.equal(papers[3]!.sources[0]!.line, lineWith(text, 'Title: The Last Good Entry'));
    });

    it('reports each bad entry at its line', () => {
      const untitled = lineWith(text, 'arXiv:2501.00012');
      const mangled = lineWith(text, 'arXiv:25O1');
      const empty = lineWith(text, 'arXiv:2501.00015');
      assert.deepEqual(problems, [
        { file, line: untitled, message: `Entry at line ${untitled} (arXiv:2501.00012) has no title; skipped.`, severity: 'error' },
        { file, line: mangled, message: `Entry at line ${mangled} has an arXiv id "25O1.OOO13" that is not valid; read without it.`, severity: 'warning' },
        { file, line: empty, message: `Entry at line ${empty} (arXiv:2501.00015) has no title; skipped.`, severity: 'error' },
      ]);
    });

    it('reads an entry with a mangled id and date without them', () => {
      const mangled = papers[1]!;
      assert.equal(mangled.arxivId, undefined);
      assert.equal(mangled.date, undefined);
      assert.deepEqual(mangled.links, []);
      assert.deepEqual(mangled.authors, ['Carol Cee']);
    });

    it('ends an unclosed abstract at the next rule, and a quoted arXiv: line starts no entry', () => {
      const unclosed = papers[2]!;
      assert.equal(unclosed.arxivId, '2501.00014');
      assert.ok(unclosed.abstract?.includes('arXiv:2501.00099 is cited'));
      assert.ok(!papers.some((p) => p.arxivId === '2501.00099'));
    });
  });

  describe('plain-text listings', () => {
    const file = 'text-listing.txt';
    const text = fixture('arxiv', file);
    const { papers, problems } = parseArxivListing(text, file);

    it('reads arXiv:/Title:/Authors:/Abstract: entries', () => {
      assert.deepEqual(problems, []);
      assert.deepEqual(
        papers.map((p) => [p.arxivId, p.title]),
        [
          ['2505.04588', 'ZeroSearch: Incentivize the Search Capability of LLMs without Searching'],
          ['2508.10874', 'SSRL: Self-Search Reinforcement Learning'],
          ['2501.00021', 'A Third Entry After a Backslash Rule'],
        ],
      );
      const zero = papers[0]!;
      assert.deepEqual(zero.authors, ['Hao Sun', 'Zile Qiao', 'Jiayan Guo']);
      assert.ok(zero.abstract?.startsWith('Effective information searching is essential for enhancing the reasoning'));
      assert.deepEqual(zero.links, ['https://arxiv.org/abs/2505.04588', 'https://github.com/Alibaba-NLP/ZeroSearch']);
      assert.equal(zero.date, '2025-05');
      assert.equal(zero.sources[0]!.line, lineWith(text, 'Title: ZeroSearch'));
      assert.deepEqual(papers[2]!.authors, ['Frank Gee', 'Hana Eich']);
      assert.equal(papers[2]!.abstract, undefined);
    });
  });

  describe('pathological input', function () {
    // These must return; how fast depends on the machine, so no time is asserted.
    this.timeout(120_000);

    it('returns on a 5 MB single line', () => {
      const result = parseArxivListing('arXiv:2501.00001 '.repeat(300_000), 'one-line.txt');
      assert.deepEqual(result, { papers: [], problems: [] });
    });

    it('reads a 5 MB title and 200,000 nested brackets in the authors', () => {
      const text = `arXiv:2501.00001\nTitle: ${'word '.repeat(1_000_000)}\nAuthors: ${'('.repeat(200_000)}A${')'.repeat(200_000)} Bea Cee\n`;
      const { papers } = parseArxivListing(text, 'big.txt');
      assert.equal(papers.length, 1);
      assert.equal(papers[0]!.title.length, 'word '.repeat(1_000_000).trim().length);
      assert.deepEqual(papers[0]!.authors, ['Bea Cee']);
    });

    it('returns nothing for a file of only separators', () => {
      const text = '------------------------------\n\\\\\n%%--%%--%%--%%\n'.repeat(100_000);
      assert.deepEqual(parseArxivListing(text, 'rules.txt'), { papers: [], problems: [] });
    });

    it('never throws, and every paper it returns is valid, whatever the lines', () => {
      const pieces = ['arXiv:2501.00001', 'arXiv:hep-th/9901001v2 (*cross-listing*)', 'arXiv:', 'Title: A title', 'Title:', 'Authors: A. B (C (D), and E', 'Date: Mon, 13 Jan 2025 18:59:59 GMT', 'Date: 99 Foo 0000', '  continued', '\\\\', '\\\\ ( https://arxiv.org/abs/2501.00001 , 1kb)', '-----', 'DOI: 10.1/x)]}', 'Categories:  ', '', 'Abstract: text \\"'];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (lines) => {
          const result = parseArxivListing(lines.join('\n'), 'fuzz.txt');
          for (const paper of result.papers) assert.ok(PaperDraftSchema.safeParse(paper).success);
          for (const p of result.problems) assert.ok(p.line >= 1 && p.line <= lines.length + 1);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('authors and LaTeX accents', () => {
    it('decodes accents, special letters, lone symbols and font commands', () => {
      assert.equal(decodeLatex('M\\"uller'), 'Müller');
      assert.equal(decodeLatex("Garc\\'ia"), 'García');
      assert.equal(decodeLatex("Garc\\'{\\i}a"), 'García');
      assert.equal(decodeLatex('{\\o}ystein'), 'øystein');
      assert.equal(decodeLatex('\\v{S}koda \\v Cech'), 'Škoda Čech');
      assert.equal(decodeLatex('Fran\\c{c}ois Erd\\H{o}s \\AA ngstr\\"om'), 'François Erdős Ångström');
      assert.equal(decodeLatex('Stra\\ss e'), 'Straße');
      assert.equal(decodeLatex('$\\alpha$-\\textbf{bold}'), 'α-bold');
    });

    it('splits names on commas and "and", dropping nested affiliations', () => {
      assert.deepEqual(splitAuthors('A. One (Univ (X)), B.~Two and C. Three et al.'), ['A. One', 'B. Two', 'C. Three']);
      assert.deepEqual(splitAuthors('Sandra Ferdinand, and Andrew Anderson'), ['Sandra Ferdinand', 'Andrew Anderson']);
    });
  });
});
