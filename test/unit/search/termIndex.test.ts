import assert from 'node:assert/strict';
import { boundedDistance } from '../../../src/core/search/editDistance';
import { FuseScorer } from '../../../src/core/search/rescore';
import { searchDocument } from '../../../src/core/search/documents';
import { topCandidates } from '../../../src/core/search/searchIndex';
import { prefixQuality, type DocumentTerms, type TermIndex, type WordMatches } from '../../../src/core/search/termIndex';
import { buildTermIndex } from '../../../src/core/search/termIndexBuild';
import { runToEnd } from '../../../src/core/util/steps';
import Fuse from 'fuse.js';
import { makePaper } from '../paperFactory';

/** A seeded source of words: syllables, so that many words share starts and lie a typo apart. */
function wordSource(seed: number): () => string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const syllables = 'ka lo mi ra ze tu re in for ce ment le ar ning se ch a e s t'.split(' ');
  return () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => syllables[Math.floor(next() * syllables.length)]).join('');
}

function documents(count: number, seed: number): DocumentTerms[] {
  const word = wordSource(seed);
  return Array.from({ length: count }, () => ({
    head: { name: [word()], title: [word(), word(), word()], people: [word()], organization: [], extra: [] },
    abstract: Array.from({ length: 12 }, word).join(' '),
  }));
}

interface Listed {
  term: string;
  quality: number;
  headOnly: boolean;
  typo: boolean;
}

/** Every term a look-up stands for, prefix runs spelled out, in a canonical order. */
function listed(index: TermIndex, matches: WordMatches): Listed[] {
  const all: Listed[] = matches.terms.map((match) => ({ term: index.termText(match.term), quality: match.quality, headOnly: match.headOnly, typo: match.typo }));
  for (const run of matches.prefixes) {
    for (let term = run.from; term < run.to; term++) all.push({ term: index.termText(term), quality: prefixQuality(run.wordLength, index.termLength(term)), headOnly: run.headOnly, typo: false });
  }
  return all.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.quality - b.quality));
}

/** The look-up as a plain scan of every term would make it: what the walk must give. */
function scanned(terms: readonly string[], word: string, asPrefix: boolean, maxTypos: number): Listed[] {
  const all: Listed[] = [];
  const exact = terms.includes(word);
  if (exact) all.push({ term: word, quality: 1, headOnly: false, typo: false });
  if (asPrefix) {
    for (const term of terms) if (term !== word && term.startsWith(word)) all.push({ term, quality: prefixQuality(word.length, term.length), headOnly: word.length < 3, typo: false });
  }
  const allowed = Math.min(maxTypos, word.length >= 8 ? 2 : 1);
  if (word.length >= 4 && maxTypos > 0) {
    let typos = 0;
    for (const term of terms) {
      if (term[0] !== word[0] || term.startsWith(word)) continue;
      const distance = boundedDistance(word, term, allowed);
      if (distance > 0 && distance <= allowed) {
        all.push({ term, quality: [1, 0.4, 0.3][distance]!, headOnly: false, typo: true });
        typos++;
      }
    }
    if (asPrefix && !all.length && !typos) {
      for (const term of terms) {
        if (term[0] !== word[0] || term.length <= word.length) continue;
        if ([word.length - 1, word.length, word.length + 1].some((end) => boundedDistance(word, term, 1, end) <= 1)) all.push({ term, quality: 0.35, headOnly: false, typo: false });
      }
    }
  }
  return all.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.quality - b.quality));
}

describe('the term index', () => {
  const index = runToEnd(buildTermIndex(documents(400, 7)));
  const terms = Array.from({ length: index.termCount }, (_, id) => index.termText(id));

  it('numbers terms alphabetically, so that the terms a word begins are one run of ids', () => {
    for (let id = 1; id < terms.length; id++) assert.ok(terms[id - 1]! < terms[id]!, `${terms[id - 1]} before ${terms[id]}`);
    const { prefixes } = index.lookup('ra', true, 0);
    const begun = terms.filter((term) => term.startsWith('ra') && term !== 'ra');
    assert.deepEqual(prefixes.flatMap((run) => terms.slice(run.from, run.to)), begun);
  });

  it('keeps each term with its papers after renumbering', () => {
    const docs = documents(400, 7);
    for (const term of ['ka', 'lomi', terms[terms.length - 1]!]) {
      const id = index.termOf(term)!;
      const expected = docs.flatMap((doc, i) => (Object.values(doc.head).some((field) => field.includes(term)) ? [i] : []));
      assert.deepEqual(Array.from(index.headPostings(id), (posting) => posting >>> 5), expected, term);
    }
  });

  it('finds exactly the terms a scan of every term finds: the word, the words it begins, typos, a typo in an unfinished word', () => {
    const word = wordSource(99);
    const queries = [...Array.from({ length: 300 }, word), ...terms.filter((_, i) => i % 37 === 0)];
    // Misspellings of real terms: swaps, drops, changed and added letters.
    for (const term of terms.filter((t, i) => t.length >= 5 && i % 11 === 0)) {
      queries.push(term.slice(0, 2) + term[3] + term[2] + term.slice(4), term.slice(0, -2), term.slice(0, 3) + 'x' + term.slice(4), `${term}q`, term.slice(0, term.length - 1).replace(/.$/, 'z'));
    }
    let compared = 0;
    for (const query of queries) {
      for (const asPrefix of [true, false]) {
        for (const maxTypos of [0, 1, 2]) {
          assert.deepEqual(listed(index, index.lookup(query, asPrefix, maxTypos)), scanned(terms, query, asPrefix, maxTypos), `${query} ${asPrefix ? 'as a prefix' : 'whole'}, ${maxTypos} typos`);
          compared++;
        }
      }
    }
    assert.ok(compared > 1000);
  });

  it('lists typo matches shorter terms first, then alphabetically', () => {
    const { terms: matches } = index.lookup('ramentle', false, 2);
    const keys = matches.filter((match) => match.typo).map((match) => [index.termLength(match.term), match.term] as const);
    assert.deepEqual(keys, [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});

describe('fuse.js scores kept between keystrokes', () => {
  const papers = Array.from({ length: 40 }, (_, i) =>
    makePaper({ key: `p${i}`, title: `${['Kalo', 'Zetu', 'Mira', 'Deep'][i % 4]}${['Search', 'Prover', 'Agent'][i % 3]}: ${['learning to search', 'tree search for proofs', 'agents that plan', 'reinforcement learning'][i % 4]} ${i}` }),
  );
  const documents = papers.map(searchDocument);

  /** The scores as one fuse.js collection over the candidates gives them, as before the scores were kept. */
  function fresh(docs: readonly number[], words: readonly string[]): number[] {
    const fuse = new Fuse(docs.map((doc) => documents[doc]!), { keys: [{ name: 'shortName', weight: 1 }, { name: 'title', weight: 1 }], includeScore: true, ignoreDiacritics: false, ignoreLocation: true, threshold: 0.3, shouldSort: false });
    const scores = docs.map(() => 0);
    for (const word of words) {
      const best = docs.map(() => 1);
      for (const hit of fuse.search(word)) best[hit.refIndex] = hit.score ?? 1;
      best.forEach((score, i) => (scores[i]! += score / words.length));
    }
    return scores;
  }

  it('gives every keystroke the scores a fresh collection gives, whatever was scored before', () => {
    const scorer = new FuseScorer();
    const typed = 'reinforcement learning search'.split('').map((_, i, all) => all.slice(0, i + 1).join(''));
    typed.forEach((query, step) => {
      const words = query.split(' ').filter(Boolean);
      // A different set of candidates on each keystroke, overlapping the last.
      const docs = Array.from({ length: 12 }, (_, i) => (step * 5 + i * 3) % papers.length);
      assert.deepEqual(Array.from(scorer.scores(docs, (doc) => documents[doc]!, words)), fresh(docs, words), query);
    });
  });
});

describe('the best candidates of a search', () => {
  /** As a full sort orders them: the most relevant first, the earlier document winning ties. */
  function sorted(docs: Int32Array, relevance: Float32Array, count: number, named: number | undefined): number[] {
    const all = Array.from(docs, (doc, i) => ({ doc, relevance: relevance[i]! })).filter((candidate) => candidate.doc !== named);
    all.sort((a, b) => b.relevance - a.relevance || a.doc - b.doc);
    return [...(named === undefined ? [] : [named]), ...all.slice(0, count).map((candidate) => candidate.doc)];
  }

  it('are those a full sort puts first, with many ties, few candidates or many, and a named paper', () => {
    let state = 12345;
    const random = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let trial = 0; trial < 300; trial++) {
      const size = Math.floor(random() * 600);
      // Few distinct values, as relevance has: ties everywhere.
      const levels = 1 + Math.floor(random() * 12);
      const docs = Int32Array.from({ length: size }, (_, i) => i * 3 + Math.floor(random() * 3));
      // Candidates come in no particular order.
      for (let i = size - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [docs[i], docs[j]] = [docs[j]!, docs[i]!];
      }
      const relevance = Float32Array.from({ length: size }, () => Math.floor(random() * levels) / levels);
      const count = 1 + Math.floor(random() * 150);
      const named = random() < 0.3 && size ? docs[Math.floor(random() * size)] : undefined;
      const top = topCandidates({ docs, relevance }, count, named);
      assert.deepEqual(top.map((candidate) => candidate.doc), sorted(docs, relevance, count, named), `trial ${trial}`);
    }
  });
});
