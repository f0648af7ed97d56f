// Reads a library folder from disk for the command line and the benchmark.
// (The extension reads through VS Code's file system API instead.)
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { listingFromBytes, oversizeProblem } from '../core/indexing/loadListing';
import type { Listing } from '../core/indexing/library';
import { problem, type Problem } from '../core/paper/paper';
import { isListingFile } from '../core/sources';
import { defaultSettings } from '../core/settings';
import { matchesGlobs } from '../core/util/glob';

export interface ReadOptions {
  /** Files larger than this are skipped with a warning (the litReview.maxFileSizeMB setting). */
  maxFileSizeMB?: number;
  /** Globs of files to read and to leave out, relative to the library folder (the litReview.include and exclude settings). */
  include?: readonly string[];
  exclude?: readonly string[];
  /** Called after each file, for progress on big folders. */
  onFile?: (done: number, file: string) => void;
  /**
   * Called with each file's size and modification time before it is read: a file it
   * calls unchanged is not read, only listed in `unchanged` (a publisher's earlier parse
   * of it still holds).
   */
  unchanged?: (file: string, size: number, modifiedMs: number) => boolean;
}

export interface ReadResult {
  listings: Listing[];
  problems: Problem[];
  /** The files `unchanged` kept from being read. */
  unchanged: string[];
}

/** Folders and VCS metadata that never hold listings. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Every listing under `root` (a folder or a single file), with paths relative to `root`'s
 * folder. Symlinks are followed once: a link back into a folder already seen is reported.
 */
export async function readListings(root: string, options: ReadOptions = {}): Promise<ReadResult> {
  const result: ReadResult = { listings: [], problems: [], unchanged: [] };
  const defaults = defaultSettings();
  const maxFileSizeMB = options.maxFileSizeMB ?? defaults.maxFileSizeMB;
  const include = options.include ?? defaults.include;
  const exclude = options.exclude ?? defaults.exclude;
  const rootStat = await fs.stat(root).catch(() => undefined);
  if (!rootStat) {
    result.problems.push(problem(root, 1, 'This library folder does not exist.'));
    return result;
  }
  const base = rootStat.isDirectory() ? root : path.dirname(root);
  const files: string[] = [];
  if (rootStat.isDirectory()) await walk(root, base, new Set(), files, result.problems);
  else files.push(root);
  files.sort();
  let done = 0;
  for (const file of files) {
    const relative = path.relative(base, file).split(path.sep).join('/');
    // The same choice of files as the extension's: a single file named on the command line is read whatever its name.
    if (rootStat.isDirectory() && !matchesGlobs(relative, include, exclude)) continue;
    await readOne(file, relative, maxFileSizeMB, result, options.unchanged);
    options.onFile?.(++done, relative);
  }
  return result;
}

async function walk(folder: string, base: string, seen: Set<string>, files: string[], problems: Problem[]): Promise<void> {
  const real = await fs.realpath(folder).catch(() => folder);
  if (seen.has(real)) {
    problems.push(problem(relativeTo(base, folder), 1, 'This folder links back to a folder already read (a symlink loop); skipped.', 'warning'));
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    problems.push(problem(relativeTo(base, folder), 1, `Could not list this folder: ${reason(error)}`));
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) await walk(full, base, seen, files, problems);
    } else if (entry.isSymbolicLink()) {
      const target = await fs.stat(full).catch(() => undefined);
      if (!target) problems.push(problem(relativeTo(base, full), 1, 'This link points to nothing (a dangling symlink); skipped.', 'warning'));
      else if (target.isDirectory()) await walk(full, base, seen, files, problems);
      else if (isListingFile(entry.name)) files.push(full);
    } else if (entry.isFile() && isListingFile(entry.name)) {
      files.push(full);
    }
  }
}

async function readOne(file: string, relative: string, maxFileSizeMB: number, result: ReadResult, unchanged: ReadOptions['unchanged']): Promise<void> {
  try {
    const stat = await fs.stat(file);
    if (unchanged?.(relative, stat.size, stat.mtimeMs)) {
      result.unchanged.push(relative);
      return;
    }
    const oversize = oversizeProblem(relative, stat.size, maxFileSizeMB);
    if (oversize) {
      result.problems.push(oversize);
      return;
    }
    const { listing, problems } = listingFromBytes(relative, await fs.readFile(file), stat.mtime);
    result.problems.push(...problems);
    if (listing) result.listings.push(listing);
  } catch (error) {
    result.problems.push(problem(relative, 1, `Could not read this file: ${reason(error)}`));
  }
}

function relativeTo(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/') || '.';
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
