// The listings a publish reads, against what was published before: a file whose size and
// modification time match its stored stamp is not read at all; one whose text hashes as
// before is only restamped; the rest are changed (or new) and parsed again. Files gone from
// a folder are removed. Each folder is published under its own name, so that several
// people's folders make one library and two "notes.md" stay apart.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Listing } from '../../core/indexing/library';
import type { Problem } from '../../core/paper/paper';
import { readListings } from '../readListings';
import { SharedLibraryError } from './types';

/** A listing's row as stored, without its parse result. */
export interface StoredStamp {
  root: string;
  path: string;
  size: number;
  modifiedMs: number;
  hash: string;
  parser: string;
}

export interface ReadListing {
  root: string;
  path: string;
  size: number;
  modifiedMs: number;
  hash: string;
  listing: Listing;
}

export interface FolderRead {
  /** Read and with new text: to parse and publish. */
  changed: ReadListing[];
  /** Read, but with the text published before: a new stamp only. */
  restamped: ReadListing[];
  /** Not read: the stamp is as stored. */
  unchanged: { root: string; path: string }[];
  /** Stored, and no longer in their folder. */
  removed: { root: string; path: string }[];
  problems: Problem[];
}

/** The name a folder is published under: its own name (`papers` for ~/lab/papers). */
export function rootName(folder: string): string {
  const resolved = path.resolve(folder);
  return path.basename(resolved) || 'library';
}

/** The file a library knows a published listing by. */
export function libraryFile(root: string, file: string): string {
  return `${root}/${file}`;
}

export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

export interface ReadFoldersOptions {
  include?: readonly string[];
  exclude?: readonly string[];
  onFile?: (done: number, file: string) => void;
}

/** Reads the folders against the stored stamps; `parser` names the parse results still valid. */
export async function readFolders(folders: readonly string[], stored: readonly StoredStamp[], parser: string, options: ReadFoldersOptions = {}): Promise<FolderRead> {
  const result: FolderRead = { changed: [], restamped: [], unchanged: [], removed: [], problems: [] };
  const roots = folders.map(rootName);
  const twice = roots.find((root, i) => roots.indexOf(root) !== i);
  if (twice) throw new SharedLibraryError('error', `Two library folders are both named "${twice}": each folder is published under its name, so they must differ.`);
  const byFile = new Map(stored.map((stamp) => [libraryFile(stamp.root, stamp.path), stamp]));
  let done = 0;
  for (const [i, folder] of folders.entries()) {
    const root = roots[i]!;
    // A folder that is not there (unmounted, mistyped) must not unpublish what it held.
    const folderStat = await fs.stat(folder).catch(() => undefined);
    if (!folderStat) throw new SharedLibraryError('error', `The library folder "${folder}" does not exist.`);
    const sizes = new Map<string, { size: number; modifiedMs: number }>();
    const read = await readListings(folder, {
      include: options.include,
      exclude: options.exclude,
      onFile: (_, file) => options.onFile?.(++done, libraryFile(root, file)),
      unchanged: (file, size, modifiedMs) => {
        sizes.set(file, { size, modifiedMs });
        const before = byFile.get(libraryFile(root, file));
        return before !== undefined && before.parser === parser && before.size === size && before.modifiedMs === modifiedMs;
      },
    });
    result.problems.push(...read.problems.map((problem) => ({ ...problem, file: libraryFile(root, problem.file) })));
    const present = new Set([...read.unchanged, ...read.listings.map((listing) => listing.file)]);
    for (const file of read.unchanged) result.unchanged.push({ root, path: file });
    for (const listing of read.listings) {
      const stamp = sizes.get(listing.file) ?? { size: Buffer.byteLength(listing.text), modifiedMs: listing.modifiedAt?.getTime() ?? 0 };
      const hash = textHash(listing.text);
      const before = byFile.get(libraryFile(root, listing.file));
      const entry: ReadListing = { root, path: listing.file, ...stamp, hash, listing: { ...listing, file: libraryFile(root, listing.file) } };
      (before && before.hash === hash && before.parser === parser ? result.restamped : result.changed).push(entry);
    }
    // A single file given as the folder speaks for itself only, not for its neighbours.
    const single = !folderStat.isDirectory();
    for (const stamp of stored) {
      if (stamp.root !== root || present.has(stamp.path)) continue;
      if (single && stamp.path !== path.basename(folder)) continue;
      result.removed.push({ root, path: stamp.path });
    }
  }
  return result;
}
