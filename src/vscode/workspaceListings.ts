// One listing read into the library: its cached result when the file is unchanged,
// otherwise its bytes decoded and parsed. A file that cannot be read, is too large or is
// binary becomes a problem shown at the file, never an exception.
import * as vscode from 'vscode';
import { freshResult, type CacheEntry } from '../core/persist/cache';
import { listingFromBytes, oversizeProblem } from '../core/indexing/loadListing';
import type { Library } from '../core/indexing/library';
import type { ParseResult, Problem } from '../core/paper/paper';
import type { Settings } from '../core/settings';

/** What was read of a listing: where it is, and the stamps a cached result must match. */
export interface FileState {
  uri: vscode.Uri;
  mtime: number;
  size: number;
}

/** Reads and parses one listing into `library`, or reuses `cached` when the file is unchanged. */
export async function readListing(library: Library, file: string, uri: vscode.Uri, cached: CacheEntry | undefined, settings: Settings, log: (line: string) => void): Promise<FileState | undefined> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (error) {
    library.setUnreadable(file, reason(error));
    return undefined;
  }
  const state = { uri, mtime: stat.mtime, size: stat.size };
  const fresh = freshResult(cached, stat.mtime, stat.size);
  if (fresh) {
    library.setParsed(file, fresh);
    return state;
  }
  const oversize = oversizeProblem(file, stat.size, settings.maxFileSizeMB);
  if (oversize) {
    library.setParsed(file, { papers: [], problems: [oversize] });
    return state;
  }
  try {
    const { listing, problems } = listingFromBytes(file, await vscode.workspace.fs.readFile(uri), new Date(stat.mtime));
    if (!listing) {
      library.setParsed(file, { papers: [], problems });
      return state;
    }
    library.set(listing);
    for (const warning of problems) addProblem(library, file, warning);
    const parsed = library.parsedFile(file)!;
    log(`Read ${file}: ${parsed.papers.length} papers${parsed.problems.length ? `, ${parsed.problems.length} problems` : ''}.`);
  } catch (error) {
    library.setUnreadable(file, reason(error));
  }
  return state;
}

function addProblem(library: Library, file: string, warning: Problem): void {
  const parsed: ParseResult = library.parsedFile(file)!;
  library.setParsed(file, { ...parsed, problems: [warning, ...parsed.problems] });
}

/** A file system error as a person reads it. */
export function reason(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return error.code === 'NoPermissions' ? 'permission denied' : error.message;
  return error instanceof Error ? error.message : String(error);
}
