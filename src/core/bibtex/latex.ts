// LaTeX text <-> Unicode text, for fields read from and written to BibTeX. Hand-written
// because no kept library both decodes what real .bib files hold and stays linear on hostile input.
// Both directions keep math (`$...$`, `\(...\)`) as written: a title like "MARS$^2$"
// means math, and only a LaTeX engine renders all of it (displayTitle.ts shows what Unicode
// can). A lone symbol such as `$\alpha$` is the one exception: it reads as "α", and "α" is
// written back as `$\alpha$`.
//
// Both directions are single left-to-right scans that never recurse on the input's
// nesting, so a field with 200,000 nested braces or a 5 MB line costs linear time.

/**
 * A lookup table without a prototype: command names come from the input, and `\constructor`
 * must not find Object's.
 */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** Accent commands and the Unicode combining mark each one puts on its argument. */
const ACCENTS = table({
  '`': '\u0300',
  "'": '\u0301',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  u: '\u0306',
  '.': '\u0307',
  '"': '\u0308',
  r: '\u030a',
  H: '\u030b',
  v: '\u030c',
  d: '\u0323',
  c: '\u0327',
  k: '\u0328',
  b: '\u0331',
  t: '\u0361',
  // Romanian ș and ț: DBLP and Crossref exports spell them so.
  textcommabelow: '\u0326',
});

/** Accents written without their argument (`\^{}`) stand for the bare character. */
const BARE_ACCENTS = table({ '`': '`', "'": "'", '^': '^', '~': '~', '=': '¯', '"': '¨', '.': '˙' });

/** Control words that spell a letter: the space after them only ends the word (`Stra\ss e`). */
const LETTERS = table({
  i: 'ı', j: 'ȷ', o: 'ø', O: 'Ø', ss: 'ß', SS: 'ẞ', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ',
  aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ',
  dj: 'đ', DJ: 'Đ', ij: 'ĳ', IJ: 'Ĳ',
});

/** Control words that stand for a symbol or a word. */
const SYMBOLS = table({
  textbackslash: '\\', textbraceleft: '{', textbraceright: '}', textunderscore: '_', textdollar: '$',
  textasciitilde: '~', textasciicircum: '^', textbar: '|', textless: '<', textgreater: '>', slash: '/',
  textendash: '–', textemdash: '—', endash: '–', emdash: '—', ldots: '…', dots: '…', textellipsis: '…',
  textquoteleft: '‘', textquoteright: '’', textasciigrave: '`', textquotedblleft: '“', textquotedblright: '”', textquotesingle: "'",
  textquotedbl: '"', quotedblbase: '„', quotesinglbase: '‚',
  guillemotleft: '«', guillemotright: '»', guillemetleft: '«', guillemetright: '»', guilsinglleft: '‹', guilsinglright: '›',
  S: '§', P: '¶', textsection: '§', textparagraph: '¶', copyright: '©', textcopyright: '©',
  textregistered: '®', texttrademark: '™', textservicemark: '℠', pounds: '£', textsterling: '£', euro: '€', texteuro: '€',
  textcent: '¢', textyen: '¥', textcurrency: '¤', textbrokenbar: '¦', textbardbl: '‖',
  textdegree: '°', textcelsius: '℃', textperiodcentered: '·', textbullet: '•', textquestiondown: '¿', textexclamdown: '¡',
  texttimes: '×', textdiv: '÷', textpm: '±', textminus: '−', textlnot: '¬', textmu: 'µ', textperthousand: '‰', textnumero: '№',
  dag: '†', ddag: '‡', textdagger: '†', textdaggerdbl: '‡', textordfeminine: 'ª', textordmasculine: 'º',
  textonequarter: '¼', textonehalf: '½', textthreequarters: '¾', textonesuperior: '¹', texttwosuperior: '²', textthreesuperior: '³',
  textasciiacute: '´', textasciidieresis: '¨', textasciimacron: '¯', textasciicaron: 'ˇ', textasciibreve: '˘', textacutedbl: '˝',
  textlangle: '⟨', textrangle: '⟩', textleftarrow: '←', textrightarrow: '→', textuparrow: '↑', textdownarrow: '↓', textvisiblespace: '␣',
  LaTeX: 'LaTeX', LaTeXe: 'LaTeX2e', TeX: 'TeX', BibTeX: 'BibTeX', XeTeX: 'XeTeX', LuaTeX: 'LuaTeX',
  '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}',
  '\\': ' ', ' ': ' ', '\n': ' ', '\r': ' ', '\t': ' ', ',': ' ', ';': ' ', ':': ' ',
  quad: ' ', qquad: ' ', enspace: ' ', newline: ' ', par: ' ', nobreakspace: ' ',
  '!': '', '-': '', '/': '', '@': '', relax: '', protect: '', null: '', unskip: '', xspace: '', noindent: '', textcompwordmark: '',
});

/**
 * Logos keep the space after them, though TeX swallows it (`\LaTeX and`): the author meant a
 * space, and a reader looking for "LaTeX and" should find it. Every other control word
 * swallows its spaces as in print, so `Alzheimer\textquoteright s` reads "Alzheimer’s".
 */
const KEEPS_SPACE_AFTER = new Set(['LaTeX', 'LaTeXe', 'TeX', 'BibTeX', 'XeTeX', 'LuaTeX']);

/** Commands whose first braced argument is not text (`\href`'s second one is). */
const DROPS_ARGUMENT = new Set([
  'noopsort', 'footnote', 'thanks', 'cite', 'citep', 'citet', 'nocite', 'label', 'ref', 'index',
  'hspace', 'vspace', 'href', 'textcolor', 'color', 'hyphenation',
]);

/** Commands whose argument is a URL or a path: copied as written, `--` and `~` included. */
const VERBATIM_ARGUMENT = new Set(['url', 'path', 'nolinkurl']);

const COMBINING = /[\u0300-\u036f]/;
/** Characters where plain text stops and decoding has work to do. */
const SPECIAL = /[{}\\$~\-`']/g;

/** Options for `decodeLatex`. */
export interface DecodeOptions {
  /** Keep `$...$` and `\(...\)` as written (default). Off: drop the math delimiters only. */
  keepMath?: boolean;
}

/**
 * LaTeX text to Unicode: accents (`\"u`, `{\'\i}`, `\v{s}`), letters (`\o`, `\aa`, `\ss`), text
 * symbols (`\slash`, `\textendash`, `\&`), ligatures (`--`, `---`, ``` `` ```, `''`), `~` as a
 * space, formatting (`\emph{x}`, `{\bf x}`) unwrapped and URLs (`\url{}`) kept as written.
 * Case-protecting braces are dropped and whitespace squashed. Math is kept as written.
 * Unknown commands are dropped, their arguments kept.
 */
export function decodeLatex(text: string, options: DecodeOptions = {}): string {
  const state = newDecodeState(text, options.keepMath ?? true, undefined);
  scan(state);
  return normalizeDecoded(squashSpaces(state.out.join('')));
}

/**
 * A BibTeX name list (`author`, `editor`) decoded for a name grammar to split afterwards:
 * letters and accents become Unicode, as `decodeLatex` does, but the braces that group
 * words (`{Barnes and Noble}`) stay, and the characters a name grammar reads as LaTeX
 * (`{ } \ $ ~`) come out escaped. A special character (`{\'S}`, `{\aa}`) loses its braces,
 * as BibTeX reads it as one letter of its word: "{\'S}wierczewska-Gwiazda" is one family
 * name with a capital, "Świerczewska-Gwiazda".
 */
export function decodeLatexInNames(text: string): string {
  const state = newDecodeState(text, true, { open: false, braceAt: new Set() });
  scan(state);
  const groups = state.nameGroups!;
  if (groups.open) pushGroupBrace(state, '}');
  const joined = state.out.map((piece, index) => (groups.braceAt.has(index) ? piece : escapeForNameGrammar(piece))).join('');
  return normalizeDecoded(squashSpaces(joined));
}

/** How a name grammar's lexer reads each character back as itself; `{}` ends a command's name. */
const NAME_GRAMMAR_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{{}', '}': '\\}{}', $: '\\${}', '~': '\\textasciitilde{}',
};

function escapeForNameGrammar(piece: string): string {
  return piece.replace(/[\\{}$~]/g, (c) => NAME_GRAMMAR_ESCAPES[c]!);
}

function newDecodeState(text: string, keepMath: boolean, nameGroups: NameGroups | undefined): DecodeState {
  return { text, out: [], keepMath, noMathCloseFrom: Infinity, depth: 0, argument: undefined, nameGroups };
}

/** The single left-to-right pass behind both decoders. */
function scan(state: DecodeState): void {
  const { text, out } = state;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '{') {
      openGroup(state, i);
      i++;
    } else if (ch === '}') {
      closeGroup(state);
      i++;
    } else if (state.argument !== undefined) {
      i = state.argument.verbatim ? copyVerbatim(state, i) : i + (ch === '\\' ? 2 : 1);
    } else if (ch === '\\') {
      i = decodeCommand(state, i);
    } else if (ch === '$') {
      const end = mathEnd(text, i);
      if (end < 0) {
        out.push('$');
        i++;
      } else {
        pushMath(state, text.slice(i, end));
        i = end;
      }
    } else if (ch === '~') {
      out.push(' ');
      i++;
    } else if (ch === '-' && text[i + 1] === '-') {
      const em = text[i + 2] === '-';
      out.push(em ? '—' : '–');
      i += em ? 3 : 2;
    } else if (ch === '`') {
      const double = text[i + 1] === '`';
      out.push(double ? '“' : '‘');
      i += double ? 2 : 1;
    } else if (ch === "'" && text[i + 1] === "'") {
      out.push('”');
      i += 2;
    } else {
      // Copy a run of plain characters at once.
      SPECIAL.lastIndex = i + 1;
      const j = SPECIAL.exec(text)?.index ?? n;
      out.push(text.slice(i, j));
      i = j;
    }
  }
}

function openGroup(state: DecodeState, at: number): void {
  const groups = state.nameGroups;
  // Only a top-level group groups words, and not a special character (`{\'S}`) or `{}`.
  const next = state.text[at + 1];
  if (groups && state.depth === 0 && state.argument === undefined && next !== '\\' && next !== '}') {
    pushGroupBrace(state, '{');
    groups.open = true;
  }
  state.depth++;
}

function closeGroup(state: DecodeState): void {
  // A stray `}` is ignored, so it cannot shift where later groups end.
  state.depth = Math.max(0, state.depth - 1);
  if (state.argument !== undefined && state.depth === state.argument.endsAtDepth) {
    state.argument = undefined;
  } else if (state.nameGroups?.open && state.depth === 0) {
    pushGroupBrace(state, '}');
    state.nameGroups.open = false;
  }
}

function pushGroupBrace(state: DecodeState, brace: '{' | '}'): void {
  state.nameGroups!.braceAt.add(state.out.length);
  state.out.push(brace);
}

/** Copies a verbatim argument's text up to its next brace; `\_` and the like lose the backslash. */
function copyVerbatim(state: DecodeState, at: number): number {
  const { text } = state;
  if (text[at] === '\\') {
    state.out.push(text[at + 1] ?? '');
    return at + 2;
  }
  VERBATIM_STOP.lastIndex = at + 1;
  const end = VERBATIM_STOP.exec(text)?.index ?? text.length;
  state.out.push(text.slice(at, end));
  return end;
}

const VERBATIM_STOP = /[{}\\]/g;

/**
 * Unicode clean-up after LaTeX decoding: a dotless i or j under an accent (`\'\i`) becomes the
 * ordinary accented letter, and everything is composed (NFC) so "García" compares equal
 * however it was written.
 */
export function normalizeDecoded(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return text.replace(/[ıȷ](?=[\u0300-\u036f])/g, (c) => (c === 'ı' ? 'i' : 'j')).normalize('NFC');
}

/** Whitespace runs to one space; touches only runs that need it, so long plain text stays cheap. */
function squashSpaces(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

interface DecodeState {
  text: string;
  out: string[];
  keepMath: boolean;
  /** No `\)` closes math at or after this index: saves rescanning on hostile input. */
  noMathCloseFrom: number;
  /** Brace depth. */
  depth: number;
  /** While a command's argument is dropped (`\cite{}`) or copied verbatim (`\url{}`): which, and the depth that ends it. */
  argument: { verbatim: boolean; endsAtDepth: number } | undefined;
  /** Only when decoding a name list: the braces kept in `out` because they group words. */
  nameGroups: NameGroups | undefined;
}

interface NameGroups {
  /** A top-level group is open, and its closing brace is to be kept. */
  open: boolean;
  /** Indices in `out` of the kept braces; every other piece is text, to be escaped. */
  braceAt: Set<number>;
}

/** Index just past the math that starts at `start` (a `$`), or -1 if it never closes. */
function mathEnd(text: string, start: number): number {
  const display = text[start + 1] === '$';
  const close = display ? '$$' : '$';
  let j = start + close.length;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '\\') {
      j += 2;
    } else if (text.startsWith(close, j)) {
      return j + close.length;
    } else {
      j++;
    }
  }
  return -1;
}

/**
 * Math is kept as written, except a lone symbol (`$\alpha$`, `$\times$`): that reads better,
 * and searches better, as the Unicode character, and `encodeLatex` writes it back as math.
 */
function pushMath(state: DecodeState, math: string): void {
  const body = math.replace(/^(\$\$?|\\\()|(\$\$?|\\\))$/g, '').trim();
  const symbol = /^\\[A-Za-z]+$/.test(body) ? mathSymbol(body.slice(1)) : undefined;
  if (symbol !== undefined) state.out.push(symbol);
  else state.out.push(state.keepMath ? math : body);
}

/** Decodes the command at `start` (a backslash); returns the index after it. */
function decodeCommand(state: DecodeState, start: number): number {
  const { text, out } = state;
  const [name, afterName] = readCommandName(text, start);
  if (name === '') {
    // A lone backslash at the end of the text.
    return afterName;
  }
  if (name === '(') {
    const close = afterName < state.noMathCloseFrom ? text.indexOf('\\)', afterName) : -1;
    if (close >= 0) {
      pushMath(state, text.slice(start, close + 2));
      return close + 2;
    }
    state.noMathCloseFrom = Math.min(state.noMathCloseFrom, afterName);
    out.push('(');
    return afterName;
  }
  const accent = ACCENTS[name];
  if (accent !== undefined) {
    return decodeAccent(text, name, accent, afterName, out);
  }
  const isWord = /^[A-Za-z]+$/.test(name);
  const letter = LETTERS[name];
  if (letter !== undefined) {
    out.push(letter);
    return isWord ? skipSpaces(text, afterName) : afterName;
  }
  const symbol = SYMBOLS[name];
  if (symbol !== undefined) {
    out.push(symbol);
    return isWord && !KEEPS_SPACE_AFTER.has(name) ? skipSpaces(text, afterName) : afterName;
  }
  // A math symbol outside `$...$`: written so inside `\ensuremath{}`, and read so by anyone.
  const symbolInMath = mathSymbol(name);
  if (symbolInMath !== undefined) {
    out.push(symbolInMath);
    return afterName;
  }
  if (name === 'textsuperscript' || name === 'textsubscript') {
    const open = skipSpaces(text, afterName);
    const close = text[open] === '{' ? groupClose(text, open, 16) : -1;
    const scripts = name === 'textsuperscript' ? SUPERSCRIPTS : SUBSCRIPTS;
    const inner = close > open ? text.slice(open + 1, close) : '';
    if (inner !== '' && [...inner].every((c) => scripts[c] !== undefined)) {
      out.push([...inner].map((c) => scripts[c]).join(''));
      return close + 1;
    }
    return afterName;
  }
  const dropsArgument = DROPS_ARGUMENT.has(name);
  if (dropsArgument || VERBATIM_ARGUMENT.has(name)) {
    const open = skipSpaces(text, afterName);
    if (text[open] === '{') {
      // The main loop skips or copies the group, however long, counting braces as it goes.
      state.argument = { verbatim: !dropsArgument, endsAtDepth: state.depth };
      state.depth++;
      return open + 1;
    }
    return afterName;
  }
  // Formatting (\emph, \textbf, {\it ...}) and unknown commands: drop the command, keep the
  // text of its arguments, whose braces the main loop drops like any other.
  return isWord ? skipSpaces(text, afterName) : afterName;
}

/** `\name` or `\<symbol>`: the name and the index after it. */
function readCommandName(text: string, start: number): [string, number] {
  let j = start + 1;
  if (j >= text.length) return ['', j];
  if (isAsciiLetter(text.charCodeAt(j))) {
    while (j < text.length && isAsciiLetter(text.charCodeAt(j))) j++;
    return [text.slice(start + 1, j), j];
  }
  return [text[j]!, j + 1];
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  return at;
}

/**
 * Index of the `}` that closes the group opening at `open` (a `{`), or -1 if it does not close
 * within `limit` characters: callers only want short groups, and must not rescan long text.
 */
function groupClose(text: string, open: number, limit: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + limit + 2);
  for (let j = open; j < end; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j;
  }
  return -1;
}

/**
 * An accent and its argument: `\"u`, `\" u`, `\"{u}`, `\'{\i}`, `\'\i`, `\v{s}`, `\'{\^{e}}`.
 * A braced argument is short in practice; a long one is not an accent argument at all, and is
 * left to the main loop (which also keeps recursion shallow on hostile input).
 */
function decodeAccent(text: string, name: string, mark: string, afterName: number, out: string[]): number {
  // TeX skips spaces before an accent's argument, after `\"` as after `\v`.
  const at = skipSpaces(text, afterName);
  const next = text[at];
  let base: string;
  let end: number;
  if (next === '{') {
    const close = groupClose(text, at, 16);
    if (close < 0) return at;
    base = decodeLatex(text.slice(at + 1, close));
    end = close + 1;
  } else if (next === '\\') {
    const [inner, afterInner] = readCommandName(text, at);
    const letter = LETTERS[inner];
    if (letter === undefined) {
      out.push(BARE_ACCENTS[name] ?? '');
      return at;
    }
    base = letter;
    end = isAsciiLetter(inner.charCodeAt(0)) ? skipSpaces(text, afterInner) : afterInner;
  } else if (next !== undefined && !/[\s{}$]/.test(next)) {
    base = String.fromCodePoint(text.codePointAt(at)!);
    end = at + base.length;
  } else {
    out.push(BARE_ACCENTS[name] ?? '');
    return at;
  }
  if (base === '') {
    out.push(BARE_ACCENTS[name] ?? '');
    return end;
  }
  // The mark goes on the first character, after any marks it already carries.
  const decomposed = base.normalize('NFD');
  const first = String.fromCodePoint(decomposed.codePointAt(0)!);
  let rest = decomposed.slice(first.length);
  let marks = '';
  while (rest !== '' && COMBINING.test(rest[0]!)) {
    marks += rest[0];
    rest = rest.slice(1);
  }
  out.push(normalizeDecoded(first + marks + mark + rest));
  return end;
}

const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPTS: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋',
};

// ---------------------------------------------------------------------------------------
// Unicode -> LaTeX, for writing BibTeX that classic bibtex + pdflatex can compile.

/** Accent marks (combining characters) and the LaTeX accent command for each. */
const MARK_COMMANDS = table(Object.fromEntries(Object.entries(ACCENTS).map(([command, mark]) => [mark, command])));

/** Characters written as a LaTeX command, in braces so BibTeX treats them as one letter. */
const CHARACTER_COMMANDS: Record<string, string> = {
  ø: '{\\o}', Ø: '{\\O}', ß: '{\\ss}', æ: '{\\ae}', Æ: '{\\AE}', œ: '{\\oe}', Œ: '{\\OE}',
  å: '{\\aa}', Å: '{\\AA}', ł: '{\\l}', Ł: '{\\L}', ı: '{\\i}', ȷ: '{\\j}', đ: '{\\dj}', Đ: '{\\DJ}',
  ð: '{\\dh}', Ð: '{\\DH}', þ: '{\\th}', Þ: '{\\TH}', ŋ: '{\\ng}', Ŋ: '{\\NG}',
  '–': '--', '—': '---', '‘': '`', '’': '{\\textquoteright}', '“': '``', '”': "''", '…': '\\ldots{}',
  '`': '{\\textasciigrave}', '„': '{\\quotedblbase}', '‚': '{\\quotesinglbase}',
  '«': '{\\guillemotleft}', '»': '{\\guillemotright}', '‹': '{\\guilsinglleft}', '›': '{\\guilsinglright}', '§': '{\\S}', '¶': '{\\P}',
  '©': '{\\textcopyright}', '®': '{\\textregistered}', '™': '{\\texttrademark}', '℠': '{\\textservicemark}', '£': '{\\pounds}',
  '€': '{\\texteuro}', '¢': '{\\textcent}', '¥': '{\\textyen}', '¤': '{\\textcurrency}', '¦': '{\\textbrokenbar}', '‖': '{\\textbardbl}',
  '°': '{\\textdegree}', '℃': '{\\textcelsius}', '¿': '{\\textquestiondown}', '¡': '{\\textexclamdown}',
  '\u00a0': '~', '•': '{\\textbullet}', '·': '{\\textperiodcentered}', '†': '{\\dag}', '‡': '{\\ddag}',
  'µ': '{\\textmu}', '−': '{\\textminus}', '¬': '{\\textlnot}', '‰': '{\\textperthousand}', '№': '{\\textnumero}',
  'ª': '{\\textordfeminine}', 'º': '{\\textordmasculine}', '¼': '{\\textonequarter}', '½': '{\\textonehalf}', '¾': '{\\textthreequarters}',
  '´': '{\\textasciiacute}', '¨': '{\\textasciidieresis}', '¯': '{\\textasciimacron}', 'ˇ': '{\\textasciicaron}', '˘': '{\\textasciibreve}',
  '˝': '{\\textacutedbl}', '˙': '{\\.{}}', '⟨': '{\\textlangle}', '⟩': '{\\textrangle}', '␣': '{\\textvisiblespace}',
  // Braces as commands: classic BibTeX counts even escaped braces, so `\{` alone would unbalance a field.
  '\\': '{\\textbackslash}', '{': '{\\textbraceleft}', '}': '{\\textbraceright}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_',
  '~': '{\\textasciitilde}', '^': '{\\textasciicircum}', '<': '{\\textless}', '>': '{\\textgreater}',
};

const LIGATURE_CHARACTERS = "-`'";
/** Text that is the same in LaTeX: copied as a run. (Not `-`, `'`, `` ` ``: they form ligatures.) */
const PLAIN_RUN = /[A-Za-z0-9 ,.:;!?()[\]/@+=*|"]+/y;

/** Symbols that exist in LaTeX only as math. */
const MATH_SYMBOLS: Record<string, string> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\epsilon', ζ: '\\zeta', η: '\\eta', θ: '\\theta',
  ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', ν: '\\nu', ξ: '\\xi', π: '\\pi', ρ: '\\rho', σ: '\\sigma',
  τ: '\\tau', υ: '\\upsilon', φ: '\\phi', χ: '\\chi', ψ: '\\psi', ω: '\\omega', Γ: '\\Gamma', Δ: '\\Delta',
  Θ: '\\Theta', Λ: '\\Lambda', Ξ: '\\Xi', Π: '\\Pi', Σ: '\\Sigma', Υ: '\\Upsilon', Φ: '\\Phi', Ψ: '\\Psi', Ω: '\\Omega',
  '×': '\\times', '÷': '\\div', '±': '\\pm', '∓': '\\mp', '⋅': '\\cdot', '∗': '\\ast', '⋆': '\\star', '∘': '\\circ',
  '≤': '\\leq', '≥': '\\geq', '≠': '\\neq', '≈': '\\approx', '≡': '\\equiv', '≃': '\\simeq', '≅': '\\cong',
  '∝': '\\propto', '≪': '\\ll', '≫': '\\gg', '≺': '\\prec', '≻': '\\succ', '∣': '\\mid',
  '∼': '\\sim', '→': '\\rightarrow', '←': '\\leftarrow', '↔': '\\leftrightarrow', '⇒': '\\Rightarrow',
  '⇐': '\\Leftarrow', '⇔': '\\Leftrightarrow', '↦': '\\mapsto', '↑': '\\uparrow', '↓': '\\downarrow',
  '∈': '\\in', '∉': '\\notin', '∋': '\\ni', '⊂': '\\subset', '⊆': '\\subseteq', '⊃': '\\supset', '⊇': '\\supseteq',
  '∩': '\\cap', '∪': '\\cup', '∖': '\\setminus', '∧': '\\wedge', '∨': '\\vee', '∀': '\\forall', '∃': '\\exists',
  '∅': '\\emptyset', '⊕': '\\oplus', '⊗': '\\otimes', '⊙': '\\odot', '⊤': '\\top', '⊥': '\\bot', '⊢': '\\vdash', '⊨': '\\models',
  '∞': '\\infty', '∑': '\\sum', '∏': '\\prod', '∫': '\\int', '∮': '\\oint', '∂': '\\partial', '∇': '\\nabla', '√': '\\surd',
  'ℓ': '\\ell', 'ℏ': '\\hbar', 'ℵ': '\\aleph', 'ℜ': '\\Re', 'ℑ': '\\Im', '℘': '\\wp', '′': '\\prime', '⋯': '\\cdots',
  '⌈': '\\lceil', '⌉': '\\rceil', '⌊': '\\lfloor', '⌋': '\\rfloor',
};

/**
 * Other names for the same symbols, read but never written. The variant Greek letters read as
 * the plain ones: a reader, and a search, takes them for the same letter.
 */
const MATH_ALIASES = table({
  le: '≤', ge: '≥', ne: '≠', to: '→', gets: '←', land: '∧', lor: '∨', owns: '∋', neg: '¬', lnot: '¬',
  langle: '⟨', rangle: '⟩', Vert: '‖', vert: '|', ldots: '…', dots: '…', colon: ':', dagger: '†', ddagger: '‡',
  varepsilon: 'ε', vartheta: 'θ', varphi: 'φ', varrho: 'ρ', varsigma: 'σ', varpi: 'π',
});

/** Math symbols by command name (no backslash), read back as Unicode. */
const UNICODE_FOR_MATH = table({
  ...Object.fromEntries(Object.entries(MATH_SYMBOLS).map(([ch, command]) => [command.slice(1), ch])),
  ...MATH_ALIASES,
});

/** The character a math command (`alpha`, `le`, `star`; no backslash) stands for, if it is one symbol. */
export function mathSymbol(command: string): string | undefined {
  return UNICODE_FOR_MATH[command];
}

/** Superscript and subscript digits, written so `decodeLatex` reads them back as the same characters. */
const SCRIPT_DIGITS: Record<string, string> = Object.fromEntries([
  ...Object.entries(SUPERSCRIPTS).map(([plain, script]) => [script, `\\textsuperscript{${plain}}`]),
  ...Object.entries(SUBSCRIPTS).map(([plain, script]) => [script, `\\textsubscript{${plain}}`]),
]);

/**
 * Unicode text to LaTeX that classic BibTeX and pdflatex accept: specials escaped, accented
 * letters as `{\"u}`, Greek and math symbols as inline math. Math already in the text
 * (`$^2$`, balanced) is kept as written. Characters with no known LaTeX form stay UTF-8.
 */
export function encodeLatex(input: string): string {
  const text = input.normalize('NFC');
  const out: string[] = [];
  const scan: MathScan = { noParenCloseFrom: Infinity };
  let i = 0;
  while (i < text.length) {
    const math = text[i] === '$' || text[i] === '\\' ? mathSpanAt(text, i, scan) : i;
    if (math > i) {
      out.push(text.slice(i, math));
      i = math;
      continue;
    }
    PLAIN_RUN.lastIndex = i;
    const run = PLAIN_RUN.exec(text);
    if (run) {
      // A combining mark after the run belongs to the run's last letter.
      const length = run[0].length - (COMBINING.test(text[i + run[0].length] ?? '') ? 1 : 0);
      if (length > 0) {
        out.push(run[0].slice(0, length));
        i += length;
        continue;
      }
    }
    const codePoint = text.codePointAt(i)!;
    const ch = String.fromCodePoint(codePoint);
    i += ch.length;
    // Marks that follow this character (already decomposed input) belong to it.
    let marks = '';
    while (i < text.length && COMBINING.test(text[i]!)) marks += text[i++];
    const piece = encodeCharacter(ch, marks);
    // `-{}-`: two dashes, quotes or apostrophes side by side must not merge into a TeX ligature.
    const last = out[out.length - 1];
    if (last !== undefined && LIGATURE_CHARACTERS.includes(piece[0]!) && last.endsWith(piece[0]!)) out.push('{}');
    out.push(piece);
  }
  return out.join('');
}

function encodeCharacter(ch: string, extraMarks: string): string {
  if (extraMarks === '') {
    const direct = CHARACTER_COMMANDS[ch];
    if (direct !== undefined) return direct;
    if (/\s/.test(ch)) return ' ';
    if (codePointIsPlain(ch)) return ch;
    const mathSymbol = MATH_SYMBOLS[ch];
    if (mathSymbol !== undefined) return `$${mathSymbol}$`;
    const script = SCRIPT_DIGITS[ch];
    if (script !== undefined) return script;
  }
  const decomposed = (ch + extraMarks).normalize('NFD');
  const base = String.fromCodePoint(decomposed.codePointAt(0)!);
  const marks = decomposed.slice(base.length);
  if (marks === '' || ![...marks].every((m) => MARK_COMMANDS[m] !== undefined)) return ch + extraMarks;
  // i and j lose their dot under an accent; \o, \l... are single tokens too.
  let body = base === 'i' ? '\\i' : base === 'j' ? '\\j' : CHARACTER_COMMANDS[base]?.replace(/^\{|\}$/g, '') ?? base;
  for (const mark of marks) {
    const command = MARK_COMMANDS[mark]!;
    const single = body.length === 1 || /^\\[A-Za-z]+$/.test(body);
    body = isAsciiLetter(command.charCodeAt(0)) ? `\\${command}{${body}}` : single ? `\\${command}${body}` : `\\${command}{${body}}`;
  }
  return `{${body}}`;
}

function codePointIsPlain(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code >= 0x20 && code < 0x7f && CHARACTER_COMMANDS[ch] === undefined;
}

/** What `mathSpanAt` has learnt of the text so far. */
export interface MathScan {
  /** No `\)` follows this index: saves rescanning on hostile input. */
  noParenCloseFrom: number;
}

/**
 * End of the math span starting at `i`, or `i` if none starts there. `$...$` counts as math
 * when it opens before a non-space, closes after a non-space, does not run from one amount of
 * money to the next (a digit after each `$`), and its braces balance, so "costs $5 and $10"
 * and "$5,$10" stay text.
 */
export function mathSpanAt(text: string, i: number, scan: MathScan): number {
  if (text[i] === '\\' && text[i + 1] === '(') {
    const close = i < scan.noParenCloseFrom ? text.indexOf('\\)', i + 2) : -1;
    if (close < 0) scan.noParenCloseFrom = Math.min(scan.noParenCloseFrom, i);
    return close > i && bracesBalance(text.slice(i + 2, close)) ? close + 2 : i;
  }
  if (text[i] !== '$' || (i > 0 && text[i - 1] === '\\')) return i;
  const display = text[i + 1] === '$';
  const open = display ? 2 : 1;
  const first = text[i + open];
  if (first === undefined || /\s|\$/.test(first)) return i;
  for (let j = i + open; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') {
      j++;
      continue;
    }
    if (c !== '$') continue;
    if (display && text[j + 1] !== '$') return i;
    // Money opens with a digit and runs on to the next amount ("$5,$10"); `$<$1 Hz` is math.
    const moneyToMoney = /\d/.test(first) && /\d/.test(text[j + open] ?? '');
    if (/\s/.test(text[j - 1]!) || moneyToMoney) return i;
    return bracesBalance(text.slice(i + open, j)) ? j + open : i;
  }
  return i;
}

function bracesBalance(text: string): boolean {
  let depth = 0;
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}
