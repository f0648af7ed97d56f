// A title as a person reads it. Titles keep their math as written ("MARS$^2$", see latex.ts),
// since only a LaTeX engine renders all of it; much of what titles hold, though, Unicode shows
// faithfully: "MARS²", "H₂O", "ℝⁿ", "≤". Math it cannot show so (`\frac{a}{b}`) stays as written.
//
// One left-to-right pass over the title, and one over each math span with an explicit stack
// (no recursion on the input's nesting, and a bounded depth), so hostile titles cost linear time.

import { mathSpanAt, mathSymbol, type MathScan } from '../bibtex/latex';

/** The title with its math rendered where Unicode can show it faithfully. */
export function displayTitle(title: string): string {
  if (!title.includes('$') && !title.includes('\\(')) return title;
  const scan: MathScan = { noParenCloseFrom: Infinity };
  const out: string[] = [];
  let copiedTo = 0;
  for (let i = 0; i < title.length; i++) {
    const c = title[i];
    if (c !== '$' && !(c === '\\' && title[i + 1] === '(')) continue;
    const end = mathSpanAt(title, i, scan);
    if (end === i) continue;
    const rendered = renderMath(mathBody(title.slice(i, end)));
    if (rendered !== undefined) {
      out.push(title.slice(copiedTo, i), rendered);
      copiedTo = end;
    }
    i = end - 1;
  }
  out.push(title.slice(copiedTo));
  return out.join('');
}

/** The inside of `$...$`, `$$...$$` or `\(...\)`. */
function mathBody(span: string): string {
  const delimiter = span.startsWith('$') && !span.startsWith('$$') ? 1 : 2;
  return span.slice(delimiter, span.length - delimiter);
}

// ---------------------------------------------------------------------------------------
// Rendering one math span.

/**
 * A construct waiting for its argument (`^`, `\mathbb`, `\hat`), or the span itself (the root).
 * Its argument is one token (`^2`) or a braced group (`^{10}`); `argument` says which, once known.
 */
interface Frame {
  atoms: string[];
  argument: 'root' | 'pending' | 'braced';
  /** Plain braces open inside this frame: they group, and render as nothing. */
  openBraces: number;
  isScript: boolean;
  /** The frame's atoms as its parent receives them, or undefined if Unicode cannot show them. */
  finish: (atoms: string[]) => string[] | undefined;
}

/** Titles nest a few constructs at most; deeper nesting is not worth rendering, and would cost more than linear time. */
const MAX_FRAMES = 8;

/**
 * The span's body as Unicode, or undefined if some part has no faithful Unicode form. Each
 * character or symbol is an atom, so a superscript can turn each one into its raised form.
 */
function renderMath(body: string): string | undefined {
  const stack: Frame[] = [{ atoms: [], argument: 'root', openBraces: 0, isScript: false, finish: (atoms) => atoms }];
  let i = 0;
  while (i < body.length) {
    const top = stack[stack.length - 1]!;
    const c = body[i]!;
    let ok = true;
    if (/\s/.test(c) || c === '~') {
      if (top.argument !== 'pending' && !top.isScript) addSpace(top);
      i++;
    } else if (c === '{') {
      if (top.argument === 'pending') top.argument = 'braced';
      else top.openBraces++;
      i++;
    } else if (c === '}') {
      ok = closeBrace(stack);
      i++;
    } else if (c === '^' || c === '_') {
      ok = openScript(stack, c);
      i++;
    } else if (c === '\\') {
      const [name, next] = readName(body, i);
      ok = renderCommand(stack, name);
      i = next;
    } else {
      const codePoint = String.fromCodePoint(body.codePointAt(i)!);
      const atom = renderCharacter(codePoint);
      ok = atom !== undefined && deliver(stack, [atom]);
      i += codePoint.length;
    }
    if (!ok) return undefined;
  }
  if (stack.length !== 1 || stack[0]!.openBraces !== 0) return undefined;
  return stack[0]!.atoms.join('').trim().normalize('NFC');
}

function addSpace(frame: Frame): void {
  const last = frame.atoms[frame.atoms.length - 1];
  if (last !== undefined && last !== ' ') frame.atoms.push(' ');
}

/** A `}`: closes a plain group, or the braced argument of the frame on top. */
function closeBrace(stack: Frame[]): boolean {
  const top = stack[stack.length - 1]!;
  if (top.openBraces > 0) {
    top.openBraces--;
    return true;
  }
  if (top.argument !== 'braced') return false;
  stack.pop();
  return complete(stack, top);
}

/** Adds atoms to the frame on top; a frame whose argument is one token is then complete. */
function deliver(stack: Frame[], atoms: string[]): boolean {
  const top = stack[stack.length - 1]!;
  for (const atom of atoms) top.atoms.push(atom);
  if (top.argument !== 'pending') return true;
  stack.pop();
  return complete(stack, top);
}

function complete(stack: Frame[], frame: Frame): boolean {
  const result = frame.finish(withoutOuterSpaces(frame.atoms));
  return result !== undefined && deliver(stack, result);
}

/** Spaces never come in runs (see `addSpace`), so only one can lead and one trail. */
function withoutOuterSpaces(atoms: string[]): string[] {
  const start = atoms[0] === ' ' ? 1 : 0;
  const end = atoms.length > start && atoms[atoms.length - 1] === ' ' ? atoms.length - 1 : atoms.length;
  return atoms.slice(start, end);
}

function pushFrame(stack: Frame[], finish: Frame['finish'], isScript = false): boolean {
  if (stack.length >= MAX_FRAMES) return false;
  stack.push({ atoms: [], argument: 'pending', openBraces: 0, isScript, finish });
  return true;
}

/** `^` or `_`: a script inside a script (`x^{y^z}`) has no Unicode form. */
function openScript(stack: Frame[], mark: '^' | '_'): boolean {
  if (stack.some((frame) => frame.isScript)) return false;
  // A script sits on what comes before it, whatever the spaces in between (`x ^2`).
  const top = stack[stack.length - 1]!;
  if (top.atoms[top.atoms.length - 1] === ' ') top.atoms.pop();
  const forms = mark === '^' ? SUPERSCRIPT_FORMS : SUBSCRIPT_FORMS;
  return pushFrame(stack, (atoms) => raiseOrLower(atoms, forms, mark === '^'), true);
}

/** Each atom in its raised or lowered form; a symbol that is raised already (`⋆`, `°`) stays as it is. */
function raiseOrLower(atoms: string[], forms: Readonly<Record<string, string>>, raised: boolean): string[] | undefined {
  const result: string[] = [];
  for (const atom of atoms) {
    if (atom === ' ') continue;
    const form = forms[atom] ?? (raised && RAISED_ALREADY.has(atom) ? RAISED_FORM_OF[atom] ?? atom : undefined);
    if (form === undefined) return undefined;
    result.push(form);
  }
  return result;
}

/** `\name` or `\<symbol>`: the name and the index after it. */
function readName(body: string, start: number): [string, number] {
  let j = start + 1;
  while (j < body.length && /[A-Za-z]/.test(body[j]!)) j++;
  if (j === start + 1 && j < body.length) j++;
  return [body.slice(start + 1, j), j];
}

function renderCommand(stack: Frame[], name: string): boolean {
  const symbol = CONTROL_SYMBOLS[name] ?? mathSymbol(name);
  if (symbol !== undefined) return symbol === '' || deliver(stack, [symbol]);
  if (OPERATORS.has(name)) return deliver(stack, [...name]);
  if (IGNORED.has(name)) return true;
  const font = FONTS[name];
  if (font !== undefined) return pushFrame(stack, (atoms) => mapEach(atoms, font));
  const mark = MATH_ACCENTS[name];
  if (mark !== undefined) return pushFrame(stack, (atoms) => (atoms.length === 1 && !/\s/.test(atoms[0]!) ? [atoms[0] + mark] : undefined));
  if (name === 'sqrt') return pushFrame(stack, squareRoot);
  return false;
}

function mapEach(atoms: string[], map: (atom: string) => string | undefined): string[] | undefined {
  const result: string[] = [];
  for (const atom of atoms) {
    const mapped = map(atom);
    if (mapped === undefined) return undefined;
    result.push(mapped);
  }
  return result;
}

/** `\sqrt{2}`, `\sqrt{10}`, `\sqrt{n}` read as "√2"; `\sqrt{n+1}` needs the bar over its argument. */
function squareRoot(atoms: string[]): string[] | undefined {
  const shown = atoms.length === 1 || atoms.every((atom) => /^\d$/.test(atom));
  return shown && atoms.length > 0 ? ['√', ...atoms] : undefined;
}

/** Characters as math shows them: letters and punctuation as they are, `'` as a prime. */
function renderCharacter(c: string): string | undefined {
  if (c === "'") return '′';
  // `&` aligns, `#` is a parameter, `%` a comment: none is text here.
  if (c === '&' || c === '#' || c === '%') return undefined;
  return c;
}

// ---------------------------------------------------------------------------------------
// Tables.

function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** Control symbols and spacing; '' renders as nothing. */
const CONTROL_SYMBOLS = table({
  '{': '{', '}': '}', '|': '‖', '%': '%', '&': '&', '#': '#', _: '_', $: '$',
  ',': ' ', ':': ' ', ';': ' ', ' ': ' ', quad: ' ', qquad: ' ', '!': '',
});

/** Operator names, set upright as words. */
const OPERATORS = new Set([
  'log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh',
  'max', 'min', 'sup', 'inf', 'lim', 'arg', 'det', 'dim', 'ker', 'deg', 'gcd', 'hom', 'Pr', 'mod', 'bmod',
]);

/** Sizing and style commands that change nothing a reader of plain text would see. */
const IGNORED = new Set([
  'left', 'right', 'middle', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr',
  'displaystyle', 'textstyle', 'scriptstyle', 'limits', 'nolimits', 'mathstrut',
]);

/** Accents over one letter, as combining marks. */
const MATH_ACCENTS = table({
  hat: '\u0302', widehat: '\u0302', tilde: '\u0303', widetilde: '\u0303', bar: '\u0304', overline: '\u0305',
  breve: '\u0306', dot: '\u0307', ddot: '\u0308', check: '\u030c', acute: '\u0301', grave: '\u0300', vec: '\u20d7',
});

const asIs = (atom: string): string => atom;

/**
 * Font commands. Upright, italic and bold letters read as plain letters; double-struck,
 * calligraphic and Fraktur ones are different symbols (ℝ, 𝒪, 𝔤), so they keep their style.
 */
const FONTS = table<(atom: string) => string | undefined>({
  mathrm: asIs, mathit: asIs, mathnormal: asIs, mathsf: asIs, mathtt: asIs, mathbf: asIs, boldsymbol: asIs, bm: asIs,
  text: asIs, textrm: asIs, textit: asIs, textup: asIs, textnormal: asIs, textsf: asIs, texttt: asIs, textbf: asIs,
  mbox: asIs, operatorname: asIs,
  mathbb: (atom) => styledLetter(atom, DOUBLE_STRUCK),
  mathcal: (atom) => styledLetter(atom, CALLIGRAPHIC),
  mathscr: (atom) => styledLetter(atom, CALLIGRAPHIC),
  mathfrak: (atom) => styledLetter(atom, FRAKTUR),
});

/**
 * A styled alphabet in Unicode's Mathematical Alphanumeric Symbols: where its capitals and
 * small letters start, and the letters that were in Unicode before it (ℝ), found elsewhere.
 */
interface Alphabet {
  capitals: number;
  small: number | undefined;
  older: Readonly<Record<string, string>>;
}

const DOUBLE_STRUCK: Alphabet = { capitals: 0x1d538, small: 0x1d552, older: table({ C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' }) };
// LaTeX's \mathcal has capitals only.
const CALLIGRAPHIC: Alphabet = { capitals: 0x1d49c, small: undefined, older: table({ B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ' }) };
const FRAKTUR: Alphabet = { capitals: 0x1d504, small: 0x1d51e, older: table({ C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' }) };

function styledLetter(atom: string, alphabet: Alphabet): string | undefined {
  if (atom === ' ') return '';
  const older = alphabet.older[atom];
  if (older !== undefined) return older;
  if (/^[A-Z]$/.test(atom)) return String.fromCodePoint(alphabet.capitals + atom.charCodeAt(0) - 65);
  if (/^[a-z]$/.test(atom) && alphabet.small !== undefined) return String.fromCodePoint(alphabet.small + atom.charCodeAt(0) - 97);
  return undefined;
}

/** Unicode's superscript forms. (No superscript q exists, so `$a^q$` stays as written.) */
const SUPERSCRIPT_FORMS = table({
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
  a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ',
  n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ',
  A: 'ᴬ', B: 'ᴮ', D: 'ᴰ', E: 'ᴱ', G: 'ᴳ', H: 'ᴴ', I: 'ᴵ', J: 'ᴶ', K: 'ᴷ', L: 'ᴸ', M: 'ᴹ', N: 'ᴺ', O: 'ᴼ',
  P: 'ᴾ', R: 'ᴿ', T: 'ᵀ', U: 'ᵁ', V: 'ⱽ', W: 'ᵂ',
  α: 'ᵅ', β: 'ᵝ', γ: 'ᵞ', δ: 'ᵟ', ε: 'ᵋ', θ: 'ᶿ', φ: 'ᵠ', χ: 'ᵡ',
  '⊤': 'ᵀ',
});

/** Unicode's subscript forms. */
const SUBSCRIPT_FORMS = table({
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ', s: 'ₛ',
  t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
  β: 'ᵦ', γ: 'ᵧ', ρ: 'ᵨ', φ: 'ᵩ', χ: 'ᵪ',
});

/** Symbols that sit raised in text already, so a superscript shows them as they are. */
const RAISED_ALREADY = new Set(['⋆', '*', '∗', '′', '†', '‡', '∘', '°']);
/** `^\circ` after a number is the degree sign ("30$^\circ$C"); `^\ast` reads as an asterisk. */
const RAISED_FORM_OF = table({ '∘': '°', '∗': '*' });
