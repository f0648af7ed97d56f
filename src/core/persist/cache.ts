// The parse cache behind a warm start: each listing's parse result with the size and
// modification time of the file it came from, so an unchanged file is not parsed again.
// Loading never throws: a corrupt, truncated or older cache just means parsing afresh.
//
// Layout (see binaryFile.ts): a JSON header (format, version, the columns' sizes, and per
// entry its file, stamps, problems and number of papers), then every entry's papers as
// columns (see cache/paperColumns.ts): all the numbers, all the ASCII text, all the other
// text. At 100k papers the text is mostly abstracts; JSON would cost seconds each way,
// and one text per listing would cost a string per listing.
import { z } from 'zod';
import { BYTE_ORDER, readBinaryFile, writeBinaryFile } from './binaryFile';
import { PaperColumnReader, PaperColumnWriter } from './paperColumns';
import { runToEnd, type Steps } from '../util/steps';
import { BibFieldSchema, PaperDraftSchema, ProblemSchema, type PaperDraft, type ParseResult } from '../paper/paper';

/** Bumped whenever the layout of a cache or the shape of a parse result changes. */
export const CACHE_VERSION = 4;
const CACHE_FORMAT = 'lit-review-parse-cache';
const MAGIC = 'LITREVC\n';

export interface CacheEntry {
  file: string;
  mtimeMs: number;
  size: number;
  result: ParseResult;
}

export interface CacheOptions {
  /**
   * What produced the results (the extension's version, say): a cache written by
   * another producer is ignored, since its parsers may have read files differently.
   */
  producer?: string;
}

const EntryHeaderSchema = z.object({
  file: z.string().min(1),
  mtimeMs: z.number().finite(),
  size: z.number().int().nonnegative(),
  problems: z.array(ProblemSchema),
  papers: z.number().int().nonnegative(),
  macros: z.array(BibFieldSchema).optional(),
});

const HeaderSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.literal(CACHE_VERSION),
  byteOrder: z.literal(BYTE_ORDER),
  producer: z.string().optional(),
  numbers: z.number().int().nonnegative(),
  asciiBytes: z.number().int().nonnegative(),
  wideBytes: z.number().int().nonnegative(),
  entries: z.array(EntryHeaderSchema),
});

/**
 * The columns make every field the type the schema asks; the schema's finer rules (a
 * date's form, non-empty strings) are checked on a sample spread over the whole cache,
 * since the full schema on every paper would cost a second at 100k papers.
 */
const FULLY_CHECKED_PAPERS = 500;

/** One parse result's papers in columns, ready to copy into a cache. */
interface Block {
  papers: number;
  /** The Int32 numbers' bytes. */
  numbers: Uint8Array;
  ascii: Uint8Array;
  /** The other text, in UTF-8. */
  wide: Uint8Array;
}

/**
 * The cache as bytes. Each parse result's block is remembered, so saving again after one
 * file changed encodes only that file (parse results are never modified in place).
 */
export function encodeCache(entries: readonly CacheEntry[], options: CacheOptions = {}): Uint8Array {
  return runToEnd(encodeCacheSteps(entries, options));
}

/** `encodeCache` as steps, a listing at a time (see util/steps). */
export function* encodeCacheSteps(entries: readonly CacheEntry[], options: CacheOptions = {}): Steps<Uint8Array> {
  const blocks: Block[] = [];
  for (const entry of entries) {
    blocks.push(blockOf(entry.result));
    yield;
  }
  const header = {
    format: CACHE_FORMAT,
    version: CACHE_VERSION,
    byteOrder: BYTE_ORDER,
    producer: options.producer,
    numbers: blocks.reduce((total, block) => total + block.numbers.length / 4, 0),
    asciiBytes: blocks.reduce((total, block) => total + block.ascii.length, 0),
    wideBytes: blocks.reduce((total, block) => total + block.wide.length, 0),
    entries: entries.map((entry, i) => ({ file: entry.file, mtimeMs: entry.mtimeMs, size: entry.size, problems: entry.result.problems, papers: blocks[i]!.papers, macros: entry.result.macros })),
  };
  // All the numbers, then all the ASCII text, then all the other text: each reads back in
  // one piece, one string for every abstract rather than one per listing.
  return writeBinaryFile(MAGIC, header, [blocks.map((block) => block.numbers), blocks.map((block) => block.ascii), blocks.map((block) => block.wide)]);
}

const blocks = new WeakMap<ParseResult, Block>();

function blockOf(result: ParseResult): Block {
  let block = blocks.get(result);
  if (!block) {
    const writer = new PaperColumnWriter();
    for (const paper of result.papers) writer.write(paper);
    const numberBytes = writer.numbers.length * 4;
    // Room for the worst case (three bytes a UTF-16 unit); the strings are encoded in
    // place, which costs half of joining them first.
    const room = writer.ascii.reduce((sum, text) => sum + text.length, 0) + writer.wide.reduce((sum, text) => sum + text.length * 3, 0);
    const bytes = new Uint8Array(numberBytes + room);
    new Int32Array(bytes.buffer, 0, writer.numbers.length).set(writer.numbers);
    const encoder = new TextEncoder();
    let at = numberBytes;
    for (const text of writer.ascii) at += encoder.encodeInto(text, bytes.subarray(at)).written;
    const wideAt = at;
    for (const text of writer.wide) at += encoder.encodeInto(text, bytes.subarray(at)).written;
    block = { papers: result.papers.length, numbers: bytes.subarray(0, numberBytes), ascii: bytes.subarray(numberBytes, wideAt), wide: bytes.subarray(wideAt, at) };
    blocks.set(result, block);
  }
  return block;
}

/** The cached entries, or undefined when the bytes are not a whole cache of this version and producer. */
export function decodeCache(bytes: Uint8Array, options: CacheOptions = {}): CacheEntry[] | undefined {
  try {
    return readCache(bytes, options);
  } catch {
    // A header that is not JSON, text that is not UTF-8, columns that do not add up.
    return undefined;
  }
}

function readCache(bytes: Uint8Array, options: CacheOptions): CacheEntry[] | undefined {
  const file = readBinaryFile(bytes, MAGIC);
  if (!file) return undefined;
  const header = HeaderSchema.safeParse(file.header);
  if (!header.success) return undefined;
  if (options.producer !== undefined && header.data.producer !== options.producer) return undefined;

  const { sections } = file;
  const reader = new PaperColumnReader(sections.int32s(header.data.numbers), sections.text(header.data.asciiBytes), sections.text(header.data.wideBytes));
  const entries: CacheEntry[] = [];
  for (const entry of header.data.entries) {
    const papers: PaperDraft[] = [];
    for (let i = 0; i < entry.papers; i++) papers.push(reader.read());
    entries.push({ file: entry.file, mtimeMs: entry.mtimeMs, size: entry.size, result: { papers, problems: entry.problems, ...(entry.macros ? { macros: entry.macros } : {}) } });
  }
  if (!reader.atEnd || !sections.atEnd || !looksValid(entries)) return undefined;
  return entries;
}

/** Every paper has a title and a source; a sample of them passes the full schema. */
function looksValid(entries: readonly CacheEntry[]): boolean {
  const total = entries.reduce((sum, entry) => sum + entry.result.papers.length, 0);
  const stride = Math.max(1, Math.floor(total / FULLY_CHECKED_PAPERS));
  let seen = 0;
  for (const entry of entries) {
    for (const paper of entry.result.papers) {
      if (!paper.title || !paper.sources.length) return false;
      if (seen++ % stride === 0 && !PaperDraftSchema.safeParse(paper).success) return false;
    }
  }
  return true;
}

/** The cached result, if it is still good for a file with this size and modification time. */
export function freshResult(entry: CacheEntry | undefined, mtimeMs: number, size: number): ParseResult | undefined {
  return entry && entry.mtimeMs === mtimeMs && entry.size === size ? entry.result : undefined;
}
