// Decodes the LaTeX accents plain-text listings carry in names and titles (M\"uller, Garc\'ia, {\o}).
// Only accents and special letters: math and other commands are left as they are.

/** Accent command -> Unicode combining mark. */
const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
};

const LETTERS: Record<string, string> = {
  o: 'ø', O: 'Ø', ss: 'ß', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı',
};

// `\"u`, `\"{u}`, `{\"u}`, `\'\i`: a symbol accent takes the next letter directly.
const SYMBOL_ACCENT = /\{?\\(["'`^~=.])\s*\{?(\\[ij](?![A-Za-z])|[A-Za-z])\}?\}?/g;
// `\v c`, `\v{c}`, `{\c c}`: a letter accent needs a space or a brace before its letter.
const LETTER_ACCENT = /\{?\\([uvHckr])(?: +|\s*\{)(\\[ij](?![A-Za-z])|[A-Za-z])\}?\}?/g;
const SPECIAL_LETTER = /\{?\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)(?![A-Za-z]) ?\}?/g;

export function decodeLatexAccents(text: string): string {
  if (!text.includes('\\')) return text;
  const accented = (_match: string, accent: string, base: string): string =>
    (base.startsWith('\\') ? base.slice(1) : base) + (ACCENTS[accent] ?? '');
  return text
    .replace(SYMBOL_ACCENT, accented)
    .replace(LETTER_ACCENT, accented)
    .replace(SPECIAL_LETTER, (_match, name: string) => LETTERS[name] ?? name)
    .normalize('NFC');
}
