import assert from 'node:assert/strict';
import { parseIdentifier } from '../../../src/core/resolve/identifiers';

describe('resolve: what a pasted identifier names', () => {
  const cases: [string, ReturnType<typeof parseIdentifier>][] = [
    ['2505.04588', { kind: 'arxiv', arxivId: '2505.04588' }],
    ['arXiv:2505.04588v2', { kind: 'arxiv', arxivId: '2505.04588' }],
    ['https://arxiv.org/abs/2505.04588v1', { kind: 'arxiv', arxivId: '2505.04588' }],
    ['https://arxiv.org/pdf/2505.04588', { kind: 'arxiv', arxivId: '2505.04588' }],
    ['https://huggingface.co/papers/2505.04588', { kind: 'arxiv', arxivId: '2505.04588' }],
    ['hep-th/9901001', { kind: 'arxiv', arxivId: 'hep-th/9901001' }],
    ['astro-ph/0601001v1', { kind: 'arxiv', arxivId: 'astro-ph/0601001' }],
    ['https://arxiv.org/abs/astro-ph/0601001', { kind: 'arxiv', arxivId: 'astro-ph/0601001' }],
    ['math.GT/0309136', { kind: 'arxiv', arxivId: 'math.GT/0309136' }],
    ['10.1371/journal.pone.0033693', { kind: 'doi', doi: '10.1371/journal.pone.0033693' }],
    ['https://doi.org/10.1371/journal.pone.0033693', { kind: 'doi', doi: '10.1371/journal.pone.0033693' }],
    ['doi:10.1038/S42256-024-00832-8', { kind: 'doi', doi: '10.1038/s42256-024-00832-8' }],
    ['https://doi.org/10.1000/a%2Fb', { kind: 'doi', doi: '10.1000/a/b' }],
    ['https://doi.org/10.1000/a%zz', { kind: 'doi', doi: '10.1000/a%zz' }],
    // arXiv's own DOIs are looked up at arXiv.
    ['https://doi.org/10.48550/arXiv.2312.07559', { kind: 'arxiv', arxivId: '2312.07559' }],
    ['  @article{x, title={A}}\n', { kind: 'bibtex', text: '@article{x, title={A}}' }],
    ['hello world', undefined],
    ['see 2505.04588 for details', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => assert.deepEqual(parseIdentifier(input), expected));
  }
});
