import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PaperDraftSchema } from '../../../src/core/paper/paper';
import { parseMarkdownList } from '../../../src/core/sources/markdown';
import { readDate } from '../../../src/core/sources/markdownFields';
import { cleanInline, scanLinks, tidyTitle } from '../../../src/core/sources/markdownInline';
import { fixture, lineWith, paperTitled } from '../helpers';

/** 1-based line of the first line of `text` containing `needle`. */
describe('Markdown reading lists', () => {
  describe('an awesome list', () => {
    const file = 'awesome-llm-search.md';
    const text = fixture('markdown', file);
    const { papers, problems } = parseMarkdownList(text, file);
    const byTitle = (start: string) => paperTitled(papers, start);

    it('reads bullets and paper tables, and skips contents, prose, code blocks and other tables', () => {
      assert.deepEqual(
        papers.map((p) => p.title),
        [
          'SSRL: Self-Search Reinforcement Learning',
          'ZeroSearch: Incentivize the Search Capability of LLMs without Searching',
          'A Paper Dated by Its Prefix',
          'A Paper With a DOI',
          'A Bold Link Title',
          'A Title with [Nested] Brackets',
          'An HTML & Markdown Title',
          'A Paper Released in October',
          'A Table Paper',
          'Another Table Paper',
          'A Plain Title | With a Pipe',
        ],
      );
    });

    it('reads a link entry with authors and venue after it', () => {
      const ssrl = byTitle('SSRL');
      assert.deepEqual(ssrl.authors, ['Yuchen Fan', 'Kaiyan Zhang', 'Heng Zhou']);
      assert.equal(ssrl.venue, 'arXiv 2025');
      // The text gives only the year: the arXiv id gives the month too.
      assert.equal(ssrl.date, '2025-08');
      assert.equal(ssrl.year, 2025);
      assert.equal(ssrl.arxivId, '2508.10874');
      assert.deepEqual(ssrl.links, ['https://arxiv.org/abs/2508.10874']);
      assert.deepEqual(ssrl.sources, [{ file, line: lineWith(text, '[SSRL:') }]);
    });

    it('uses the enclosing headings as topics, without the lone document title, numbering or emoji', () => {
      assert.deepEqual(byTitle('SSRL').keywords, ['Search-Augmented Reasoning', 'RL Methods']);
      assert.deepEqual(byTitle('A Title with').keywords, ['Search-Augmented Reasoning', 'Wrapped entries']);
      assert.deepEqual(byTitle('A Table Paper').keywords, ['Tables']);
    });

    it('reads a bold-title entry with [paper] and [code] links', () => {
      const zero = byTitle('ZeroSearch');
      assert.deepEqual(zero.authors, ['Hao Sun', 'Zile Qiao', 'Jiayan Guo']);
      assert.equal(zero.arxivId, '2505.04588');
      // The stars badge is an image, not a link of the paper.
      assert.deepEqual(zero.links, ['https://arxiv.org/abs/2505.04588', 'https://github.com/Alibaba-NLP/ZeroSearch']);
      assert.equal(zero.venue, undefined);
      // Nothing but the arXiv id says when.
      assert.equal(zero.date, '2025-05');
      assert.equal(zero.year, 2025);
    });

    it('reads dates as year.month, with 2025.1 for January and 2025.10 for October', () => {
      assert.equal(byTitle('A Paper Dated by Its Prefix').date, '2025-10');
      assert.equal(byTitle('A Paper Dated by Its Prefix').venue, 'arXiv 2025');
      assert.equal(byTitle('A Paper Released in October').date, '2025-10');
      assert.equal(byTitle('A Table Paper').date, '2025-01');
      assert.equal(byTitle('Another Table Paper').date, '2024-03');
      assert.equal(byTitle('A Plain Title').date, '2023-07');
      assert.equal(byTitle('A Plain Title').year, 2023);
    });

    it('reads DOIs and bold venues', () => {
      const paper = byTitle('A Paper With a DOI');
      assert.equal(paper.doi, '10.18653/v1/2024.acl-long.1');
      assert.equal(paper.venue, 'ACL 2024');
      assert.equal(paper.year, 2024);
    });

    it('keeps inline markup out of titles and reads authors after a <br>', () => {
      const bold = byTitle('A Bold Link Title');
      assert.deepEqual(bold.authors, ['Alice Smith', 'Bob Jones']);
      assert.deepEqual(bold.links, ['https://openreview.net/forum?id=abc123']);
      const html = byTitle('An HTML');
      assert.deepEqual(html.links, ['https://example.org/html']);
      assert.equal(html.date, '2024-03');
    });

    it('joins wrapped lines and title-less sub-bullets into their entry', () => {
      const nested = byTitle('A Title with');
      assert.deepEqual(nested.authors, ['Carol Lee', 'Dan Brown']);
      assert.equal(nested.venue, 'NeurIPS 2024');
      assert.deepEqual(nested.links, ['https://example.org/nested.pdf', 'https://github.com/example/nested']);
      assert.equal(nested.sources[0]!.line, lineWith(text, '[A Title with'));
    });

    it('reads table rows by their header names', () => {
      const table = byTitle('A Table Paper');
      assert.equal(table.arxivId, '2501.01234');
      assert.equal(table.venue, 'ICLR 2025');
      assert.deepEqual(table.links, ['https://arxiv.org/abs/2501.01234v2', 'https://github.com/example/table']);
      assert.equal(table.sources[0]!.line, lineWith(text, '[A Table Paper]'));
      const other = byTitle('Another Table Paper');
      assert.deepEqual(other.authors, ['Erin Fox', 'Gus Hale']);
      assert.equal(other.venue, 'NeurIPS');
      assert.deepEqual(other.links, []);
    });

    it('reports title-less entries that link to papers, at their lines', () => {
      const bullet = lineWith(text, '- [[paper]](https://arxiv.org/abs/2501.00002)');
      const row = lineWith(text, '|  | ACL |');
      assert.deepEqual(problems, [
        { file, line: bullet, message: `Entry at line ${bullet} has a link but no readable title; skipped.`, severity: 'warning' },
        { file, line: row, message: `Table row at line ${row} has no title; skipped.`, severity: 'warning' },
      ]);
    });
  });

  describe('nasty entries', () => {
    const file = 'nasty.md';
    const text = fixture('markdown', file);
    const { papers, problems } = parseMarkdownList(text, file);
    const byTitle = (start: string) => paperTitled(papers, start);

    it('reads the good entries between the bad ones', () => {
      assert.deepEqual(
        papers.map((p) => p.title),
        ['A Good Entry Between Bad Ones', 'A Title After a Bold Label', 'A Title With Emoji and HTML', 'Title. With Inner Dot'],
      );
      assert.equal(byTitle('A Good Entry').sources[0]!.line, lineWith(text, 'A Good Entry'));
    });

    it('reports an unclosed link and an empty label, and ignores a date or a badge alone', () => {
      const unclosed = lineWith(text, '[Unclosed');
      const empty = lineWith(text, '[](');
      assert.deepEqual(
        problems.map((p) => [p.line, p.severity]),
        [
          [unclosed, 'warning'],
          [empty, 'warning'],
        ],
      );
    });

    it('takes several H1s as sections', () => {
      assert.deepEqual(byTitle('A Good Entry').keywords, ['More Notes']);
    });

    it('reads a bold venue without a known venue name, and names with accents', () => {
      assert.equal(byTitle('A Good Entry').venue, 'Some Workshop 2023');
      assert.equal(byTitle('A Good Entry').arxivId, '2501.00042');
      assert.deepEqual(byTitle('Title. With').authors, ['Zoë Ålund', 'José Núñez']);
      assert.equal(byTitle('A Title After').venue, undefined);
    });
  });

  describe('reading lists as they are in the wild', () => {
    const file = 'wild.md';
    const text = fixture('markdown', file);
    const { papers, problems } = parseMarkdownList(text, file);
    const byTitle = (start: string) => paperTitled(papers, start);

    it('reads every paper of every shape, and nothing else', () => {
      assert.deepEqual(
        papers.map((p) => p.title),
        [
          'A Two Line Paper',
          'An Unindented Byline Paper',
          'A Findings Paper',
          'A Tagged Paper',
          'A Paper Missing Its Dot',
          'A Lazy Byline Paper',
          'Math Agents: Computational Infrastructure',
          'Learning Distributed Representations of Sentences',
          'A Paper Without an arXiv Id',
          'A Plain Author List',
          'A Bold-Tagged Paper',
          'A Plain Title Before Its Buttons',
          'A Journal Paper Without an Identifier',
          'A Survey of Things',
          'Search-R1: A Title After a Site Link',
          'A Paper Before a Bold Year',
          'A Paper Known by Its arXiv DOI',
          'An Old-Style arXiv Paper',
          'A Paper With Only a Year',
          'A Row After an Anchor',
          'A Row With a Short Venue',
          'A Title Beside a Site Link',
          'A Row After a Blank Line',
          'A Row With an Institute',
          'A Row With a Leading Space',
        ],
      );
    });

    it('reports a paper-like line it cannot read at its line', () => {
      const line = lineWith(text, '- [[Paper]](https://arxiv.org/abs/2501.00009)');
      assert.deepEqual(problems, [{ file, line, message: `Entry at line ${line} has a link but no readable title; skipped.`, severity: 'warning' }]);
    });

    it("reads authors and Venue'YY from the line after the title, blank line or not", () => {
      const twoLine = byTitle('A Two Line Paper');
      assert.deepEqual(twoLine.authors, ['Alice Smith', 'Bob Jones']);
      assert.equal(twoLine.venue, 'ICLR');
      assert.equal(twoLine.year, 2024);
      assert.equal(twoLine.sources[0]!.line, lineWith(text, '[A Two Line Paper]'));
      const unindented = byTitle('An Unindented Byline Paper');
      assert.deepEqual(unindented.authors, ['Carol Lee', 'Dan Brown']);
      assert.equal(unindented.venue, undefined, 'a preprint is no venue');
      assert.equal(unindented.year, 2023);
      const findings = byTitle('A Findings Paper');
      assert.deepEqual(findings.authors, ['Erin Fox']);
      assert.equal(findings.venue, 'EMNLP Findings');
      assert.equal(findings.year, 2024);
      const tagged = byTitle('A Tagged Paper');
      assert.deepEqual(tagged.authors, []);
      assert.equal(tagged.venue, 'NAACL');
      assert.equal(tagged.year, 2024);
      const lazy = byTitle('A Lazy Byline Paper');
      assert.deepEqual(lazy.authors, ['Kim Park', 'Lee Min']);
      assert.equal(lazy.venue, 'ICML');
    });

    it('reads a numbered item that lost its dot', () => {
      assert.equal(byTitle('A Paper Missing Its Dot').arxivId, '2502.13533');
    });

    it('puts a bracketed affiliation in organization and reads "et al." as a truncated list', () => {
      const math = byTitle('Math Agents');
      assert.deepEqual(math.authors, ['Melanie Swan']);
      assert.equal(math.organization, 'UCL');
      assert.equal(math.venue, 'arXiv');
      assert.equal(math.authorCount, undefined);
      const hill = byTitle('Learning Distributed');
      assert.deepEqual(hill.authors, ['Felix Hill']);
      assert.equal(hill.organization, 'University of Cambridge');
      assert.equal(hill.venue, 'NeurIPS');
      const hale = byTitle('A Paper Without an arXiv Id');
      assert.deepEqual(hale.authors, ['Gus Hale']);
      assert.equal(hale.organization, 'MIT');
      assert.equal(hale.venue, 'ICML');
      const plain = byTitle('A Plain Author List');
      assert.deepEqual(plain.authors, ['Ivy Chen', 'Jack Wu']);
      assert.equal(plain.organization, 'Stanford University');
      assert.equal(plain.venue, 'NeurIPS 2022');
      for (const paper of papers) assert.ok(!paper.authors.some((name) => /et al/i.test(name)), paper.title);
    });

    it("takes a list's [YYYY/MM] tag as the date only when no arXiv id gives one", () => {
      assert.equal(byTitle('Math Agents').date, '2023-07');
      assert.equal(byTitle('Learning Distributed').date, '2016-02');
      assert.equal(byTitle('Learning Distributed').year, 2016);
      assert.equal(byTitle('A Paper Without an arXiv Id').date, '2023-03');
      assert.equal(byTitle('A Paper Without an arXiv Id').year, 2023);
      const boldTag = byTitle('A Bold-Tagged Paper');
      assert.equal(boldTag.date, '2022-05');
      assert.equal(boldTag.year, 2022);
      assert.equal(boldTag.organization, 'KAIST');
    });

    it('reads an arXiv DOI, an old-style id, and a year and month from the arXiv id', () => {
      const doi = byTitle('A Paper Known by Its arXiv DOI');
      assert.equal(doi.arxivId, '2301.00234');
      assert.equal(doi.doi, undefined);
      assert.equal(doi.date, '2023-01');
      assert.equal(doi.year, 2023);
      assert.equal(byTitle('Math Agents').arxivId, '2307.02502');
      const old = byTitle('An Old-Style');
      assert.equal(old.arxivId, 'hep-th/9901001');
      assert.equal(old.date, '1999-01');
      const yearOnly = byTitle('A Paper With Only a Year');
      assert.equal(yearOnly.year, 2022);
      assert.equal(yearOnly.date, '2022-05');
      assert.equal(byTitle('A Two Line Paper').date, '2024-05');
      assert.equal(byTitle('A Paper Missing Its Dot').year, 2025);
    });

    it('reads a plain-text title before [[Paper]] buttons, with its [Venue] tag', () => {
      const plain = byTitle('A Plain Title Before');
      assert.equal(plain.venue, 'arXiv');
      assert.equal(plain.arxivId, '2401.07654');
      assert.deepEqual(plain.links, ['https://arxiv.org/abs/2401.07654', 'https://github.com/example/plain']);
      const journal = byTitle('A Journal Paper');
      assert.equal(journal.venue, 'Nature Medicine');
      assert.equal(journal.year, undefined);
      const survey = byTitle('A Survey of Things');
      assert.equal(survey.date, '2023-11');
      assert.equal(survey.arxivId, '2303.18223');
    });

    it('never takes a site or button name as the title', () => {
      const search = byTitle('Search-R1');
      assert.equal(search.arxivId, '2503.09516');
      assert.equal(byTitle('A Title Beside a Site Link').arxivId, '2311.00002');
      for (const paper of papers) assert.ok(!/^(paper|pdf|code|arxiv|project|github|hugging face daily papers)$/i.test(paper.title), paper.title);
    });

    it('does not join a bold year line to the entry above it', () => {
      const paper = byTitle('A Paper Before a Bold Year');
      assert.equal(paper.year, 2024);
      assert.equal(paper.date, '2024-01');
    });

    it('keeps reading a table across anchor lines and blank lines', () => {
      const anchored = byTitle('A Row After an Anchor');
      assert.equal(anchored.venue, 'ICLR 2024');
      assert.equal(anchored.date, '2023-10');
      assert.equal(anchored.keywords.join(), 'Broken tables');
      const short = byTitle('A Row With a Short Venue');
      assert.equal(short.venue, 'ACL');
      assert.equal(short.year, 2017);
      const blank = byTitle('A Row After a Blank Line');
      assert.equal(blank.venue, 'ACL 2024');
      assert.equal(blank.sources[0]!.line, lineWith(text, '[A Row After a Blank Line]'));
    });

    it("reads a table's institute column as the first author's organization", () => {
      const row = byTitle('A Row With an Institute');
      assert.equal(row.organization, 'University of Surrey');
      assert.equal(row.date, '2024-09');
      assert.equal(byTitle('A Row With a Leading Space').organization, 'University of Washington');
    });
  });

  describe('junk around the papers', () => {
    const file = 'junk.md';
    const text = fixture('markdown', file);
    const { papers, problems } = parseMarkdownList(text, file);

    it('reads no paper from news, contents, taxonomy, contribution guides, blogs, repositories, bare links or sentences', () => {
      assert.deepEqual(
        papers.map((p) => p.title),
        ['A Real Paper Among Junk'],
      );
    });

    it('reports a paper link whose only title is a section name', () => {
      assert.deepEqual(
        problems.map((p) => [p.line, p.severity]),
        [
          [lineWith(text, '- **Survey** [[paper]]'), 'warning'],
          [lineWith(text, '- [Methods](https://arxiv.org'), 'warning'],
        ],
      );
    });
  });

  describe('pieces', () => {
    it('reads each date form', () => {
      assert.deepEqual(readDate('2025.1'), { date: '2025-01', year: 2025 });
      assert.deepEqual(readDate('released 2025.10.'), { date: '2025-10', year: 2025 });
      assert.deepEqual(readDate('2025-03'), { date: '2025-03', year: 2025 });
      assert.deepEqual(readDate('2025/03'), { date: '2025-03', year: 2025 });
      assert.deepEqual(readDate('Mar 2025'), { date: '2025-03', year: 2025 });
      assert.deepEqual(readDate('September 2024'), { date: '2024-09', year: 2024 });
      assert.deepEqual(readDate('14 Mar 2025'), { date: '2025-03-14', year: 2025 });
      assert.deepEqual(readDate('2025-03-14'), { date: '2025-03-14', year: 2025 });
      assert.deepEqual(readDate('NeurIPS 2024'), { date: '2024', year: 2024 });
      assert.deepEqual(readDate('2025.13'), { date: '2025', year: 2025 });
      assert.equal(readDate('no date, 12 pages'), undefined);
    });

    it('cleans inline markup', () => {
      assert.equal(cleanInline('**Bold** _it_ `code` ~~gone~~ <b>x</b><br>y &amp; z :fire: 🔥 ![badge](https://img.shields.io/x)'), 'Bold it code gone x y & z');
      assert.equal(cleanInline('snake_case stays'), 'snake_case stays');
      assert.equal(cleanInline('*Italic* words and an A* Search'), 'Italic words and an A* Search');
      assert.equal(tidyTitle(': A Title Ending a Sentence.'), 'A Title Ending a Sentence');
      assert.equal(tidyTitle('Made in the U.S.'), 'Made in the U.S.');
      assert.equal(tidyTitle('Wait for it...'), 'Wait for it...');
    });

    it('matches nested brackets and parentheses in links', () => {
      const text = '[a [b] c](https://e.org/x_(y)) [![img](https://i.org/i.png)](https://g.org)';
      assert.deepEqual(
        scanLinks(text).map((l) => [text.slice(l.textStart, l.textEnd), l.url, l.image]),
        [
          ['a [b] c', 'https://e.org/x_(y)', false],
          ['![img](https://i.org/i.png)', 'https://g.org', false],
          ['img', 'https://i.org/i.png', true],
        ],
      );
    });
  });

  describe('pathological input', function () {
    // These must return; how fast depends on the machine, so no time is asserted.
    this.timeout(120_000);

    it('returns on a 5 MB single line', () => {
      const { papers } = parseMarkdownList(`- [A Title](https://arxiv.org/abs/2501.00001) ${'(word [x] **y** _z_ '.repeat(250_000)}`, 'one-line.md');
      assert.equal(papers.length, 1);
      assert.equal(papers[0]!.title, 'A Title');
      assert.deepEqual(parseMarkdownList('*'.repeat(5_000_000), 'stars.md'), { papers: [], problems: [] });
    });

    it('returns on 200,000 nested brackets', () => {
      const deep = parseMarkdownList(`- ${'['.repeat(200_000)}A Deep Title${']'.repeat(200_000)}(https://arxiv.org/abs/2501.00002)`, 'deep.md');
      assert.deepEqual(deep.papers.map((p) => p.links), [['https://arxiv.org/abs/2501.00002']]);
      const open = parseMarkdownList(`- ${'['.repeat(200_000)}`, 'open.md');
      assert.deepEqual(open, { papers: [], problems: [] });
    });

    it('returns nothing for a file of only separators', () => {
      const text = '---\n|---|---|\n***\n- \n| |\n'.repeat(100_000);
      assert.deepEqual(parseMarkdownList(text, 'rules.md'), { papers: [], problems: [] });
    });

    it('never throws, and every paper it returns is valid, whatever the lines', () => {
      const pieces = ['# H', '## 🔥', '- [T](https://arxiv.org/abs/2501.00001)', '- **B**.', '  - [code](https://g.org)', '| Title | Date |', '|---|---|', '| [x](https://e.org) | 2025.1 |', '| | |', '```', '- [](https://doi.org/10.1/x)', '  cont, NeurIPS 2024', '- [[paper]](', ')', '<a href="https://e.org">A</a>', ''];
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (lines) => {
          const result = parseMarkdownList(lines.join('\n'), 'fuzz.md');
          for (const paper of result.papers) assert.ok(PaperDraftSchema.safeParse(paper).success);
          for (const p of result.problems) assert.ok(p.line >= 1 && p.line <= lines.length);
        }),
        { numRuns: 300 },
      );
    });
  });
});
