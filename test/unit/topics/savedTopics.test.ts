// Saved topics: what is saved reads back exactly, with its stamp; anything else reads as
// nothing saved.
import assert from 'node:assert/strict';
import { Library } from '../../../src/core/indexing/library';
import { computeTopics, parseSavedTopics, serializeSavedTopics } from '../../../src/core/topics';
import { exampleListing } from '../helpers';

describe('saved topics', () => {
  const papers = Library.fromListings([exampleListing()]).papers;
  const topics = computeTopics(papers, { rules: [{ name: 'Reading Group', match: ['robot'] }] }).topics;
  const saved = { stamp: 'listings and settings', topics };

  it('reads back the topics of the example, nested ones and their phrases included, with the stamp', () => {
    assert.ok(topics.length >= 5 && topics.some((topic) => topic.terms?.length) && topics.some((topic) => topic.origin === 'rule'));
    assert.deepEqual(parseSavedTopics(serializeSavedTopics(saved)), saved);
    const nested = { stamp: 's', topics: [{ name: 'Parent', keys: ['a', 'b'], why: 'w', origin: 'auto' as const, children: [{ name: 'Child', keys: ['a'], why: 'w', origin: 'auto' as const }] }] };
    assert.deepEqual(parseSavedTopics(serializeSavedTopics(nested)), nested);
  });

  it('reads nothing from text that is not whole saved topics of this version', () => {
    const text = serializeSavedTopics(saved);
    for (const damaged of ['', 'not json', text.slice(0, text.length / 2), text.replace('"version":1', '"version":2'), text.replace('"origin":"auto"', '"origin":"guess"'), JSON.stringify({ stamp: 'x', topics: [] })]) {
      assert.equal(parseSavedTopics(damaged), undefined, damaged.slice(0, 40));
    }
  });
});
