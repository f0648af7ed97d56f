// One listing file turned into text for the library, the same way in the editor and on the
// command line: too large, binary or badly encoded files become problems at the file.
import type { Listing } from './library';
import { problem, type Problem } from '../paper/paper';
import { decodeListing } from '../sources/decode';

/** A file over the size limit is skipped before it is read. */
export function oversizeProblem(file: string, size: number, maxFileSizeMB: number): Problem | undefined {
  if (size <= maxFileSizeMB * 1024 * 1024) return undefined;
  return problem(file, 1, `This file is ${(size / 1048576).toFixed(1)} MB, over the ${maxFileSizeMB} MB limit of litReview.maxFileSizeMB; skipped.`, 'warning');
}

export interface LoadedListing {
  /** Absent when the file holds no text. */
  listing?: Listing;
  problems: Problem[];
}

/** Decodes a listing's bytes: a binary file is a problem, a legacy encoding a warning. */
export function listingFromBytes(file: string, bytes: Uint8Array, modifiedAt: Date): LoadedListing {
  const decoded = decodeListing(bytes);
  if (decoded.kind === 'binary') return { problems: [problem(file, 1, 'This file is binary, not a text listing; skipped.', 'warning')] };
  return { listing: { file, text: decoded.text, modifiedAt }, problems: decoded.warning ? [problem(file, 1, decoded.warning, 'warning')] : [] };
}
