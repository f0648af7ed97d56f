// Writes listings for the command line: a reader never sees half a file (the new content goes
// to a temporary file beside the target, which then replaces it), and an append keeps every
// byte the file had.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { bibliographyAppend, type BibEntry } from '../core/bibtex/append';

export async function writeAtomically(file: string, content: Uint8Array | string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** The file's text, or undefined when there is no file. */
export async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Adds `entries` at the end of the .bib file `file` (made when missing), in the file's line
 * ending; entries whose keys the file has already are left out. Returns the keys added.
 */
export async function appendEntries(file: string, entries: readonly BibEntry[]): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    bytes = Buffer.alloc(0);
  }
  const addition = bibliographyAppend(bytes.toString('utf8'), entries);
  if (!addition.added.length) return [];
  await writeAtomically(file, Buffer.concat([bytes, Buffer.from(addition.text, 'utf8')]));
  return addition.added;
}
