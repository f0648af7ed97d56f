// How close automatic topics come, on a real library that mixes fields (TeX and
// typesetting, evolutionary computation and optimisation, LLMs and medical AI), to the
// folders a researcher made by hand for 352 of its papers (test/fixtures/topics-labels-real.json,
// labelled by reading the titles before the topics were tuned on this library).
import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/paper/paper';
import { computeTopics, type Topic } from '../../../src/core/topics';
import { fixture } from '../helpers';
import { describeTopics, pairScores, percent, shapeOf, shareAny, show } from './quality';
import { realLibraryPapers } from './realLibrary';

describe('topic quality against hand labels of a real mixed library', function () {
  this.timeout(60_000);
  const labels = JSON.parse(fixture('topics-labels-real.json')) as { description: string; labels: Record<string, string[]> };
  let papers: Paper[] = [];
  let topics: Topic[] = [];
  let withTopics: Paper[] = [];

  before(async () => {
    papers = await realLibraryPapers();
    ({ topics, papers: withTopics } = computeTopics(papers));
  });

  it('has at least 300 hand-labelled papers over at least three fields, one or two topics each', () => {
    const keys = new Set(papers.map((p) => p.key));
    const labelled = Object.entries(labels.labels);
    assert.ok(labelled.length >= 300, `${labelled.length} labelled papers`);
    for (const [key, names] of labelled) {
      assert.ok(keys.has(key), `labelled key not in the library: ${key}`);
      assert.ok(names.length >= 1 && names.length <= 2, `${key} has ${names.length} hand topics`);
    }
    const folders = new Set(labelled.map(([key]) => papers.find((p) => p.key === key)!.sources[0]!.file.split('/')[1]));
    assert.ok(folders.size >= 3, `labelled papers come from ${[...folders].join(', ')}`);
  });

  it('agrees with the hand labels, leaves little in "Other" and no topic too large', () => {
    const byKey = new Map(withTopics.map((p) => [p.key, new Set(p.topics)]));
    const keys = Object.keys(labels.labels);
    const truth = shareAny(new Map(keys.map((key) => [key, new Set(labels.labels[key])])));
    const scores = pairScores(keys, truth, shareAny(byKey));
    const oneTopic = pairScores(keys, truth, () => true);
    const topicable = papers.filter((p) => !p.container).length;
    const shape = shapeOf(topics, topicable);

    console.log(`      automatic topics:      ${show(scores)}`);
    console.log(`      all in one topic:      ${show(oneTopic)}`);
    console.log(`      "Other":               ${percent(shape.otherShare)} of ${topicable} papers`);
    console.log(`      largest topic:         ${shape.largest} ${percent(shape.largestShare)}`);
    console.log(`      topics (${topics.length}): ${describeTopics(topics)}`);

    // What is reached today (precision 0.434, recall 0.631, F1 0.514, "Other" 9.7%, largest
    // 12.7%; it was F1 0.405, "Other" 10.3%, largest 17.9% before field names, near-same
    // names merged and venue neighbours), short of the aim of F1 0.55; the bounds keep it
    // from sliding back, and "Other" under a tenth of the library.
    assert.ok(scores.f1 > 0.5, `F1 ${scores.f1.toFixed(3)}`);
    assert.ok(shape.otherShare < 0.1, `"Other" holds ${percent(shape.otherShare)}`);
    assert.ok(shape.largestShare <= 0.25, `${shape.largest} holds ${percent(shape.largestShare)}`);
  });
});
