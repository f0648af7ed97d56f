// Papers that came from the shared library, as the features hand them around: told apart from
// local ones (the details page and citing take them as they are, not by key), left out when
// the local library holds them, and keyed so their key names no other local paper.
import type { Library } from '../../core/indexing/library';
import type { Paper } from '../../core/paper/paper';
import { citableBeside, LocalIdentities, sharedBeside } from '../../core/search/sharedPapers';

const shared = new WeakSet<Paper>();
const identities = new WeakMap<Library, LocalIdentities>();

/** Whether a paper came from the shared library (and is not in the local one). */
export function isSharedPaper(value: unknown): value is Paper {
  return typeof value === 'object' && value !== null && shared.has(value as Paper);
}

/** The local library's keys and ids, gathered once per library. */
function identitiesOf(library: Library): LocalIdentities {
  let found = identities.get(library);
  if (!found) {
    found = new LocalIdentities(library.papers);
    identities.set(library, found);
  }
  return found;
}

/** The shared papers to show beside the local library's: see `sharedBeside`. Each is marked shared. */
export function sharedPapersBeside(library: Library, papers: readonly Paper[], shownKeys?: ReadonlySet<string>): Paper[] {
  const result = sharedBeside(papers, identitiesOf(library), shownKeys);
  for (const paper of result) shared.add(paper);
  return result;
}

/** What a command is handed to name a paper: a shared one whole, a local one by its key. */
export function paperArgument(paper: Paper): Paper | string {
  return shared.has(paper) ? paper : paper.key;
}

/** The local paper that is this shared one, if the local library holds it. */
export function localPaperOf(library: Library, paper: Paper): Paper | undefined {
  return identitiesOf(library).localOf(paper);
}

/** A shared paper the local library lacks, as it can be cited beside it, marked shared. */
export function sharedPaperBeside(library: Library, paper: Paper): Paper {
  const usable = citableBeside(paper, identitiesOf(library));
  shared.add(usable);
  return usable;
}
