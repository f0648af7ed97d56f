// A typed query as the server searches it, read as the local engine reads one: folded
// words (a key-shaped word in its parts), the words a paper must have (small words aside),
// the last one possibly unfinished, and the identifiers the whole query may be. The words'
// spellings the library knows (itself, the words it begins, typos) come from the server's
// term list; from them, the full-text query. Pure, so every rule here is tested directly.
import { indexTerms, isStopWord, keyShapedParts, searchWords } from '../../core/search/normalize';
import { queryIdentifiers } from '../../core/search/documents';
import { boundedDistance } from '../../core/search/editDistance';
import { quoteLexeme } from './tsvector';

/** Words past this many add nothing a person meant and only cost time (as locally). */
const MAX_WORDS = 12;
/** An unfinished word shorter than this begins too many words to look up as a start. */
export const MIN_PREFIX_LENGTH = 3;
/** Typos are forgiven from four letters (one) and from eight (two), as locally. */
const ONE_TYPO_LENGTH = 4;
const TWO_TYPOS_LENGTH = 8;

export interface PlannedWord {
  word: string;
  /** The word may be unfinished: it also stands for the longer words it begins. */
  prefix: boolean;
}

export interface QueryPlan {
  /** Folded words, key-shaped ones in their parts, each once. */
  words: string[];
  /** The words a paper must have, in order: small words left out unless there is nothing else. */
  required: PlannedWord[];
  /** All the words in one run: "zero search" -> "zerosearch", a short name's form. */
  compact: string;
  /** The identifiers the query may be as a whole: itself, an arXiv id, a DOI, lower-cased. */
  ids: string[];
  /** The words joined by spaces, compared with titles for typo-tolerant similarity. */
  phrase: string;
  /** The query as a citation key may be written (one token with a digit or a colon), else ''. */
  keyLike: string;
}

export function planQuery(query: string): QueryPlan | undefined {
  const words = [...new Set(searchWords(query).flatMap(keyShapedParts))].slice(0, MAX_WORDS);
  const ids = queryIdentifiers(query).filter((id) => id.length > 0);
  if (!words.length && !ids.length) return undefined;
  const allSmall = words.every(isStopWord);
  const last = words.length - 1;
  // As locally, a word of three letters or more may begin longer words wherever it stands ("aste rout prob").
  const required = words.map((word, i): PlannedWord => ({ word, prefix: i === last || word.length >= MIN_PREFIX_LENGTH })).filter(({ word }) => allSmall || !isStopWord(word));
  // An unfinished letter or two after other words narrows nothing a look-up can afford; the re-ranking still reads it.
  const final = required[required.length - 1];
  if (required.length > 1 && final!.word === words[last] && final!.word.length < MIN_PREFIX_LENGTH) required.pop();
  const token = query.trim().toLowerCase();
  const keyLike = /^[a-z0-9][a-z0-9_:.\-+]{4,}$/.test(token) && /[0-9:]/.test(token) ? token : '';
  return { words, required, compact: words.join(''), ids, phrase: words.join(' '), keyLike };
}

/** What the server's term list knows of one typed word. */
export interface KnownForms {
  /** The library has the word itself in a title or name. */
  exact: boolean;
  /** For an unfinished word, the commonest longer words it begins. */
  completions?: readonly string[];
  /** Terms near it (from the trigram look-up), to be kept only within its typo budget. */
  near: readonly string[];
  /** How many papers have the word (or, unfinished, the words it begins) in their title or names. */
  papers?: number;
}

/** The typos a word of this length may have. */
export function typosAllowed(word: string): number {
  return word.length >= TWO_TYPOS_LENGTH ? 2 : word.length >= ONE_TYPO_LENGTH ? 1 : 0;
}

/**
 * The terms a word may be misspelled for: within its typo budget, the first letter right
 * (typos there are rare, and locally too it is never forgiven); for an unfinished word,
 * terms whose start is a typo of it. None when the word is known as typed.
 */
export function typoForms(planned: PlannedWord, known: KnownForms): string[] {
  if (known.exact || (planned.prefix && known.completions?.length)) return [];
  const { word } = planned;
  const allowed = typosAllowed(word);
  if (!allowed) return [];
  const whole = known.near.filter((term) => term !== word && term[0] === word[0] && boundedDistance(word, term, allowed) <= allowed);
  if (whole.length || !planned.prefix) return whole.slice(0, 4);
  // "stratife" for "stratified": a typo in the part typed so far (whose end may be a letter short or long).
  const startsNear = (term: string): boolean => [word.length - 1, word.length, word.length + 1].some((end) => boundedDistance(word, term, 1, end) <= 1);
  return known.near.filter((term) => term.length > word.length && term[0] === word[0] && startsNear(term)).slice(0, 4);
}

/** Two neighbouring words the library has as one ("zero search" -> "zerosearch"). */
export interface JoinedForm {
  /** Index of the first of the two in `required`. */
  at: number;
  term: string;
  prefix: boolean;
}

/** The pairs of neighbouring required words whose joined form may exist, to look up. */
export function joinCandidates(plan: QueryPlan): JoinedForm[] {
  const joins: JoinedForm[] = [];
  for (let i = 0; i + 1 < plan.required.length; i++) {
    const [a, b] = [plan.required[i]!, plan.required[i + 1]!];
    joins.push({ at: i, term: a.word + b.word, prefix: b.prefix });
  }
  return joins;
}

/** A word as a tsquery lexeme, the terms the publisher stored being lexemes as they are. */
function lexeme(word: string, prefix: boolean): string {
  return `${quoteLexeme(word)}${prefix ? ':*' : ''}`;
}

const UNKNOWN: KnownForms = { exact: true, near: [] };
/**
 * The word being typed stands for the commonest words of titles and names it begins (as a
 * word before it does); only when the library has no such word, nor the word itself, does
 * it stand for every word it begins, the abstracts' too. Every word it begins is what an
 * index would read: for a common start, hundreds of thousands of entries at a million papers.
 */
/** Each required word as a tsquery group: itself, the words it begins (unfinished), or its typos. */
export function wordGroups(plan: QueryPlan, known: readonly KnownForms[]): string[] {
  const last = plan.required.length - 1;
  return plan.required.map((planned, i) => {
    const forms = known[i] ?? UNKNOWN;
    // A word before the last one that the library has is taken as written; one it lacks may be a start ("aste rout").
    const completions = planned.prefix && (i === last || !forms.exact) ? (forms.completions ?? []) : [];
    const open = planned.prefix && i === last && planned.word.length >= MIN_PREFIX_LENGTH && !forms.exact && !completions.length;
    const lexemes = [lexeme(planned.word, open), ...completions.map((term) => lexeme(term, false)), ...typoForms(planned, forms).map((term) => lexeme(term, false))];
    return lexemes.length > 1 ? `(${lexemes.join(' | ')})` : lexemes[0]!;
  });
}

/**
 * How much each required word says about a paper: rarer words more (inverse document
 * frequency over titles and names; a word no title has counts as rare).
 */
export function wordWeights(known: readonly KnownForms[], libraryPapers: number): number[] {
  return known.map((forms) => Math.log(1 + Math.max(1, libraryPapers) / (1 + (forms.papers ?? 0))));
}

/**
 * The text of a `tsquery` query: every required word (mode `all`) or any
 * (mode `some`), each as itself or the words it begins (when unfinished) or its typos; two
 * neighbours also as their joined form where the library has it. Empty when no word can be
 * looked up.
 */
export function tsQueryText(plan: QueryPlan, known: readonly KnownForms[], joins: readonly JoinedForm[], mode: 'all' | 'some'): string {
  const groups = wordGroups(plan, known);
  if (!groups.length) return '';
  if (mode === 'some') return [...groups, ...joins.map((join) => lexeme(join.term, join.prefix))].join(' | ');
  // Left to right, a pair the library has joined reads "(a & b | ab)"; pairs do not overlap.
  const parts: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const join = joins.find((candidate) => candidate.at === i);
    if (join && i + 1 < groups.length) {
      parts.push(`(${groups[i]} & ${groups[i + 1]} | ${lexeme(join.term, join.prefix)})`);
      i++;
    } else parts.push(groups[i]!);
  }
  return parts.join(' & ');
}

/** At least this many of the rarest words find the papers that have only some of the words. */
const SOME_LOOKUPS = 3;

/**
 * The queries that find candidates: the whole query for papers with every word; for papers
 * with some, each word on its own, the rarest first, as many as it takes for `enough`
 * papers by their title and name counts (a common word alone finds too many to rank).
 */
export function lookupQueries(plan: QueryPlan, known: readonly KnownForms[], joins: readonly JoinedForm[], mode: 'all' | 'some', enough = 0): string[] {
  if (mode === 'all') {
    const text = tsQueryText(plan, known, joins, 'all');
    return text ? [text] : [];
  }
  const rarest = wordGroups(plan, known)
    .map((group, i) => ({ group, papers: known[i]?.papers ?? 0 }))
    .sort((a, b) => a.papers - b.papers);
  const chosen: string[] = [];
  let expected = 0;
  for (const { group, papers } of rarest) {
    if (chosen.length >= SOME_LOOKUPS && expected >= enough) break;
    chosen.push(group);
    expected += papers;
  }
  return [...chosen, ...joins.map((join) => lexeme(join.term, join.prefix))];
}

/** `text` for a LIKE pattern that matches what begins with it. */
export function startsWithPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Whether the query is the name of one of the paper's authors: every word it must have is
 * a word of the authors' names, or a typo of one ("vapnick"). As locally, such papers come
 * before those that only mention the name.
 */
export function namesAuthors(plan: QueryPlan, known: readonly KnownForms[], authors: readonly string[]): boolean {
  if (!authors.length || !plan.required.length) return false;
  const people = new Set<string>();
  for (const author of authors) for (const term of indexTerms(author)) people.add(term);
  return plan.required.every((planned, i) => people.has(planned.word) || typoForms(planned, known[i] ?? UNKNOWN).some((term) => people.has(term)));
}

/**
 * How many papers the look-ups would find among `libraryPapers`, from how many have each
 * word in their title or names: all the words (mode `all`, taking them as independent) or
 * any (mode `some`).
 */
export function expectedMatches(known: readonly KnownForms[], libraryPapers: number, mode: 'all' | 'some'): number {
  if (!known.length || libraryPapers <= 0) return 0;
  const shares = known.map((forms) => Math.min(1, (forms.papers ?? 0) / libraryPapers));
  const share = mode === 'all' ? shares.reduce((product, each) => product * each, 1) : Math.min(1, shares.reduce((sum, each) => sum + each, 0));
  return share * libraryPapers;
}
