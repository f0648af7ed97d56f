// Word-level checks the re-scoring makes on its hundred or so candidates: whether a title
// holds the query as a phrase, whether the query is a short name misspelled, and whether a
// letter is an author's initial. They compare folded words (see normalize.ts), so hyphens
// count as spaces and accents as plain letters.
import { boundedDistance } from './editDistance';
import { isStopWord } from './normalize';

/** Typos forgiven, as the index forgives them: one from four letters, two from eight. */
function typosAllowed(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** The typed word is the written one, give or take its typos; `unfinished` when it may be the start of it. */
function sameWord(typed: string, written: string, unfinished: boolean): boolean {
  if (typed === written) return true;
  if (isStopWord(typed)) return false;
  if (unfinished && written.startsWith(typed)) return true;
  // As the index, no typo in the first letter: it keeps this to a few distances a paper.
  const allowed = typosAllowed(typed);
  return allowed > 0 && typed.charCodeAt(0) === written.charCodeAt(0) && boundedDistance(typed, written, allowed) <= allowed;
}

/** Where a title holds the query as a phrase: at its start (after small words), or further in. */
export type PhrasePlace = 'start' | 'inside';

/**
 * Where the title's words hold the query's words in order, next to each other: "planning
 * graph heuristic" in "A Planning Graph Heuristic for…", "chain of thought" in
 * "Chain-of-Thought Prompting", or undefined. Small words the query has and the title lacks
 * are skipped, and so is one small word of the title's between two of the query's ("chain
 * thought" still reads as the phrase). A typed word may be the start of the title's, as the
 * index reads it: the last word always, the others from three letters ("aste rout prob").
 * A phrase needs two words that are not small ones: a single word is a word match, which
 * the index scores.
 */
export function titlePhrase(titleWords: readonly string[], queryWords: readonly string[]): PhrasePlace | undefined {
  if (countContentWords(queryWords) < 2) return undefined;
  const firstContent = titleWords.findIndex((word) => !isStopWord(word));
  for (let start = 0; start < titleWords.length; start++) {
    if (phraseAt(titleWords, start, queryWords)) return start <= firstContent ? 'start' : 'inside';
  }
  return undefined;
}

function countContentWords(words: readonly string[]): number {
  let count = 0;
  for (const word of words) if (!isStopWord(word)) count++;
  return count;
}

function phraseAt(titleWords: readonly string[], start: number, queryWords: readonly string[]): boolean {
  const last = queryWords.length - 1;
  let at = start;
  let matched = 0;
  let skipped = false;
  for (let q = 0; q <= last; ) {
    const typed = queryWords[q]!;
    const written = titleWords[at];
    if (written !== undefined && sameWord(typed, written, q === last || typed.length >= 3)) {
      q++;
      at++;
      matched++;
      skipped = false;
    } else if (isStopWord(typed)) q++;
    else if (matched > 0 && !skipped && written !== undefined && isStopWord(written)) {
      // One small word the query leaves out ("chain thought"); "planning with a graph" is no phrase.
      at++;
      skipped = true;
    } else return false;
  }
  return true;
}

/** The query is the short name with a typo or two ("nevergard" for Nevergrad): it names the paper. */
export function misspells(compactQuery: string, shortName: string): boolean {
  const allowed = typosAllowed(compactQuery);
  return allowed > 0 && shortName.length > 0 && compactQuery !== shortName && boundedDistance(compactQuery, shortName, allowed) <= allowed;
}

/** Whether one of the authors has a name starting with the letter: "v" in "v vapnik". */
export function isInitialOf(authorWords: readonly (readonly string[])[], letter: string): boolean {
  return authorWords.some((name) => name.some((part) => part.startsWith(letter)));
}
