import assert from 'node:assert/strict';
import { parseHfDailyText } from '../../../src/core/sources/hfDailyText';
import { EXAMPLE_FILE, EXAMPLE_SAVED_AT, fixture } from '../helpers';

describe('Hugging Face Daily Papers text', () => {
  const expected = JSON.parse(fixture('hf-daily-papers-rl-search.expected.json')) as Record<string, unknown>[];
  const { papers, problems } = parseHfDailyText(fixture(EXAMPLE_FILE), EXAMPLE_FILE, { modifiedAt: EXAMPLE_SAVED_AT });

  it('reads all 60 papers of the example page and no chrome', () => {
    assert.equal(papers.length, 60);
    assert.deepEqual(problems, []);
    assert.ok(!papers.some((p) => /Subscribe|Daily Papers|email inbox/.test(p.title)));
  });

  it('gets every field of every paper right', () => {
    assert.equal(expected.length, 60);
    const fields = ['title', 'abstract', 'authors', 'authorCount', 'organization', 'date', 'year', 'upvotes', 'links', 'arxivId', 'doi', 'venue', 'keywords', 'sources'];
    expected.forEach((want, i) => {
      for (const field of fields) assert.deepEqual(papers[i]![field as keyof (typeof papers)[number]], want[field], `paper ${i + 1} (${String(want.title)}): ${field}`);
    });
  });

  it('reads metadata blocks of each shape', () => {
    const byTitle = (start: string) => papers.find((p) => p.title.startsWith(start))!;
    const ssrl = byTitle('SSRL');
    assert.equal(ssrl.authorCount, 18);
    assert.equal(ssrl.date, '2025-08-14');
    assert.equal(ssrl.upvotes, 4);
    assert.equal(ssrl.sources[0]!.line, 13);
    const deepSearch = byTitle('DeepSearch');
    assert.equal(deepSearch.organization, 'Stanford NLP');
    assert.equal(deepSearch.authorCount, undefined);
    assert.equal(byTitle('Chaining the Evidence').organization, 'Z.ai');
    // Four papers have no metadata block at all.
    assert.equal(papers.filter((p) => !p.date && !p.authorCount && !p.organization).length, 4);
  });

  it('puts a year-less date in the latest year not after the save', () => {
    const mars = papers.find((p) => p.title.startsWith('MARS'))!;
    assert.equal(mars.date, '2026-04-15');
    const earlyJanuary = parseHfDailyText(fixture(EXAMPLE_FILE), EXAMPLE_FILE, { modifiedAt: new Date('2027-01-05T00:00:00Z') }).papers;
    assert.equal(earlyJanuary.find((p) => p.title.startsWith('MARS'))!.date, '2026-04-15');
    const beforeApril = parseHfDailyText(fixture(EXAMPLE_FILE), EXAMPLE_FILE, { modifiedAt: new Date('2026-04-14T00:00:00Z') }).papers;
    assert.equal(beforeApril.find((p) => p.title.startsWith('MARS'))!.date, '2025-04-15');
  });

  it('takes links from the abstract without trailing punctuation or LaTeX leftovers', () => {
    const links = papers.flatMap((p) => p.links);
    assert.ok(links.includes('https://github.com/TsinghuaC3I/MARTI'));
    assert.ok(links.includes('https://multi-answer-rl.github.io/'));
    assert.ok(links.includes('https://github.com/THU-KEG/LongTraceRL'));
    assert.ok(links.every((link) => !/[.,;{}]$/.test(link) && !link.includes('{')), links.join('\n'));
  });

  it('reports a page with no papers instead of guessing', () => {
    const { papers: none, problems: why } = parseHfDailyText('Daily Papers\n\nSubscribe\n', 'empty.txt');
    assert.equal(none.length, 0);
    assert.equal(why.length, 1);
    assert.match(why[0]!.message, /No papers found/);
  });

  it('keeps going after a damaged metadata block', () => {
    const text = [
      'First Paper: A Title', '', 'A'.repeat(50) + ' abstract text that is long enough to be an abstract paragraph for this test case.', '', '·', '',
      'Second Paper: Another Title', '', 'B'.repeat(50) + ' another abstract text that is long enough to be an abstract paragraph here.', '', '  • 3 authors', '·', 'Mar 5, 2024 7',
    ].join('\n');
    const result = parseHfDailyText(text, 'damaged.txt');
    assert.deepEqual(result.papers.map((p) => p.title), ['First Paper: A Title', 'Second Paper: Another Title']);
    assert.equal(result.papers[1]!.upvotes, 7);
    assert.equal(result.papers[1]!.date, '2024-03-05');
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0]!.line, 5);
  });
});
