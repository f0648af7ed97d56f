// Complete Metadata and Add Paper: looking papers up in public services (Hugging Face, arXiv,
// Crossref) and writing what was learned as a listing of its own. No host: the fetch, the
// clock and the cancellation are handed in.
export { ArxivClient, ARXIV_URL } from './arxiv';
export { CrossrefClient, CROSSREF_URL } from './crossref';
export { ServiceError, type FetchLike, type Sleep } from './http';
export { HuggingFaceClient, HUGGING_FACE_URL } from './huggingFace';
export { parseIdentifier, type Identifier } from './identifiers';
export { matchTitle, type Found, type Match } from './match';
export { createServices, lookUpIdentifier, needsResolving, requestCount, resolvePapers, userAgent, type ResolveOptions, type ResolveSummary, type Services, type ServiceSettings } from './resolver';
export { RESOLVED_LISTING, resolvedEntry, resolvedPaper, updateResolvedListing } from './resolvedListing';
export { addedEntry, alreadyInLibrary, pastedEntry, type AddedEntry } from './added';
