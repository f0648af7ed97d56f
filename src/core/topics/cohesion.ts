// Whether a candidate's papers belong together for more than the phrase that names it.
// "code generation" papers also share "benchmark", "test case", "program"; papers that
// merely use GRPO, or say "long-horizon", share little else. Measured as the mean cosine
// similarity between the papers' distinctive-phrase vectors, leaving out the candidate's
// own phrases and their parts, relative to the same mean over all papers.
import type { PaperIndex } from './paperIndex';
import type { IntList } from '../util/intList';
import { scratchFor } from './scratch';
import { inChunks, type Steps } from '../util/steps';

/** Papers read between pauses. */
const PAPER_STEP = 2048;

export class Cohesion {
  private readonly norms: Float64Array;
  private readonly baseline: number;
  // Shared working arrays (see scratch.ts), left all zero after each use.
  private readonly sums: Float64Array;
  private readonly squares: Float64Array;
  private readonly counts: Int32Array;
  private readonly touched: IntList;

  /** Use `Cohesion.measure`, which pauses while the papers are read. */
  private constructor(
    private readonly index: PaperIndex,
    docs: readonly number[],
    private readonly weights: Float64Array,
    norms: Float64Array,
  ) {
    this.norms = norms;
    ({ sums: this.sums, squares: this.squares, counts: this.counts, touched: this.touched } = scratchFor(index));
    this.baseline = this.meanSimilarity(sample(docs, 4 * SAMPLE), []) || 1e-9;
  }

  static *measure(index: PaperIndex, docs: readonly number[], weights: Float64Array): Steps<Cohesion> {
    // Only sampled papers are ever compared: the others need no length.
    const norms = new Float64Array(index.papers.length);
    yield* inChunks(docs.length, PAPER_STEP, (from, to) => {
      for (let d = from; d < to; d++) {
        const doc = docs[d]!;
        const phrases = index.phrases[doc]!;
        const flags = index.about[doc]!;
        let norm = 0;
        for (let k = 0; k < phrases.length; k++) if (flags[k]) norm += weights[phrases[k]!]! ** 2;
        norms[doc] = Math.sqrt(norm) || 1;
      }
    });
    return new Cohesion(index, docs, weights, norms);
  }

  /** Above 1: the papers are more alike than the library's; below 1: less. */
  of(members: readonly number[], own: readonly number[]): number {
    return this.meanSimilarity(sample(members, SAMPLE), own) / this.baseline;
  }

  /**
   * The candidate's own phrases and their parts ("group relative" of "group relative policy
   * optimization"), and longer phrases containing them that many of its papers share.
   */
  private relatedTo(own: readonly number[], touched: IntList, members: number): Set<number> {
    const { table } = this.index;
    const related = new Set<number>(own);
    const ownTexts = own.map((phrase) => ` ${table.text(phrase)} `);
    for (const phrase of own) {
      const words = table.text(phrase).split(' ');
      for (let start = 0; start < words.length; start++) {
        for (let end = start + 1; end <= words.length; end++) {
          const part = table.find(words.slice(start, end).join(' '));
          if (part !== undefined) related.add(part);
        }
      }
    }
    for (let i = 0; i < touched.length; i++) {
      const phrase = touched.data[i]!;
      if (this.counts[phrase]! * 2 >= members && table.words(phrase) > 1 && isPartOf(` ${table.text(phrase)} `, ownTexts)) related.add(phrase);
    }
    return related;
  }

  /**
   * Mean pairwise cosine, computed from per-phrase sums: for each phrase shared by at
   * least two papers, (sum of weights)^2 - sum of squared weights is its part of all
   * pairwise dot products.
   */
  private meanSimilarity(members: readonly number[], own: readonly number[]): number {
    if (members.length < 2) return 0;
    const { index, weights, norms, sums, squares, counts, touched } = this;
    touched.length = 0;
    for (const doc of members) {
      const phrases = index.phrases[doc]!;
      const flags = index.about[doc]!;
      const norm = norms[doc]!;
      for (let k = 0; k < phrases.length; k++) {
        const phrase = phrases[k]!;
        if (!flags[k] || weights[phrase] === 0) continue;
        const value = weights[phrase]! / norm;
        if (counts[phrase] === 0) touched.push(phrase);
        counts[phrase]!++;
        sums[phrase] += value;
        squares[phrase] += value * value;
      }
    }
    const related = this.relatedTo(own, touched, members.length);
    let total = 0;
    for (let i = 0; i < touched.length; i++) {
      const phrase = touched.data[i]!;
      if (counts[phrase]! >= 2 && !related.has(phrase)) total += sums[phrase]! * sums[phrase]! - squares[phrase]!;
      counts[phrase] = 0;
      sums[phrase] = 0;
      squares[phrase] = 0;
    }
    return total / (members.length * (members.length - 1));
  }
}

/** A mean over this many papers is steady enough to rank candidates. */
const SAMPLE = 64;

/** Every n-th paper, so the sample is the same whatever else changes. */
function sample(docs: readonly number[], size: number): readonly number[] {
  if (docs.length <= size) return docs;
  const step = docs.length / size;
  return Array.from({ length: size }, (_, i) => docs[Math.floor(i * step)]!);
}

/** "group relative" is part of "group relative policy optimization", and the other way round. */
function isPartOf(padded: string, ownTexts: readonly string[]): boolean {
  return ownTexts.some((text) => text.includes(padded) || padded.includes(text));
}
