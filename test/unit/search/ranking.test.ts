// "Ranking a researcher agrees with": the order a person expects when a title holds the
// query as a phrase, when the query is an author's name, and when papers sit beside their
// code, data and supplementary material.
import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/paper/paper';
import { SearchIndex, searchWords } from '../../../src/core/search';
import { isNonPaper } from '../../../src/core/search/entryKind';
import { isInitialOf, misspells, titlePhrase } from '../../../src/core/search/wordMatch';
import { makePaper } from '../paperFactory';

function paper(key: string, title: string, fields: Partial<Omit<Paper, 'key' | 'title'>> = {}): Paper {
  return makePaper({ sources: [{ file: 'list.bib', line: 1 }], ...fields, key, title });
}

const keysFor = (index: SearchIndex, query: string): string[] => index.search(query).map((hit) => hit.paper.key);

describe('ranking a researcher agrees with', () => {
  describe('a title holding the query as a phrase', () => {
    const planning = new SearchIndex([
      paper('bercher2008', 'A Planning Graph Heuristic for Forward-Chaining Adversarial Planning', { authors: ['Pascal Bercher', 'Robert Mattmüller'], venue: 'ECAI' }),
      paper('nguyen2002', 'Planning Graph as the Basis for Deriving Heuristics for Plan Synthesis by State Space and CSP Search', { venue: 'Artificial Intelligence' }),
      paper('hoffmann2001', 'The FF Planning System: Fast Plan Generation Through Heuristic Search', { abstract: 'FF computes its heuristic from a relaxed planning graph.' }),
      paper('blum1997', 'Fast Planning Through Planning Graph Analysis', { abstract: 'Graphplan, with a heuristic of its own.' }),
      paper('bonet2001', 'Planning as Heuristic Search', { abstract: 'A heuristic derived from a graph of the problem; planning as search.' }),
      paper('kambhampati2010', 'Heuristic Graph Planning', { abstract: 'The words in another order.' }),
      paper('hsp', 'HSP: Heuristic Search Planner over a Planning Graph', { abstract: 'A heuristic planner.' }),
    ]);

    it('puts the paper titled with the phrase above papers that merely contain its words', () => {
      assert.equal(keysFor(planning, 'planning graph heuristic')[0], 'bercher2008');
    });

    it('counts the phrase while its last word is still being typed', () => {
      assert.equal(keysFor(planning, 'planning graph heur')[0], 'bercher2008');
    });

    const thought = new SearchIndex([
      paper('wei2022', 'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models', { arxivId: '2201.11903' }),
      paper('yao2023', 'Tree of Thoughts: Deliberate Problem Solving with Large Language Models', { abstract: 'It generalizes over the chain of thought approach to prompting.' }),
      paper('besta2024', 'Graph of Thoughts: Solving Elaborate Problems with Large Language Models', { abstract: 'Beyond chain-of-thought and tree of thoughts.' }),
      paper('li2023', 'Chain of Code: Reasoning with a Language Model-Augmented Code Emulator', { abstract: 'Code helps chain of thought.' }),
      paper('thoughtchain', 'Thought Chains of Reasoning for Code', { abstract: 'A chain of steps.' }),
      paper('cot', 'CoT: Thought of a Chain', { abstract: 'Chains of thought.' }),
    ]);

    it('reads hyphens as spaces: "chain of thought" finds "Chain-of-Thought" first', () => {
      for (const query of ['chain of thought', 'chain-of-thought', 'Chain of Thought prompting']) assert.equal(keysFor(thought, query)[0], 'wei2022', query);
    });

    it('still puts a short name typed exactly above a phrase', () => {
      assert.equal(keysFor(thought, 'cot')[0], 'cot');
    });
  });

  describe('a query that is an author\'s name', () => {
    const learning = new SearchIndex([
      paper('blumer1989', 'Learnability and the Vapnik-Chervonenkis Dimension', { authors: ['Anselm Blumer', 'Andrzej Ehrenfeucht', 'David Haussler', 'Manfred K. Warmuth'], venue: 'Journal of the ACM' }),
      paper('vcbound', 'Sharper Bounds on the Vapnik Dimension', { authors: ['Ana Ruiz'], abstract: 'Vapnik and Chervonenkis gave the first bound.' }),
      paper('boser1992', 'A Training Algorithm for Optimal Margin Classifiers', { authors: ['Bernhard E. Boser', 'Isabelle Guyon', 'Vladimir Vapnik'], venue: 'COLT' }),
      paper('cortes1995', 'Support-Vector Networks', { authors: ['Corinna Cortes', 'Vladimir Vapnik'], venue: 'Machine Learning' }),
      paper('vapnik1998', 'Statistical Learning Theory', { authors: ['Vladimir N. Vapnik'], entryType: 'book' }),
      paper('schoelkopf2002', 'Learning with Kernels', { authors: ['Bernhard Schölkopf', 'Alexander J. Smola'], abstract: 'Following Vapnik, we study support vector machines.' }),
    ]);

    it('ranks the author\'s papers above papers that mention the name', () => {
      const keys = keysFor(learning, 'vapnik');
      assert.deepEqual(keys.slice(0, 3).sort(), ['boser1992', 'cortes1995', 'vapnik1998']);
      assert.ok(keys.includes('blumer1989') && keys.includes('vcbound'), 'the papers that mention the name follow');
    });

    it('does so for a full name, a name typed without its accents, and a misspelled one', () => {
      assert.deepEqual(keysFor(learning, 'vladimir vapnik').slice(0, 3).sort(), ['boser1992', 'cortes1995', 'vapnik1998']);
      assert.deepEqual(keysFor(learning, 'v vapnik').slice(0, 3).sort(), ['boser1992', 'cortes1995', 'vapnik1998']);
      assert.deepEqual(keysFor(learning, 'sholkopf smola'), ['schoelkopf2002'], 'two authors of one paper, one misspelled');
      assert.equal(keysFor(learning, 'scholkopf')[0], 'schoelkopf2002');
      assert.deepEqual(keysFor(learning, 'vapnick').slice(0, 3).sort(), ['boser1992', 'cortes1995', 'vapnik1998']);
    });

    it('takes a word the library has as typed: "learning" is not a misspelled Leaming', () => {
      const index = new SearchIndex([
        paper('leaming2020', 'Robots in the Field', { authors: ['Ada Leaming'] }),
        paper('deep2015', 'Deep Learning', { authors: ['Yann LeCun'] }),
      ]);
      assert.equal(keysFor(index, 'learning')[0], 'deep2015');
    });

    it('waits for the name to be typed whole: "vap" is not yet Vapnik, nor "v" an initial', () => {
      assert.ok(['blumer1989', 'vcbound'].includes(keysFor(learning, 'vap')[0]!), 'as before the rule, the title hit first');
      assert.ok(['blumer1989', 'vcbound'].includes(keysFor(learning, 'v')[0]!));
    });

    it('leaves a query with topic words to the topic: a name in it only narrows', () => {
      assert.equal(keysFor(learning, 'vapnik dimension')[0] === 'blumer1989' || keysFor(learning, 'vapnik dimension')[0] === 'vcbound', true);
      assert.equal(keysFor(learning, 'vapnik support vector')[0], 'cortes1995');
    });
  });

  describe('papers above code, data and web pages', () => {
    const library = new SearchIndex([
      paper('capopt-code', 'Capping Methods for the Automatic Configuration of Optimization Algorithms', {
        entryType: 'misc', venue: 'GitHub repository', links: ['https://github.com/souzamarcelo/capopt'],
      }),
      paper('capopt', 'Capping methods for the automatic configuration of optimization algorithms, with a study of their effects', {
        entryType: 'article', venue: 'Computers & Operations Research', doi: '10.1016/j.cor.2021.105615',
      }),
      paper('gcc-supp', 'Automatic Configuration of GCC Using irace: Supplementary Material', { entryType: 'misc', links: ['http://iridia.ulb.ac.be/supp/IridiaSupp2017-009/'] }),
      paper('gcc', 'Automatic Configuration of GCC Using irace in Practice', { entryType: 'incollection', venue: 'Artificial Evolution' }),
      paper('medqa-data', 'MedQA: Medical Exam Question Answering', { entryType: 'dataset', links: ['https://huggingface.co/datasets/medqa'] }),
      paper('jin2021', 'What Disease Does This Patient Have? Medical Exam Question Answering at Scale', { arxivId: '2009.13081' }),
      paper('pycma', 'CMA-ES/pycma on Github', { entryType: 'misc', venue: 'Zenodo', doi: '10.5281/zenodo.2559634' }),
      paper('nevergrad', 'Nevergrad: A Gradient-Free Optimization Platform', { entryType: 'misc', venue: 'GitHub repository', links: ['https://github.com/FacebookResearch/Nevergrad'] }),
      paper('ngopt', 'Improving Nevergrad\'s Algorithm Selection Wizard NGOpt', { entryType: 'inproceedings', venue: 'GECCO' }),
    ]);

    it('ranks the paper above its code, its data and its supplementary material', () => {
      assert.equal(keysFor(library, 'capping methods automatic configuration')[0], 'capopt');
      assert.equal(keysFor(library, 'automatic configuration gcc irace')[0], 'gcc');
      assert.equal(keysFor(library, 'medical exam question answering')[0], 'jin2021');
    });

    it('never hides them: they follow, and come first when named exactly', () => {
      assert.ok(keysFor(library, 'capping methods automatic configuration').includes('capopt-code'));
      assert.ok(keysFor(library, 'automatic configuration gcc irace').includes('gcc-supp'));
      assert.equal(keysFor(library, 'nevergrad')[0], 'nevergrad', 'a short name typed exactly');
      assert.equal(keysFor(library, 'medqa')[0], 'medqa-data');
      assert.equal(keysFor(library, 'pycma')[0], 'pycma', 'the only entry with the word');
      assert.equal(keysFor(library, 'capopt-code')[0], 'capopt-code', 'its key');
    });
  });
});

describe('the word-by-word checks of the re-scoring', () => {
  const words = (text: string): string[] => searchWords(text);

  it('finds a phrase in a title, at its start or further in, skipping small words either side leaves out', () => {
    assert.equal(titlePhrase(words('A Planning Graph Heuristic for Planning'), words('planning graph heuristic')), 'start');
    assert.equal(titlePhrase(words('The Asteroid Routing Problem: A Benchmark'), words('aste rout prob')), 'start');
    assert.equal(titlePhrase(words('Fast Plans from a Planning Graph Heuristic'), words('planning graph heuristic')), 'inside');
    assert.equal(titlePhrase(words('Chain-of-Thought Prompting'), words('chain thought')), 'start');
    assert.equal(titlePhrase(words('Chain-Thought Prompting'), words('chain of thought')), 'start');
    assert.equal(titlePhrase(words('Planning with a Graph Heuristic'), words('planning graph heuristic')), undefined, 'words between that are not small ones break it');
    assert.equal(titlePhrase(words('Heuristic Graph Planning'), words('planning graph heuristic')), undefined, 'the words in another order');
    assert.equal(titlePhrase(words('A Planing Graph Heuristic'), words('planning graph heuristic')), 'start', 'a typo');
    assert.equal(titlePhrase(words('Planning Graphs'), words('planning')), undefined, 'one word is not a phrase');
    assert.equal(titlePhrase(words('The Planning of Graphs'), words('the planning')), undefined, 'nor is one word with a small one');
  });

  it('reads a letter as an initial of the authors\' names', () => {
    const authors = ['Vladimir N. Vapnik', 'Bernhard Schölkopf'].map(words);
    for (const letter of ['v', 'n', 'b', 's']) assert.ok(isInitialOf(authors, letter), letter);
    assert.ok(!isInitialOf(authors, 'x'));
  });

  it('reads a misspelled short name as naming the paper', () => {
    assert.ok(misspells('nevergard', 'nevergrad'));
    assert.ok(!misspells('nevergrad', 'nevergrad'), 'typed right is an exact match, not a typo');
    assert.ok(!misspells('sam', 'sat'), 'too short to forgive a typo');
    assert.ok(!misspells('anything', ''));
  });

  it('tells papers from code, data, web pages, supplementary material and volumes', () => {
    const entry = (fields: Partial<Omit<Paper, 'key' | 'title'>>): Paper => paper('k', 'T', fields);
    for (const [name, fields] of Object.entries({
      'a @misc with a GitHub venue': { entryType: 'misc', venue: 'GitHub repository', links: ['https://github.com/a/b'] },
      'a @software': { entryType: 'software' },
      'a @dataset': { entryType: 'dataset', links: ['https://huggingface.co/datasets/a'] },
      'an @online page': { entryType: 'online', links: ['http://www.ctan.org'] },
      'supplementary material as @misc': { entryType: 'misc', links: ['http://iridia.ulb.ac.be/supp/IridiaSupp2017-009/'] },
      'a Zenodo archive': { entryType: 'misc', doi: '10.5281/zenodo.2559634' },
      'a proceedings volume': { entryType: 'proceedings', container: true },
      'an untyped entry whose venue is GitHub': { venue: 'GitHub', links: ['https://github.com/a/b'] },
    } satisfies Record<string, Partial<Paper>>)) assert.ok(isNonPaper(entry(fields)), name);
    for (const [name, fields] of Object.entries({
      'an article': { entryType: 'article', venue: 'Machine Learning' },
      'a preprint as @misc with an arXiv id': { entryType: 'misc', arxivId: '2201.11903' },
      'a @misc with a publisher\'s DOI': { entryType: 'misc', doi: '10.1145/3067695.3082057' },
      'a @misc linking to OpenReview': { entryType: 'misc', links: ['https://openreview.net/forum?id=x'] },
      'a journal named for software': { entryType: 'article', venue: 'Software: Practice and Experience' },
      'a reading-list entry whose only link is its code': { links: ['https://github.com/ThomasScialom/QuestEval'] },
      'a reading-list entry with a venue': { venue: 'ICLR', links: ['https://github.com/a/b'] },
    } satisfies Record<string, Partial<Paper>>)) assert.ok(!isNonPaper(entry(fields)), name);
  });
});
