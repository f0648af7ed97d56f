// The one form search compares text in: no accents, no LaTeX markup, lower case, and words
// that survive the many ways people spell compounds ("Chain-of-Focus", "ZeroSearch").
import { foldDiacritics, toAscii } from '../text';

/** Commands that only style their argument: `\textbf{X}` is searched as X. */
const STYLE_COMMANDS = new Set(
  'textbf textit textsc texttt textrm textsf textup emph mathrm mathbf mathit mathsf mathtt mathcal mathbb mathfrak boldsymbol operatorname text mbox hbox bm'.split(' '),
);

/** Commands that are a letter of their own: `{\l}ukasz` is "lukasz". */
const LETTER_COMMANDS: Record<string, string> = { l: 'l', L: 'L', o: 'o', O: 'O', i: 'i', j: 'j', ss: 'ss', ae: 'ae', AE: 'AE', oe: 'oe', OE: 'OE', aa: 'a', AA: 'A' };

/**
 * Strips LaTeX so that `MARS$^2$` reads as "MARS2" and `G{\"o}del` as "Godel".
 * Math delimiters and grouping braces join what they separate; named symbols
 * (`\alpha`) keep their name, since that is what a person types.
 */
export function stripLatex(text: string): string {
  if (!/[\\$^_{}]/.test(text)) return text;
  return text
    .replace(/\\([`'^"~=.])\s*/g, '')
    .replace(/\\([a-zA-Z]+)\s*/g, (_, name: string) => LETTER_COMMANDS[name] ?? (name.length === 1 || STYLE_COMMANDS.has(name) ? '' : ` ${name} `))
    .replace(/\\(.)/g, '$1')
    .replace(/[$^_{}]/g, '');
}

/**
 * Accents folded and letters without a decomposition spelled out (ø -> o, ß -> ss),
 * while scripts with no ASCII form (Chinese, Greek) stay as they are.
 */
export function foldText(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  const folded = foldDiacritics(text);
  return folded.replace(/[^\x00-\x7f]/g, (c) => toAscii(c) || c);
}

/** Letters and digits of any script: everything else separates words. */
const WORD_PART = /[\p{L}\p{N}]+/gu;

/** Lower-case words of a query or a field, LaTeX stripped and accents folded. */
export function searchWords(text: string): string[] {
  return foldText(stripLatex(text)).toLowerCase().match(WORD_PART) ?? [];
}

/** All of a text's letters and digits in one lower-case run: "Chain-of-Focus" -> "chainoffocus". */
export function compactForm(text: string): string {
  return searchWords(text).join('');
}

/** Words so common that a query may use them without the paper having to contain them. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have how in into is it its of on or the their this to via vs was we what when which who why with'.split(' '),
);
const MAX_STOP_WORD_LENGTH = Math.max(...[...STOP_WORDS].map((word) => word.length));

/** Runs of text between spaces and the punctuation that never joins words. */
const CHUNK = /[^\s,;:!?()[\]"“”]+/g;
const PLAIN_CHUNK = /^[a-z0-9]+$/;
const CAMEL_HINT = /[a-z][A-Z0-9]|[A-Z]{2}[a-z]{2}|[0-9][A-Za-z]/;

/**
 * The terms a field is indexed under, appended to `into`. Besides each word, a
 * hyphenated chunk is also indexed whole ("over-search" -> "oversearch") and a
 * camel-case word in its parts ("ZeroSearch" -> "zero", "search"), so either spelling
 * finds it. Running text (`body`, for abstracts) skips stop words, a third of its words,
 * and camel-case parts: a query "zero search" finds a mention of ZeroSearch by the
 * joined form. This runs over every abstract, hence the plain-word fast path.
 */
export function indexTerms(text: string, into: string[] = [], options: { body?: boolean } = {}): string[] {
  if (!text) return into;
  const body = options.body === true;
  const folded = foldText(stripLatex(text));
  for (const chunk of folded.match(CHUNK) ?? []) {
    const lower = chunk.toLowerCase();
    if (PLAIN_CHUNK.test(lower)) {
      if (body && lower.length <= MAX_STOP_WORD_LENGTH && STOP_WORDS.has(lower)) continue;
      into.push(lower);
      if (!body && CAMEL_HINT.test(chunk)) for (const piece of camelPieces(chunk)) into.push(piece);
      continue;
    }
    const parts = chunk.match(WORD_PART);
    if (!parts) continue;
    for (const part of parts) {
      into.push(part.toLowerCase());
      if (!body && CAMEL_HINT.test(part)) for (const piece of camelPieces(part)) into.push(piece);
    }
    if (parts.length > 1) into.push(parts.join('').toLowerCase());
  }
  return into;
}

/**
 * "ZeroSearch" -> ["zero", "search"], "AISearchPlanner" -> ["ai", "search", "planner"],
 * "Search2" -> ["search", "2"]. Plain words and acronyms ("LLMs") give nothing.
 */
export function camelPieces(word: string): string[] {
  if (!CAMEL_HINT.test(word)) return [];
  const spaced = word
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z]{2,})/g, '$1 $2')
    .replace(/([a-zA-Z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([a-zA-Z])/g, '$1 $2');
  const pieces = spaced.toLowerCase().split(' ');
  return pieces.length > 1 ? pieces : [];
}

/** Words so common that a query may use them without the paper having to contain them. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * The initials of a title's words after its short name: "SSRL: Self-Search Reinforcement
 * Learning" -> "ssrl". Hyphenated words count each part, and small words are skipped
 * in a second form, since acronyms are made both ways.
 */
export function titleAcronyms(title: string): string[] {
  const afterColon = title.includes(': ') ? title.slice(title.indexOf(': ') + 2) : title;
  const words = searchWords(afterColon);
  if (words.length < 2) return [];
  const all = words.map((w) => w[0]).join('');
  const significant = words.filter((w) => !isStopWord(w)).map((w) => w[0]).join('');
  const forms = new Set([all, significant].filter((form) => form.length >= 3 && form.length <= 12));
  return [...forms];
}
