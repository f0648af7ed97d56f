// Similar papers: the example library's nearest neighbours against the hand-made topic
// labels, what explains each, and papers like a free text or a set of papers.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { SimilarityIndex, similarityTerms } from '../../../src/core/reading/similar';
import { exampleListing, fixture, paperTitled } from '../helpers';

describe('similar papers', () => {
  const papers = Library.fromListings([exampleListing()]).papers;
  const index = SimilarityIndex.build(papers);
  const labels = JSON.parse(fixture('topics-labels.json')) as { topics: Record<string, string[]> };
  const topicsOf = new Map<string, Set<string>>();
  for (const [topic, titles] of Object.entries(labels.topics)) for (const title of titles) topicsOf.set(title, new Set([...(topicsOf.get(title) ?? []), topic]));
  const byKey = new Map(papers.map((p) => [p.key, p]));
  const sameTopic = (a: string, b: string) => [...topicsOf.get(byKey.get(a)!.title)!].some((topic) => topicsOf.get(byKey.get(b)!.title)!.has(topic));

  it('puts papers of the same hand-made topic among the five nearest (precision@5)', () => {
    let total = 0;
    let ceiling = 0;
    for (const paper of papers) {
      const hits = index.similarToPaper(paper.key, { limit: 5 });
      assert.equal(hits.length, 5);
      assert.ok(!hits.some((hit) => hit.key === paper.key), 'a paper is not like itself');
      total += hits.filter((hit) => sameTopic(paper.key, hit.key)).length / 5;
      ceiling += Math.min(5, papers.filter((other) => other !== paper && sameTopic(paper.key, other.key)).length) / 5;
    }
    const precision = total / papers.length;
    console.log(`      precision@5 ${precision.toFixed(3)} (the labels allow at most ${(ceiling / papers.length).toFixed(3)})`);
    assert.ok(precision >= 0.55, `precision@5 ${precision.toFixed(3)}`);
  });

  it('ranks by cosine, best first, and says which shared words made each similar', () => {
    const paper = paperTitled(papers, 'DeepSearch: Overcome the Bottleneck');
    const hits = index.similarToPaper(paper.key, { limit: 8 });
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
    for (const hit of hits) {
      assert.ok(hit.score > 0 && hit.score <= 1);
      assert.ok(hit.why.length >= 1 && hit.why.length <= 4);
      const text = similarityTerms(`${paper.title} ${paper.abstract}`, true, true).map((t) => t.replace('~', ''));
      for (const word of hit.why) assert.ok(text.includes(word), `"${word}" is not in the paper itself`);
    }
    assert.ok(hits.slice(0, 5).some((hit) => sameTopic(paper.key, hit.key)));
  });

  it('finds papers like a note, a topic of papers, and nothing for an unknown key or empty text', () => {
    const note = 'In this note I compare Monte Carlo tree search methods for reasoning: MCTS rollouts, value estimates and search trees.';
    const hits = index.similarToText(note, { limit: 5 });
    assert.ok(hits.length === 5);
    assert.ok(hits.some((hit) => hit.why.includes('tree search')), JSON.stringify(hits));
    const topic = labels.topics['Multimodal Search & Reasoning']!.slice(0, 3).map((title) => paperTitled(papers, title).key);
    const like = index.similarToPapers(topic, { limit: 5 });
    assert.ok(!like.some((hit) => topic.includes(hit.key)));
    assert.ok(like.filter((hit) => topicsOf.get(byKey.get(hit.key)!.title)!.has('Multimodal Search & Reasoning')).length >= 2, JSON.stringify(like));
    assert.deepEqual(index.similarToPaper('nobody1999'), []);
    assert.deepEqual(index.similarToText('the of and'), []);
  });
});
