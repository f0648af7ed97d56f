import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { mergeDrafts } from '../../../src/core/paper/merge';
import type { PaperDraft } from '../../../src/core/paper/paper';

function draft(title: string, file: string, fields: Partial<PaperDraft> = {}): PaperDraft {
  return { title, authors: [], links: [], keywords: [], sources: [{ file, line: 1 }], ...fields };
}

describe('merging the same paper from several files', () => {
  it('matches by arXiv id, then DOI, then normalised title', () => {
    const merged = mergeDrafts([
      draft('ZeroSearch: Incentivize the Search Capability of LLMs without Searching', 'a.txt', { arxivId: '2505.04588', upvotes: 8 }),
      draft('ZeroSearch — incentivize the search capability of LLMs without searching', 'b.bib', { arxivId: '2505.04588', authors: ['Hao Sun', 'Zile Qiao'], venue: 'arXiv' }),
      draft('A Paper With A DOI Only', 'c.bib', { doi: '10.1000/xyz' }),
      draft('A paper with a DOI only (extended version)', 'd.md', { doi: '10.1000/xyz', year: 2024 }),
      draft('Self-Search Reinforcement Learning', 'e.md', {}),
      draft('Self-search  reinforcement-learning', 'f.json', { date: '2025-08-14', year: 2025 }),
    ]);
    assert.equal(merged.length, 3);
    const zero = merged.find((p) => p.arxivId === '2505.04588')!;
    assert.deepEqual(zero.authors, ['Hao Sun', 'Zile Qiao']);
    assert.equal(zero.upvotes, 8);
    assert.deepEqual(zero.sources.map((s) => s.file), ['a.txt', 'b.bib']);
    assert.equal(merged.find((p) => p.doi)!.year, 2024);
    assert.equal(merged.find((p) => p.date)!.sources.length, 2);
  });

  it('keeps the richest value of each field', () => {
    const [paper] = mergeDrafts([
      draft('Paper Title Long Enough', 'a.txt', { abstract: 'Short.', date: '2025', year: 2025, links: ['https://a'], authorCount: 18 }),
      draft('Paper Title Long Enough', 'b.txt', { abstract: 'A much longer abstract.', date: '2025-08-14', year: 2025, links: ['https://b', 'https://a'], authors: ['A B'] }),
    ]);
    assert.equal(paper!.abstract, 'A much longer abstract.');
    assert.equal(paper!.date, '2025-08-14');
    assert.deepEqual(paper!.links, ['https://a', 'https://b']);
    assert.equal(paper!.authorCount, 18);
  });

  it('never merges papers whose arXiv ids disagree, even with the same title', () => {
    const merged = mergeDrafts([
      draft('A Survey of Reinforcement Learning', 'a.bib', { arxivId: '2401.00001' }),
      draft('A Survey of Reinforcement Learning', 'b.bib', { arxivId: '2402.00002' }),
      draft('A Survey of Reinforcement Learning', 'c.md'),
    ]);
    assert.equal(merged.length, 2);
  });

  it('does not merge short generic titles', () => {
    assert.equal(mergeDrafts([draft('Introduction', 'a.md'), draft('Introduction', 'b.md')]).length, 2);
  });

  it('gives the same result whatever the input order', () => {
    const drafts = [
      draft('Alpha: First Paper Title', 'b.md', { arxivId: '2501.00001', abstract: 'x' }),
      draft('Alpha: First Paper Title', 'a.md', { abstract: 'longer abstract' }),
      draft('Beta: Second Paper Title', 'c.md', { doi: '10.1/b' }),
    ];
    assert.deepEqual(mergeDrafts(drafts), mergeDrafts([...drafts].reverse()));
  });
});

describe('the library', () => {
  const hf = (title: string) => `Daily Papers\n\n${title}\n\nThis is the abstract of the paper, long enough to be read as an abstract paragraph on the page. It has two sentences.\n\n  • 3 authors\n·\nMar 5, 2024 7\n`;

  it('re-reads one changed file and removes deleted ones', () => {
    const library = Library.fromListings([
      { file: 'notes/a.txt', text: hf('Alpha: First Paper Title') },
      { file: 'notes/b.txt', text: hf('Beta: Second Paper Title') },
      { file: 'c.txt', text: hf('Gamma: Third Paper Title') },
    ]);
    assert.equal(library.papers.length, 3);
    library.set({ file: 'notes/a.txt', text: hf('Alpha: First Paper Title') + '\n' + hf('Delta: Fourth Paper Title') });
    assert.deepEqual(library.papers.map((p) => p.key).sort(), ['alpha2024', 'beta2024', 'delta2024', 'gamma2024']);
    assert.equal(library.deleteFolder('notes'), 2);
    assert.deepEqual(library.papers.map((p) => p.key), ['gamma2024']);
    assert.equal(library.byKey('GAMMA2024')?.title, 'Gamma: Third Paper Title');
  });

  it('pins the key an existing .bib already uses', () => {
    const bibDraft = draft('Alpha: First Paper Title', 'references.bib', { pinnedKey: 'myOwnKey' });
    const library = new Library();
    library.setParsed('a.txt', { papers: [draft('Alpha: First Paper Title', 'a.txt', { year: 2024 })], problems: [] });
    assert.equal(library.papers[0]!.key, 'alpha2024');
    library.setParsed('references.bib', { papers: [bibDraft], problems: [] });
    assert.equal(library.papers.length, 1);
    assert.equal(library.papers[0]!.key, 'myOwnKey');
  });

  it('reports two papers claiming one pinned key and still gives both a key', () => {
    const library = new Library();
    library.setParsed('a.bib', { papers: [draft('First Distinct Paper', 'a.bib', { pinnedKey: 'same' }), draft('Second Distinct Paper', 'a.bib', { pinnedKey: 'same' })], problems: [] });
    const keys = library.papers.map((p) => p.key);
    assert.equal(new Set(keys).size, 2);
    assert.ok(keys.includes('same'));
    assert.equal(library.problems.length, 1);
    assert.match(library.problems[0]!.message, /already used/);
  });

  it('keeps unreadable files as problems', () => {
    const library = new Library();
    library.setUnreadable('locked.bib', 'permission denied');
    assert.equal(library.problems[0]!.file, 'locked.bib');
    assert.match(library.problems[0]!.message, /permission denied/);
  });
});
