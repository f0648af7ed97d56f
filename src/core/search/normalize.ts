// The one form search compares text in: no accents, no LaTeX markup, lower case, and words
// that survive the many ways people spell compounds ("Chain-of-Focus", "ZeroSearch").
import { foldDiacritics, toAscii } from '../util/text';

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
  return foldedWords(foldForSearch(text));
}

/** A text as search compares it: LaTeX stripped, accents folded, lower case. */
export function foldForSearch(text: string): string {
  return foldText(stripLatex(text)).toLowerCase();
}

/** The words of a text `foldForSearch` gave, without folding it again. */
export function foldedWords(folded: string): string[] {
  return folded.match(WORD_PART) ?? [];
}

/**
 * A word shaped like a citation key another tool made (`vaswani2017attention`, `he2016deep`)
 * is read as what such keys are made of: the first author's name and a title word. The
 * year is left out: the index does not hold dates, and the name and word find the paper.
 */
export function keyShapedParts(word: string): string[] {
  const key = /^([a-z]{2,})(?:1[89]|20)\d\d([a-z]{3,})?$/.exec(word);
  return key ? [key[1]!, ...(key[2] ? [key[2]] : [])] : [word];
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
  for (const chunk of foldText(stripLatex(text)).match(CHUNK) ?? []) chunkTerms(chunk, body, into);
  return into;
}

function chunkTerms(chunk: string, body: boolean, into: string[]): string[] {
  const lower = chunk.toLowerCase();
  if (PLAIN_CHUNK.test(lower)) {
    if (body && lower.length <= MAX_STOP_WORD_LENGTH && STOP_WORDS.has(lower)) return into;
    into.push(lower);
    if (!body && CAMEL_HINT.test(chunk)) for (const piece of camelPieces(chunk)) into.push(piece);
    return into;
  }
  const parts = chunk.match(WORD_PART);
  if (!parts) return into;
  for (const part of parts) {
    into.push(part.toLowerCase());
    if (!body && CAMEL_HINT.test(part)) for (const piece of camelPieces(part)) into.push(piece);
  }
  if (parts.length > 1) into.push(parts.join('').toLowerCase());
  return into;
}

/** Receives the terms of running text from `scanBodyTerms`. */
export interface BodyTermVisitor {
  /**
   * A word of ASCII letters and digits, `text.slice(start, end)` lower-cased. A stop word
   * standing alone is `skippable`; one that is part of a longer chunk ("state-of-the-art") is not.
   */
  asciiWord(text: string, start: number, end: number, skippable: boolean): void;
  /** Any other term, lower-cased. */
  term(term: string): void;
}

/** The characters of CHUNK's class that end a chunk, below 128; above, WIDE_SEPARATOR says. */
const SEPARATOR = new Uint8Array(128);
for (const c of ' \t\n\v\f\r,;:!?()[]"') SEPARATOR[c.charCodeAt(0)] = 1;
const WIDE_SEPARATOR = /[\s“”]/;

const NOT_ASCII_LETTER_OR_DIGIT = /[^A-Za-z0-9]+/g;

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/**
 * The terms `indexTerms(text, [], { body: true })` gives, without cutting out the ASCII
 * words, which are nearly all of an abstract: the visitor reads them in place and skips
 * the stop words among them itself. Chunks with other characters take the general path.
 */
export function scanBodyTerms(text: string, visitor: BodyTermVisitor): void {
  if (!text) return;
  const folded = foldText(stripLatex(text));
  const length = folded.length;
  let i = 0;
  while (i < length) {
    let code = folded.charCodeAt(i);
    if (code < 128 ? SEPARATOR[code] === 1 : WIDE_SEPARATOR.test(folded[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let plain = true;
    for (; i < length; i++) {
      code = folded.charCodeAt(i);
      if (code < 128 ? SEPARATOR[code] === 1 : WIDE_SEPARATOR.test(folded[i]!)) break;
      if (!isAsciiLetterOrDigit(code)) {
        plain = false;
        if (code >= 128) ascii = false;
      }
    }
    if (plain) visitor.asciiWord(folded, start, i, true);
    else if (ascii) asciiChunkTerms(folded, start, i, visitor);
    else for (const term of chunkTerms(folded.slice(start, i), true, [])) visitor.term(term);
  }
}

/** An ASCII chunk with punctuation in it ("engine.", "multi-turn"): each run of letters and digits, and all of them joined. */
function asciiChunkTerms(text: string, start: number, end: number, visitor: BodyTermVisitor): void {
  let runs = 0;
  for (let i = start; i < end; ) {
    while (i < end && !isAsciiLetterOrDigit(text.charCodeAt(i))) i++;
    const runStart = i;
    while (i < end && isAsciiLetterOrDigit(text.charCodeAt(i))) i++;
    if (i === runStart) break;
    visitor.asciiWord(text, runStart, i, false);
    runs++;
  }
  if (runs > 1) visitor.term(text.slice(start, end).replace(NOT_ASCII_LETTER_OR_DIGIT, '').toLowerCase());
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
  return word.length <= MAX_STOP_WORD_LENGTH && STOP_WORDS.has(word);
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
