// Putting each paper in the topics it is most about. Two kinds of evidence add up: the
// topic's own phrase in the paper (a title hit counts most), and how much of the rest of
// its vocabulary the paper shares with the topic's papers (cosine similarity over
// distinctive phrases). The second places papers that say the same thing in other words,
// and pulls a paper that mentions a phrase in passing towards the topic it is really about.
import type { PaperIndex } from './paperIndex';
import { scratchFor } from './scratch';
import type { Candidate } from './candidates';

/** How much similarity counts against the topic's own phrase (strength 0..1). */
const SIMILARITY_WEIGHT = 1;
/** A paper without the phrase needs at least this similarity to join. */
const MIN_SIMILARITY = 0.15;
/** A further topic needs at least this share of the paper's best topic's score. */
const SECONDARY_SHARE = 0.6;
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
  const { weights } = context;
  const postings = new Postings(index.table.count);
  const { sums } = scratchFor(index);
  const norms = chosen.map((candidate, t) => centroidInto(postings, t, index, candidate.members, weights, sums));
  const direct = chosen.map((candidate) => {
    const strengths = new Uint8Array(index.papers.length);
    candidate.members.forEach((doc, i) => (strengths[doc] = candidate.strengths[i]!));
    return strengths;
  });

  const members: number[][] = chosen.map(() => []);
  const dots = new Float64Array(chosen.length);
  const scores = new Float64Array(chosen.length);
  const ranked: number[] = [];
  for (const doc of docs) {
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
    for (let t = 0; t < chosen.length; t++) {
      const similarity = dots[t]! / (norm * norms[t]!);
      const strength = direct[t]![doc]!;
      scores[t] = strength > 0 || similarity >= MIN_SIMILARITY ? strength / MAX_STRENGTH + SIMILARITY_WEIGHT * similarity : 0;
      if (scores[t]! > best) best = scores[t]!;
    }
    if (best <= 0) continue;
    ranked.length = 0;
    for (let t = 0; t < chosen.length; t++) if (scores[t]! > 0 && scores[t]! >= best * SECONDARY_SHARE) ranked.push(t);
    ranked.sort((a, b) => scores[b]! - scores[a]! || a - b);
    for (let i = 0; i < ranked.length && i < limit; i++) members[ranked[i]!]!.push(doc);
  }
  return members;
}

/** A topic's vector keeps its heaviest phrases: the rest barely move a cosine and cost time. */
const CENTROID_PHRASES = 300;

/** Per phrase, the topics whose vectors weigh it, and how much (a linked list in flat arrays). */
class Postings {
  private readonly first: Int32Array;
  private readonly next: number[] = [];
  private readonly topics: number[] = [];
  private readonly weights: number[] = [];

  constructor(phrases: number) {
    this.first = new Int32Array(phrases).fill(-1);
  }

  add(phrase: number, topic: number, weight: number): void {
    this.next.push(this.first[phrase]!);
    this.topics.push(topic);
    this.weights.push(weight);
    this.first[phrase] = this.next.length - 1;
  }

  /** dots[topic] += the topic's weight of the phrase x value, for every topic that has it. */
  addTo(dots: Float64Array, phrase: number, value: number): void {
    for (let e = this.first[phrase]!; e >= 0; e = this.next[e]!) dots[this.topics[e]!] += this.weights[e]! * value;
  }
}

/**
 * The average distinctive-phrase vector of a topic's papers, its heaviest phrases added to
 * `postings`. Returns its length (of the whole vector).
 */
function centroidInto(postings: Postings, topic: number, index: PaperIndex, docs: readonly number[], weights: Float64Array, sums: Float64Array): number {
  const touched: number[] = [];
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
  let norm = 0;
  for (const phrase of touched) norm += (sums[phrase]! / docs.length) ** 2;
  touched.sort((a, b) => sums[b]! - sums[a]! || a - b);
  for (let i = 0; i < touched.length; i++) {
    if (i < CENTROID_PHRASES) postings.add(touched[i]!, topic, sums[touched[i]!]! / docs.length);
    sums[touched[i]!] = 0;
  }
  return Math.sqrt(norm) || 1;
}
