import assert from 'node:assert/strict';
import { parseHfJson } from '../../../src/core/sources/hfJson';
import { jsonErrorLine, recordLines } from '../../../src/core/sources/jsonLines';
import { fixture } from '../helpers';

/** 1-based lines of `text` containing `needle`, in order. */
function linesWith(text: string, needle: string): number[] {
  return text.split('\n').flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
}

describe('Hugging Face papers JSON', () => {
  describe('the daily-papers array', () => {
    const file = 'daily-papers.json';
    const text = fixture('hf-json', file);
    const { papers, problems } = parseHfJson(text, file);
    const titleLines = linesWith(text, '"title"');

    it('reads every item', () => {
      assert.deepEqual(problems, []);
      assert.deepEqual(
        papers.map((p) => p.arxivId),
        ['2508.10874', '2505.04588', '2509.99001'],
      );
    });

    it('reads a paper field by field', () => {
      const ssrl = papers[0]!;
      // The title wraps inside the JSON string: spacing is squashed.
      assert.equal(ssrl.title, 'SSRL: Self-Search Reinforcement Learning');
      // The paper's own summary wins over the item's shorter copy.
      assert.equal(
        ssrl.abstract,
        'We investigate the potential of large language models (LLMs) to serve as efficient simulators for agentic search tasks in reinforcement learning (RL).',
      );
      assert.deepEqual(ssrl.authors, ['Yuchen Fan', 'Kaiyan Zhang', 'Heng Zhou']);
      assert.equal(ssrl.authorCount, 4);
      assert.equal(ssrl.date, '2025-08-14');
      assert.equal(ssrl.year, 2025);
      assert.equal(ssrl.upvotes, 4);
      assert.equal(ssrl.organization, undefined);
      assert.deepEqual(ssrl.links, ['https://huggingface.co/papers/2508.10874', 'https://arxiv.org/abs/2508.10874']);
      // Duplicates and blanks go, and no more than ten are kept.
      assert.deepEqual(ssrl.keywords, [
        'Self-Search',
        'reinforcement learning',
        'search simulation',
        'pass@k',
        'BrowseComp',
        'sim-to-real',
        'format-based rewards',
        'rule-based rewards',
        'question answering',
        'inference budget',
      ]);
      assert.deepEqual(ssrl.sources, [{ file, line: titleLines[0] }]);
    });

    it('links the GitHub repository and project page, and only web addresses', () => {
      const zero = papers[1]!;
      assert.deepEqual(zero.links, ['https://huggingface.co/papers/2505.04588', 'https://arxiv.org/abs/2505.04588', 'https://github.com/Alibaba-NLP/ZeroSearch']);
      assert.equal(zero.date, '2025-05-07');
      assert.equal(zero.upvotes, 8);
      assert.equal(zero.sources[0]!.line, titleLines[2]);

      const organised = papers[2]!;
      assert.equal(organised.organization, 'Example Lab');
      assert.deepEqual(organised.authors, []);
      assert.equal(organised.authorCount, undefined);
      assert.ok(organised.links.includes('https://example.org/project'));
      assert.equal(organised.sources[0]!.line, titleLines[4]);
    });
  });

  it('reads a single paper object, with the organization short name as fallback', () => {
    const file = 'paper.json';
    const text = fixture('hf-json', file);
    const { papers, problems } = parseHfJson(text, file);
    assert.deepEqual(problems, []);
    assert.equal(papers.length, 1);
    const paper = papers[0]!;
    assert.equal(paper.title, 'ZeroSearch: Incentivize the Search Capability of LLMs without Searching');
    assert.equal(paper.organization, 'Alibaba-NLP');
    assert.equal(paper.authorCount, 2);
    assert.deepEqual(paper.sources, [{ file, line: linesWith(text, '"title"')[0] }]);
  });

  it('reads search results, wrapped or not', () => {
    const file = 'search-results.json';
    const text = fixture('hf-json', file);
    const { papers, problems } = parseHfJson(text, file);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      papers.map((p) => [p.arxivId, p.title, p.sources[0]!.line]),
      [
        ['2508.10874', 'SSRL: Self-Search Reinforcement Learning', 2],
        ['2505.04588', 'ZeroSearch: Incentivize the Search Capability of LLMs without Searching', 3],
      ],
    );
    assert.equal(papers[1]!.upvotes, 8);
  });

  describe('records with problems', () => {
    const file = 'papers-with-problems.json';
    const text = fixture('hf-json', file);
    const { papers, problems } = parseHfJson(text, file);
    const opening = linesWith(text, '    {');

    it('keeps the good records around the bad ones', () => {
      assert.deepEqual(
        papers.map((p) => p.title),
        ['A Good Paper Before the Bad Ones', 'A Paper With an Id That Is Not From arXiv', 'A Good Paper After the Bad Ones'],
      );
      // A "title": inside a string value is not taken for the key.
      assert.equal(papers[2]!.sources[0]!.line, linesWith(text, '"title": "A Good Paper After')[0]);
    });

    it('names the record and its line for each one skipped', () => {
      assert.equal(problems.length, 2);
      assert.equal(problems[0]!.line, opening[1]);
      assert.match(problems[0]!.message, new RegExp(`^Entry papers\\[1\\] at line ${opening[1]} is not a paper record \\(title: .+\\); skipped\\.$`));
      assert.equal(problems[0]!.severity, 'error');
      assert.deepEqual(problems[1], { file, line: opening[2], message: `Entry papers[2] at line ${opening[2]} has no title; skipped.`, severity: 'error' });
    });

    it('keeps what it can of an odd record', () => {
      const odd = papers[1]!;
      assert.equal(odd.arxivId, undefined);
      assert.deepEqual(odd.links, ['https://huggingface.co/papers/not-an-arxiv-id']);
      assert.equal(odd.upvotes, undefined);
      // Month 13 is no month: only the year is kept.
      assert.equal(odd.date, '2025');
      assert.equal(odd.year, 2025);
    });
  });

  it('reports invalid JSON once, at the line of the error', () => {
    const file = 'invalid.json';
    const text = fixture('hf-json', file);
    const { papers, problems } = parseHfJson(text, file);
    assert.deepEqual(papers, []);
    assert.equal(problems.length, 1);
    // The trailing comma is only an error once the closing brace on the next line comes.
    assert.equal(problems[0]!.line, linesWith(text, '"title"')[0]! + 1);
    assert.match(problems[0]!.message, /^Not valid JSON \(.+\); no papers read from this file\.$/);
  });

  it('warns about JSON that is not a papers listing', () => {
    const expected = { file: 'x.json', line: 1, message: 'This JSON is not a Hugging Face papers listing; nothing read from it.', severity: 'warning' };
    assert.deepEqual(parseHfJson(fixture('hf-json', 'not-papers.json'), 'x.json'), { papers: [], problems: [expected] });
    assert.deepEqual(parseHfJson('[1, "two", null]', 'x.json'), { papers: [], problems: [expected] });
    assert.deepEqual(parseHfJson('"just text"', 'x.json'), { papers: [], problems: [expected] });
    assert.deepEqual(parseHfJson('{"title": "A title alone is not a paper"}', 'x.json'), { papers: [], problems: [expected] });
  });

  it('reads an empty listing as no papers and no problems', () => {
    assert.deepEqual(parseHfJson('[]', 'empty.json'), { papers: [], problems: [] });
    assert.deepEqual(parseHfJson('{"papers": []}', 'empty.json'), { papers: [], problems: [] });
  });

  it('reads a whole listing on one line', () => {
    const text = JSON.stringify({ papers: [{ id: '2501.00001', title: 'One' }, 7, { id: '2501.00002', title: 'Two' }] });
    const { papers, problems } = parseHfJson(text, 'one-line.json');
    assert.deepEqual(
      papers.map((p) => [p.title, p.sources[0]!.line]),
      [
        ['One', 1],
        ['Two', 1],
      ],
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^Entry papers\[1\] at line 1 is not a paper record/);
  });

  describe('pathological input', function () {
    // These must return; how fast depends on the machine, so no time is asserted.
    this.timeout(120_000);

    it('returns on a 5 MB single line', () => {
      const text = JSON.stringify([{ id: '2501.00001', title: 'x '.repeat(2_500_000), summary: '"title": '.repeat(1000) }]);
      const { papers, problems } = parseHfJson(text, 'big.json');
      assert.deepEqual(problems, []);
      assert.equal(papers[0]!.title.length, 'x '.repeat(2_500_000).trim().length);
    });

    it('returns on 200,000 nested brackets, closed or not', () => {
      const closed = parseHfJson('['.repeat(200_000) + ']'.repeat(200_000), 'deep.json');
      assert.equal(closed.papers.length, 0);
      assert.equal(closed.problems[0]!.severity, 'warning');
      const open = parseHfJson(`[{"title": "T", "id": "2501.00001", "x": ${'['.repeat(200_000)}`, 'open.json');
      assert.equal(open.papers.length, 0);
      assert.equal(open.problems.length, 1);
      assert.equal(open.problems[0]!.severity, 'error');
    });

    it('returns on a file of only separators', () => {
      const { papers, problems } = parseHfJson(',\n'.repeat(500_000), 'commas.json');
      assert.deepEqual(papers, []);
      assert.equal(problems.length, 1);
    });
  });

  describe('where things are in the JSON text', () => {
    it('finds the line of each record and of its title key', () => {
      const text = '{\n "papers": [\n  {"summary": "s",\n   "title": "A"},\n  3,\n  {"paper": {\n    "title": "B"}}\n ]\n}';
      assert.deepEqual(recordLines(text, { kind: 'keyed-array', key: 'papers' }), { titles: [4, undefined, 7], starts: [3, 5, 6] });
    });

    it('reads the line of a parse error from each kind of message', () => {
      const text = '[\n  {"a": 1},\n  {"b": x}\n]\n';
      assert.equal(jsonErrorLine(text, new SyntaxError('Unexpected token in JSON at position 24')), 3);
      assert.equal(jsonErrorLine(text, new SyntaxError('Unexpected token (line 2 column 5)')), 2);
      assert.equal(jsonErrorLine(text, new SyntaxError('Unexpected end of JSON input')), 4);
      assert.equal(jsonErrorLine(text, new SyntaxError(`Unexpected token 'x', ..."${text.slice(12, 33)}"... is not valid JSON`)), 3);
      assert.equal(jsonErrorLine(text, new SyntaxError('something else')), 1);
    });
  });
});
