import assert from 'node:assert/strict';
import { assignKeys, baseKey, shortName } from '../../../src/core/paper/keys';
import { Library } from '../../../src/core/indexing/library';
import type { PaperDraft } from '../../../src/core/paper/paper';
import { exampleListing } from '../helpers';

function draft(title: string, fields: Partial<PaperDraft> = {}): PaperDraft {
  return { title, authors: [], links: [], keywords: [], sources: [{ file: 'x.md', line: 1 }], ...fields };
}

/** A deterministic shuffle, so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('citation keys', () => {
  it('uses the short name before a colon, then the year', () => {
    assert.equal(baseKey(draft('SSRL: Self-Search Reinforcement Learning', { year: 2025 })), 'ssrl2025');
    assert.equal(baseKey(draft('MARS$^2$: Scaling Multi-Agent Tree Search', { year: 2026 })), 'mars2026');
    assert.equal(shortName('When should I search more: Adaptive Complex Query Optimization'), undefined);
  });

  it('falls back to the first author, then to the title words', () => {
    assert.equal(baseKey(draft('When should I search more: Adaptive', { year: 2026, authors: ['José Müller-García'] })), 'mullergarcia2026');
    assert.equal(baseKey(draft('The Scaling of Test-Time Compute', { year: 2025 })), 'scalingtesttime2025');
    assert.equal(baseKey(draft('Östergaard Ørsted Études', {})), 'ostergaardorsted');
    assert.match(baseKey(draft('日本語のタイトル', { year: 2024 })), /^[A-Za-z0-9][A-Za-z0-9_:.\-+]*$/);
  });

  it('follows a key template', () => {
    const paper = draft('ZeroSearch: Incentivize the Search Capability', { year: 2025, authors: ['Hao Sun'] });
    assert.equal(baseKey(paper, '{author}{year}'), 'sun2025');
    assert.equal(baseKey(paper, '{author}_{title}_{year}'), 'sun_zerosearchincentivize_2025');
  });

  it('gives colliding papers a, b, c', () => {
    const papers = [draft('Alpha: One', { year: 2025 }), draft('Alpha: Two', { year: 2025 }), draft('Alpha: Three', { year: 2025 })];
    assert.deepEqual(assignKeys(papers, [0, 1, 2]).keys, ['alpha2025', 'alpha2025a', 'alpha2025b']);
  });

  it('goes on past z to aa, skipping suffixed keys another paper already has', () => {
    const papers = Array.from({ length: 30 }, (_, i) => draft(`Alpha: Part ${i}`, { year: 2025 }));
    papers.push(draft('Anything', { pinnedKey: 'alpha2025c' }), draft('Alpha2025b: Its own name'));
    const order = papers.map((_, i) => i);
    const { keys } = assignKeys(papers, [...order.slice(30), ...order.slice(0, 30)]);
    assert.deepEqual(keys.slice(0, 5), ['alpha2025', 'alpha2025a', 'alpha2025d', 'alpha2025e', 'alpha2025f']);
    assert.deepEqual(keys.slice(24, 27), ['alpha2025z', 'alpha2025aa', 'alpha2025ab']);
    assert.equal(keys[31], 'alpha2025b');
    assert.equal(new Set(keys.map((key) => key.toLowerCase())).size, keys.length);
  });

  it('never lets a generated key take a pinned one', () => {
    const papers = [draft('Alpha: One', { year: 2025 }), draft('Something else', { pinnedKey: 'alpha2025' })];
    const { keys } = assignKeys(papers, [0, 1]);
    assert.deepEqual(keys, ['alpha2025a', 'alpha2025']);
  });

  it('are unique over the example listing and stable under shuffled file order', () => {
    const listing = exampleListing();
    const reference = Library.fromListings([listing]).papers;
    // One file per paper, cut at each title line.
    const lines = listing.text.split('\n');
    const cuts = reference.map((p) => p.sources[0]!.line - 1).sort((a, b) => a - b);
    const blocks = cuts.map((start, i) => lines.slice(start, cuts[i + 1] ?? lines.length).join('\n'));
    const files = blocks.map((text, i) => ({ file: `part-${String(i).padStart(3, '0')}.txt`, text: `Daily Papers\n\n${text}`, modifiedAt: listing.modifiedAt }));
    const keyOf = new Map(reference.map((p) => [p.title, p.key]));
    assert.equal(keyOf.size, 60);
    assert.equal(new Set(keyOf.values()).size, 60);
    for (const seed of [1, 2, 3]) {
      const papers = Library.fromListings(shuffled(files, seed)).papers;
      assert.equal(papers.length, 60);
      for (const paper of papers) assert.equal(paper.key, keyOf.get(paper.title), paper.title);
    }
  });
});
