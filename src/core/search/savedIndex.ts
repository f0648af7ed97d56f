// The search index saved for the next start, so that a library that has not changed is
// searchable at once instead of after reading every abstract again (8 s at 100k papers).
// Everything is integers and two texts (the terms, and the papers' identifiers) with
// their hash tables: loading is a copy, one decode each, and checks; no string per term.
//
// A saved index belongs to one state of the library, named by a stamp its caller makes
// (the listings' sizes and times, say): loading it for any other stamp, or for papers
// other than those it was made from, gives nothing. So does any damage: the tables are
// checked to be consistent before a search may walk them.
import { z } from 'zod';
import { BYTE_ORDER, int32Bytes, readBinaryFile, writeBinaryFile, type SectionReader } from '../persist/binaryFile';
import type { Paper } from '../paper/paper';
import { SearchIndex, type SearchTables } from './searchIndex';
import { hashOf, TermTable } from './termDictionary';
import { BODY_COUNT_BITS, HEAD_FIELD_BITS, TermIndex } from './termIndex';

/** Bumped whenever the tables' layout or the way papers are split into terms changes. */
export const SAVED_INDEX_VERSION = 2;
const FORMAT = 'lit-review-search-index';
const MAGIC = 'LITREVS\n';
/**
 * Every this many papers' keys are checked against (the hash of) the saved ones: reading
 * a property of every paper, each of its own shape, would cost more than the rest of a load.
 */
const KEY_CHECK_STRIDE = 16;

const count = z.number().int().nonnegative();
const HeaderSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(SAVED_INDEX_VERSION),
  byteOrder: z.literal(BYTE_ORDER),
  stamp: z.string(),
  documents: count,
  terms: count,
  termSlots: count,
  identifiers: count,
  identifierSlots: count,
  headPostings: count,
  bodyPostings: count,
  documentHeadTerms: count,
  termBytes: count,
  identifierBytes: count,
});
type Header = z.infer<typeof HeaderSchema>;

/** Each paper is saved as its place in the list the index was made from; loading needs the papers in that order again. */
export function encodeSearchIndex(index: SearchIndex, stamp: string): Uint8Array {
  const tables = index.toTables();
  const parts = tables.terms.toParts();
  const termText = new TextEncoder().encode(parts.dictionary.all);
  const identifierText = new TextEncoder().encode(tables.identifiers.all);
  const header: Header = {
    format: FORMAT,
    version: SAVED_INDEX_VERSION,
    byteOrder: BYTE_ORDER,
    stamp,
    documents: tables.papers.length,
    terms: parts.dictionary.size,
    termSlots: parts.dictionary.slots.length,
    identifiers: tables.identifiers.size,
    identifierSlots: tables.identifiers.slots.length,
    headPostings: parts.headData.length,
    bodyPostings: parts.bodyData.length,
    documentHeadTerms: parts.docHeadData.length,
    termBytes: termText.length,
    identifierBytes: identifierText.length,
  };
  const sections = [
    parts.dictionary.starts,
    parts.dictionary.slots,
    parts.headStart,
    parts.headData,
    parts.bodyStart,
    parts.bodyData,
    parts.docHeadData,
    parts.docHeadEnd,
    tables.places,
    keyHashes(tables.papers),
    tables.identifiers.starts,
    tables.identifiers.slots,
    tables.identifierDocs,
  ];
  return writeBinaryFile(MAGIC, header, [...sections.map(int32Bytes), termText, identifierText]);
}

/** The saved index for `papers` (in the order the index was made from), or undefined when it was saved for another stamp or other papers, or is damaged. */
export function decodeSearchIndex(bytes: Uint8Array, papers: readonly Paper[], stamp: string): SearchIndex | undefined {
  try {
    const file = readBinaryFile(bytes, MAGIC);
    const header = file && HeaderSchema.safeParse(file.header);
    if (!file || !header?.success || header.data.stamp !== stamp) return undefined;
    const tables = readTables(file.sections, header.data, papers);
    return tables && new SearchIndex(tables);
  } catch {
    // A header that is not JSON, text that is not UTF-8, sections that run short.
    return undefined;
  }
}

function readTables(sections: SectionReader, header: Header, papers: readonly Paper[]): SearchTables | undefined {
  const { documents, terms, identifiers } = header;
  const termStarts = sections.int32s(terms + 1);
  const termSlots = sections.int32s(header.termSlots);
  const headStart = sections.int32s(terms + 1);
  const headData = sections.int32s(header.headPostings);
  const bodyStart = sections.int32s(terms + 1);
  const bodyData = sections.int32s(header.bodyPostings);
  const docHeadData = sections.int32s(header.documentHeadTerms);
  const docHeadEnd = sections.int32s(documents);
  const places = sections.int32s(documents);
  const savedKeyHashes = sections.int32s(documents);
  const identifierStarts = sections.int32s(identifiers + 1);
  const identifierSlots = sections.int32s(header.identifierSlots);
  const identifierDocs = sections.int32s(identifiers);
  const termText = sections.text(header.termBytes);
  const identifierText = sections.text(header.identifierBytes);
  if (!sections.atEnd) return undefined;

  const dictionary = TermTable.restore(termText, termStarts, termSlots);
  // Term ids in alphabetical order, as prefix look-ups take them to be.
  if (!dictionary?.isAscending()) return undefined;
  // Each term's papers in rising order, as the candidate search merges them; a paper's terms in any order.
  if (!isLists(headStart, headData, HEAD_FIELD_BITS, documents, true) || !isLists(bodyStart, bodyData, BODY_COUNT_BITS, documents, true)) return undefined;
  if (!isLists(prepend0(docHeadEnd), docHeadData, HEAD_FIELD_BITS, terms, false)) return undefined;
  const identifierTable = TermTable.restore(identifierText, identifierStarts, identifierSlots);
  if (!identifierTable || identifierDocs.some((doc) => doc < 0 || doc >= documents)) return undefined;
  const inKeyOrder = papersAt(papers, places, savedKeyHashes);
  if (!inKeyOrder) return undefined;
  const termIndex = new TermIndex({ dictionary, headStart, headData, bodyStart, bodyData, docHeadData, docHeadEnd });
  return { papers: inKeyOrder, places: places, terms: termIndex, identifiers: identifierTable, identifierDocs };
}


function keyHashes(papers: readonly Paper[]): Int32Array {
  const hashes = new Int32Array(papers.length);
  for (let i = 0; i < papers.length; i++) hashes[i] = hashOf(papers[i]!.key, 0, papers[i]!.key.length);
  return hashes;
}

/** The papers at the saved places, each once, with the keys saved there (see KEY_CHECK_STRIDE). */
function papersAt(papers: readonly Paper[], places: Int32Array, savedKeyHashes: Int32Array): Paper[] | undefined {
  if (papers.length !== places.length) return undefined;
  const found: Paper[] = [];
  const taken = new Uint8Array(papers.length);
  for (let doc = 0; doc < places.length; doc++) {
    const place = places[doc]!;
    const paper = papers[place];
    if (!paper || taken[place]) return undefined;
    if (doc % KEY_CHECK_STRIDE === 0 && (hashOf(paper.key, 0, paper.key.length) | 0) !== savedKeyHashes[doc]) return undefined;
    taken[place] = 1;
    found.push(paper);
  }
  return found;
}



/**
 * Whether `data` holds lists that `starts` bounds (from 0 to the end, never backwards),
 * each of `id << lowBits | flags` with every id below `idLimit`, rising if `rising`.
 */
function isLists(starts: Int32Array, data: Int32Array, lowBits: number, idLimit: number, rising: boolean): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== data.length) return false;
  for (let list = 0; list + 1 < starts.length; list++) {
    const from = starts[list]!;
    const to = starts[list + 1]!;
    if (to < from) return false;
    let previous = -1;
    for (let i = from; i < to; i++) {
      const value = data[i]!;
      const id = value >>> lowBits;
      if (value < 0 || id >= idLimit || (rising && id <= previous)) return false;
      previous = id;
    }
  }
  return true;
}

/** Ends of lists as starts: a 0 in front. */
function prepend0(ends: Int32Array): Int32Array {
  const starts = new Int32Array(ends.length + 1);
  starts.set(ends, 1);
  return starts;
}
