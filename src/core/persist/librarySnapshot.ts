// The library as it was last shown: its papers merged and keyed, its problems and merges,
// and the listings (name, modification time, size) they came from. A start whose
// listings are all unchanged shows this at once instead of merging and keying again
// (seconds at 100k papers); the parse cache is read only when a listing has changed.
//
// Layout (see binaryFile.ts): a JSON header (format, version, what made it, the
// listings, every key, problems and merges), then the papers as columns (paperColumns.ts).
// Loading never throws: a damaged or older snapshot just means starting from the cache.
import { z } from 'zod';
import { BYTE_ORDER, readBinaryFile, writeBinaryFile } from './binaryFile';
import { PaperColumnReader, PaperColumnWriter } from './paperColumns';
import { runToEnd, type Steps } from '../util/steps';
import { PaperDraftSchema, ProblemSchema, SourceSchema, type Paper } from '../paper/paper';
import type { BuiltLibrary } from '../indexing/library';

/** Bumped whenever the layout or the shape of a paper changes. */
export const SNAPSHOT_VERSION = 1;
const SNAPSHOT_FORMAT = 'lit-review-library-snapshot';
const MAGIC = 'LITREVS\n';

/** A listing the library was read from: its name and the stamps it had. */
export type ListingStamp = [file: string, mtimeMs: number, size: number];

export interface LibrarySnapshot {
  /** Sorted by file name. */
  listings: ListingStamp[];
  library: BuiltLibrary;
}

export interface SnapshotOptions {
  /**
   * What made the snapshot: the extension's version and the settings that change how
   * listings are read and keyed. A snapshot made by anything else is not used.
   */
  producer: string;
}

const ListingStampSchema = z.tuple([z.string().min(1), z.number().finite(), z.number().int().nonnegative()]);

const KeyMergeSchema = z.object({
  key: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  reason: z.enum(['arXiv id', 'DOI', 'title']),
  title: z.string(),
});

const RefusedMergeSchema = z.object({ title: z.string(), reason: z.string(), sources: z.tuple([SourceSchema, SourceSchema]) });

const HeaderSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  byteOrder: z.literal(BYTE_ORDER),
  producer: z.string(),
  listings: z.array(ListingStampSchema),
  keys: z.array(z.string().min(1)),
  problems: z.array(ProblemSchema),
  merges: z.array(KeyMergeSchema),
  refusedMerges: z.array(RefusedMergeSchema),
  numbers: z.number().int().nonnegative(),
  asciiBytes: z.number().int().nonnegative(),
  wideBytes: z.number().int().nonnegative(),
});

/** The full schema on every paper would cost a second at 100k papers: a spread sample is checked. */
const FULLY_CHECKED_PAPERS = 500;

export function encodeLibrarySnapshot(snapshot: LibrarySnapshot, options: SnapshotOptions): Uint8Array {
  return runToEnd(encodeSnapshotSteps(snapshot, options));
}

/** Papers encoded between pauses: a few milliseconds' work. */
const STEP_SIZE = 500;

/** `encodeLibrarySnapshot` as steps, so that saving 100k papers never holds the editor (see util/steps). */
export function* encodeSnapshotSteps(snapshot: LibrarySnapshot, options: SnapshotOptions): Steps<Uint8Array> {
  const { papers, problems, merges, refusedMerges } = snapshot.library;
  const encoder = new TextEncoder();
  const numbers: Uint8Array[] = [];
  const ascii: Uint8Array[] = [];
  const wide: Uint8Array[] = [];
  for (let at = 0; at < papers.length; at += STEP_SIZE) {
    const writer = new PaperColumnWriter();
    for (const paper of papers.slice(at, at + STEP_SIZE)) writer.write(paper);
    numbers.push(new Uint8Array(new Int32Array(writer.numbers).buffer));
    ascii.push(encoder.encode(writer.ascii.join('')));
    wide.push(encoder.encode(writer.wide.join('')));
    yield;
  }
  const total = (parts: readonly Uint8Array[]): number => parts.reduce((sum, part) => sum + part.length, 0);
  const header = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    byteOrder: BYTE_ORDER,
    producer: options.producer,
    listings: [...snapshot.listings].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    keys: papers.map((paper) => paper.key),
    problems,
    merges,
    refusedMerges,
    numbers: total(numbers) / 4,
    asciiBytes: total(ascii),
    wideBytes: total(wide),
  };
  yield;
  return writeBinaryFile(MAGIC, header, [numbers, ascii, wide]);
}

/** The snapshot, or undefined when the bytes are not a whole snapshot of this version made by `producer`. */
export function decodeLibrarySnapshot(bytes: Uint8Array, options: SnapshotOptions): LibrarySnapshot | undefined {
  try {
    return readSnapshot(bytes, options);
  } catch {
    // A header that is not JSON, text that is not UTF-8, columns that do not add up.
    return undefined;
  }
}

function readSnapshot(bytes: Uint8Array, options: SnapshotOptions): LibrarySnapshot | undefined {
  const file = readBinaryFile(bytes, MAGIC);
  if (!file) return undefined;
  const parsed = HeaderSchema.safeParse(file.header);
  if (!parsed.success || parsed.data.producer !== options.producer) return undefined;
  const header = parsed.data;
  const { sections } = file;
  const reader = new PaperColumnReader(sections.int32s(header.numbers), sections.text(header.asciiBytes), sections.text(header.wideBytes));
  const stride = Math.max(1, Math.floor(header.keys.length / FULLY_CHECKED_PAPERS));
  const papers: Paper[] = [];
  for (const [index, key] of header.keys.entries()) {
    const draft = reader.read();
    if (!draft.title || !draft.sources.length) return undefined;
    if (index % stride === 0 && !PaperDraftSchema.safeParse(draft).success) return undefined;
    papers.push(Object.assign(draft, { key, topics: [] }) as Paper);
  }
  if (!reader.atEnd || !sections.atEnd) return undefined;
  return {
    listings: header.listings,
    library: { papers, problems: header.problems, merges: header.merges, refusedMerges: header.refusedMerges },
  };
}

/** Whether two lists of listings name the same files with the same stamps, in any order. */
export function sameListings(a: readonly ListingStamp[], b: readonly ListingStamp[]): boolean {
  if (a.length !== b.length) return false;
  const stamps = new Map(a.map(([file, mtimeMs, size]) => [file, `${mtimeMs}/${size}`]));
  return b.every(([file, mtimeMs, size]) => stamps.get(file) === `${mtimeMs}/${size}`);
}
