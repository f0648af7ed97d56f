// One similarity index per library, built on first use and shared by everything that ranks
// papers by likeness (the Similar Papers command, the details page).
import type { Library } from '../../core/indexing/library';
import { SimilarityIndex } from '../../core/reading/similar';

const built = new WeakMap<Library, SimilarityIndex>();

/** The index of the library's papers (proceedings volumes left out: nobody reads one as a paper). */
export function similarityIndexOf(library: Library): SimilarityIndex {
  let index = built.get(library);
  if (!index) {
    index = SimilarityIndex.build(library.papers.filter((paper) => !paper.container));
    built.set(library, index);
  }
  return index;
}

/** Whether the index of this library is built already (asking for it then costs nothing). */
export function hasSimilarityIndex(library: Library): boolean {
  return built.has(library);
}
