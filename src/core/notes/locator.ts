// Locators: the "p. 3", "pp. 3–5", "chap. 2" of a citation. One table of Pandoc's (CSL's)
// locator terms, read in Markdown suffixes, LaTeX postnotes and Typst supplements alike.

/** A locator as written: its CSL label (`page`), the term used (`p.`, '' when implied) and the value. */
export interface Locator {
  label: string;
  term: string;
  value: string;
}

/** CSL locator labels with the terms Pandoc recognises for each (abbreviations and words, singular and plural). */
export const LOCATOR_TERMS: Readonly<Record<string, readonly string[]>> = {
  book: ['bk.', 'bks.', 'book', 'books'],
  chapter: ['chap.', 'chaps.', 'ch.', 'chapter', 'chapters'],
  column: ['col.', 'cols.', 'column', 'columns'],
  figure: ['fig.', 'figs.', 'figure', 'figures'],
  folio: ['fol.', 'fols.', 'folio', 'folios'],
  number: ['no.', 'nos.', 'number', 'numbers'],
  line: ['l.', 'll.', 'line', 'lines'],
  note: ['n.', 'nn.', 'note', 'notes'],
  opus: ['op.', 'opp.', 'opus', 'opera'],
  page: ['p.', 'pp.', 'pg.', 'page', 'pages'],
  paragraph: ['para.', 'paras.', '¶¶', '¶', 'paragraph', 'paragraphs'],
  part: ['pt.', 'pts.', 'part', 'parts'],
  section: ['sec.', 'secs.', 'sect.', '§§', '§', 'section', 'sections'],
  'sub verbo': ['s.v.', 's.vv.', 'sub verbo', 'sub verbis'],
  verse: ['v.', 'vv.', 'verse', 'verses'],
  volume: ['vol.', 'vols.', 'volume', 'volumes'],
};

/** Every term, longest first, so `pp.` is tried before `p.`. */
const TERMS: readonly { term: string; label: string }[] = Object.entries(LOCATOR_TERMS)
  .flatMap(([label, terms]) => terms.map((term) => ({ term, label })))
  .sort((a, b) => b.term.length - a.term.length);

/**
 * A locator value: numbers (arabic or roman, `3a`, `3.2`), ranges and lists of them
 * (`33-35`, `33–35`, `3--5`, `33, 35-37`, `4 & 6`), or anything in braces.
 */
const VALUE = /\{[^{}]*\}|[\p{N}ivxlcdmIVXLCDM]+[a-z]?(?:[.:][\p{N}]+)*(?:\s*(?:--?|–|—|&|,(?=\s*[\p{N}ivxlcdm]))\s*[\p{N}ivxlcdmIVXLCDM]+[a-z]?(?:[.:][\p{N}]+)*)*(?![\p{L}\p{N}])/uy;
/** A `sub verbo` value is a word or quoted words, up to the next comma. */
const WORD_VALUE = /[^,;\]]+/y;

/**
 * Reads a locator at the start of `text` (after an optional comma): a term and its value,
 * or a bare value, which CSL takes as a page. What follows it is the suffix.
 */
export function parseLocator(text: string): { locator?: Locator; rest: string } {
  const lead = /^\s*,?\s*/.exec(text)![0].length;
  const body = text.slice(lead);
  const lower = body.toLowerCase();
  for (const { term, label } of TERMS) {
    if (!lower.startsWith(term)) continue;
    let at = term.length;
    // A word term needs a space before its value ("page 3", not "pages3"); an abbreviation does not.
    const space = /^[\s~]*/.exec(body.slice(at))![0].length;
    if (/\p{L}$/u.test(term) && space === 0) continue;
    at += space;
    const value = readValue(body, at, label);
    if (!value) continue;
    return { locator: { label, term: body.slice(0, term.length), value: value.text }, rest: body.slice(value.end) };
  }
  // A bare value must start with a digit: "[@a, did]" holds no page "did".
  const bare = /^\d/.test(body) ? readValue(body, 0, 'page') : undefined;
  if (bare) return { locator: { label: 'page', term: '', value: bare.text }, rest: body.slice(bare.end) };
  return { rest: text };
}

function readValue(text: string, at: number, label: string): { text: string; end: number } | undefined {
  const pattern = label === 'sub verbo' ? WORD_VALUE : VALUE;
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  if (!match || !match[0].trim()) return undefined;
  const value = match[0].trim();
  return { text: value.startsWith('{') && value.endsWith('}') ? value.slice(1, -1) : value, end: at + match[0].length };
}

/** A locator as text: `p. 3`, `chap. 2`, `3` for a bare page. `space` joins term and value (`~` in LaTeX). */
export function formatLocator(locator: Locator | string, space = ' '): string {
  if (typeof locator === 'string') return space === ' ' ? locator : locator.replace(/^(\S+\.|§+|¶+)\s+(?=\S)/, `$1${space}`);
  return locator.term ? `${locator.term}${space}${locator.value}` : locator.value;
}
