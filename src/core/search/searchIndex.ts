// Fuzzy search over the library, fast enough to run on every keystroke at 100k papers:
// an inverted index narrows the papers to those with every query word, fuse.js orders
// the best hundred of them, and word-by-word checks on those hundred weigh what a person
// would: a paper named exactly by the query first, a title holding the query as a phrase
// above titles that merely hold its words, an author's papers first for their name, and
// papers a little above their code, data and web pages.
import { IntList } from '../util/intList';
import type { Paper } from '../paper/paper';
import { runToEnd, sortSteps, type Steps } from '../util/steps';
import { CandidateFinder, type Candidates, type QueryWord } from './candidates';
import { authorWordsOf, documentTerms, identifiers, queryIdentifiers, searchDocument, type SearchDocument } from './documents';
import { isStopWord, keyShapedParts, searchWords } from './normalize';
import { FuseScorer } from './rescore';
import { isInitialOf, misspells, titlePhrase } from './wordMatch';
import { TermDictionary, type TermTable } from './termDictionary';
import type { TermIndex, WordMatches } from './termIndex';
import { buildTermIndex } from './termIndexBuild';

export interface SearchHit {
  paper: Paper;
  /** 0 for a perfect match, 1 for the worst, as in fuse.js. */
  score: number;
}

export interface SearchOptions {
  /** At most this many hits (default 50). */
  limit?: number;
  /**
   * Whether papers with only some of the words follow those with all of them (default
   * true): a search offers what is near, a filter keeps only what matches.
   */
  partial?: boolean;
}

const DEFAULT_LIMIT = 50;
/** How many of the index's best candidates fuse.js re-scores. */
const RESCORED = 100;
/** Typing re-sends the same words on every keystroke: their look-ups are kept. */
const LOOKUP_CACHE_SIZE = 256;
/** Words past this many add nothing a person meant and only cost time. */
const MAX_WORDS = 12;
/**
 * How much of the final score is the index's relevance, the rest being fuse.js's. The
 * index knows which field and how exactly each word matched; fuse.js's character-level
 * score orders papers the index rates alike (measured on the query set in the tests).
 */
const INDEX_SHARE = 0.8;
/** A query that is a paper's short name puts it first; one that begins it, well up. */
const SHORT_NAME_FACTOR = 0.05;
const SHORT_NAME_START_FACTOR = 0.5;
/** The short name with a typo: it names the paper, less surely than typed right. */
const SHORT_NAME_TYPO_FACTOR = 0.3;
/** A title holding the query as a phrase ranks well above papers that merely hold its words. */
const PHRASE_FACTOR = 0.5;
/** A title that begins with the phrase is about it ("The Asteroid Routing Problem: …"). */
const PHRASE_AT_START_FACTOR = 0.9;
/** The query's letters in one run in the title ("oversearch" in "Over-Search"): a weaker phrase. */
const RUN_OF_LETTERS_FACTOR = 0.7;
/** Code, data, web pages and volumes: a little below papers that match as well, never hidden. */
const NON_PAPER_FACTOR = 1.3;
/** A paper with only some of the query's words scores at least this: below the papers with all of them. */
const PARTIAL_FLOOR = 0.5;
/** Papers whose identifiers are read between two points where a build in steps may pause. */
const PAPERS_PER_STEP = 4096;

/** What a search reads, as built or read back from a saved index. */
export interface SearchTables {
  /** The papers in key order: a paper's place here is its document number. */
  papers: Paper[];
  /** Each document's place in the list of papers the index was made from. */
  places: Int32Array;
  terms: TermIndex;
  /** Each paper's key, arXiv id and DOI, lower-cased, and the document each names. */
  identifiers: TermTable;
  identifierDocs: Int32Array;
}

export class SearchIndex {
  private readonly papers: Paper[];
  private readonly places: Int32Array;
  private readonly terms: TermIndex;
  private readonly finder: CandidateFinder;
  private readonly identifiers: TermTable;
  private readonly identifierDocs: Int32Array;
  /** Folded titles, made when a paper is first re-scored: most never are. */
  private readonly documents: (SearchDocument | undefined)[] = [];
  private readonly lookups = new Map<string, WordMatches>();
  private readonly fuse = new FuseScorer();

  /** An index of `papers`, or one made from the tables of a saved index (see savedIndex.ts). */
  constructor(source: readonly Paper[] | SearchTables) {
    const tables = 'terms' in source ? source : runToEnd(buildTables(source));
    this.papers = tables.papers;
    this.places = tables.places;
    this.terms = tables.terms;
    this.identifiers = tables.identifiers;
    this.identifierDocs = tables.identifierDocs;
    this.finder = new CandidateFinder(this.terms);
  }

  /** An index of `papers` built in steps, for a caller that pauses between them (see steps.ts). */
  static *buildInSteps(papers: readonly Paper[]): Steps<SearchIndex> {
    return new SearchIndex(yield* buildTables(papers));
  }

  /** The tables, for saving. */
  toTables(): SearchTables {
    return { papers: this.papers, places: this.places, terms: this.terms, identifiers: this.identifiers, identifierDocs: this.identifierDocs };
  }

  get size(): number {
    return this.papers.length;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const words = [...new Set(searchWords(query).flatMap(keyShapedParts))].slice(0, MAX_WORDS);
    if (!words.length || !limit) return [];
    const named = this.namedBy(query);
    const queryWords = this.queryWords(words);
    const best = topCandidates(this.finder.find(queryWords), Math.max(RESCORED, limit), named);
    const form = this.queryForm(words);
    const hits = this.rescore(best, form, named);
    // Too few papers have every word: those that have some follow, below every full match.
    if (options.partial !== false && hits.length < limit && queryWords.filter((word) => word.required).length > 1) {
      const found = new Set(hits.map((hit) => hit.doc));
      const some = topCandidates(this.finder.findSome(queryWords), Math.max(RESCORED, limit), undefined).filter((candidate) => !found.has(candidate.doc));
      const partial = this.rescore(some, form, undefined).map((hit) => ({ ...hit, score: PARTIAL_FLOOR + (1 - PARTIAL_FLOOR) * hit.score }));
      hits.push(...partial);
    }
    return hits.slice(0, limit).map((hit) => ({ paper: this.papers[hit.doc]!, score: roundScore(hit.score) }));
  }

  /**
   * The final order: the index's relevance blended with fuse.js's score, then what a person
   * reading the list would weigh (see `judge`), and a query that is an author's name puts
   * that author's papers first.
   */
  private rescore(best: readonly Ranked[], query: QueryForm, named: number | undefined): Judged[] {
    // Only the best hundred or so are worth fuse.js's time and the word-by-word checks; the
    // rest (when a caller asks for many) keep the index's order, below them.
    const fused = this.fuse.scores(
      best.slice(0, RESCORED).map((candidate) => candidate.doc),
      (doc) => this.document(doc),
      query.words,
    );
    const hits = best.map(({ doc, relevance }, i): Judged => {
      if (doc === named) return { doc, score: 0, exact: true, byAuthor: false };
      const document = this.document(doc);
      const closely = i < RESCORED;
      const blended = INDEX_SHARE * (1 - relevance) + (1 - INDEX_SHARE) * (fused[i] ?? 1);
      const exact = document.shortName !== '' && document.shortName === query.compact;
      const score = exact ? blended * SHORT_NAME_FACTOR : judge(document, blended, query, closely);
      return { doc, score, exact, byAuthor: closely && this.namesAuthors(doc, document, query) };
    });
    return authorsFirst(hits).sort((a, b) => a.score - b.score || a.doc - b.doc);
  }

  /**
   * The query's words as the re-scoring reads them. For a query that may be authors' names,
   * each word's terms: the word itself if the library has it, else the words a typo or two
   * away ("vapnick" for Vapnik); a word of one letter is an initial.
   */
  private queryForm(words: readonly string[]): QueryForm {
    const content = words.filter((word) => !isStopWord(word));
    const nameWords = content.map((word): NameWord => {
      if (word.length === 1) return { word, initial: true, terms: new Set() };
      const exact = this.terms.termOf(word);
      // A word no paper has may be a misspelled name; as the typed word's look-up has them.
      const terms = exact !== undefined ? [exact] : this.lookup(word, true).terms.filter((match) => match.typo).map((match) => match.term);
      return { word, initial: false, terms: new Set(terms) };
    });
    // A letter alone is the first key of any query, not an initial.
    const mayBeNames = nameWords.some((name) => !name.initial) && nameWords.every((name) => name.initial || name.terms.size > 0);
    // Initials last: they are read letter by letter, and most papers fail a name before.
    return { words, compact: words.join(''), nameWords: mayBeNames ? nameWords.sort((a, b) => Number(a.initial) - Number(b.initial)) : [] };
  }

  /**
   * Whether every word of the query is part of the paper's authors' names: "vapnik",
   * "vladimir vapnik", "geva berant" for two authors of one paper, read from the paper's
   * own index terms. "learning" is never a misspelled Leaming: the library has the word.
   */
  private namesAuthors(doc: number, document: SearchDocument, { nameWords }: QueryForm): boolean {
    if (!nameWords.length || !document.paper.authors.length) return false;
    return nameWords.every((name) => (name.initial ? isInitialOf(authorWordsOf(document), name.word) : this.terms.hasHeadTerm(doc, name.terms, 'people')));
  }

  /** The paper whose key, arXiv id or DOI the query is. */
  private namedBy(query: string): number | undefined {
    for (const id of queryIdentifiers(query)) {
      const found = this.identifiers.find(id);
      if (found !== undefined) return this.identifierDocs[found];
    }
    return undefined;
  }

  private document(doc: number): SearchDocument {
    return (this.documents[doc] ??= searchDocument(this.papers[doc]!));
  }

  /**
   * Each word with the terms it may stand for. Neighbouring words are also tried joined
   * ("zero search" finds "ZeroSearch"), and the joined form counts for both words.
   */
  private queryWords(words: readonly string[]): QueryWord[] {
    const allStopWords = words.every(isStopWord);
    const last = words.length - 1;
    const result: QueryWord[] = words.map((word, i) => {
      const required = allStopWords || !isStopWord(word);
      // A finished stop word ("for" before "learning") is only itself, not "format".
      const asPrefix = i === last || (required && word.length >= 3);
      const { terms, prefixes } = this.lookup(word, asPrefix, required ? 2 : 0);
      return { terms: [...terms], prefixes: [...prefixes], required };
    });
    const spans: [number, number][] = [];
    for (let i = 0; i < last; i++) spans.push([i, i + 1]);
    if (words.length >= 3 && words.length <= 5) spans.push([0, last]);
    for (const [from, to] of spans) {
      const joined = words.slice(from, to + 1);
      // Fewer typos than the shortest word has letters: "alpha z" must not find "alpha"
      // as a typo of "alphaz", which would let "alpha" stand for the "z" too.
      const maxTypos = Math.min(...joined.map((word) => word.length)) - 1;
      const { terms, prefixes } = this.lookup(joined.join(''), to === last, maxTypos);
      for (let i = from; i <= to; i++) {
        result[i]!.terms.push(...terms);
        result[i]!.prefixes.push(...prefixes);
      }
    }
    return result;
  }

  private lookup(word: string, asPrefix: boolean, maxTypos = 2): WordMatches {
    const id = `${asPrefix ? '*' : '='}${Math.max(0, Math.min(2, maxTypos))}${word}`;
    let matches = this.lookups.get(id);
    if (!matches) {
      if (this.lookups.size >= LOOKUP_CACHE_SIZE) this.lookups.clear();
      matches = this.terms.lookup(word, asPrefix, maxTypos);
      this.lookups.set(id, matches);
    }
    return matches;
  }
}

function* buildTables(unordered: readonly Paper[]): Steps<SearchTables> {
  // Papers in key order: ties everywhere below break by key without comparing strings.
  const places = Int32Array.from(yield* sortSteps([...unordered.keys()], (a, b) => compareKeys(unordered[a]!.key, unordered[b]!.key)));
  const papers = Array.from(places, (place) => unordered[place]!);
  yield;
  // Terms are made one paper at a time and dropped once indexed: at 100k papers a list
  // of all of them would be millions of strings.
  const terms = yield* buildTermIndex(mapLazily(papers, documentTerms));
  const identifierDictionary = new TermDictionary();
  const identifierDocs = new IntList();
  for (let doc = 0; doc < papers.length; doc++) {
    if (doc % PAPERS_PER_STEP === PAPERS_PER_STEP - 1) yield;
    // An identifier two papers share names the first.
    for (const id of identifiers(papers[doc]!)) if (identifierDictionary.add(id) === identifierDocs.length) identifierDocs.push(doc);
  }
  const identifierTable = yield* identifierDictionary.freezeInSteps();
  return { papers, places, terms, identifiers: identifierTable, identifierDocs: identifierDocs.data.slice(0, identifierDocs.length) };
}

export interface Ranked {
  doc: number;
  relevance: number;
}

/**
 * The `count` most relevant candidates, the earlier document winning ties, and the
 * paper the query names (if any) whatever its relevance. Exported for its tests.
 */
export function topCandidates(found: Candidates, count: number, named: number | undefined): Ranked[] {
  const { docs, relevance } = found;
  // The count-th relevance, found in one pass or so instead of sorting tens of thousands;
  // one more when a named paper may be among them, as it is left out below.
  const wanted = named === undefined ? count : count + 1;
  const threshold = docs.length > wanted ? kthLargest(relevance, wanted) : -Infinity;
  const top: Ranked[] = [];
  let ties = 0;
  for (let i = 0; i < docs.length; i++) {
    if (docs[i] === named) continue;
    if (relevance[i]! > threshold) top.push({ doc: docs[i]!, relevance: relevance[i]! });
    else if (relevance[i] === threshold) ties++;
  }
  if (top.length < count && ties > 0) {
    // Papers at the threshold itself: the earliest documents, as many as there is room for.
    if (tieScratch.length < ties) tieScratch = new Int32Array(Math.max(ties, 2 * tieScratch.length));
    const tied = tieScratch.subarray(0, ties);
    for (let i = 0, at = 0; i < docs.length; i++) if (relevance[i] === threshold && docs[i] !== named) tied[at++] = docs[i]!;
    tied.sort();
    const room = Math.min(tied.length, count - top.length);
    for (let i = 0; i < room; i++) top.push({ doc: tied[i]!, relevance: threshold });
  }
  top.sort((a, b) => b.relevance - a.relevance || a.doc - b.doc);
  top.length = Math.min(top.length, count);
  if (named !== undefined) top.unshift({ doc: named, relevance: 1 });
  return top;
}

/** Scratch arrays for `topCandidates`, grown to the largest search so far. */
let selectScratch = new Float32Array(0);
let tieScratch = new Int32Array(0);

/** The k-th largest of `values` (k from 1): a quickselect on a copy, three-way for the many ties relevance has. */
function kthLargest(values: Float32Array, k: number): number {
  if (selectScratch.length < values.length) selectScratch = new Float32Array(Math.max(values.length, 2 * selectScratch.length));
  const a = selectScratch;
  a.set(values);
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  for (;;) {
    if (lo >= hi) return a[lo]!;
    const mid = lo + ((hi - lo) >> 1);
    // The median of three as the pivot.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // [lo, lt) above the pivot, [lt, gt] equal to it, (gt, hi] below.
    let lt = lo;
    let gt = hi;
    for (let i = lo; i <= gt; ) {
      const v = a[i]!;
      if (v > pivot) {
        a[i++] = a[lt]!;
        a[lt++] = v;
      } else if (v < pivot) {
        a[i] = a[gt]!;
        a[gt--] = v;
      } else i++;
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else return pivot;
  }
}


/** The query as the re-scoring compares it: its folded words, and all of them in one run. */
interface QueryForm {
  words: readonly string[];
  compact: string;
  /** The words that are not small ones, as they may be part of authors' names; none when they cannot all be. */
  nameWords: readonly NameWord[];
}

/** A word of the query as part of a name: an initial, or the terms it may be. */
interface NameWord {
  word: string;
  initial: boolean;
  terms: ReadonlySet<number>;
}

/** A candidate's final score, and what decided it. */
interface Judged {
  doc: number;
  score: number;
  /** Named exactly, by an identifier or its short name: first whatever else holds. */
  exact: boolean;
  /** The query is the name of one of its authors. */
  byAuthor: boolean;
}

/**
 * The blended score of a paper the query does not name exactly, weighed as a person reading
 * the list would (see `matchFactor`), with code, data or a web page a little below the
 * papers that match as well. `closely` for the re-scored hundred: only they get the
 * word-by-word checks.
 */
function judge(document: SearchDocument, score: number, query: QueryForm, closely: boolean): number {
  const judged = score * matchFactor(document, query, closely);
  return document.nonPaper ? Math.min(1, judged * NON_PAPER_FACTOR) : judged;
}

/**
 * The strongest of: a query that begins the paper's short name, or is the short name
 * misspelled; a title that holds the query as a phrase (more so at its start); a title that
 * holds the query's letters in one run ("oversearch" in "Over-Search").
 */
function matchFactor(document: SearchDocument, { words, compact }: QueryForm, closely: boolean): number {
  if (compact.length >= 3 && document.shortName.startsWith(compact)) return SHORT_NAME_START_FACTOR;
  if (closely && misspells(compact, document.shortName)) return SHORT_NAME_TYPO_FACTOR;
  const phrase = closely ? titlePhrase(document.titleWords, words) : undefined;
  if (phrase) return phrase === 'start' ? PHRASE_FACTOR * PHRASE_AT_START_FACTOR : PHRASE_FACTOR;
  return compact.length >= 6 && document.compactTitle.includes(compact) ? RUN_OF_LETTERS_FACTOR : 1;
}

/**
 * A query that is an author's name means that author's papers: when some candidate is by
 * the author, the papers that only mention the name follow all of them, in their own order.
 * A paper named exactly keeps its place.
 */
function authorsFirst(hits: Judged[]): Judged[] {
  let ceiling = -1;
  for (const hit of hits) if (hit.byAuthor && hit.score > ceiling) ceiling = hit.score;
  if (ceiling < 0) return hits;
  for (const hit of hits) if (!hit.byAuthor && !hit.exact) hit.score = ceiling + (1 - ceiling) * hit.score;
  return hits;
}

function* mapLazily<T, U>(items: readonly T[], map: (item: T) => U): Iterable<U> {
  for (const item of items) yield map(item);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function roundScore(score: number): number {
  return Math.min(1, Math.max(0, Math.round(score * 1e6) / 1e6));
}
