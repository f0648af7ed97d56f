// Choosing automatic topics: every phrase (or lexicon concept) shared by enough papers is
// a candidate; candidates are picked greedily to cover the papers not yet covered, with a
// preference for phrases in titles and for topics of a useful size. A phrase nearly every
// paper uses ("reinforcement learning" in a reinforcement learning library) says nothing
// and is never a topic.
import { findCandidates, type Candidate, type CandidateOptions, type Candidates } from './candidates';
import { Cohesion } from './cohesion';
import { TITLE_HIT, type PaperIndex } from './paperIndex';

// Read once: under CommonJS each read of an imported binding is a property get, and
// this is read in the innermost loop.
const HEADLINE = TITLE_HIT;

export interface SelectionOptions extends CandidateOptions {
  /** Candidate ids chosen last time, in their order: kept while they still fit. */
  previous?: readonly string[];
  /** Papers that already have a topic (from a rule or a folder). */
  covered?: ReadonlySet<number>;
  /** Candidate ids that may not be chosen (they ended up too small last round). */
  rejected?: ReadonlySet<string>;
}

export interface Selection extends Omit<Candidates, 'candidates'> {
  chosen: Candidate[];
}

/** A paper already in a topic adds little to a second one's claim. */
const COVERED_WEIGHT = 0.1;
/** A paper that only mentions a phrase in its abstract is a weaker member. */
const ABSTRACT_ONLY_WEIGHT = 0.6;
/** Two topics sharing this much of their papers (of the union) are one topic twice. */
const MAX_OVERLAP = 0.5;
/** Cohesion scales a candidate's gain by at most this much (and by at least MIN_COHESION). */
const MAX_COHESION = 1.2;
const MIN_COHESION = 0.5;

export function selectTopics(index: PaperIndex, docs: readonly number[], options: SelectionOptions): Selection {
  const { candidates, broad, about, weights } = findCandidates(index, docs, options);
  let cohesion: Cohesion | undefined;
  const cohesionOf = (candidate: Candidate): number => {
    cohesion ??= new Cohesion(index, docs, weights);
    candidate.cohesion ??= cohesionFactor(cohesion.of(candidate.members, candidate.phrases));
    return candidate.cohesion;
  };
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const total = index.papers.length;
  const coverage = new Uint16Array(total);
  for (const doc of options.covered ?? []) coverage[doc] = 1;
  const chosen: Candidate[] = [];
  const memberFlags: Uint8Array[] = [];
  const rejected = new Set<string>(options.rejected);

  const choose = (candidate: Candidate): void => {
    chosen.push(candidate);
    const flags = new Uint8Array(total);
    for (const doc of candidate.members) {
      flags[doc] = 1;
      coverage[doc]!++;
    }
    memberFlags.push(flags);
  };
  const overlapsChosen = (candidate: Candidate): boolean =>
    memberFlags.some((flags, t) => {
      let shared = 0;
      for (const doc of candidate.members) shared += flags[doc]!;
      const union = candidate.members.length + chosen[t]!.members.length - shared;
      return shared >= MAX_OVERLAP * union;
    });

  // Hysteresis: last time's topics stay while they still hold enough papers.
  for (const id of options.previous ?? []) {
    const candidate = byId.get(id);
    if (candidate && chosen.length < options.target && !chosen.includes(candidate) && !overlapsChosen(candidate)) choose(candidate);
  }

  const ideal = Math.max(options.minSize, (1.5 * docs.length) / Math.max(1, options.target));
  const minNew = Math.max(2, options.minSize / 2);
  const plain = new Float64Array(candidates.length);
  const order = candidates.map((_, i) => i);
  while (chosen.length < options.target) {
    candidates.forEach((candidate, i) => {
      const open = !rejected.has(candidate.id) && !chosen.includes(candidate) && uncoveredIn(candidate, coverage) >= minNew;
      // A topic must place some papers no other topic has.
      plain[i] = open ? gainOf(candidate, coverage, ideal) : 0;
    });
    // Candidates are in id order, so a tie goes to the first: the same input, the same topics.
    order.sort((a, b) => plain[b]! - plain[a]! || a - b);
    let best: Candidate | undefined;
    let bestGain = 0;
    for (const i of order) {
      // Cohesion is costly and can only scale a gain by MAX_COHESION: only contenders need it.
      if (plain[i]! * MAX_COHESION <= bestGain) break;
      const candidate = candidates[i]!;
      const gain = plain[i]! * cohesionOf(candidate);
      if (gain > bestGain) {
        if (overlapsChosen(candidate)) {
          rejected.add(candidate.id);
          continue;
        }
        best = candidate;
        bestGain = gain;
      }
    }
    if (!best) break;
    choose(best);
  }
  return { chosen, broad, about, weights };
}

function uncoveredIn(candidate: Candidate, coverage: Uint16Array): number {
  let count = 0;
  for (const doc of candidate.members) if (!coverage[doc]) count++;
  return count;
}

function gainOf(candidate: Candidate, coverage: Uint16Array, ideal: number): number {
  let sum = 0;
  const { members, strengths } = candidate;
  for (let i = 0; i < members.length; i++) {
    const weight = coverage[members[i]!] ? COVERED_WEIGHT : 1;
    sum += weight * (strengths[i]! >= HEADLINE ? 1 : ABSTRACT_ONLY_WEIGHT);
  }
  const size = members.length;
  const sizeFactor = size <= ideal ? 1 : Math.sqrt(ideal / size);
  return sum * sizeFactor * candidate.quality;
}

/**
 * Papers twice as alike as the library's make a topic; papers no more alike than any two
 * (they share the phrase and little else) make a poorer one. Bounded both ways: in a small
 * library the measure is noisy.
 */
function cohesionFactor(ratio: number): number {
  return Math.min(MAX_COHESION, Math.max(MIN_COHESION, Math.sqrt(ratio / 2)));
}
