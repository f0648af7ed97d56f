// Papers like a paper, like a set of papers (a topic), or like a piece of text (the note
// being written): tf-idf vectors of title and abstract, compared by cosine.
//
// Each paper's vector is sparse and unit length, so a cosine is a dot product. An inverted
// index (term -> the papers holding it, with their weights) scores only papers that share a
// word with the query, each once per shared word, and a small sorted array keeps the best k.
// What makes two papers similar is the shared words that add most to their dot product.
import { foldForSearch, foldedWords } from '../search/normalize';
import { singular } from '../topics/vocabulary';
import { COMMON_ACRONYMS, LEXICON } from '../topics/lexicon';
import { STOP } from '../topics/words';

export interface SimilarDocument {
  key: string;
  title: string;
  abstract?: string;
}

export interface SimilarHit {
  key: string;
  /** Cosine of the two vectors, 0 to 1. */
  score: number;
  /** The few shared words that add most to the score, most first. */
  why: string[];
}

export interface SimilarOptions {
  /** How many papers to return (default 10). */
  limit?: number;
  /** How many words explain each hit (default 4). */
  whyWords?: number;
  /** Keys never returned (the paper itself is never returned anyway). */
  exclude?: Iterable<string>;
}

/** Words of abstract prose that say nothing about a subject, beyond the phrase-boundary words topics use. */
const PROSE = new Set(
  `paper approach method methods model models result results task tasks performance framework work experiment experiments benchmark
  benchmarks baseline baselines code data available github com http https www abstract existing achieve across while also however
  further results art state demonstrate demonstrates significant large language llm llms`.split(/\s+/),
);

export interface SimilarityTuning {
  titleWeight: number;
  bigrams: boolean;
  /** Rocchio feedback: the query moves toward its best few papers before the final ranking. */
  feedback: number;
  feedbackWeight: number;
  concepts: boolean;
  conceptWeight: number;
}
/**
 * Measured on the example library against hand-made topic labels (precision@5 of "same
 * topic"): plain tf-idf of words 0.43; with two-word terms, the lexicon's concepts and
 * acronyms spelled out 0.53; with one round of feedback from the best three 0.56.
 */
export const DEFAULT_TUNING: SimilarityTuning = { titleWeight: 3, bigrams: true, concepts: true, conceptWeight: 3, feedback: 3, feedbackWeight: 1 };

/** The indexable words of a text: folded, singular, no function words or bare numbers. */
export function similarityTerms(text: string, bigrams = false, concepts = false): string[] {
  const out: string[] = [];
  const words: string[] = [];
  for (const word of foldedWords(foldForSearch(text))) {
    const long = COMMON_ACRONYMS.get(word);
    if (long) words.push(...long.split(' ').map(singular));
    else words.push(singular(word));
  }
  let previous: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const term = words[i]!;
    if (concepts && PHRASE_STARTS.has(term)) {
      for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1; n--) {
        const label = PHRASES.get(words.slice(i, i + n).join(' '));
        if (label) {
          out.push(CONCEPT + label);
          break;
        }
      }
    }
    if (term.length < 2 || /^\d+$/.test(term) || STOP.has(term) || term === 'of') {
      previous = undefined;
      continue;
    }
    if (bigrams && previous) out.push(`${previous} ${term}`);
    previous = term;
    if (!PROSE.has(term)) out.push(term);
  }
  return out;
}

/** Concepts are terms of their own: a bigram "tree search" and the concept Tree Search count apart. */
export const CONCEPT = '~';

/** Each phrase of the topics' lexicon -> its concept's label, written as a term of its own. */
const PHRASES = new Map<string, string>(LEXICON.flatMap((concept) => concept.phrases.map((phrase) => [phrase, concept.label.toLowerCase()] as [string, string])));
const PHRASE_STARTS = new Set([...PHRASES.keys()].map((phrase) => phrase.split(' ')[0]!));
const MAX_PHRASE = Math.max(...[...PHRASES.keys()].map((phrase) => phrase.split(' ').length));

interface Vector {
  terms: Int32Array;
  weights: Float32Array;
}

export class SimilarityIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly idf: Float64Array;
  private readonly keys: string[];
  private readonly byKey = new Map<string, number>();
  private readonly vectors: Vector[];
  /** Term t's postings are `postingDocs/postingWeights[postingStart[t] .. postingStart[t+1])`. */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingWeights: Float32Array;
  private readonly scores: Float64Array;

  private constructor(documents: readonly SimilarDocument[], private readonly tuning: SimilarityTuning) {
    this.keys = documents.map((d) => d.key);
    documents.forEach((d, i) => this.byKey.set(d.key, i));
    const counts: Map<number, number>[] = documents.map((d) => {
      const tf = new Map<number, number>();
      const add = (text: string | undefined, weight: number) => {
        for (const term of similarityTerms(text ?? '', tuning.bigrams, tuning.concepts)) {
          const id = this.termId(term);
          tf.set(id, (tf.get(id) ?? 0) + (term.startsWith(CONCEPT) ? weight * tuning.conceptWeight : weight));
        }
      };
      add(d.title, tuning.titleWeight);
      add(d.abstract, 1);
      return tf;
    });
    const n = documents.length;
    const df = new Int32Array(this.words.length);
    for (const tf of counts) for (const id of tf.keys()) df[id]!++;
    // A word every paper has tells none apart; a word of one paper links it to nothing,
    // but still matches a free text that uses it.
    this.idf = new Float64Array(df.length);
    for (let t = 0; t < df.length; t++) this.idf[t] = Math.log((n + 1) / (df[t]! + 0.5));

    this.vectors = counts.map((tf) => this.vectorOf(tf));
    this.postingStart = new Int32Array(df.length + 1);
    for (let t = 0; t < df.length; t++) this.postingStart[t + 1] = this.postingStart[t]! + df[t]!;
    const total = this.postingStart[df.length]!;
    this.postingDocs = new Int32Array(total);
    this.postingWeights = new Float32Array(total);
    const fill = this.postingStart.slice(0, df.length);
    this.vectors.forEach((vector, doc) => {
      for (let i = 0; i < vector.terms.length; i++) {
        const at = fill[vector.terms[i]!]!++;
        this.postingDocs[at] = doc;
        this.postingWeights[at] = vector.weights[i]!;
      }
    });
    this.scores = new Float64Array(n);
  }

  static build(documents: readonly SimilarDocument[], tuning: Partial<SimilarityTuning> = {}): SimilarityIndex {
    return new SimilarityIndex(documents, { ...DEFAULT_TUNING, ...tuning });
  }

  get size(): number {
    return this.keys.length;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Papers like the paper `key`; empty when the index does not hold it. */
  similarToPaper(key: string, options: SimilarOptions = {}): SimilarHit[] {
    return this.similarToPapers([key], options);
  }

  /** Papers like a set of papers taken together (their centroid), none of them returned. */
  similarToPapers(keys: readonly string[], options: SimilarOptions = {}): SimilarHit[] {
    const docs = keys.map((key) => this.byKey.get(key)).filter((doc): doc is number => doc !== undefined);
    if (!docs.length) return [];
    const sum = new Map<number, number>();
    for (const doc of docs) {
      const v = this.vectors[doc]!;
      for (let i = 0; i < v.terms.length; i++) sum.set(v.terms[i]!, (sum.get(v.terms[i]!) ?? 0) + v.weights[i]!);
    }
    return this.rank(normalized(sum), { ...options, exclude: [...(options.exclude ?? []), ...keys] });
  }

  /** Papers like a free text: a topic's name, a question, the note being written. */
  similarToText(text: string, options: SimilarOptions = {}): SimilarHit[] {
    const tf = new Map<number, number>();
    for (const term of similarityTerms(text, this.tuning.bigrams, this.tuning.concepts)) {
      const id = this.vocabulary.get(term);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return this.rank(this.vectorOf(tf), options);
  }

  private termId(term: string): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.words.length;
      this.vocabulary.set(term, id);
      this.words.push(term);
    }
    return id;
  }

  /** Sublinear term frequency times idf, unit length, terms in id order. */
  private vectorOf(tf: ReadonlyMap<number, number>): Vector {
    const weights = new Map<number, number>();
    for (const [id, count] of tf) {
      const w = (1 + Math.log(count)) * this.idf[id]!;
      if (w > 0) weights.set(id, w);
    }
    return normalized(weights);
  }

  private rank(query: Vector, options: SimilarOptions): SimilarHit[] {
    if (this.tuning.feedback > 0) {
      const first = this.rankDocs(query, { ...options, limit: this.tuning.feedback });
      const sum = new Map<number, number>();
      for (let i = 0; i < query.terms.length; i++) sum.set(query.terms[i]!, query.weights[i]!);
      const share = this.tuning.feedbackWeight / Math.max(1, first.length);
      for (const doc of first) {
        const v = this.vectors[doc]!;
        for (let i = 0; i < v.terms.length; i++) sum.set(v.terms[i]!, (sum.get(v.terms[i]!) ?? 0) + share * v.weights[i]!);
      }
      const expanded = normalized(sum);
      // Chosen by the widened query; scored, ordered and explained by the words truly shared (none: left out).
      return this.rankDocs(expanded, { ...options, limit: (options.limit ?? 10) + this.tuning.feedback })
        .map((doc) => ({ key: this.keys[doc]!, score: Math.min(1, this.dot(query, this.vectors[doc]!)), why: this.sharedWords(query, this.vectors[doc]!, options.whyWords ?? 4) }))
        .filter((hit) => hit.score > 1e-9)
        .slice(0, options.limit ?? 10)
        .sort((a, b) => b.score - a.score);
    }
    return this.rankDocs(query, options).map((doc) => ({ key: this.keys[doc]!, score: Math.min(1, this.dot(query, this.vectors[doc]!)), why: this.sharedWords(query, this.vectors[doc]!, options.whyWords ?? 4) }));
  }

  private dot(a: Vector, b: Vector): number {
    let sum = 0;
    let i = 0;
    let j = 0;
    while (i < a.terms.length && j < b.terms.length) {
      const ta = a.terms[i]!;
      const tb = b.terms[j]!;
      if (ta === tb) sum += a.weights[i++]! * b.weights[j++]!;
      else if (ta < tb) i++;
      else j++;
    }
    return sum;
  }

  private rankDocs(query: Vector, options: SimilarOptions): number[] {
    const limit = options.limit ?? 10;
    const excluded = new Set<number>();
    for (const key of options.exclude ?? []) {
      const doc = this.byKey.get(key);
      if (doc !== undefined) excluded.add(doc);
    }
    const scores = this.scores;
    const touched: number[] = [];
    for (let i = 0; i < query.terms.length; i++) {
      const t = query.terms[i]!;
      const w = query.weights[i]!;
      for (let p = this.postingStart[t]!, end = this.postingStart[t + 1]!; p < end; p++) {
        const doc = this.postingDocs[p]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += w * this.postingWeights[p]!;
      }
    }
    // The best `limit`, best first, in a small sorted array: a heap buys nothing at k = 10.
    const best: number[] = [];
    for (const doc of touched) {
      const score = scores[doc]!;
      if (excluded.has(doc) || score <= 1e-9) continue;
      if (best.length === limit && score <= scores[best[limit - 1]!]!) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && scores[best[at - 1]!]! < score) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = doc;
    }
    for (const doc of touched) scores[doc] = 0;
    return best;
  }

  /** The shared terms that add most to the dot product of two vectors. */
  private sharedWords(a: Vector, b: Vector, count: number): string[] {
    const shared: { term: number; weight: number }[] = [];
    let i = 0;
    let j = 0;
    while (i < a.terms.length && j < b.terms.length) {
      const ta = a.terms[i]!;
      const tb = b.terms[j]!;
      if (ta === tb) shared.push({ term: ta, weight: a.weights[i++]! * b.weights[j++]! });
      else if (ta < tb) i++;
      else j++;
    }
    // "tree search" says what "tree" and "search" would: a term whose words the terms already
    // given hold ("carlo tree" after "tree search" and "monte carlo") is left out.
    const chosen: string[][] = [];
    for (const { term } of shared.sort((x, y) => y.weight - x.weight)) {
      const words = this.words[term]!.replace(CONCEPT, '').split(' ');
      if (words.every((word) => chosen.some((phrase) => phrase.includes(word)))) continue;
      for (let i = chosen.length - 1; i >= 0; i--) if (chosen[i]!.every((word) => words.includes(word))) chosen.splice(i, 1);
      chosen.push(words);
      if (chosen.length === count) break;
    }
    return chosen.map((words) => words.join(' '));
  }
}

function normalized(weights: ReadonlyMap<number, number>): Vector {
  const terms = Int32Array.from(weights.keys()).sort();
  let norm = 0;
  for (const w of weights.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  const out = new Float32Array(terms.length);
  for (let i = 0; i < terms.length; i++) out[i] = weights.get(terms[i]!)! / norm;
  return { terms, weights: out };
}
