// Rules that keep topic names a researcher would write: one name for one subject however it
// is spelled, headings' subjects without the list's structure, no misspelt or cryptic names,
// and papers without abstracts placed by the company they keep.
import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/paper/paper';
import { computeTopics, type Topic } from '../../../src/core/topics';
import { dropEchoes, mergeSameNames, venueKey } from '../../../src/core/topics';
import { isBroadKind } from '../../../src/core/topics/candidates';
import { correctSpelling, headingSubject, isCrypticAcronym, labelKey, oneEditApart, sameLabel, wordShapes } from '../../../src/core/topics/labels';
import { singular } from '../../../src/core/topics/vocabulary';

const topic = (name: string, keys: string[], children?: Topic[]): Topic => ({ name, keys, why: '', origin: 'auto', ...(children ? { children } : {}) });

describe('topic label rules', () => {
  it('treats near-same names as one: spelling, hyphens, plurals, a general tail', () => {
    assert.equal(labelKey('Multi-Objective Optimisation'), labelKey('Multiobjective Optimization'));
    assert.ok(sameLabel('Fonts', 'Font'));
    assert.ok(sameLabel('Multi-Objective', 'Multi-Objective Optimization'));
    assert.ok(sameLabel('Evolutionary Algorithms', 'evolutionary algorithm'));
    assert.ok(!sameLabel('Local Search', 'Iterated Local Search'));
    // A verb form of a word is the word: "Medical Imaging" under a topic beside "Medical Image" is an echo.
    assert.ok(sameLabel('Medical Image', 'Medical Imaging'));
    assert.ok(sameLabel('Model-Based Learning', 'Model Based Learning'));
    assert.ok(!sameLabel('Medical Image', 'Medical Imaging Physics'));
    assert.ok(sameLabel('Local Search', 'Local Search & Metaheuristics'));
    assert.ok(!sameLabel('Speech & Audio', 'Audio Generation'));
    assert.ok(!sameLabel('TeX', 'Text'));
    assert.equal(singular('optimisations'), 'optimization');
  });

  it('merges topics with near-same names under the larger one', () => {
    const merged = mergeSameNames([topic('Multiobjective Optimization', ['a', 'b']), topic('Multi-Objective Optimisation', ['b', 'c', 'd']), topic('Fonts', ['e'])]);
    assert.deepEqual(
      merged.map((t) => [t.name, t.keys]),
      [
        ['Multi-Objective Optimisation', ['a', 'b', 'c', 'd']],
        ['Fonts', ['e']],
      ],
    );
  });

  it('drops a nested topic named like a top-level topic, its own topic, or a larger nested one elsewhere', () => {
    const topics = [
      topic('Multi-Objective Optimization', ['a', 'b', 'c'], [topic('Multiobjective Optimization', ['a']), topic('Hypervolume Indicator', ['b']), topic('Electronic Publishing', ['c'])]),
      topic('Typography', ['d', 'e', 'f'], [topic('Electronic Publishing', ['d', 'e']), topic('Type Design', ['f']), topic('Fonts', ['d'])]),
      topic('Font', ['g']),
    ];
    dropEchoes(topics);
    assert.equal(topics[0]!.children, undefined, 'one nested topic left is no split');
    assert.deepEqual(
      topics[1]!.children!.map((c) => c.name),
      ['Electronic Publishing', 'Type Design'],
    );
  });

  it('takes the subject of a heading without the list\'s structure around it', () => {
    assert.equal(headingSubject('VFM methods'), 'VFM');
    assert.equal(headingSubject('Medical Hallucination Benchmarks'), 'Medical Hallucination');
    assert.equal(headingSubject('Knowledge Editing'), 'Knowledge Editing');
    assert.equal(headingSubject('Related Work'), undefined);
    assert.equal(headingSubject('Methods'), undefined);
    assert.equal(headingSubject('Type 3: Uncertainty-Based Detection'), undefined);
  });

  it('spells a heading as the papers spell it', () => {
    const known = new Map([
      ['parametric', 5],
      ['knowledge', 9],
      ['efficient', 4],
      ['detection', 3],
    ]);
    const shapes = wordShapes(known.keys());
    assert.equal(correctSpelling('Prametric Knowledge Detection', known, shapes), 'Parametric Knowledge Detection');
    assert.equal(correctSpelling('Parameter-Effecient Tuning', known, shapes), 'Parameter-Efficient Tuning');
    assert.equal(correctSpelling('Detecton Methods', known, shapes), 'Detection Methods');
    assert.equal(correctSpelling('Knowledge Editing', known, shapes), 'Knowledge Editing');
    assert.ok(oneEditApart('detection', 'detecton') && oneEditApart('form', 'from') && !oneEditApart('typo', 'type design'));
  });

  it('calls an acronym the library never spells out cryptic, not a common one', () => {
    const known = new Map([['tsp', 'traveling salesman problem']]);
    assert.ok(isCrypticAcronym('VFM', known));
    assert.ok(isCrypticAcronym('LFMs', known));
    assert.ok(!isCrypticAcronym('TSP', known));
    assert.ok(!isCrypticAcronym('LaTeX', known));
    assert.ok(!isCrypticAcronym('Typography', known));
  });

  it('sees a broad word with a kind noun as broad ("optimization problem")', () => {
    const texts = ['optimization problem', 'optimization', 'routing problem', 'routing'];
    const table = { text: (id: number) => texts[id]!, find: (text: string) => (texts.includes(text) ? texts.indexOf(text) : undefined) };
    const broad = new Set([1]);
    assert.ok(isBroadKind(table, 0, broad));
    assert.ok(!isBroadKind(table, 2, broad));
  });

  it('reads a venue without its year, ordinal or volume', () => {
    assert.equal(venueKey('Ant Colony Optimization and Swarm Intelligence, 4th International Workshop, ANTS 2004'), venueKey('Ant Colony Optimization and Swarm Intelligence, 5th International Workshop, ANTS 2006'));
    assert.equal(venueKey('Parallel Problem Solving from Nature, PPSN XI'), 'parallel problem solving from nature ppsn');
    assert.equal(venueKey('2011'), undefined);
    assert.equal(venueKey('arXiv'), undefined);
  });

  it('places a paper known by its title only with the papers of its venue', () => {
    const paper = (key: string, title: string, venue: string, file: string): Paper =>
      ({ key, title, venue, authors: [], links: [], keywords: [], topics: [], sources: [{ file, line: 1 }] }) as unknown as Paper;
    const papers: Paper[] = [];
    for (let i = 0; i < 6; i++) papers.push(paper(`ts${i}`, `Tabu search for graph colouring variant ${i}`, 'Journal of Heuristics', `a${i}.bib`));
    for (let i = 0; i < 6; i++) papers.push(paper(`kt${i}`, `Knowledge tracing with student models ${i}`, 'Educational Data Mining', `b${i}.bib`));
    papers.push(paper('classic', 'Zyxwv', 'Journal of Heuristics 1998', 'c.bib'));
    const { papers: placed, topics } = computeTopics(papers);
    const tabu = topics.find((t) => t.keys.includes('ts0'))!;
    assert.ok(tabu.origin === 'auto', topics.map((t) => t.name).join(', '));
    assert.deepEqual(placed.find((p) => p.key === 'classic')!.topics, placed.find((p) => p.key === 'ts0')!.topics);
  });
});
