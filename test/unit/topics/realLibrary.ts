// The mixed real library of test/fixtures/real: BibTeX from two projects (TeX and
// computing; evolutionary computation), Markdown reading lists and Hugging Face JSON (LLMs).
// Read the way the command line reads a folder, so the topics are those a user would see.
import * as path from 'node:path';
import { Library } from '../../../src/core/indexing/library';
import type { Paper } from '../../../src/core/paper/paper';
import { readListings } from '../../../src/node/readListings';
import { FIXTURES } from '../helpers';

const FOLDERS = ['bibtex/texlive', 'bibtex/split-iridia', 'markdown', 'hf-json'];

/** Every paper of the real library; containers (proceedings volumes) included, as computeTopics skips them. */
export async function realLibraryPapers(): Promise<Paper[]> {
  const listings = [];
  for (const folder of FOLDERS) {
    const { listings: read } = await readListings(path.join(FIXTURES, 'real', folder));
    // Paths relative to the real folder, so files of two folders never share a name.
    listings.push(...read.map((listing) => ({ ...listing, file: `${folder}/${listing.file}` })));
  }
  return Library.fromListings(listings).papers;
}
