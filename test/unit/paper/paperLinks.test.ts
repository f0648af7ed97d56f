import assert from 'node:assert/strict';
import { linkLabel, paperLinks, preferredLink, safeWebUrl } from '../../../src/core/paper/links';
import { makePaper } from '../paperFactory';

describe('paper links', () => {
  it('lets only http(s) links through', () => {
    assert.equal(safeWebUrl('https://arxiv.org/abs/2501.01234'), 'https://arxiv.org/abs/2501.01234');
    assert.equal(safeWebUrl('http://example.org/a b'), 'http://example.org/a%20b');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'command:workbench.action.quit', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'vscode://x', 'not a url', 'https://']) {
      assert.equal(safeWebUrl(bad), undefined, bad);
    }
  });

  it('puts the arXiv and Hugging Face pages first, then the listing order', () => {
    const paper = makePaper({
      key: 'a',
      links: ['https://github.com/org/code', 'https://huggingface.co/papers/2508.10874', 'https://arxiv.org/abs/2508.10874', 'https://example.org/blog'],
    });
    assert.deepEqual(paperLinks(paper).map((link) => link.label), ['arXiv', 'Hugging Face', 'GitHub', 'example.org']);
    assert.equal(preferredLink(paper)?.url, 'https://arxiv.org/abs/2508.10874');
  });

  it('adds the arXiv page and the DOI resolver when the paper only has the ids', () => {
    const paper = makePaper({ key: 'a', arxivId: '2501.01234', doi: '10.1000/xyz.1', links: ['https://example.org/paper.pdf'] });
    assert.deepEqual(paperLinks(paper), [
      { url: 'https://arxiv.org/abs/2501.01234', label: 'arXiv' },
      { url: 'https://example.org/paper.pdf', label: 'PDF' },
      { url: 'https://doi.org/10.1000/xyz.1', label: 'DOI' },
    ]);
  });

  it('does not repeat a link given twice or an arXiv page the listing already has', () => {
    const paper = makePaper({ key: 'a', arxivId: '2501.01234', links: ['https://arxiv.org/abs/2501.01234v2', 'http://example.org/x/', 'https://example.org/x'] });
    assert.deepEqual(paperLinks(paper).map((link) => link.url), ['https://arxiv.org/abs/2501.01234v2', 'http://example.org/x/']);
  });

  it('drops unsafe links from the listing', () => {
    const paper = makePaper({ key: 'a', links: ['javascript:alert(1)', 'command:litReview.reindex', 'https://ok.example/'] });
    assert.deepEqual(paperLinks(paper).map((link) => link.url), ['https://ok.example/']);
    assert.equal(preferredLink(makePaper({ key: 'b', links: ['javascript:alert(1)'] })), undefined);
  });

  it('names links by site', () => {
    assert.equal(linkLabel('https://arxiv.org/pdf/2501.01234'), 'arXiv PDF');
    assert.equal(linkLabel('https://dx.doi.org/10.1/x'), 'DOI');
    assert.equal(linkLabel('https://www.semanticscholar.org/paper/x'), 'semanticscholar.org');
  });
});
