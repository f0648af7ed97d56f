// Putting each paper in the topics it is most about. Two kinds of evidence add up: the
// topic's own phrase in the paper (a title hit counts most), and how much of the rest of
// its vocabulary the paper shares with the topic's papers (cosine similarity over
// distinctive phrases). The second places papers that say the same thing in other words,
// and pulls a paper that mentions a phrase in passing towards the topic it is really about.
import type { PaperIndex } from './paperIndex';
import type { IntList } from '../util/intList';
import { scratchFor } from './scratch';
import type { Candidate } from './candidates';
import { inChunks, runToEnd, type Steps } from '../util/steps';

/** How much similarity counts against the topic's own phrase (strength 0..1). */
const SIMILARITY_WEIGHT = 1;
/** A paper without the phrase needs at least this similarity to join. */
const MIN_SIMILARITY = 0.15;
/**
 * A paper no topic claims joins the most alike one from this similarity on. Low, as a
 * large topic's vector is spread over many phrases (even its own papers' cosines with it
 * are small), but above zero: a paper sharing nothing with any topic stays in "Other".
 * Measured against 0.05 and 0.1: the same F1 as 0.05 on the example's hand labels (0.487;
 * 0.1 gives 0.501 but leaves four of 60 papers in "Other"), and on the synthetic benchmark
 * library of 10,000 papers "Other" holds 84 papers, where 0.05 leaves 2,106 and 0.1 3,253.
 */
const FALLBACK_SIMILARITY = 0.02;
/**
 * A further topic needs at least this share of the paper's best topic's score: a second
 * or third topic is for papers really about several things, not one that touches another.
 */
const SECONDARY_SHARE = 0.75;
/** A title hit and three abstract mentions (see paperIndex.ts). */
const MAX_STRENGTH = 7;

export interface AssignmentContext {
  /** Per phrase: how much sharing it says about two papers (see Selection.weights). */
  weights: Float64Array;
}

/**
 * @param room Per paper, how many automatic topics it may still get (rules and folders
 *   may have used some of the maximum).
 * @returns Per topic (index into `chosen`), its papers, ascending.
 */
export function assignPapers(index: PaperIndex, chosen: readonly Candidate[], docs: readonly number[], room: (doc: number) => number, context: AssignmentContext): number[][] {
  return runToEnd(assignPapersSteps(index, chosen, docs, room, context));
}

/** Papers placed between pauses. */
const PAPER_STEP = 512;

export function* assignPapersSteps(
  index: PaperIndex,
  chosen: readonly Candidate[],
  docs: readonly number[],
  room: (doc: number) => number,
  context: AssignmentContext,
): Steps<number[][]> {
  const { weights } = context;
  const postings = new Postings(index.table.count);
  const { sums, touched } = scratchFor(index);
  const norms: number[] = [];
  for (let t = 0; t < chosen.length; t++) {
    norms.push(centroidInto(postings, t, index, chosen[t]!.members, weights, sums, touched));
    yield;
  }
  postings.seal();
  const direct = chosen.map((candidate) => {
    const strengths = new Uint8Array(index.papers.length);
    candidate.members.forEach((doc, i) => (strengths[doc] = candidate.strengths[i]!));
    return strengths;
  });

  const members: number[][] = chosen.map(() => []);
  const dots = new Float64Array(chosen.length);
  const scores = new Float64Array(chosen.length);
  const ranked: number[] = [];
  yield* inChunks(docs.length, PAPER_STEP, (from, to) => {
    for (let d = from; d < to; d++) {
      const doc = docs[d]!;
      const limit = room(doc);
      if (limit <= 0) continue;
      const phrases = index.phrases[doc]!;
      const flags = index.about[doc]!;
      dots.fill(0);
      let norm = 0;
      for (let k = 0; k < phrases.length; k++) {
        const weight = flags[k] ? weights[phrases[k]!]! : 0;
        if (weight === 0) continue;
        norm += weight * weight;
        postings.addTo(dots, phrases[k]!, weight);
      }
      norm = Math.sqrt(norm) || 1;
      let best = 0;
      let closest = -1;
      let closestSimilarity = FALLBACK_SIMILARITY;
      for (let t = 0; t < chosen.length; t++) {
        const similarity = dots[t]! / (norm * norms[t]!);
        const strength = direct[t]![doc]!;
        scores[t] = strength > 0 || similarity >= MIN_SIMILARITY ? strength / MAX_STRENGTH + SIMILARITY_WEIGHT * similarity : 0;
        if (scores[t]! > best) best = scores[t]!;
        if (similarity > closestSimilarity) {
          closest = t;
          closestSimilarity = similarity;
        }
      }
      if (best <= 0) {
        // No topic's phrase and no close likeness: the most alike topic still beats "Other",
        // where a paper sits with papers it has nothing in common with.
        if (closest >= 0) members[closest]!.push(doc);
        continue;
      }
      ranked.length = 0;
      for (let t = 0; t < chosen.length; t++) if (scores[t]! > 0 && scores[t]! >= best * SECONDARY_SHARE) ranked.push(t);
      // Higher score first, ties to the first topic: an insertion sort, as there are only a few.
      for (let i = 1; i < ranked.length; i++) {
        const t = ranked[i]!;
        let j = i - 1;
        for (; j >= 0 && (scores[ranked[j]!]! < scores[t]! || (scores[ranked[j]!] === scores[t] && ranked[j]! > t)); j--) ranked[j + 1] = ranked[j]!;
        ranked[j + 1] = t;
      }
      for (let i = 0; i < ranked.length && i < limit; i++) members[ranked[i]!]!.push(doc);
    }
  });
  return members;
}

/** A topic's vector keeps its heaviest phrases: the rest barely move a cosine and cost time. */
const CENTROID_PHRASES = 300;

/**
 * Per phrase, the topics whose vectors weigh it, and how much. Filled topic by topic, then
 * laid out phrase by phrase in flat arrays, so scoring a paper reads memory in order.
 */
class Postings {
  private readonly pending: number[] = [];
  private offsets = new Int32Array(0);
  private topics = new Int32Array(0);
  private weights = new Float64Array(0);

  constructor(private readonly phrases: number) {}

  add(phrase: number, topic: number, weight: number): void {
    this.pending.push(phrase, topic, weight);
  }

  /** Lays out what was added; call once, after the last `add`. */
  seal(): void {
    const { pending } = this;
    const offsets = new Int32Array(this.phrases + 1);
    for (let i = 0; i < pending.length; i += 3) offsets[pending[i]! + 1]!++;
    for (let phrase = 0; phrase < this.phrases; phrase++) offsets[phrase + 1] += offsets[phrase]!;
    const at = offsets.slice(0, this.phrases);
    this.topics = new Int32Array(pending.length / 3);
    this.weights = new Float64Array(pending.length / 3);
    for (let i = 0; i < pending.length; i += 3) {
      const to = at[pending[i]!]!++;
      this.topics[to] = pending[i + 1]!;
      this.weights[to] = pending[i + 2]!;
    }
    this.offsets = offsets;
  }

  /** dots[topic] += the topic's weight of the phrase x value, for every topic that has it. */
  addTo(dots: Float64Array, phrase: number, value: number): void {
    const end = this.offsets[phrase + 1]!;
    for (let e = this.offsets[phrase]!; e < end; e++) dots[this.topics[e]!] += this.weights[e]! * value;
  }
}

/**
 * The average distinctive-phrase vector of a topic's papers, its heaviest phrases added to
 * `postings`. Returns its length (of the whole vector).
 */
function centroidInto(postings: Postings, topic: number, index: PaperIndex, docs: readonly number[], weights: Float64Array, sums: Float64Array, touched: IntList): number {
  touched.length = 0;
  for (const doc of docs) {
    const phrases = index.phrases[doc]!;
    const flags = index.about[doc]!;
    for (let k = 0; k < phrases.length; k++) {
      const weight = flags[k] ? weights[phrases[k]!]! : 0;
      if (weight === 0) continue;
      if (sums[phrases[k]!] === 0) touched.push(phrases[k]!);
      sums[phrases[k]!] += weight;
    }
  }
  const list = touched.data.subarray(0, touched.length);
  let norm = 0;
  for (const phrase of list) norm += (sums[phrase]! / docs.length) ** 2;
  // The heaviest phrases, ties to the lower phrase number. Only which phrases make the cut
  // matters (each adds its own term to a dot product), so no full sort is needed.
  const cut = cutoff(list, sums, CENTROID_PHRASES);
  const tied: number[] = [];
  for (const phrase of list) {
    const sum = sums[phrase]!;
    if (sum > cut) postings.add(phrase, topic, sum / docs.length);
    else if (sum === cut) tied.push(phrase);
  }
  const room = CENTROID_PHRASES - (list.length - tied.length - countBelow(list, sums, cut));
  tied.sort((a, b) => a - b);
  for (let i = 0; i < tied.length && i < room; i++) postings.add(tied[i]!, topic, cut / docs.length);
  for (const phrase of list) sums[phrase] = 0;
  return Math.sqrt(norm) || 1;
}

/** The `keep`-th largest sum among the phrases (-Infinity when there are fewer). */
function cutoff(phrases: Int32Array, sums: Float64Array, keep: number): number {
  if (phrases.length <= keep) return -Infinity;
  const values = new Float64Array(phrases.length);
  phrases.forEach((phrase, i) => (values[i] = sums[phrase]!));
  return nthLargest(values, keep);
}

/** Quickselect: the n-th largest value (1-based), in time linear on average; reorders `values`. */
function nthLargest(values: Float64Array, n: number): number {
  const target = n - 1;
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    // Middle of three as pivot: already sorted runs do not make it quadratic.
    const mid = (low + high) >> 1;
    const pivot = Math.max(Math.min(values[low]!, values[mid]!), Math.min(Math.max(values[low]!, values[mid]!), values[high]!));
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return values[target]!;
  }
  return values[target]!;
}

function countBelow(phrases: Int32Array, sums: Float64Array, cut: number): number {
  let count = 0;
  for (const phrase of phrases) if (sums[phrase]! < cut) count++;
  return count;
}
