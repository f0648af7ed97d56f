// One library from every listing format at once: each paper once, with every source.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { exampleListing, fixture } from '../helpers';

describe('a folder mixing every format', () => {
  const files: [string, string][] = [
    ['arxiv/cs-new-submissions.txt', fixture('arxiv', 'cs-new-submissions.txt')],
    ['arxiv/text-listing.txt', fixture('arxiv', 'text-listing.txt')],
    ['markdown/awesome-llm-search.md', fixture('markdown', 'awesome-llm-search.md')],
    ['hf/daily-papers.json', fixture('hf-json', 'daily-papers.json')],
    ['hf/paper.json', fixture('hf-json', 'paper.json')],
    ['hf/search-results.json', fixture('hf-json', 'search-results.json')],
    ['references.bib', fixture('mixed', 'references.bib')],
  ];
  const example = exampleListing();
  const library = Library.fromListings([example, ...files.map(([file, text]) => ({ file, text, modifiedAt: example.modifiedAt }))]);
  const named = (start: string) => library.papers.filter((paper) => paper.title.replace(/[{}]/g, '').startsWith(start));

  it('merges the same paper from Daily Papers text, arXiv, Markdown, JSON and BibTeX into one', () => {
    const [ssrl, ...others] = named('SSRL: Self-Search');
    assert.equal(others.length, 0, 'SSRL is one paper');
    const formats = new Set(ssrl!.sources.map((source) => source.file.split('/')[0]));
    assert.ok(formats.size >= 5, `read from ${[...formats].join(', ')}`);
    assert.equal(ssrl!.arxivId, '2508.10874');
    assert.equal(ssrl!.authors.length >= 2, true, 'authors come from the listings that name them');
    assert.equal(ssrl!.authorCount, 18, 'the Daily Papers page knew all 18');
    assert.equal(ssrl!.upvotes, 4);
    assert.equal(ssrl!.venue, 'Proceedings of a Workshop on Search Agents');
  });

  it('keeps the key the references file already uses', () => {
    assert.equal(named('ZeroSearch')[0]!.key, 'Sun2025ZeroSearch');
    assert.equal(named('SSRL: Self-Search')[0]!.key, 'fan2025ssrl');
    assert.equal(named('ZeroSearch').length, 1);
  });

  it('has no two papers with the same arXiv id or title, and unique keys', () => {
    const ids = library.papers.flatMap((paper) => (paper.arxivId ? [paper.arxivId] : []));
    assert.equal(new Set(ids).size, ids.length);
    const keys = library.papers.map((paper) => paper.key.toLowerCase());
    assert.equal(new Set(keys).size, keys.length);
  });
});
