// Every id Lit Review shares with package.json, in one place: commands, context keys and the
// view. A unit test holds this table against package.json both ways, so a renamed command
// cannot leave a menu pointing at nothing. (No vscode import: the unit tests read it.)

/** Commands a person can run: each is contributed in package.json. */
export const COMMANDS = {
  search: 'litReview.search',
  insertCitation: 'litReview.insertCitation',
  insertBibtexEntry: 'litReview.insertBibtexEntry',
  newNote: 'litReview.newNote',
  reindex: 'litReview.reindex',
  showDetails: 'litReview.showDetails',
  copyKey: 'litReview.copyKey',
  copyBibtex: 'litReview.copyBibtex',
  openLink: 'litReview.openLink',
  revealInListing: 'litReview.revealInListing',
  filter: 'litReview.filter',
  clearFilter: 'litReview.clearFilter',
  groupBy: 'litReview.groupBy',
  moveToTopic: 'litReview.moveToTopic',
  renameTopic: 'litReview.renameTopic',
  chooseFolder: 'litReview.chooseFolder',
  openSettings: 'litReview.openSettings',
  completeMetadata: 'litReview.completeMetadata',
  addPaper: 'litReview.addPaper',
  copyFormattedReference: 'litReview.copyFormattedReference',
  setReadingStatus: 'litReview.setReadingStatus',
  addTag: 'litReview.addTag',
  removeTag: 'litReview.removeTag',
  nextToRead: 'litReview.nextToRead',
  similarPapers: 'litReview.similarPapers',
  papersLikeThisNote: 'litReview.papersLikeThisNote',
  showLibraryChart: 'litReview.showLibraryChart',
  exportLibraryChart: 'litReview.exportLibraryChart',
  filterByReading: 'litReview.filterByReading',
  showCitedPapers: 'litReview.showCitedPapers',
  showUncitedPapers: 'litReview.showUncitedPapers',
  checkBibliography: 'litReview.checkBibliography',
  connectSharedLibrary: 'litReview.connectSharedLibrary',
  reconnectSharedLibrary: 'litReview.reconnectSharedLibrary',
  forgetSharedLibraryPassword: 'litReview.forgetSharedLibraryPassword',
} as const;

/** Commands run by Lit Review's own items (a completion, a "Show more" row): never in the palette. */
export const INTERNAL_COMMANDS = {
  completionAccepted: 'litReview.completionAccepted',
  showMorePapers: 'litReview.showMorePapers',
  /** Opens a note at one of its citations (the details page's "Cited in" links, the References view). */
  openCitation: 'litReview.openCitation',
  /** Names a bibliography file in a note (the offer made when Lit Review creates one). */
  linkBibliography: 'litReview.linkBibliography',
  /** A shared paper's completion was accepted: its full entry goes into the note's .bib. */
  sharedCompletionAccepted: 'litReview.sharedCompletionAccepted',
  /** The Shared Library view's "Load more…" row. */
  loadMoreShared: 'litReview.loadMoreShared',
  /** Narrows the Papers view to the papers of one bar of the library chart. */
  filterByChartBar: 'litReview.filterByChartBar',
} as const;

/** Context keys that package.json's `when` clauses read. */
export const CONTEXT_KEYS = {
  indexing: 'litReview.indexing',
  hasPapers: 'litReview.hasPapers',
  filtered: 'litReview.filtered',
  /** A shared library is configured and may be used (the workspace is trusted). */
  sharedLibraryConfigured: 'litReview.sharedLibraryConfigured',
} as const;

export const PAPERS_VIEW = 'litReview.papers';
/** The papers the note in front cites, in order of first citation. */
export const REFERENCES_VIEW = 'litReview.references';
/** The shared library's topics and papers, paged from the server. */
export const SHARED_LIBRARY_VIEW = 'litReview.sharedLibrary';

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
export type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];
