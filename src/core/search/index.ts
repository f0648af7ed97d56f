// Fuzzy search over the library's papers (see ./search/ for how it works).
export { SearchIndex, type SearchHit, type SearchOptions } from './searchIndex';
export { decodeSearchIndex, encodeSearchIndex, SAVED_INDEX_VERSION } from './savedIndex';
export { compactForm, foldText, searchWords, stripLatex } from './normalize';
