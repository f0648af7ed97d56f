import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/paper/paper';
import { compactForm, foldText, SearchIndex, searchWords, stripLatex } from '../../../src/core/search';
import { boundedDistance } from '../../../src/core/search/editDistance';
import { camelPieces, indexTerms, isStopWord, keyShapedParts, scanBodyTerms, titleAcronyms } from '../../../src/core/search/normalize';
import { TermDictionary } from '../../../src/core/search/termDictionary';
import { Library } from '../../../src/core/indexing/library';
import { SliceRunner } from '../../../src/core/util/steps';
import { exampleListing } from '../helpers';
import { makePaper } from '../paperFactory';

function paper(key: string, fields: Partial<Omit<Paper, 'key'>> = {}): Paper {
  return makePaper({ title: `Untitled ${key}`, sources: [{ file: 'list.bib', line: 1 }], ...fields, key });
}

const LIBRARY = [
  paper('zerosearch2025', { title: 'ZeroSearch: Incentivize the Search Capability of LLMs without Searching', abstract: 'We train search agents without a real search engine, using simulated documents.', arxivId: '2505.04588' }),
  paper('chainoffocus2025', { title: 'Chain-of-Focus: Adaptive Visual Search and Zooming for Multimodal Reasoning via RL', abstract: 'Vision language models zoom into image regions.' }),
  paper('mars2026', { title: 'MARS$^2$: Scaling Multi-Agent Tree Search via Reinforcement Learning for Code Generation', abstract: 'Multiple agents collaborate in a shared search tree.' }),
  paper('muller2024', { title: 'Kangaroo Kinematics in Hopping Robots', authors: ['Jürgen Müller', 'Łukasz Dvořák'], organization: 'ETH Zürich', abstract: 'Legged robots that hop.' }),
  paper('marsupial2023', { title: 'Locomotion of Legged Machines', authors: ['Ana García'], abstract: 'A study of how the kangaroo stores energy in its tendons while hopping.' }),
  paper('deepsearch2025', { title: 'DeepSearch: Overcome the Bottleneck of RLVR via Monte Carlo Tree Search', organization: 'Stanford NLP', abstract: 'Tree search during training.', doi: '10.1234/deep.2025' }),
  paper('cjk2024', { title: '深度搜索: 强化学习', abstract: 'A paper whose title is in Chinese.' }),
  paper('saas', { title: 'SAAS: Self-Aware Reinforcement Learning for Over-Search Mitigation in Agentic Search', abstract: 'Agents search too much; we reduce over-search.' }),
];

describe('search text normalisation', () => {
  it('strips LaTeX math, accents commands and styling', () => {
    assert.equal(stripLatex('MARS$^2$'), 'MARS2');
    assert.equal(stripLatex('G{\\"o}del'), 'Godel');
    assert.equal(stripLatex('{\\l}ukasz Kie{\\ss}ling'), 'lukasz Kiessling');
    assert.equal(stripLatex('\\textbf{Deep}Search'), 'DeepSearch');
    assert.equal(stripLatex('$\\alpha$-Search').trim(), 'alpha -Search');
    assert.equal(stripLatex('plain text'), 'plain text');
  });

  it('folds accents and spells letters without a decomposition, keeping other scripts', () => {
    assert.equal(foldText('Jürgen Müller, Søren, Łukasz, Straße'), 'Jurgen Muller, Soren, Lukasz, Strasse');
    assert.equal(foldText('深度搜索'), '深度搜索');
  });

  it('splits words on punctuation and hyphens, lower-cased', () => {
    assert.deepEqual(searchWords('Chain-of-Focus: Adaptive (Visual) Search!'), ['chain', 'of', 'focus', 'adaptive', 'visual', 'search']);
    assert.deepEqual(searchWords('  !!! ... '), []);
    assert.equal(compactForm('COS(M+O)S'), 'cosmos');
    assert.equal(compactForm('MARS$^2$'), 'mars2');
  });

  it('indexes hyphenated chunks whole and camel-case words in parts', () => {
    const terms = indexTerms('ZeroSearch reduces Over-Search; AISearchPlanner');
    for (const term of ['zerosearch', 'zero', 'search', 'over', 'oversearch', 'aisearchplanner', 'ai', 'planner']) assert.ok(terms.includes(term), term);
    assert.deepEqual(camelPieces('LLMs'), []);
    assert.deepEqual(camelPieces('ZeroSearch'), ['zero', 'search']);
  });

  it('leaves stop words and camel-case parts out of running text', () => {
    assert.deepEqual(indexTerms('the role of ZeroSearch', [], { body: true }), ['role', 'zerosearch']);
    assert.deepEqual(indexTerms('the role of ZeroSearch'), ['the', 'role', 'of', 'zerosearch', 'zero', 'search']);
  });

  it('reads running text in place into the same terms as indexTerms gives it', () => {
    const scanned = (text: string): string[] => {
      const terms: string[] = [];
      scanBodyTerms(text, {
        asciiWord: (whole, start, end, skippable) => {
          const word = whole.slice(start, end).toLowerCase();
          if (!skippable || !isStopWord(word)) terms.push(word);
        },
        term: (term) => terms.push(term),
      });
      return terms;
    };
    const texts = [
      ...Library.fromListings([exampleListing()]).papers.map((p) => p.abstract ?? ''),
      'The State-of-the-Art; “quoted” (Over-Search) vs. GPT-4o, 3.5% of $\\mathcal{O}(n)$ in Zürich—München’s 深度搜索 ok',
      'Ends a sentence. Of. state-of-the-art, multi-turn/single-turn 7B-parameter e.g. U.S. -- x- -y 3.5% it\'s',
      'tab\tand\u00a0no-break\u2003em space, İstanbul, ﬁne ligature, emoji 🔍search, a.b.c, trailing-',
      '',
    ];
    for (const text of texts) assert.deepEqual(scanned(text), indexTerms(text, [], { body: true }), text.slice(0, 60));
  });

  it('finds a word by its text, whole or in place in a longer text, with one id each', () => {
    const dictionary = new TermDictionary();
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const ids = words.map((word) => dictionary.add(word));
    assert.deepEqual(ids, words.map((_, i) => i), 'new words get the next id');
    assert.equal(dictionary.add('w0'), 0);
    const text = 'Some W1A text with W2 in it';
    assert.equal(dictionary.addAsciiWord(text, 5, 8), words.indexOf('w1a'));
    assert.equal(dictionary.addAsciiWord(text, 19, 21), words.indexOf('w2'));
    const added = dictionary.addAsciiWord(text, 0, 4);
    assert.equal(added, words.length);
    assert.equal(dictionary.text(added), 'some');
    assert.equal(dictionary.size, words.length + 1);

    const table = dictionary.freeze();
    assert.equal(table.size, words.length + 1);
    assert.equal(table.find('w3x'), words.indexOf('w3x'));
    assert.equal(table.find('some'), added);
    assert.equal(table.find('nowhere'), undefined);
    assert.equal(table.find('w'), undefined, 'the start of a term is not the term');
    assert.equal(table.text(words.indexOf('w1a')), 'w1a');
  });

  it('makes acronyms of the words after a short name', () => {
    assert.ok(titleAcronyms('SSRL: Self-Search Reinforcement Learning').includes('ssrl'));
    assert.deepEqual(titleAcronyms('Attention'), []);
  });

  it('measures typos as edits, giving up beyond the allowed number', () => {
    assert.equal(boundedDistance('stratifed', 'stratified', 2), 1);
    assert.equal(boundedDistance('grpo', 'gpro', 1), 1, 'a swap of neighbours is one typo');
    assert.equal(boundedDistance('search', 'zebra', 1), 2, 'more than allowed reads as max + 1');
    assert.equal(boundedDistance('stratifi', 'stratified', 1, 8), 0, 'compares with the first characters only');
    assert.equal(boundedDistance('stratife', 'stratified', 1, 8), 1);
  });
});

describe('SearchIndex', () => {
  const index = new SearchIndex(LIBRARY);

  const firstKey = (query: string): string | undefined => index.search(query)[0]?.paper.key;

  it('knows its size', () => {
    assert.equal(index.size, LIBRARY.length);
    assert.equal(new SearchIndex([]).size, 0);
    assert.deepEqual(new SearchIndex([]).search('anything'), []);
  });

  it('builds in steps, pausing between them, to an index that answers as one built at once', () => {
    const papers = Library.fromListings([exampleListing()]).papers;
    // Several copies under other keys, so that the build pauses inside its reading of papers too.
    const many = Array.from({ length: 12 }, (_, copy) => papers.map((paper) => ({ ...paper, key: `${paper.key}${copy}` }))).flat();
    const runner = new SliceRunner(SearchIndex.buildInSteps(many));
    let slices = 1;
    while (!runner.runFor(0)) slices++;
    assert.ok(slices >= 6, `${slices} slices`);
    const stepped = runner.finish();
    const atOnce = new SearchIndex(many);
    for (const query of ['zerosearch', 'stratifed grpo', 'video temporal search', 'stanford', 'a']) {
      assert.deepEqual(stepped.search(query).map((hit) => [hit.paper.key, hit.score]), atOnce.search(query).map((hit) => [hit.paper.key, hit.score]), query);
    }
  });

  it('finishes a build in steps at once when asked, wherever it stopped', () => {
    const runner = new SliceRunner(SearchIndex.buildInSteps(LIBRARY));
    assert.equal(runner.runFor(0), false);
    assert.equal(runner.finish().size, LIBRARY.length);
    assert.equal(runner.runFor(0), true, 'a finished build stays finished');
  });

  it('returns nothing for an empty query, blanks or punctuation only', () => {
    assert.deepEqual(index.search(''), []);
    assert.deepEqual(index.search('   '), []);
    assert.deepEqual(index.search('!!! ... ???'), []);
  });

  it('answers a one-character query with papers whose names or titles start with it', () => {
    const hits = index.search('z');
    assert.ok(hits.length > 0);
    assert.equal(hits[0]!.paper.key, 'zerosearch2025');
  });

  it('survives a very long query', () => {
    const long = 'reinforcement learning search '.repeat(500);
    const hits = index.search(long);
    assert.ok(Array.isArray(hits));
    const partial = index.search(`zerosearch ${'x'.repeat(5000)}`);
    assert.equal(partial[0]?.paper.key, 'zerosearch2025', 'an unknown 5000-letter word matches nothing, the other word still finds its paper');
    assert.ok(partial.every((hit) => hit.score >= 0.5), 'as a partial match');
  });

  it('matches across scripts and symbols without throwing', () => {
    assert.equal(firstKey('深度搜索'), 'cjk2024');
    assert.deepEqual(index.search('🦘🦘'), []);
    assert.ok(Array.isArray(index.search('\u0000\uffff\ud800')));
  });

  it('puts the paper whose short name is the query first, in any spelling', () => {
    for (const query of ['zerosearch', 'ZeroSearch', 'zero search', 'zero-search', 'zéro search', 'zeroserch']) assert.equal(firstKey(query), 'zerosearch2025', query);
    assert.equal(firstKey('chain of focus'), 'chainoffocus2025');
    assert.equal(firstKey('mars2'), 'mars2026');
    assert.equal(firstKey('saas'), 'saas');
  });

  it('ignores accents and case in authors and organisations', () => {
    for (const query of ['muller', 'Müller', 'MULLER', 'jurgen muller', 'lukasz', 'dvorak', 'zurich']) assert.equal(firstKey(query), 'muller2024', query);
    assert.equal(firstKey('stanford'), 'deepsearch2025');
  });

  it('ranks papers with every word, each in any field, above papers with some of them', () => {
    assert.equal(firstKey('deepsearch stanford'), 'deepsearch2025');
    assert.equal(firstKey('kangaroo zurich'), 'muller2024');
    const some = index.search('deepsearch zurich');
    assert.deepEqual(some.map((hit) => hit.paper.key).slice(0, 2).sort(), ['deepsearch2025', 'muller2024'], 'no paper has both: each that has one is offered');
    assert.ok(some.every((hit) => hit.score >= 0.5), 'below any paper that would have both');
    assert.deepEqual(index.search('deepsearch zurich', { partial: false }), [], 'a filter keeps only papers with every word');
    const full = index.search('deepsearch stanford');
    assert.ok(full[0]!.score < 0.5 && full.slice(1).every((hit) => hit.score >= 0.5 || hit.paper.key === 'deepsearch2025'));
  });

  it('reads a key another tool made as its author and title word', () => {
    const papers = [
      paper('vaswani2017', { title: 'Attention Is All You Need', authors: ['Ashish Vaswani', 'Noam Shazeer'] }),
      paper('bahdanau2015', { title: 'Neural Machine Translation by Jointly Learning to Align and Translate', abstract: 'An attention mechanism, as Vaswani would later build on.' }),
      paper('he2016', { title: 'Deep Residual Learning for Image Recognition', authors: ['Kaiming He', 'Xiangyu Zhang'] }),
      paper('lecun2015', { title: 'Deep Learning', authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'] }),
    ];
    const keyed = new SearchIndex(papers);
    assert.equal(keyed.search('vaswani2017attention')[0]?.paper.key, 'vaswani2017');
    assert.equal(keyed.search('he2016deep')[0]?.paper.key, 'he2016');
    assert.deepEqual(keyShapedParts('mars2'), ['mars2'], 'a short name with a digit is left whole');
  });

  it('answers a paraphrase whose words are not all in any paper, rare words counting most', () => {
    assert.equal(firstKey('kangaroo habits in the alps'), 'muller2024');
  });

  it('ranks a title match above an abstract-only match', () => {
    const keys = index.search('kangaroo').map((hit) => hit.paper.key);
    assert.deepEqual(keys.slice(0, 2), ['muller2024', 'marsupial2023']);
  });

  it('finds hyphenated words typed with or without the hyphen', () => {
    for (const query of ['over-search', 'oversearch', 'over search']) assert.equal(firstKey(query), 'saas', query);
  });

  it('finds a paper by citation key and by arXiv id or link, exactly', () => {
    assert.equal(firstKey('marsupial2023'), 'marsupial2023');
    assert.equal(firstKey('2505.04588'), 'zerosearch2025');
    assert.equal(firstKey('https://arxiv.org/abs/2505.04588v2'), 'zerosearch2025');
    assert.equal(index.search('2505.04588')[0]!.score, 0);
    assert.equal(firstKey('https://doi.org/10.1234/DEEP.2025'), 'deepsearch2025');
  });

  it('returns scores between 0 and 1 in ascending order, within the limit', () => {
    const hits = index.search('search', { limit: 3 });
    assert.ok(hits.length <= 3 && hits.length > 0);
    for (const hit of hits) assert.ok(hit.score >= 0 && hit.score <= 1);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score <= hits[i]!.score);
    assert.deepEqual(index.search('search', { limit: 0 }), []);
  });

  it('can return every match, re-scoring only the best ones', () => {
    const many = Array.from({ length: 400 }, (_, i) => paper(`p${String(i).padStart(3, '0')}`, { title: `Search Study Number ${i}`, abstract: i % 2 ? 'About search.' : 'About other things.' }));
    const hits = new SearchIndex(many).search('search', { limit: many.length });
    assert.equal(hits.length, many.length);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score <= hits[i]!.score);
  });

  it('narrows a few candidates by a one-letter last word as it would many', () => {
    const many = Array.from({ length: 300 }, (_, i) => paper(`p${String(i).padStart(3, '0')}`, {
      title: `${i % 100 === 7 ? 'Alpha ' : ''}Paper ${i} on Topic ${i % 10}${i === 207 ? ' and Zebras' : ''}`,
    }));
    const index = new SearchIndex(many);
    const full = (query: string) => index.search(query).filter((hit) => hit.score < 0.5).map((hit) => hit.paper.key);
    assert.deepEqual(full('alpha t').sort(), ['p007', 'p107', 'p207']);
    assert.deepEqual(full('alpha z'), ['p207']);
    assert.deepEqual(full('alpha q'), []);
    assert.deepEqual(index.search('alpha q').map((hit) => hit.paper.key).sort(), ['p007', 'p107', 'p207'], 'no paper has a word starting with q: the alpha papers are offered');
    assert.equal(index.search('t').length, 50, 'alone, the letter finds every paper (up to the limit)');
  });

  it('is deterministic, breaking ties by key whatever the input order', () => {
    const twins = ['b', 'a', 'c'].map((key) => paper(key, { title: 'Identical Twins' }));
    const forward = new SearchIndex(twins).search('identical twins').map((hit) => hit.paper.key);
    const backward = new SearchIndex([...twins].reverse()).search('identical twins').map((hit) => hit.paper.key);
    assert.deepEqual(forward, ['a', 'b', 'c']);
    assert.deepEqual(backward, forward);
    assert.deepEqual(index.search('search agents'), index.search('search agents'));
  });

  it('keeps the meant paper on top while its name is typed', () => {
    const name = 'stratified grpo';
    const library = new SearchIndex([
      ...LIBRARY,
      paper('stratifiedgrpo2025', { title: 'Stratified GRPO: Handling Structural Heterogeneity in Reinforcement Learning of LLM Search Agents' }),
      paper('strata2020', { title: 'Strata of Rocks', abstract: 'Geology.' }),
    ]);
    for (let end = 6; end <= name.length; end++) {
      assert.equal(library.search(name.slice(0, end))[0]?.paper.key, 'stratifiedgrpo2025', name.slice(0, end));
    }
    assert.equal(library.search('stratifed grpo')[0]?.paper.key, 'stratifiedgrpo2025', 'with a typo');
  });
});
