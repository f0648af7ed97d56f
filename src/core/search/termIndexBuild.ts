// Building the inverted index: every paper's terms read once, then laid out term by term.
// Two passes keep memory flat: first each document's term ids, one after another in one
// buffer, then the postings placed from the counts.
import { IntList } from '../util/intList';
import { sortSteps, type Steps } from '../util/steps';
import { isStopWord, scanBodyTerms } from './normalize';
import { TermDictionary } from './termDictionary';
import { BODY_COUNT_BITS, HEAD_FIELD_BITS, HEAD_FIELDS, TermIndex, type DocumentTerms, type TermIndexParts } from './termIndex';

const MAX_BODY_COUNT = (1 << BODY_COUNT_BITS) - 1;

/** Counts and scratch values the build keeps for each term, grown as terms appear. */
class PerTermArrays {
  readonly headCounts = new IntList();
  readonly bodyCounts = new IntList();
  readonly seenIn = new IntList();
  readonly scratch = new IntList();
  /** 1 for a stop word, which running text does not index. */
  readonly stopWord = new IntList();
  get length(): number {
    return this.seenIn.length;
  }
  add(term: string): void {
    this.headCounts.push(0);
    this.bodyCounts.push(0);
    this.seenIn.push(0);
    this.scratch.push(0);
    this.stopWord.push(isStopWord(term) ? 1 : 0);
  }
}

/** What the first pass over the documents gathers. */
interface DocumentsRead {
  dictionary: TermDictionary;
  /** Every document's head terms in turn, `term << HEAD_FIELD_BITS | fieldMask`; `headEnds[d]` ends document d's. */
  headTerms: IntList;
  headEnds: IntList;
  /** Every document's abstract terms in turn, `term << BODY_COUNT_BITS | occurrences`. */
  bodyTerms: IntList;
  bodyEnds: IntList;
  perTerm: PerTermArrays;
}

/** Documents read between two points where a build in steps may pause. */
const DOCUMENTS_PER_STEP = 256;
/** Postings renumbered between two such points. */
const POSTINGS_PER_STEP = 65536;

/** The index, in steps (see steps.ts): it pauses every few hundred documents and between phases. */
export function* buildTermIndex(documents: Iterable<DocumentTerms>): Steps<TermIndex> {
  const read = yield* readDocuments(documents);
  // Terms are numbered in alphabetical order: the terms a prefix begins are then a run of
  // ids, and their postings one stretch of the tables, walked without a look-up per term.
  const order = yield* alphabeticalOrder(read.dictionary);
  const rank = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
  yield;
  const postings = yield* layOutPostings(read, rank);
  // Kept as a forward index: each document's head terms, for checking a few candidates
  // against a short prefix without walking the prefix's long postings.
  const docHeadData = read.headTerms.data.slice(0, read.headTerms.length);
  for (let i = 0; i < docHeadData.length; i++) {
    if (i % POSTINGS_PER_STEP === POSTINGS_PER_STEP - 1) yield;
    const packed = docHeadData[i]!;
    docHeadData[i] = (rank[packed >>> HEAD_FIELD_BITS]! << HEAD_FIELD_BITS) | (packed & ((1 << HEAD_FIELD_BITS) - 1));
  }
  yield;
  const dictionary = yield* read.dictionary.freezeInSteps(order);
  return new TermIndex({
    dictionary,
    ...postings,
    docHeadData,
    docHeadEnd: read.headEnds.data.slice(0, read.headEnds.length),
  });
}

function* readDocuments(documents: Iterable<DocumentTerms>): Steps<DocumentsRead> {
  const dictionary = new TermDictionary();
  const read: DocumentsRead = { dictionary, headTerms: new IntList(), headEnds: new IntList(), bodyTerms: new IntList(), bodyEnds: new IntList(), perTerm: new PerTermArrays() };
  const { headTerms, bodyTerms, perTerm } = read;
  const fresh: number[] = [];
  let pass = 0;
  // Marks a term seen in this pass, listing it in `fresh` once; a new term gets its per-term slots.
  const note = (id: number): void => {
    if (id >= perTerm.length) perTerm.add(dictionary.text(id));
    if (perTerm.seenIn.data[id] !== pass) {
      perTerm.seenIn.data[id] = pass;
      perTerm.scratch.data[id] = 0;
      fresh.push(id);
    }
  };
  const bodyTerm = (id: number): void => {
    note(id);
    perTerm.scratch.data[id]!++;
  };
  const visitor = {
    asciiWord: (text: string, start: number, end: number, skippable: boolean): void => {
      const id = dictionary.addAsciiWord(text, start, end);
      if (id >= perTerm.length) perTerm.add(dictionary.text(id));
      if (!skippable || perTerm.stopWord.data[id] === 0) bodyTerm(id);
    },
    term: (term: string): void => bodyTerm(dictionary.add(term)),
  };
  for (const document of documents) {
    const done = read.bodyEnds.length;
    if (done > 0 && done % DOCUMENTS_PER_STEP === 0) yield;
    // "Seen in this pass" and a per-term scratch value (field bits, then occurrences),
    // indexed by term id instead of a map per document: this loop reads every word
    // of every abstract.
    pass++;
    fresh.length = 0;
    for (let bit = 0; bit < HEAD_FIELDS.length; bit++) {
      for (const term of document.head[HEAD_FIELDS[bit]!]) {
        const id = dictionary.add(term);
        note(id);
        perTerm.scratch.data[id]! |= 1 << bit;
      }
    }
    for (const id of fresh) {
      headTerms.push((id << HEAD_FIELD_BITS) | perTerm.scratch.data[id]!);
      perTerm.headCounts.data[id]!++;
    }
    read.headEnds.push(headTerms.length);
    pass++;
    fresh.length = 0;
    scanBodyTerms(document.abstract, visitor);
    for (const id of fresh) {
      bodyTerms.push((id << BODY_COUNT_BITS) | Math.min(perTerm.scratch.data[id]!, MAX_BODY_COUNT));
      perTerm.bodyCounts.data[id]!++;
    }
    read.bodyEnds.push(bodyTerms.length);
  }
  return read;
}

/** Turns documents' term lists into term-by-term postings, each list in document order. */
/** `rank[id]` is the term's id in the index (its alphabetical place). */
function* layOutPostings({ dictionary, headTerms, headEnds, bodyTerms, bodyEnds, perTerm }: DocumentsRead, rank: Int32Array): Steps<Pick<TermIndexParts, 'headStart' | 'headData' | 'bodyStart' | 'bodyData'>> {
  const termCount = dictionary.size;
  const headStart = prefixSums(perTerm.headCounts.data, rank, termCount);
  const bodyStart = prefixSums(perTerm.bodyCounts.data, rank, termCount);
  const headData = new Int32Array(headStart[termCount]!);
  const bodyData = new Int32Array(bodyStart[termCount]!);
  const headFill = headStart.slice(0, termCount);
  const bodyFill = bodyStart.slice(0, termCount);
  let head = 0;
  let body = 0;
  for (let doc = 0; doc < headEnds.length; doc++) {
    if (doc % DOCUMENTS_PER_STEP === DOCUMENTS_PER_STEP - 1) yield;
    for (const end = headEnds.data[doc]!; head < end; head++) {
      const packed = headTerms.data[head]!;
      const mask = packed & ((1 << HEAD_FIELD_BITS) - 1);
      headData[headFill[rank[packed >>> HEAD_FIELD_BITS]!]!++] = (doc << HEAD_FIELD_BITS) | mask;
    }
    for (const end = bodyEnds.data[doc]!; body < end; body++) {
      const packed = bodyTerms.data[body]!;
      bodyData[bodyFill[rank[packed >>> BODY_COUNT_BITS]!]!++] = (doc << BODY_COUNT_BITS) | (packed & MAX_BODY_COUNT);
    }
  }
  return { headStart, headData, bodyStart, bodyData };
}

/** Term ids in alphabetical order of their texts. */
function* alphabeticalOrder(dictionary: TermDictionary): Steps<Int32Array> {
  const ids = Array.from({ length: dictionary.size }, (_, i) => i);
  // Hundreds of thousands of terms at 100k papers: sorted in steps, the editor keeps its turn.
  const order = yield* sortSteps(ids, (a, b) => (dictionary.text(a) < dictionary.text(b) ? -1 : 1));
  return Int32Array.from(order);
}

/** Where each term's postings start, the terms taken in their new order (`rank[id]`). */
function prefixSums(counts: Int32Array, rank: Int32Array, length: number): Int32Array {
  const ranked = new Int32Array(length);
  for (let id = 0; id < length; id++) ranked[rank[id]!] = counts[id]!;
  const starts = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) starts[i + 1] = starts[i]! + ranked[i]!;
  return starts;
}
