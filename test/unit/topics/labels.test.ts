import assert from 'node:assert/strict';
import type { Paper } from '../../../src/core/paper/paper';
import { computeTopics, type Topic } from '../../../src/core/topics';
import { isSubjectHeading, isSubjectPhrase, titleCase } from '../../../src/core/topics/labels';

describe('topic labels', () => {
  it('takes subjects, not a reading list\'s structure, as headings', () => {
    for (const heading of ['Retrieval-Augmented Generation', 'Knowledge Editing', 'Hallucination & Factuality', 'local search', 'Exploratory Landscape Analysis']) {
      assert.ok(isSubjectHeading(heading), heading);
    }
    const structure = ['Paper List', 'Papers', 'Methods', 'Analysis', 'Related Work', 'News', 'Contributing', 'Table of Contents', 'Resources', 'Datasets', 'Benchmarks', 'Surveys', 'Others', 'Misc', 'Plan', 'Applications', 'VFM methods', 'Related survey', 'Medical Hallucination Benchmarks'];
    for (const heading of structure) assert.ok(!isSubjectHeading(heading), heading);
  });

  it('rejects venues, numbers, ordinals and chapter titles', () => {
    for (const heading of ['Proceedings', 'Symposium', 'Workshop', 'Conference', 'International', 'Annual', 'Journal', 'Transactions', 'Springer', 'Press', '27th International', 'Th International', '2023', 'The Birth of An Agent: Construction of LLM-based Agents', 'Planning and Acting with Large Language Model Agents']) {
      assert.ok(!isSubjectHeading(heading), heading);
    }
    assert.ok(!isSubjectPhrase('th international'));
    assert.ok(!isSubjectPhrase('symposium'));
    assert.ok(isSubjectPhrase('monte carlo tree search'));
  });

  it('writes every label in Title Case, keeping what is written in capitals', () => {
    assert.equal(titleCase('reinforcement learning'), 'Reinforcement Learning');
    assert.equal(titleCase('multi-objective optimization'), 'Multi-Objective Optimization');
    assert.equal(titleCase('chain of thought'), 'Chain of Thought');
    assert.equal(titleCase('GRPO for dLLM'), 'GRPO for dLLM');
    assert.equal(titleCase('LaTeX'), 'LaTeX');
  });

  it('never names a topic after a section heading, a venue or a number, and writes one case', () => {
    const { topics } = computeTopics(sectionedLibrary());
    const names = allNames(topics).filter((name) => name !== 'Other');
    assert.ok(names.length > 0);
    for (const name of names) {
      assert.ok(isSubjectHeading(name), `"${name}" is not a subject`);
      assert.equal(name, titleCase(name), `"${name}" is not in Title Case`);
    }
  });
});

function allNames(topics: readonly Topic[]): string[] {
  return topics.flatMap((t) => [t.name, ...allNames(t.children ?? [])]);
}

/**
 * Papers from a reading list whose sections are "Methods", "Datasets" and "Paper List",
 * and BibTeX entries whose titles name their venue; the subjects are in lower case.
 */
function sectionedLibrary(): Paper[] {
  const subjects = ['reinforcement learning', 'knowledge editing', 'protein folding', 'graph coloring'];
  const sections = ['Methods', 'Datasets', 'Paper List', 'The Birth of An Agent: Construction of LLM-based Agents'];
  const papers: Paper[] = [];
  for (let i = 0; i < 48; i++) {
    const subject = subjects[i % subjects.length]!;
    const venue = i % 3 === 0 ? ` in Proceedings of the ${20 + (i % 5)}th International Symposium` : '';
    papers.push({
      key: `p${String(i).padStart(2, '0')}`,
      title: `A study of ${subject} variant ${i}${venue}`,
      abstract: `We study ${subject} with a new ${subject} method; ${subject} matters.`,
      authors: [],
      links: [],
      keywords: [sections[i % sections.length]!],
      sources: [{ file: 'list.md', line: i + 1 }],
      topics: [],
    });
  }
  return papers;
}
