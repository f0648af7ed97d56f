// What may name a topic. A researcher labels a folder with what its papers are about:
// a short noun phrase ("Retrieval-Augmented Generation"), never how a reading list is laid
// out ("Paper List", "Methods"), where papers appeared ("Proceedings", "Workshop"), or a
// stray number ("27th"). Reading lists and BibTeX files offer all three as headings,
// keywords and title words; these checks keep them from becoming topics.

/** Longer than this, a heading is a sentence or a chapter title, not a folder's name. */
export const MAX_LABEL_WORDS = 4;

function words(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter(Boolean));
}

/**
 * Words of a reading list's own structure, normalised (lower case, singular): a heading
 * made only of these ("Paper List", "Related Work", "Table of Contents") names a section,
 * not a subject.
 */
const STRUCTURE = words(`
  paper list papers reading awesome collection method analysis related work news update contributing contribution contributor
  table content resource dataset data benchmark survey review overview other others misc miscellaneous plan application
  introduction background conclusion appendix reference bibliography citation acknowledgement acknowledgment license
  tool toolkit code library project repository link blog tutorial course book talk slide lecture video star history
  container category section chapter part general evaluation evaluations leaderboard taxonomy todo faq usage installation
  citing cite roadmap contact team author year recent latest new selected highlight
`);

/**
 * Ending a heading with one of these makes it a section of a list however it starts
 * ("VFM Methods", "Medical Hallucination Benchmarks", "Related Survey").
 */
const STRUCTURE_ENDINGS = words('method paper resource dataset benchmark survey list application work tool review overview category section');

/** Words of venues and publishers: "Proceedings of the 27th International Symposium". */
const VENUE = words(`
  proceeding symposium workshop conference international annual journal transaction press springer elsevier ieee acm
  lecture note volume vol edition series congress meeting colloquium verlag publisher publishing publication letter
  bulletin magazine newsletter yearbook jahrbuch stammtisch actes tagungsband
`);

/** What is left of an ordinal ("27th", "1st") once its digits are dropped. */
const ORDINAL_ENDINGS = words('th st nd rd');

/**
 * Whether a normalised phrase ("retrieval augmented generation", "th international") may
 * name a topic: one to four words, not a section heading, not a venue, not a number.
 */
export function isSubjectPhrase(normalised: string): boolean {
  const parts = normalised.split(' ').filter(Boolean);
  if (!parts.length || parts.length > MAX_LABEL_WORDS) return false;
  if (parts.some((word) => VENUE.has(word) || ORDINAL_ENDINGS.has(word) || /\d/.test(word))) return false;
  if (parts.every((word) => STRUCTURE.has(word) || SMALL_WORDS.has(word))) return false;
  return !STRUCTURE_ENDINGS.has(parts[parts.length - 1]!);
}

/**
 * Whether a heading or keyword, as written, may name a topic. A heading of the shape
 * "The Birth of An Agent: Construction of ..." is a chapter title; "VFM methods" is a section.
 */
export function isSubjectHeading(text: string): boolean {
  if (/[:?!]/.test(text) || /\d/.test(text)) return false;
  const normalised = text
    .toLowerCase()
    .replace(/[^a-z&]+/g, ' ')
    .split(' ')
    .filter((word) => word && word !== '&')
    .map(singularWord)
    .join(' ');
  return isSubjectPhrase(normalised);
}

/** "methods" -> "method"; "analysis", "class" and "corpus" stay. */
function singularWord(word: string): string {
  return word.length > 3 && /[^isu]s$/.test(word) ? word.slice(0, -1) : word;
}

export const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

/**
 * One consistent case for every label: Title Case, with what the papers wrote in capitals
 * kept ("GRPO", "dLLM", "LaTeX"): "reinforcement learning" -> "Reinforcement Learning",
 * "multi-objective" -> "Multi-Objective".
 */
export function titleCase(text: string): string {
  return text
    .split(/(\s+|-)/)
    .map((word, i) => {
      if (!/^[a-z]+$/.test(word)) return word;
      if (i > 0 && SMALL_WORDS.has(word)) return word;
      return word[0]!.toUpperCase() + word.slice(1);
    })
    .join('');
}
