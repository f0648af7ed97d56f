// The details page's reading status, tags and similar papers: buttons only when the page may
// run its one script, everything escaped, and a policy that lets only that script run.
import assert from 'node:assert/strict';
import { renderPaperDetails } from '../../../src/core/views/detailsHtml';
import { parseReadingList } from '../../../src/core/reading/status';
import { makePaper } from '../paperFactory';

const CSP_SOURCE = 'https://webview.example';
const paper = makePaper({ key: 'deepsearch2025', title: 'DeepSearch: Monte Carlo Tree Search for Agents', abstract: 'We search.' });
const entry = parseReadingList('deepsearch2025\texcluded\t2026-01-14\ttree-search,<b>bold</b>\tnot about <i>search</i>').entries.get('deepsearch2025')!;
const similar = [
  { key: 'mcts2025', title: 'MCTS for <LLMs>', year: 2025, score: 0.42, why: ['tree search', 'monte carlo'], status: 'read' as const },
  { key: 'other2024', title: 'Another Paper', score: 0.2, why: ['agent'] },
];

function cspOf(html: string): string {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
}

describe('the details page’s reading parts', () => {
  const page = renderPaperDetails(paper, { cspSource: CSP_SOURCE, reading: { entry }, similar, scriptNonce: 'abc123' });

  it('lets only its own script run, by its nonce, and nothing remote', () => {
    assert.equal(cspOf(page), `default-src 'none'; style-src 'unsafe-inline' ${CSP_SOURCE}; script-src 'nonce-abc123'`);
    const scripts = page.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="abc123">']);
    assert.match(page, /acquireVsCodeApi\(\)/);
    assert.doesNotMatch(page, /https?:\/\/(?!webview\.example)[^"]*\.(js|css)/);
  });

  it('names its paper in the script without letting the name end the script', () => {
    assert.match(page, /const key = "deepsearch2025";/);
    const odd = renderPaperDetails({ ...makePaper({ key: 'odd' }), key: 'a</script><script>alert(1)' }, { cspSource: CSP_SOURCE, reading: {}, scriptNonce: 'n' });
    assert.equal((odd.match(/<script/g) ?? []).length, 1);
    assert.match(odd, /const key = "a\\u003c\/script>\\u003cscript>alert\(1\)";/);
  });

  it('shows the status with its reason and date, a button per status, the current one pressed', () => {
    const buttons = [...page.matchAll(/<button type="button" data-action="setStatus" data-value="([a-z-]+)"[^>]*aria-pressed="(true|false)"/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(buttons, [['to-read', 'false'], ['reading', 'false'], ['read', 'false'], ['excluded', 'true']]);
    assert.match(page, /Excluded since 2026-01-14 — <span class="reason">not about &lt;i&gt;search&lt;\/i&gt;<\/span>/);
  });

  it('lists the tags, each with a button removing it, and a button adding one, all escaped', () => {
    assert.match(page, /<span class="user-tag">#tree-search<button type="button" data-action="removeTag" data-value="tree-search"/);
    assert.match(page, /#&lt;b&gt;bold&lt;\/b&gt;<button type="button" data-action="removeTag" data-value="&lt;b&gt;bold&lt;\/b&gt;"/);
    assert.doesNotMatch(page, /<b>bold/);
    assert.match(page, /data-action="addTag"/);
  });

  it('lists the similar papers with their shared words, each opening its own page', () => {
    const section = page.slice(page.indexOf('<section class="similar-papers">'));
    assert.match(section, /<h2>Similar papers<\/h2>/);
    assert.match(section, /data-action="details" data-value="mcts2025"[^>]*>MCTS for &lt;LLMs&gt;<\/button> <span class="similar-facts">2025 · 42% alike<\/span>/);
    assert.match(section, /<span class="why-word">tree search<\/span><span class="why-word">monte carlo<\/span>/);
    assert.match(section, /data-action="details" data-value="other2024"/);
    assert.match(section, /<li><span class="status-dot is-read" title="Read"><\/span><div class="similar-body">/);
    assert.match(section, /<li><span class="status-dot" aria-hidden="true"><\/span><div class="similar-body">/, 'a paper without a status keeps its place in line');
    assert.match(section, /data-action="similar" data-value="deepsearch2025"/);
  });

  it('sets the reading card and the similar papers beside the paper, or in its flow on a narrow page', () => {
    const aside = page.slice(page.indexOf('<aside class="aside">'), page.indexOf('</aside>'));
    assert.ok(aside.includes('class="reading-card"') && aside.includes('class="similar-papers"'));
    const main = page.slice(page.indexOf('<div class="main">'));
    assert.ok(['class="identifiers"', 'class="abstract"', 'class="source-files"'].every((name) => main.includes(name)));
    const order = (name: string) => Number(new RegExp(`\\.${name} \\{ order: (\\d+); \\}`).exec(page)?.[1]);
    assert.ok(order('reading-card') < order('identifiers') && order('abstract') < order('similar-papers') && order('similar-papers') < order('bibtex-entry'), 'narrow: the card under the title, similar papers after the abstract');
    assert.match(page, /@media \(min-width: 60rem\) \{\s*article\.has-aside \{\s*display: grid;/);
    const plain = renderPaperDetails(paper, { cspSource: CSP_SOURCE });
    assert.doesNotMatch(plain, /has-aside|<aside/, 'a page without them keeps its single column');
  });

  it('says so while the similar papers are found, and when there are none', () => {
    assert.match(renderPaperDetails(paper, { cspSource: CSP_SOURCE, similar: 'pending' }), /Finding similar papers…/);
    assert.match(renderPaperDetails(paper, { cspSource: CSP_SOURCE, similar: [] }), /No other paper of the library shares enough words/);
  });

  it('without a nonce, shows the status and tags as text, with no button and no script', () => {
    const still = renderPaperDetails(paper, { cspSource: CSP_SOURCE, reading: { entry }, similar });
    assert.doesNotMatch(still, /<script|<button|script-src/);
    assert.match(still, /<p class="status-text"><span class="status-dot is-excluded" aria-hidden="true"><\/span>Excluded<\/p>/);
    assert.match(still, /<span class="user-tag">#tree-search<\/span>/);
    assert.match(still, /<span class="paper-link">MCTS for &lt;LLMs&gt;<\/span>/);
  });

  it('offers every status for a paper not on the reading list yet', () => {
    const fresh = renderPaperDetails(paper, { cspSource: CSP_SOURCE, reading: {}, scriptNonce: 'n' });
    assert.equal((fresh.match(/data-action="setStatus"/g) ?? []).length, 4);
    assert.doesNotMatch(fresh, /aria-pressed="true"/);
    assert.doesNotMatch(fresh, /class="status-note"/);
  });
});
