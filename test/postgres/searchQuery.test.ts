// How a typed query becomes the server's look-ups, and how its candidates are put in order:
// the pure parts of the shared library's search, no server needed.
import assert from 'node:assert/strict';
import { expectedMatches, joinCandidates, lookupQueries, namesAuthors, planQuery, tsQueryText, typoForms, wordGroups, wordWeights, type KnownForms } from '../../src/node/postgres/searchQuery';
import { finalScore, rank, type Measured } from '../../src/node/postgres/rerank';
import { quoteLexeme, tsvectorText, TsVectorBuilder } from '../../src/node/postgres/tsvector';
import { indexTerms } from '../../src/core/search/normalize';

const exact: KnownForms = { exact: true, near: [] };

function measured(overrides: Partial<Measured>): Measured {
  return { key: 'k', shortName: '', title: '', nonPaper: false, identified: false, headRank: 0, rank: 0, coverage: 0, titleSimilarity: 0, nameSimilarity: 0, byAuthors: false, ...overrides };
}

describe('shared library search: the query', () => {
  it('folds words, splits key-shaped ones, and leaves small words out of what a paper must have', () => {
    const plan = planQuery('The Zéro-Search of vaswani2017attention')!;
    assert.deepEqual(plan.words, ['the', 'zero', 'search', 'of', 'vaswani', 'attention']);
    assert.deepEqual(plan.required.map((w) => w.word), ['zero', 'search', 'vaswani', 'attention']);
    assert.equal(plan.compact, 'thezerosearchofvaswaniattention');
    assert.ok(plan.ids.includes('the zéro-search of vaswani2017attention'));
  });

  it('reads the last word as unfinished, and any word of three letters or more as a possible start', () => {
    const plan = planQuery('geom awar ma')!;
    assert.deepEqual(plan.required, [
      { word: 'geom', prefix: true },
      { word: 'awar', prefix: true },
    ], 'an unfinished letter or two after other words is left to the ranking');
    assert.deepEqual(planQuery('ma')!.required, [{ word: 'ma', prefix: true }]);
    assert.equal(planQuery('   '), undefined);
  });

  it('keeps small words when there is nothing else', () => {
    assert.deepEqual(planQuery('of the')!.required.map((w) => w.word), ['of', 'the']);
  });

  it('tells a query that may be a citation key', () => {
    assert.equal(planQuery('SSRL2052')!.keyLike, 'ssrl2052');
    assert.equal(planQuery('knuth:ct:c')!.keyLike, 'knuth:ct:c');
    assert.equal(planQuery('zero search')!.keyLike, '');
    assert.equal(planQuery('search')!.keyLike, '');
  });

  it('knows an arXiv id or DOI as an identifier the query may be', () => {
    assert.ok(planQuery('https://arxiv.org/abs/2405.15682v2')!.ids.includes('2405.15682'));
    assert.ok(planQuery('doi:10.1000/XYZ')!.ids.includes('10.1000/xyz'));
  });
});

describe('shared library search: spellings', () => {
  it('forgives a typo from four letters and two from eight, never in the first letter', () => {
    const near = ['stratified', 'stratify', 'xtratifed', 'strategy'];
    assert.deepEqual(typoForms({ word: 'stratifed', prefix: false }, { exact: false, near }), ['stratified', 'stratify']);
    assert.deepEqual(typoForms({ word: 'lern', prefix: false }, { exact: false, near: ['learn', 'lean', 'fern'] }), ['learn', 'lean']);
    assert.deepEqual(typoForms({ word: 'abc', prefix: false }, { exact: false, near: ['abd'] }), [], 'no typos under four letters');
  });

  it('offers no typos for a word the library has, or an unfinished word it can complete', () => {
    assert.deepEqual(typoForms({ word: 'search', prefix: false }, { exact: true, near: ['serch'] }), []);
    assert.deepEqual(typoForms({ word: 'sear', prefix: true }, { exact: false, completions: ['search'], near: ['seat'] }), []);
  });

  it('mends a typo in an unfinished word by the start of a longer one', () => {
    assert.deepEqual(typoForms({ word: 'lernin', prefix: true }, { exact: false, near: ['learning', 'lentil'] }), ['learning']);
  });

  it('writes every word as a group of its forms, neighbours also joined where the library has them', () => {
    const plan = planQuery('zero sea')!;
    const known: KnownForms[] = [exact, { exact: true, completions: ['search', 'seal'], near: [] }];
    assert.deepEqual(wordGroups(plan, known), ["'zero'", "('sea' | 'search' | 'seal')"]);
    const joins = joinCandidates(plan);
    assert.deepEqual(joins, [{ at: 0, term: 'zerosea', prefix: true }]);
    assert.equal(tsQueryText(plan, known, joins, 'all'), "('zero' & ('sea' | 'search' | 'seal') | 'zerosea':*)");
    assert.equal(tsQueryText(plan, known, [], 'some'), "'zero' | ('sea' | 'search' | 'seal')");
    const starts = planQuery('aste rout')!;
    assert.deepEqual(wordGroups(starts, [{ exact: false, completions: ['asteroid'], near: [] }, { exact: false, completions: ['routing'], near: [] }]), ["('aste' | 'asteroid')", "('rout' | 'routing')"], 'a word the library lacks may be a start');
    assert.equal(tsQueryText(planQuery('a')!, [], [], 'all'), "'a'");
  });

  it('opens the word being typed to every word it begins only when titles and names have none', () => {
    assert.deepEqual(wordGroups(planQuery('reinforc')!, [{ exact: false, completions: ['reinforcement'], near: [] }]), ["('reinforc' | 'reinforcement')"]);
    assert.deepEqual(wordGroups(planQuery('polyst')!, [{ exact: false, completions: [], near: [] }]), ["'polyst':*"], 'an abstract may have it');
  });

  it('weighs rare words above common ones, and finds papers with some words by the rarest', () => {
    const plan = planQuery('search shopper queries rewrite')!;
    const known: KnownForms[] = [{ exact: true, near: [], papers: 900 }, { exact: false, near: [], papers: 0 }, { exact: true, near: [], papers: 300 }, { exact: true, near: [], papers: 20 }];
    const weights = wordWeights(known, 1000);
    assert.ok(weights[1]! > weights[3]! && weights[3]! > weights[2]! && weights[2]! > weights[0]!);
    assert.deepEqual(lookupQueries(plan, known, [], 'some'), ["'shopper'", "'rewrite'", "'queries'"]);
    assert.deepEqual(lookupQueries(plan, known, [], 'some', 400), ["'shopper'", "'rewrite'", "'queries'", "'search'"], 'more words until enough papers are expected');
    assert.equal(expectedMatches(known.slice(0, 1), 1000, 'all'), 900);
    assert.equal(expectedMatches([known[0]!, known[2]!], 1000, 'all'), 270);
    assert.equal(expectedMatches([known[2]!, known[3]!], 1000, 'some'), 320);
  });

  it("tells a query that is an author's name, typos in it too", () => {
    const plan = planQuery('vapnick')!;
    assert.ok(namesAuthors(plan, [{ exact: false, near: ['vapnik'] }], ['Vladimir Vapnik']));
    assert.ok(!namesAuthors(planQuery('vapnik learning')!, [exact, exact], ['Vladimir Vapnik']));
    assert.ok(!namesAuthors(plan, [exact], []));
  });
});

describe('shared library search: the order', () => {
  const plan = planQuery('zerosearch')!;

  it('puts a paper named exactly first, then its short name, then an author match, then relevance', () => {
    const named = finalScore(plan, measured({ identified: true }));
    const short = finalScore(plan, measured({ shortName: 'zerosearch' }));
    const author = finalScore(plan, measured({ byAuthors: true }));
    const relevant = finalScore(plan, measured({ headRank: 50, rank: 50, coverage: 1, titleSimilarity: 1 }));
    assert.ok(named > short && short > author && author > relevant && relevant > 0, `${named} ${short} ${author} ${relevant}`);
  });

  it('raises a short name the query begins or misspells, and a title holding the query as a phrase', () => {
    const base = { headRank: 0.2, rank: 0.2 };
    const plain = finalScore(plan, measured(base));
    assert.ok(finalScore(plan, measured({ ...base, shortName: 'zerosearchplus' })) > plain);
    assert.ok(finalScore(planQuery('zeroserch')!, measured({ ...base, shortName: 'zerosearch' })) > finalScore(planQuery('zeroserch')!, measured(base)));
    const phrase = planQuery('tree search')!;
    assert.ok(finalScore(phrase, measured({ ...base, title: 'monte carlo tree search for planning' })) > finalScore(phrase, measured({ ...base, title: 'search over a tree' })));
    assert.ok(finalScore(plan, measured({ ...base, nonPaper: true })) < plain, 'code and data a little below');
  });

  it('ranks papers with some of the words by the rare words they have, ties by key', () => {
    const some = planQuery('a b')!;
    const rare = measured({ key: 'b', coverage: 0.9, headRank: 0.1 });
    const often = measured({ key: 'a', coverage: 0.2, headRank: 2, rank: 3 });
    assert.deepEqual(rank(some, [often, rare], 'some').map((hit) => hit.item.key), ['b', 'a']);
    assert.deepEqual(rank(some, [measured({ key: 'z' }), measured({ key: 'y' })]).map((hit) => hit.item.key), ['y', 'z']);
  });
});

describe('shared library search: the stored vectors', () => {
  it("writes each term once with every position and its field's weight, quoting what must be", () => {
    assert.equal(tsvectorText([{ terms: ['tree', 'search'], weight: 'A' }, { terms: ['search', "o'neil"], weight: 'C' }]), "'tree':1A 'search':2A,3C 'o''neil':4C");
    assert.equal(quoteLexeme('back\\slash'), "'back\\\\slash'");
    const many = tsvectorText([{ terms: Array.from({ length: 300 }, () => 'same'), weight: 'C' }]);
    assert.equal(many.split(',').length, 255, 'at most 255 positions a term');
  });

  it('reads an abstract as the local index does: the same terms in the same order', () => {
    const abstract = 'We study \\emph{Monte-Carlo} tree search (MCTS) for the state-of-the-art ZeroSearch agent: it is 3.5x faster, Schölkopf’s “kernel” trick and e.g. GPT-4o; a the of.';
    const vector = new TsVectorBuilder();
    vector.addBody(abstract, 'C');
    assert.equal(vector.text(), tsvectorText([{ terms: indexTerms(abstract, [], { body: true }), weight: 'C' }]));
    assert.match(vector.text(), /'stateoftheart':\d+C/);
    assert.doesNotMatch(vector.text(), /'for':/, 'stop words standing alone are left out');
  });
});
