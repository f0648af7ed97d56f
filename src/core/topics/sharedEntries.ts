// Which paper uses which phrase how strongly, keeping only what can matter. Most phrases
// of a library occur in one paper only ("we evaluate five"), and a phrase one paper is
// about is no topic. So a phrase's first paper is set aside in three numbers per phrase,
// and its entries are only written out once a second paper is about it too: a library of
// 10,000 abstracts writes a few hundred thousand entries instead of millions.
import { inChunks, type Steps } from '../util/steps';

/** Per phrase: 0 unseen, 1 one paper is about it (entry set aside), 2 two or more. */
const UNSEEN = 0;
/** Papers between pauses when entries are laid out. */
const PAPER_STEP = 4096;
const ONCE = 1;
const SHARED = 2;

export class SharedEntries {
  private state = new Uint8Array(1 << 16);
  private firstDoc = new Int32Array(1 << 16);
  private firstStrength = new Uint8Array(1 << 16);
  /** Every entry written out, paper after paper, and where each paper starts. */
  private phrases = new Int32Array(1 << 16);
  private strengths = new Uint8Array(1 << 16);
  private length = 0;
  private readonly starts: number[] = [0];
  /** First papers' entries written out late (doc, phrase, strength), in no particular order. */
  private late: number[] = [];

  /**
   * @param always Per phrase, 1 to keep every entry (lexicon phrases), whether or not the
   *   paper is about it: concepts add up weak mentions.
   */
  constructor(private readonly always: Uint8Array) {}

  /** Room for phrase ids below `count` (phrases are numbered as papers are read). */
  reserve(count: number): void {
    if (count <= this.state.length) return;
    const size = Math.max(count, this.state.length * 2);
    this.state = grown(this.state, new Uint8Array(size));
    this.firstDoc = grown(this.firstDoc, new Int32Array(size));
    this.firstStrength = grown(this.firstStrength, new Uint8Array(size));
  }

  /** An entry of the paper being read (`doc`); `about` as in isAbout. */
  add(doc: number, phrase: number, strength: number, about: boolean): void {
    if (phrase < this.always.length && this.always[phrase]) {
      this.write(phrase, strength);
      return;
    }
    if (!about) return;
    const state = this.state[phrase]!;
    if (state === UNSEEN) {
      this.state[phrase] = ONCE;
      this.firstDoc[phrase] = doc;
      this.firstStrength[phrase] = strength;
      return;
    }
    if (state === ONCE) {
      this.late.push(this.firstDoc[phrase]!, phrase, this.firstStrength[phrase]!);
      this.state[phrase] = SHARED;
    }
    this.write(phrase, strength);
  }

  endPaper(): void {
    this.starts.push(this.length);
  }

  /** Whether at least two papers are about the phrase. */
  shared(phrase: number): boolean {
    return phrase < this.state.length && this.state[phrase] === SHARED;
  }

  /** Writes out the entry set aside for a phrase only one paper is about (a heading is a topic hint even then). */
  release(phrase: number): void {
    if (phrase >= this.state.length || this.state[phrase] !== ONCE) return;
    this.late.push(this.firstDoc[phrase]!, phrase, this.firstStrength[phrase]!);
    this.state[phrase] = SHARED;
  }

  /**
   * Per paper, its entries of the phrases `keep` maps to a number (>= 0), renumbered so:
   * views into three buffers, one object per paper and no memory of their own.
   */
  *perPaper(
    papers: number,
    keep: Int32Array,
    isAbout: (phrase: number, strength: number) => boolean,
  ): Steps<{ phrases: Int32Array[]; strengths: Uint8Array[]; about: Uint8Array[] }> {
    const counts = new Int32Array(papers + 1);
    yield* inChunks(papers, PAPER_STEP, (from, to) => {
      for (let doc = from; doc < to; doc++) {
        for (let e = this.starts[doc]!; e < this.starts[doc + 1]!; e++) if (keep[this.phrases[e]!]! >= 0) counts[doc + 1]!++;
      }
    });
    const late = this.late;
    for (let i = 0; i < late.length; i += 3) if (keep[late[i + 1]!]! >= 0) counts[late[i]! + 1]!++;
    for (let doc = 0; doc < papers; doc++) counts[doc + 1] += counts[doc]!;
    const total = counts[papers]!;
    const keptPhrases = new Int32Array(total);
    const keptStrengths = new Uint8Array(total);
    const keptAbout = new Uint8Array(total);
    const at = counts.slice(0, papers);
    const put = (doc: number, phrase: number, strength: number): void => {
      const to = at[doc]!++;
      keptPhrases[to] = keep[phrase]!;
      keptStrengths[to] = strength;
      keptAbout[to] = isAbout(phrase, strength) ? 1 : 0;
    };
    // First the paper's entries as it was read, then those of phrases it was first to use.
    yield* inChunks(papers, PAPER_STEP, (from, to) => {
      for (let doc = from; doc < to; doc++) {
        for (let e = this.starts[doc]!; e < this.starts[doc + 1]!; e++) if (keep[this.phrases[e]!]! >= 0) put(doc, this.phrases[e]!, this.strengths[e]!);
      }
    });
    for (let i = 0; i < late.length; i += 3) if (keep[late[i + 1]!]! >= 0) put(late[i]!, late[i + 1]!, late[i + 2]!);
    const phrases: Int32Array[] = [];
    const strengths: Uint8Array[] = [];
    const about: Uint8Array[] = [];
    yield* inChunks(papers, PAPER_STEP, (from, to) => {
      for (let doc = from; doc < to; doc++) {
        phrases.push(keptPhrases.subarray(counts[doc]!, counts[doc + 1]!));
        strengths.push(keptStrengths.subarray(counts[doc]!, counts[doc + 1]!));
        about.push(keptAbout.subarray(counts[doc]!, counts[doc + 1]!));
      }
    });
    return { phrases, strengths, about };
  }

  private write(phrase: number, strength: number): void {
    if (this.length === this.phrases.length) {
      this.phrases = grown(this.phrases, new Int32Array(this.length * 2));
      this.strengths = grown(this.strengths, new Uint8Array(this.length * 2));
    }
    this.phrases[this.length] = phrase;
    this.strengths[this.length++] = strength;
  }
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
