// One listing read into the library: its cached result when the file is unchanged,
// otherwise its bytes decoded and parsed. A file that cannot be read, is too large or is
// binary becomes a problem shown at the file, never an exception.
import * as vscode from 'vscode';
import { freshResult, type CacheEntry } from '../core/persist/cache';
import { decodeListing } from '../core/sources/decode';
import type { Library } from '../core/indexing/library';
import { problem, type ParseResult } from '../core/paper/paper';
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
  if (stat.size > settings.maxFileSizeMB * 1024 * 1024) {
    library.setParsed(file, { papers: [], problems: [problem(file, 1, `This file is ${(stat.size / 1048576).toFixed(1)} MB, over the litReview.maxFileSizeMB limit of ${settings.maxFileSizeMB} MB; skipped.`, 'warning')] });
    return state;
  }
  try {
    const decoded = decodeListing(await vscode.workspace.fs.readFile(uri));
    if (decoded.kind === 'binary') {
      library.setParsed(file, { papers: [], problems: [problem(file, 1, 'This file is binary, not a text listing; skipped.', 'warning')] });
      return state;
    }
    library.set({ file, text: decoded.text, modifiedAt: new Date(stat.mtime) });
    if (decoded.warning) addProblem(library, file, decoded.warning);
    const parsed = library.parsedFile(file)!;
    log(`Read ${file}: ${parsed.papers.length} papers${parsed.problems.length ? `, ${parsed.problems.length} problems` : ''}.`);
  } catch (error) {
    library.setUnreadable(file, reason(error));
  }
  return state;
}

function addProblem(library: Library, file: string, message: string): void {
  const parsed: ParseResult = library.parsedFile(file)!;
  library.setParsed(file, { papers: parsed.papers, problems: [problem(file, 1, message, 'warning'), ...parsed.problems] });
}

/** A file system error as a person reads it. */
export function reason(error: unknown): string {
  if (error instanceof vscode.FileSystemError) return error.code === 'NoPermissions' ? 'permission denied' : error.message;
  return error instanceof Error ? error.message : String(error);
}
