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
  supplementary supplement material erratum errata corrigendum preface foreword index
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

/**
 * The subject of a heading or keyword, as written: the heading itself, or what is left
 * once the words of a list's structure are taken off its end ("VFM methods" -> "VFM",
 * "Medical Hallucination Benchmarks" -> "Medical Hallucination"); undefined when nothing
 * of a subject is left ("Related Work", "Proceedings of ...").
 */
export function headingSubject(text: string): string | undefined {
  const trimmed = text.trim();
  if (isSubjectHeading(trimmed)) return trimmed;
  if (/[:?!]/.test(trimmed) || /\d/.test(trimmed)) return undefined;
  const parts = trimmed.split(/\s+/);
  while (parts.length > 1 && STRUCTURE_ENDINGS.has(singularWord(parts[parts.length - 1]!.toLowerCase().replace(/[^a-z]/g, '')))) parts.pop();
  const rest = parts.join(' ');
  return rest !== trimmed && isSubjectHeading(rest) ? rest : undefined;
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

/**
 * What a label says, whatever the spelling: lower case, singular, British "-isation" as
 * "-ization", and no spaces or hyphens, so "Multi-Objective Optimisation" and
 * "Multiobjective Optimization", or "Font" and "Fonts", are one name.
 */
export function labelKey(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word && word !== 'and')
    .map((word) => stem(singularWord(word.replace(/isation(s?)$/, 'ization$1')).replace(/ie$/, 'y')))
    .join('');
}

/**
 * Whether two labels name the same thing: the same key, or one only a kind noun longer
 * than the other ("Multi-Objective" and "Multi-Objective Optimization" are one folder), or
 * one is a part of the other's "A & B".
 */
export function sameLabel(a: string, b: string): boolean {
  // "Local Search & Metaheuristics" is also "Local Search".
  if (a.includes('&') || b.includes('&')) return a.split('&').some((x) => b.split('&').some((y) => sameKey(x, y)));
  return sameKey(a, b);
}

function sameKey(a: string, b: string): boolean {
  const x = labelKey(a);
  const y = labelKey(b);
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.startsWith(short) && GENERAL_TAILS.has(long.slice(short.length));
}

/** What a field's name may end with and still be the field: "optimization", "algorithm". */
const GENERAL_TAILS = new Set(['optimization', 'algorithm', 'method', 'model', 'problem', 'system', 'learning', 'approach', 'technique'].map(stem));

/** A word without the ending of its verb forms: "imaging" and "image" are one name's word, as are "model" and "modeling". */
function stem(word: string): string {
  const base = word.length > 5 && word.endsWith('ing') ? word.slice(0, -3) : word;
  return base.length > 3 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/**
 * A heading's word the papers themselves spell otherwise ("Prametric" where titles write
 * "parametric") is written as they write it: one letter more, less, changed, or two
 * swapped, and the papers' spelling at least twice as common.
 * @param known How often each lower-case word occurs in the papers' titles.
 */
export function correctSpelling(text: string, known: ReadonlyMap<string, number>, byShape: ReadonlyMap<string, readonly string[]>): string {
  return text.replace(/[A-Za-z]{5,}/g, (word) => {
    const lower = word.toLowerCase();
    if ((known.get(lower) ?? 0) > 0 || isAllCaps(word)) return word;
    let best: string | undefined;
    for (const length of [lower.length - 1, lower.length, lower.length + 1]) {
      for (const other of byShape.get(`${lower[0]}${length}`) ?? []) {
        if ((known.get(other) ?? 0) >= 2 && oneEditApart(lower, other) && (!best || known.get(other)! > known.get(best)!)) best = other;
      }
    }
    if (!best) return word;
    return word[0] === word[0]!.toUpperCase() ? best[0]!.toUpperCase() + best.slice(1) : best;
  });
}

/** Words grouped by first letter and length, for correctSpelling. */
export function wordShapes(words: Iterable<string>): Map<string, string[]> {
  const shapes = new Map<string, string[]>();
  for (const word of words) {
    if (word.length < 4) continue;
    const shape = `${word[0]}${word.length}`;
    const list = shapes.get(shape) ?? [];
    list.push(word);
    shapes.set(shape, list);
  }
  return shapes;
}

function isAllCaps(word: string): boolean {
  return word === word.toUpperCase();
}

/** One insertion, deletion, substitution or swap of two neighbours apart. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * An acronym a reader cannot expand ("VFM", "LFM"): two to five capitals that the library
 * never spells out and that are not a common name of a field.
 */
export function isCrypticAcronym(label: string, known: ReadonlyMap<string, string>): boolean {
  const word = label.trim();
  return /^[A-Z]{2,5}s?$/.test(word) && !known.has(word.replace(/s$/, '').toLowerCase());
}
