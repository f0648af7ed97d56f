// What of a paper is searched, and in which field: the terms the index reads, computed once
// when the index is built, and the folded title and names the re-scoring reads, computed
// when a paper is first re-scored.
import { shortName } from '../paper/keys';
import type { Paper } from '../paper/paper';
import { parseArxivId, parseDoi } from '../util/text';
import { isNonPaper } from './entryKind';
import { compactForm, foldedWords, foldForSearch, indexTerms, searchWords, titleAcronyms } from './normalize';
import type { DocumentTerms } from './termIndex';

/** A paper with its name and title folded for search, kept for re-scoring. */
export interface SearchDocument {
  paper: Paper;
  /** "zerosearch" for "ZeroSearch: ...", "" when the title has no short name. */
  shortName: string;
  /** The title's letters and digits in one run, for whole-phrase hits. */
  compactTitle: string;
  title: string;
  /** The title's folded words in order, for phrases: "Chain-of-Thought" is chain, of, thought. */
  titleWords: string[];
  /** Code, data, a web page, supplementary material or a volume: ranked a little below papers. */
  nonPaper: boolean;
  /** Each author's folded name words, made by `authorWordsOf` when first needed. */
  authorWords?: string[][];
}

export function searchDocument(paper: Paper): SearchDocument {
  const title = foldForSearch(paper.title);
  const titleWords = foldedWords(title);
  return {
    paper,
    shortName: compactForm(shortName(paper.title) ?? ''),
    compactTitle: titleWords.join(''),
    title,
    titleWords,
    nonPaper: isNonPaper(paper),
    // Present from the start, so that every document keeps one shape when it is filled in.
    authorWords: undefined,
  };
}

/** The authors' names as folded words: Schölkopf is "scholkopf". */
export function authorWordsOf(document: SearchDocument): string[][] {
  return (document.authorWords ??= document.paper.authors.map((author) => searchWords(author)));
}

/** The terms of each field, for the inverted index. */
export function documentTerms(paper: Paper): DocumentTerms {
  const short = shortName(paper.title);
  const name = [paper.key.toLowerCase()];
  if (short) indexTerms(short, name);
  const people: string[] = [];
  for (const author of paper.authors) indexTerms(author, people);
  const extra = titleAcronyms(paper.title);
  for (const hint of paper.keywords) indexTerms(hint, extra);
  for (const topic of paper.topics) indexTerms(topic, extra);
  if (paper.venue) indexTerms(paper.venue, extra);
  return {
    head: { name, title: indexTerms(paper.title), people, organization: indexTerms(paper.organization ?? ''), extra },
    abstract: paper.abstract ?? '',
  };
}

/** Identifiers a query may be exactly: the citation key and the arXiv id. */
export function identifiers(paper: Paper): string[] {
  const ids = [paper.key.toLowerCase()];
  if (paper.arxivId) ids.push(paper.arxivId.toLowerCase());
  if (paper.doi) ids.push(paper.doi.toLowerCase());
  return ids;
}

/** A query that is a key, an arXiv id or link, or a DOI, in the form `identifiers` gives. */
export function queryIdentifiers(query: string): string[] {
  const trimmed = query.trim().toLowerCase();
  const ids = [trimmed];
  const arxiv = parseArxivId(trimmed);
  if (arxiv) ids.push(arxiv.toLowerCase());
  const doi = parseDoi(trimmed);
  if (doi) ids.push(doi);
  return ids;
}
