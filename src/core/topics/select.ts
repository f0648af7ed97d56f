// Choosing automatic topics: every phrase (or lexicon concept) shared by enough papers is
// a candidate; candidates are picked greedily to cover the papers not yet covered, with a
// preference for phrases in titles and for topics of a useful size. A phrase nearly every
// paper uses ("reinforcement learning" in a reinforcement learning library) says nothing
// and is never a topic.
import { findCandidates, type Candidate, type CandidateOptions, type Candidates } from './candidates';
import { Cohesion } from './cohesion';
import { IndexHeap } from './heap';
import { TITLE_HIT, type PaperIndex } from './paperIndex';
import { runToEnd, type Steps } from '../util/steps';

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
  return runToEnd(selectTopicsSteps(index, docs, options));
}

/** Candidates scored between pauses. */
const SCORE_STEP = 64;

export function* selectTopicsSteps(index: PaperIndex, docs: readonly number[], options: SelectionOptions): Steps<Selection> {
  const { candidates, broad, about, weights } = yield* findCandidates(index, docs, options);
  let cohesion: Cohesion | undefined;
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
  // Lazy greedy: a candidate's gain only falls as topics are chosen (its papers get
  // covered, its cohesion is fixed), so the last gain computed is a bound, and only a
  // candidate whose bound leads needs scoring again. The choice is the one scoring every
  // candidate each round would make.
  const gain = new Float64Array(candidates.length);
  const plain = new Float64Array(candidates.length);
  const scoredIn = new Int32Array(candidates.length).fill(-1);
  // Higher gain first; a tie goes to the higher plain gain, then to the first in id order.
  const heap = new IndexHeap((a, b) => gain[a]! > gain[b]! || (gain[a] === gain[b] && (plain[a]! > plain[b]! || (plain[a] === plain[b] && a < b))));
  for (let i = 0; i < candidates.length; i++) {
    if (i % SCORE_STEP === SCORE_STEP - 1) yield;
    const candidate = candidates[i]!;
    if (rejected.has(candidate.id) || chosen.includes(candidate)) continue;
    plain[i] = gainOf(candidate, coverage, ideal);
    gain[i] = plain[i]! * MAX_COHESION;
    heap.push(i);
  }
  let scored = 0;
  for (let round = 0; chosen.length < options.target; round++) {
    yield;
    let best: Candidate | undefined;
    for (let i = heap.pop(); i !== undefined; i = heap.pop()) {
      const candidate = candidates[i]!;
      if (++scored % SCORE_STEP === 0) yield;
      if (scoredIn[i] !== round) {
        // A topic must place some papers no other topic has; once it cannot, it never will.
        if (uncoveredIn(candidate, coverage) < minNew) continue;
        plain[i] = gainOf(candidate, coverage, ideal);
        gain[i] = plain[i]! * (candidate.cohesion ?? MAX_COHESION);
        scoredIn[i] = round;
        if (gain[i]! > 0) heap.push(i);
        continue;
      }
      if (candidate.cohesion === undefined) {
        // Cohesion is costly: only a candidate that leads even before it is measured needs it.
        cohesion ??= yield* Cohesion.measure(index, docs, weights);
        candidate.cohesion = cohesionFactor(cohesion.of(candidate.members, candidate.phrases));
        gain[i] = plain[i]! * candidate.cohesion;
        heap.push(i);
        continue;
      }
      // Sharing too many papers with a chosen topic is for good: chosen topics stay.
      if (overlapsChosen(candidate)) continue;
      best = candidate;
      break;
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
