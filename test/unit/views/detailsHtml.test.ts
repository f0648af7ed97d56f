import assert from 'node:assert/strict';
import { escapeHtml, formatLongDate, renderPaperDetails } from '../../../src/core/views/detailsHtml';
import { makePaper } from '../paperFactory';

const CSP_SOURCE = 'https://webview.example';

/** The hrefs of every anchor in the page. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => match[1]!);
}

describe('the paper details page', () => {
  it('names the other keys that cite the paper, and says where a preprint was published', () => {
    const merged = makePaper({ key: 'he2016', aliases: ['resnet'], title: 'Deep Residual Learning', arxivId: '1512.03385', doi: '10.1109/cvpr.2016.90', venue: 'CVPR', year: 2016 });
    const page = renderPaperDetails(merged, { cspSource: CSP_SOURCE, bibtex: '' });
    assert.match(page, /<dt>Also cited as<\/dt><dd><code>resnet<\/code><\/dd>/);
    assert.match(page, /Preprint arXiv:1512\.03385, published in CVPR \(2016\)/);
    const preprintOnly = renderPaperDetails(makePaper({ key: 'p', arxivId: '2501.00001' }), { cspSource: CSP_SOURCE, bibtex: '' });
    assert.doesNotMatch(preprintOnly, /published in/);
  });

  const paper = makePaper({
    key: 'ssrl2025',
    title: 'SSRL: Self-Search Reinforcement Learning',
    authors: ['Ada Lovelace', 'Alan Turing'],
    organization: 'Stanford NLP',
    date: '2025-08-14',
    upvotes: 1234,
    arxivId: '2508.10874',
    doi: '10.1000/xyz',
    abstract: 'First paragraph\nwrapped.\n\nSecond paragraph.',
    links: ['https://huggingface.co/papers/2508.10874', 'https://github.com/org/ssrl'],
    sources: [{ file: 'papers/daily.txt', line: 12 }, { file: 'refs.bib', line: 3 }],
    topics: ['Deep Research'],
  });
  const html = renderPaperDetails(paper, { cspSource: CSP_SOURCE, bibtex: '@article{ssrl2025,\n  title = {SSRL},\n}\n' });

  it('shows title, people, date, upvotes, ids, abstract, BibTeX and sources', () => {
    assert.match(html, /<h1>SSRL: Self-Search Reinforcement Learning<\/h1>/);
    assert.match(html, /<title>SSRL: Self-Search Reinforcement Learning<\/title>/);
    assert.match(html, /Ada Lovelace, Alan Turing/);
    assert.match(html, /Stanford NLP/);
    assert.match(html, /14 August 2025/);
    assert.match(html, /▲ 1\.2k upvotes/);
    assert.match(html, /<code>2508\.10874<\/code>/);
    assert.match(html, /<code>10\.1000\/xyz<\/code>/);
    assert.match(html, /<p>First paragraph wrapped\.<\/p>\s*<p>Second paragraph\.<\/p>/);
    assert.match(html, /<pre class="bibtex"><code>@article\{ssrl2025,\n {2}title = \{SSRL\},\n\}<\/code><\/pre>/);
    assert.match(html, /<code>papers\/daily\.txt:12<\/code>/);
    assert.match(html, /<code>refs\.bib:3<\/code>/);
    assert.match(html, /<span class="tag">Deep Research<\/span>/);
  });

  it('links the paper\'s pages, landing pages first', () => {
    assert.deepEqual(hrefs(html), [
      'https://arxiv.org/abs/2508.10874',
      'https://huggingface.co/papers/2508.10874',
      'https://github.com/org/ssrl',
      'https://doi.org/10.1000/xyz',
    ]);
  });

  it('declares a policy that allows no script and no remote content', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.equal(csp, `default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39; ${CSP_SOURCE}`);
    assert.doesNotMatch(html, /<script/i);
  });

  it('escapes every piece of listing text', () => {
    const evil = makePaper({
      key: 'evil',
      title: '<script>alert("title")</script>',
      authors: ['"><img src=x onerror=alert(1)>', "O'Brien & Sons"],
      organization: '</p><iframe src="https://evil.example">',
      abstract: '<style>body{display:none}</style> & <b>bold</b>',
      venue: '<svg onload=alert(1)>',
      keywords: ['<u>kw</u>'],
      topics: ['<em>topic</em>'],
      sources: [{ file: '<x>.txt', line: 1 }],
    });
    const page = renderPaperDetails(evil, { cspSource: CSP_SOURCE, bibtex: '@misc{evil, title = {</pre><script>alert(2)</script>}}' });
    const body = page.slice(page.indexOf('<body>'));
    assert.doesNotMatch(page, /<script/i);
    assert.doesNotMatch(body, /<img|<iframe|<svg|<style|<b>|<u>|<em>|<x>/i);
    assert.match(page, /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt;/);
    assert.match(page, /&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;, O&#39;Brien &amp; Sons/);
    assert.match(page, /&lt;\/pre&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.equal((body.match(/<\/pre>/g) ?? []).length, 1, 'the BibTeX cannot close its own <pre>');
  });

  it('drops javascript:, command:, data: and file: links, and quotes the ones it keeps', () => {
    const links = makePaper({
      key: 'links',
      links: [
        'javascript:alert(1)',
        'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D',
        'data:text/html,<script>alert(1)</script>',
        'file:///etc/passwd',
        'https://example.org/?q="><script>alert(1)</script>&a=\'b\'',
      ],
    });
    const page = renderPaperDetails(links, { cspSource: CSP_SOURCE });
    const found = hrefs(page);
    assert.equal(found.length, 1);
    assert.ok(found[0]!.startsWith('https://example.org/'));
    assert.ok(!/["'<>]/.test(found[0]!), 'no quote or bracket can end the attribute');
    assert.doesNotMatch(page, /javascript:|command:|data:text|file:\/\//i);
  });

  it('folds a long author list and says how many more there are', () => {
    const authors = Array.from({ length: 30 }, (_, i) => `Author ${i + 1}`);
    const page = renderPaperDetails(makePaper({ key: 'big', authors }), { cspSource: CSP_SOURCE });
    assert.match(page, /Author 12 <details><summary>and 18 more<\/summary>Author 13, /);
    const counted = renderPaperDetails(makePaper({ key: 'few', authorCount: 18 }), { cspSource: CSP_SOURCE });
    assert.match(counted, /<p class="authors">18 authors<\/p>/);
  });

  it('leaves out sections it has nothing for', () => {
    const bare = renderPaperDetails(makePaper({ key: 'bare', title: 'Bare' }), { cspSource: CSP_SOURCE });
    assert.doesNotMatch(bare, /Abstract|BibTeX|class="links"|upvotes/);
    assert.match(bare, /<h2>Source<\/h2>/);
  });

  it('writes dates in words, as precise as they were given', () => {
    assert.equal(formatLongDate('2025-03-04'), '4 March 2025');
    assert.equal(formatLongDate('2025-12'), 'December 2025');
    assert.equal(formatLongDate('2025'), '2025');
  });

  it('escapes the five characters that matter in HTML', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
