// One table between CSL variables and BibTeX/biblatex fields, read in both directions: a
// CSL-JSON item becomes an entry's fields, and an entry's fields become CSL variables, so an
// item read from CSL-JSON and written back keeps every variable it had.

/** A CSL item as CSL-JSON holds it: variables by name. */
export type CslItem = Record<string, unknown> & { id: string; type: string };

/** CSL name variables and the fields that hold the same names. */
export const NAME_FIELDS: readonly [csl: string, bibtex: string][] = [
  ['author', 'author'],
  ['editor', 'editor'],
  ['translator', 'translator'],
  ['container-author', 'bookauthor'],
  ['collection-editor', 'serieseditor'],
  ['director', 'director'],
  ['composer', 'composer'],
  ['interviewer', 'interviewer'],
  ['recipient', 'recipient'],
  ['reviewed-author', 'reviewedauthor'],
];

/** CSL date variables and their fields (ISO 8601 dates, as biblatex's `urldate`). */
export const DATE_FIELDS: readonly [csl: string, bibtex: string][] = [
  ['accessed', 'urldate'],
  ['original-date', 'origdate'],
  ['event-date', 'eventdate'],
  ['submitted', 'submitted'],
  ['available-date', 'availabledate'],
];

/**
 * Text variables with a field of the same meaning. Title, container title, DOI, URL, abstract
 * and the issued date are the paper's own and handled apart; `number` and `issue` depend on
 * the type (an article's issue is BibTeX's `number`).
 */
export const TEXT_FIELDS: readonly [csl: string, bibtex: string][] = [
  ['volume', 'volume'],
  ['page', 'pages'],
  ['publisher', 'publisher'],
  ['publisher-place', 'address'],
  ['edition', 'edition'],
  ['ISBN', 'isbn'],
  ['ISSN', 'issn'],
  ['PMID', 'pmid'],
  ['PMCID', 'pmcid'],
  ['note', 'note'],
  ['collection-title', 'series'],
  ['genre', 'type'],
  ['language', 'language'],
  ['title-short', 'shorttitle'],
  ['container-title-short', 'shortjournal'],
  ['journalAbbreviation', 'journalabbreviation'],
  ['event-title', 'eventtitle'],
  ['event-place', 'venue'],
  ['chapter-number', 'chapter'],
  ['number-of-pages', 'pagetotal'],
  ['number-of-volumes', 'volumes'],
  ['keyword', 'keywords'],
  ['version', 'version'],
  ['annote', 'annote'],
  ['medium', 'medium'],
  ['archive', 'archive'],
  ['archive_location', 'archive_location'],
  ['archive-place', 'archive-place'],
  ['call-number', 'call-number'],
  ['authority', 'authority'],
  ['section', 'section'],
  ['status', 'pubstate'],
  ['dimensions', 'dimensions'],
  ['scale', 'scale'],
  ['references', 'references'],
  ['original-title', 'origtitle'],
  ['original-publisher', 'origpublisher'],
  ['original-publisher-place', 'origlocation'],
  ['collection-number', 'collection-number'],
  ['part', 'part'],
  ['supplement', 'supplement'],
  ['printing', 'printing'],
  ['division', 'division'],
  ['jurisdiction', 'jurisdiction'],
];

/** Variables a CSL-JSON file holds that describe the file, not the work: nothing to keep. */
export const BOOKKEEPING = new Set(['id', 'type', 'citation-key', 'source', 'custom', 'system_id', 'citation-label', 'citation-number', 'first-reference-note-number', 'locator', 'label', 'year-suffix']);

/** BibTeX entry types for CSL types; any other type is @misc. */
export const BIBTEX_TYPE_OF_CSL: Record<string, string> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  review: 'article',
  'review-book': 'article',
  'paper-conference': 'inproceedings',
  chapter: 'incollection',
  'entry-encyclopedia': 'incollection',
  'entry-dictionary': 'incollection',
  book: 'book',
  classic: 'book',
  collection: 'book',
  thesis: 'phdthesis',
  report: 'techreport',
  manuscript: 'unpublished',
  pamphlet: 'booklet',
};

/** CSL types for BibTeX and biblatex entry types. */
export const CSL_TYPE_OF_BIBTEX: Record<string, string> = {
  article: 'article-journal',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  incollection: 'chapter',
  inbook: 'chapter',
  book: 'book',
  mvbook: 'book',
  collection: 'book',
  proceedings: 'book',
  booklet: 'pamphlet',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  manual: 'report',
  unpublished: 'manuscript',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  dataset: 'dataset',
  software: 'software',
  patent: 'patent',
  periodical: 'periodical',
};
