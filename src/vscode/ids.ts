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
  showCitedPapers: 'litReview.showCitedPapers',
  showUncitedPapers: 'litReview.showUncitedPapers',
  checkBibliography: 'litReview.checkBibliography',
} as const;

/** Commands run by Lit Review's own items (a completion, a "Show more" row): never in the palette. */
export const INTERNAL_COMMANDS = {
  completionAccepted: 'litReview.completionAccepted',
  showMorePapers: 'litReview.showMorePapers',
  /** Opens a note at one of its citations (the details page's "Cited in" links, the References view). */
  openCitation: 'litReview.openCitation',
} as const;

/** Context keys that package.json's `when` clauses read. */
export const CONTEXT_KEYS = {
  indexing: 'litReview.indexing',
  hasPapers: 'litReview.hasPapers',
  filtered: 'litReview.filtered',
} as const;

export const PAPERS_VIEW = 'litReview.papers';
/** The papers the note in front cites, in order of first citation. */
export const REFERENCES_VIEW = 'litReview.references';

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
export type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];
