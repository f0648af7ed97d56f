import assert from 'node:assert/strict';
import { matchTitle, titlesClose, type Found } from '../../../src/core/resolve/match';

function found(title: string, fields: Partial<Found> = {}): Found {
  return { service: 'Hugging Face', title, authors: [], links: [], ...fields };
}

describe('resolve: when a record is the paper', () => {
  it('takes one record whose normalised title is the same, case, accents and punctuation aside', () => {
    const match = matchTitle({ title: 'ZeroSearch: Incentivize the Search Capability of LLMs without Searching', year: 2025 }, [
      found('Zero Search'),
      found('zerosearch -- incentivize the search capability of LLMs without searching', { year: 2025, arxivId: '2505.04588' }),
    ]);
    assert.equal(match.kind, 'exact');
    assert.equal(match.kind === 'exact' && match.found.arxivId, '2505.04588');
  });

  it('takes the record when either has no year, never when the years differ', () => {
    assert.equal(matchTitle({ title: 'A Study of Things' }, [found('A study of things', { year: 2020 })]).kind, 'exact');
    const apart = matchTitle({ title: 'A Study of Things', year: 2021 }, [found('A study of things', { year: 2020 })]);
    assert.equal(apart.kind, 'ambiguous', 'a year apart: offered, not taken');
  });

  it('offers several records of the same title for a person to choose', () => {
    const match = matchTitle({ title: 'Attention' }, [found('Attention', { arxivId: '1' }), found('Attention', { arxivId: '2' })]);
    assert.deepEqual(match.kind === 'ambiguous' && match.candidates.map((c) => c.arxivId), ['1', '2']);
  });

  it('offers close titles (subtitle dropped, every word in the other), never takes them', () => {
    assert.equal(matchTitle({ title: 'DeepSearch' }, [found('DeepSearch: Overcome the Bottleneck')]).kind, 'ambiguous');
    assert.equal(matchTitle({ title: 'Herd of Models' }, [found('The Llama 3 Herd of Models')]).kind, 'ambiguous');
    assert.equal(matchTitle({ title: 'Kazakh Poetry Generation' }, [found('KazQAD: Kazakh Open-Domain Question Answering Dataset')]).kind, 'none');
  });

  it('counts one paper twice (two services) as one candidate', () => {
    const match = matchTitle({ title: 'Same Paper Here' }, [found('Same paper here', { arxivId: '2501.00001' }), found('Same paper here', { arxivId: '2501.00001', service: 'arXiv' })]);
    assert.equal(match.kind, 'exact');
  });

  it('never calls two-word titles close by their words alone', () => {
    assert.equal(titlesClose('deep search', 'search deep learning'), false);
    assert.equal(titlesClose('herd of models', 'the llama 3 herd of models'), true);
  });
});
