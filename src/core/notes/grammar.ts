// The one citation grammar: every form a note cites in (Pandoc Markdown, LaTeX with BibTeX,
// natbib and biblatex, Typst) is a row of CITATION_FORMS, and one scanner per language reads
// a whole document in a single pass, stepping over code, math, comments and verbatim text.
// Insertion, completion, hover, diagnostics and the citation map all read citations here.
import { parseLocator, type Locator } from './locator';

/** The kinds of note Lit Review cites into; Quarto (.qmd) and R Markdown (.Rmd) are Markdown. */
export type NoteLanguage = 'markdown' | 'latex' | 'typst';

/** Which family of packages or tools a form belongs to. */
export type CitationFamily = 'pandoc' | 'bibtex' | 'natbib' | 'biblatex' | 'typst';

/** One row of the grammar: a way of writing a citation. */
export interface CitationForm {
  language: NoteLanguage;
  /** As written: `\parencites`, `[@]`, `@`, `#cite`. A LaTeX command may also take a `*`. */
  command: string;
  family: CitationFamily;
  /** The author's name stands in the running text ("Smith (2020) shows"). */
  inText: boolean;
  /** biblatex multicite: `\parencites(pre)(post)[pre][post]{a}[pre][post]{b}`, notes per key. */
  multi: boolean;
  /** The multicite command that writes several of this command's citations with their own notes. */
  multiForm?: string;
  /** Cites without printing (`\nocite`, `nocite:`). */
  silent?: boolean;
}

const latex = (command: string, family: CitationFamily, extra: Partial<CitationForm> = {}): CitationForm => ({ language: 'latex', command: `\\${command}`, family, inText: false, multi: false, ...extra });
const multicite = (command: string, inText = false): CitationForm => latex(command, 'biblatex', { multi: true, inText });

/** Every citation form, by language. LaTeX commands not listed but named `...cite...` read as `\cite` does. */
export const CITATION_FORMS: readonly CitationForm[] = [
  { language: 'markdown', command: '[@]', family: 'pandoc', inText: false, multi: false },
  { language: 'markdown', command: '[-@]', family: 'pandoc', inText: false, multi: false },
  { language: 'markdown', command: '@', family: 'pandoc', inText: true, multi: false },
  { language: 'markdown', command: '@ []', family: 'pandoc', inText: true, multi: false },
  { language: 'markdown', command: 'nocite', family: 'pandoc', inText: false, multi: false, silent: true },
  latex('cite', 'bibtex', { multiForm: '\\cites' }),
  latex('nocite', 'bibtex', { silent: true }),
  latex('citet', 'natbib', { inText: true }),
  latex('citep', 'natbib'),
  latex('citealt', 'natbib', { inText: true }),
  latex('citealp', 'natbib'),
  latex('citeauthor', 'natbib', { inText: true }),
  latex('citeyear', 'natbib'),
  latex('citeyearpar', 'natbib'),
  latex('citenum', 'natbib'),
  latex('Citet', 'natbib', { inText: true }),
  latex('Citep', 'natbib'),
  latex('Citealt', 'natbib', { inText: true }),
  latex('Citealp', 'natbib'),
  latex('Citeauthor', 'natbib', { inText: true }),
  latex('Cite', 'biblatex', { multiForm: '\\Cites' }),
  latex('parencite', 'biblatex', { multiForm: '\\parencites' }),
  latex('Parencite', 'biblatex', { multiForm: '\\Parencites' }),
  latex('textcite', 'biblatex', { inText: true, multiForm: '\\textcites' }),
  latex('Textcite', 'biblatex', { inText: true, multiForm: '\\Textcites' }),
  latex('autocite', 'biblatex', { multiForm: '\\autocites' }),
  latex('Autocite', 'biblatex', { multiForm: '\\Autocites' }),
  latex('footcite', 'biblatex', { multiForm: '\\footcites' }),
  latex('footcitetext', 'biblatex', { multiForm: '\\footcitetexts' }),
  latex('smartcite', 'biblatex', { multiForm: '\\smartcites' }),
  latex('Smartcite', 'biblatex', { multiForm: '\\Smartcites' }),
  latex('supercite', 'biblatex', { multiForm: '\\supercites' }),
  latex('fullcite', 'biblatex'),
  latex('footfullcite', 'biblatex'),
  latex('citetitle', 'biblatex'),
  latex('citeurl', 'biblatex'),
  latex('citedate', 'biblatex'),
  multicite('cites'),
  multicite('Cites'),
  multicite('parencites'),
  multicite('Parencites'),
  multicite('footcites'),
  multicite('footcitetexts'),
  multicite('smartcites'),
  multicite('Smartcites'),
  multicite('textcites', true),
  multicite('Textcites', true),
  multicite('supercites'),
  multicite('autocites'),
  multicite('Autocites'),
  { language: 'typst', command: '@', family: 'typst', inText: false, multi: false },
  { language: 'typst', command: '#cite', family: 'typst', inText: false, multi: false },
];

const LATEX_FORMS = new Map(CITATION_FORMS.filter((form) => form.language === 'latex').map((form) => [form.command.slice(1), form]));

/** The form of a command as written (`\citep*` is `\citep`'s); an unlisted `\...cite...` reads as `\cite`. */
export function citationForm(command: string, language: NoteLanguage): CitationForm | undefined {
  if (language !== 'latex') return CITATION_FORMS.find((form) => form.language === language && form.command === command);
  const name = command.replace(/^\\/, '').replace(/\*$/, '');
  const known = LATEX_FORMS.get(name);
  if (known) return known;
  if (!/^[A-Za-z]*cite[A-Za-z]*$/i.test(name)) return undefined;
  return { language: 'latex', command: `\\${name}`, family: 'biblatex', inText: false, multi: /cites$/.test(name) };
}

/** One cited key with what the citation says about it. */
export interface CitationItem {
  key: string;
  /** Offsets of the key itself in the text (no `@`, no braces). */
  start: number;
  end: number;
  /** 0-based line and character of `start`. */
  line: number;
  character: number;
  /** Text before the key (`see`), '' if none. */
  prefix: string;
  locator?: Locator;
  /** Text after the key and its locator, '' if none. */
  suffix: string;
  /** `[-@a]`: only the year is printed. */
  suppressAuthor: boolean;
  /** A Quarto or pandoc-crossref reference (`@fig-plot`, `@sec:intro`), not a citation of a paper. */
  crossref?: boolean;
}

/** One citation: a command or bracket and the keys it cites. */
export interface Citation {
  language: NoteLanguage;
  /** `\parencites`, `\citep*`, `[@]`, `[-@]`, `@`, `@ []`, `nocite`, `#cite`. */
  command: string;
  form: CitationForm;
  /** Offsets of the whole citation, `end` exclusive. */
  start: number;
  end: number;
  /** 0-based line and character of `start`. */
  line: number;
  character: number;
  items: CitationItem[];
  /** The notes that belong to the whole citation: `\cite[see][p.~3]{a,b}`, `\parencites(see)(and more)...`. */
  prenote?: string;
  postnote?: string;
  /** `\nocite{*}`, `nocite: '@*'`: every entry of the bibliography. */
  all?: boolean;
  /** False when the text ends (or breaks off) inside the key braces: a citation being typed. */
  closed: boolean;
  /** For an open citation, where the keys of its open group start. */
  openKeysAt?: number;
}

/** A stretch of text where `@` or `\cite` means no citation. */
export interface SkippedRegion {
  kind: 'front-matter' | 'fence' | 'code' | 'math' | 'comment' | 'verbatim';
  start: number;
  end: number;
}

export interface ScanResult {
  citations: Citation[];
  skipped: SkippedRegion[];
}

/** Every citation of a note, in document order. */
export function parseCitations(text: string, language: NoteLanguage): Citation[] {
  return scanNote(text, language).citations;
}

/** Citations and the regions skipped as code, math, comments or front matter. */
export function scanNote(text: string, language: NoteLanguage): ScanResult {
  const scan = new Scanner(text, language);
  if (language === 'markdown') scan.markdown();
  else if (language === 'latex') scan.latex();
  else scan.typst();
  scan.placeLines();
  return { citations: scan.citations, skipped: scan.skipped };
}

// ---------------------------------------------------------------------------------------
// Characters

const SPACE = /\s/;
/** Letters, digits and `_` (any script): what a Pandoc key starts with and mostly holds. */
const WORD = /[\p{L}\p{N}_]/u;
/** Punctuation a Pandoc key may hold between word characters. */
const KEY_INNER = ':.#$%&-+?<>~/';
/** What may stand just before `@` (or `-@`) in Markdown: not a letter, digit or `/`, so e-mails and links are no citations. */
const MARKDOWN_BEFORE_AT = /[\s[;*"'“‘(]/;
/** Characters a BibTeX key may hold. */
export const LATEX_KEY_CHAR = /[^\s,{}%\\"#'()=]/;
/** Characters a Typst label may hold. */
const TYPST_LABEL_CHAR = /[\p{L}\p{N}_\-:.]/u;
/** Quarto and pandoc-crossref references share `@`: `@fig-plot`, `@sec:intro`. */
const CROSSREF = /^(fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|apx)[-:]/;
/** Environments whose text is shown as written. */
const VERBATIM_ENVIRONMENTS = new Set(['verbatim', 'verbatim*', 'Verbatim', 'lstlisting', 'minted', 'comment', 'alltt', 'BVerbatim', 'LVerbatim']);
/** A bracket this long is prose, not a citation: keeps a stray `[` from costing a re-read of the document. */
const MAX_BRACKET = 4000;
/** A LaTeX note (`[p.~3]`) or Typst argument list this long is not one. */
const MAX_NOTE = 500;

/** The characters each scanner stops at; everything between them is prose. */
const MARKDOWN_SIGNIFICANT = /[\n\\`$<[@-]/g;
const LATEX_SIGNIFICANT = /[%\\]/g;
const TYPST_SIGNIFICANT = /[\\/`$@#]/g;

const isWord = (c: string | undefined): boolean => c !== undefined && WORD.test(c);

/** The Pandoc key starting at `at` (just after `@`), without the punctuation that ends a sentence. */
export function readPandocKey(text: string, at: number): { key: string; start: number; end: number; after: number } | undefined {
  if (text[at] === '{') {
    const close = text.indexOf('}', at + 1);
    if (close < 0) return undefined;
    const key = text.slice(at + 1, close);
    if (!key.trim() || /[{\n]/.test(key)) return undefined;
    return { key, start: at + 1, end: close, after: close + 1 };
  }
  if (!isWord(text[at])) return undefined;
  let end = at + 1;
  for (;;) {
    const c = text[end];
    if (c === undefined) break;
    if (isWord(c)) end++;
    else if (KEY_INNER.includes(c) && isWord(text[end + 1])) end++;
    else if ((c === ':' || c === '/') && text[end + 1] === '/') end++;
    else break;
  }
  return { key: text.slice(at, end), start: at, end, after: end };
}

/** Whether a `@` at `at` may start a Markdown citation, given what stands before it (or before its `-`). */
export function markdownAtCanCite(text: string, at: number): boolean {
  const marker = text[at - 1] === '-' ? at - 1 : at;
  return marker === 0 || MARKDOWN_BEFORE_AT.test(text[marker - 1]!);
}

/** A Typst label starting at `at`, without the `.` or `:` that ends a sentence. */
export function readTypstLabel(text: string, at: number): { key: string; start: number; end: number } | undefined {
  let end = at;
  while (end < text.length && TYPST_LABEL_CHAR.test(text[end]!)) end++;
  while (end > at && (text[end - 1] === '.' || text[end - 1] === ':')) end--;
  if (end === at || !/[\p{L}\p{N}_]/u.test(text[at]!)) return undefined;
  return { key: text.slice(at, end), start: at, end };
}

// ---------------------------------------------------------------------------------------
// The scanner

class Scanner {
  readonly citations: Citation[] = [];
  readonly skipped: SkippedRegion[] = [];
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly language: NoteLanguage,
  ) {
    this.n = text.length;
  }

  /** Gives every citation and item its 0-based line and character, walking the text once. */
  placeLines(): void {
    const text = this.text;
    let line = 0;
    let lineStart = 0;
    let scanned = 0;
    const place = (offset: number): [number, number] => {
      for (; scanned < offset; scanned++) {
        if (text.charCodeAt(scanned) === 10) {
          line++;
          lineStart = scanned + 1;
        }
      }
      return [line, offset - lineStart];
    };
    for (const citation of this.citations) {
      [citation.line, citation.character] = place(citation.start);
      for (const item of citation.items) [item.line, item.character] = place(item.start);
    }
  }

  private skip(kind: SkippedRegion['kind'], start: number, end: number): number {
    this.skipped.push({ kind, start, end });
    return end;
  }

  // ---- Markdown ------------------------------------------------------------------------

  markdown(): void {
    const text = this.text;
    let i = this.frontMatter();
    let lineStart = true;
    while (i < this.n) {
      if (lineStart) {
        lineStart = false;
        const fenced = this.fence(i);
        if (fenced !== undefined) {
          i = fenced;
          lineStart = true;
          continue;
        }
      }
      // Prose is skipped a run at a time, to the next character that may mean something.
      MARKDOWN_SIGNIFICANT.lastIndex = i;
      if (!MARKDOWN_SIGNIFICANT.test(text)) break;
      i = MARKDOWN_SIGNIFICANT.lastIndex - 1;
      const c = text[i]!;
      if (c === '\n') {
        lineStart = true;
        i++;
      } else if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        i = this.codeSpan(i);
      } else if (c === '$') {
        i = this.markdownMath(i);
      } else if (c === '<' && text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        i = this.skip('comment', i, close < 0 ? this.n : close + 3);
      } else if (c === '[') {
        i = this.bracketed(i) ?? i + 1;
      } else if ((c === '@' || (c === '-' && text[i + 1] === '@')) && markdownAtCanCite(text, c === '@' ? i : i + 1)) {
        i = this.inText(i) ?? i + 1;
      } else {
        i++;
      }
    }
  }

  /** YAML front matter: skipped, except for the keys `nocite:` names. */
  private frontMatter(): number {
    const text = this.text;
    const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
    if (!open) return 0;
    const close = /^(---|\.\.\.)[ \t]*$/gm;
    close.lastIndex = open[0].length;
    const end = close.exec(text);
    if (!end) return 0;
    const stop = end.index + end[0].length;
    this.skip('front-matter', 0, stop);
    const nocite = /^nocite:[^\n]*(?:\n[ \t]+[^\n]*)*/m.exec(text.slice(0, end.index));
    if (nocite) this.nocite(nocite.index, nocite.index + nocite[0].length);
    return stop;
  }

  private nocite(from: number, to: number): void {
    const text = this.text;
    const citation = this.newCitation('nocite', from, to);
    for (let at = text.indexOf('@', from); at >= 0 && at < to; at = text.indexOf('@', at + 1)) {
      if (at > from && /[\p{L}\p{N}]/u.test(text[at - 1]!)) continue;
      if (text[at + 1] === '*') {
        citation.all = true;
        continue;
      }
      const key = readPandocKey(text, at + 1);
      if (key && key.end <= to) citation.items.push(this.item(key.key, key.start, key.end));
    }
    if (citation.items.length || citation.all) this.citations.push(citation);
  }

  /** A fenced code block opening at `i` (a line start): skipped to its closing fence, or to the end. */
  private fence(i: number): number | undefined {
    const text = this.text;
    const open = /[ ]{0,3}(`{3,}|~{3,})/y;
    open.lastIndex = i;
    const marker = open.exec(text)?.[1];
    if (!marker) return undefined;
    // A backtick fence's info string holds no backtick: "```a``` b" is inline code.
    const lineEnd = endOfLine(text, i);
    if (marker[0] === '`' && text.slice(open.lastIndex, lineEnd).includes('`')) return undefined;
    let at = lineEnd + 1;
    while (at < this.n) {
      const end = endOfLine(text, at);
      const line = text.slice(at, end).replace(/\r$/, '');
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) return this.skip('fence', i, Math.min(end + 1, this.n));
      at = end + 1;
    }
    return this.skip('fence', i, this.n);
  }

  /** An inline code span: a run of backticks closed by a run of the same length. */
  private codeSpan(i: number): number {
    const text = this.text;
    let run = i;
    while (text[run] === '`') run++;
    const length = run - i;
    // The span closes within its paragraph (and a long way at most): a stray run costs no more.
    const blank = /\n[ \t]*\r?\n/g;
    blank.lastIndex = run;
    const limit = Math.min(blank.exec(text)?.index ?? this.n, run + 4 * MAX_BRACKET);
    for (let at = text.indexOf('`', run); at >= 0 && at < limit; at = text.indexOf('`', at)) {
      let end = at;
      while (text[end] === '`') end++;
      if (end - at === length) return this.skip('code', i, end);
      at = end;
    }
    return run;
  }

  /** `$$display$$` and Pandoc's `$inline$` (no space inside the dollars, no digit after the closing one). */
  private markdownMath(i: number): number {
    const text = this.text;
    if (text[i + 1] === '$') {
      const close = text.indexOf('$$', i + 2);
      return close < 0 ? i + 2 : this.skip('math', i, close + 2);
    }
    if (!text[i + 1] || SPACE.test(text[i + 1]!)) return i + 1;
    const close = this.mathCloser(i + 1);
    if (close === undefined || close - i > MAX_BRACKET || /\n[ \t]*\r?\n/.test(text.slice(i, close))) return i + 1;
    return this.skip('math', i, close + 1);
  }

  /** The last closing `$` found, and where that search began: `$`s are met in order, so each search goes on from the last. */
  private closer = { from: -1, at: -1 };

  /** The first `$` after `from` that can close inline math: no space or backslash before it, no digit after it. */
  private mathCloser(from: number): number | undefined {
    const text = this.text;
    if (this.closer.from >= 0 && from >= this.closer.from && (from <= this.closer.at || this.closer.at < 0)) return this.closer.at < 0 ? undefined : this.closer.at;
    let at = text.indexOf('$', from);
    while (at >= 0 && (SPACE.test(text[at - 1]!) || text[at - 1] === '\\' || /\d/.test(text[at + 1] ?? ''))) at = text.indexOf('$', at + 1);
    this.closer = { from, at };
    return at < 0 ? undefined : at;
  }

  /** `[see @a, p. 3; -@b]`: every `;`-separated part must hold a key, else the brackets are prose. */
  private bracketed(open: number): number | undefined {
    const text = this.text;
    const close = this.matchingBracket(open);
    if (close === undefined) return undefined;
    // `[text](link)`, `[text][ref]` and `[ref]: url` are links.
    const next = text[close + 1];
    if (next === '(' || next === '[' || next === ':') return undefined;
    const parts: [number, number][] = [];
    let from = open + 1;
    let depth = 0;
    for (let at = open + 1; at < close; at++) {
      const c = text[at];
      if (c === '\\') at++;
      else if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === ';' && depth === 0) {
        parts.push([from, at]);
        from = at + 1;
      }
    }
    parts.push([from, close]);
    const items: CitationItem[] = [];
    for (const [start, end] of parts) {
      const item = this.bracketPart(start, end);
      if (!item) return undefined;
      items.push(item);
    }
    const command = items.every((item) => item.suppressAuthor) ? '[-@]' : '[@]';
    const citation = this.newCitation(command, open, close + 1);
    citation.items = items;
    this.citations.push(citation);
    return close + 1;
  }

  private bracketPart(start: number, end: number): CitationItem | undefined {
    const text = this.text;
    for (let at = text.indexOf('@', start); at >= 0 && at < end; at = text.indexOf('@', at + 1)) {
      const suppress = text[at - 1] === '-' && at - 1 >= start;
      const markerStart = suppress ? at - 1 : at;
      if (markerStart > start && !MARKDOWN_BEFORE_AT.test(text[markerStart - 1]!)) continue;
      const key = readPandocKey(text, at + 1);
      if (!key || key.after > end) continue;
      const { locator, rest } = parseLocator(text.slice(key.after, end));
      const item = this.item(key.key, key.start, key.end, {
        prefix: text.slice(start, markerStart).trim(),
        locator,
        suffix: rest.replace(/^\s*,?\s*/, '').trimEnd(),
        suppressAuthor: suppress,
      });
      return item;
    }
    return undefined;
  }

  /** `]` for each `[` (by offset), found once for the whole text with a stack: see matchingBracket. */
  private brackets?: Map<number, number>;

  /**
   * The `]` closing the `[` at `open`, within one paragraph and no code span, at most
   * MAX_BRACKET characters on. Every bracket of the text is matched in one pass the first
   * time one is asked for, so a thousand stray `[` cost no more than one.
   */
  private matchingBracket(open: number): number | undefined {
    if (!this.brackets) {
      const text = this.text;
      const matches = new Map<number, number>();
      const stack: number[] = [];
      for (let at = 0; at < this.n; at++) {
        const c = text[at];
        if (c === '\\') at++;
        else if (c === '[') stack.push(at);
        else if (c === ']') {
          const from = stack.pop();
          if (from !== undefined && at - from <= MAX_BRACKET) matches.set(from, at);
        } else if (c === '`' || (c === '\n' && /^\n[ \t]*(\r?\n|$)/.test(text.slice(at, at + 4)))) stack.length = 0;
      }
      this.brackets = matches;
    }
    return this.brackets.get(open);
  }

  /** `@a`, `-@a` and `@a [p. 3]`: the key in the running text, with a bracket of notes after it. */
  private inText(i: number): number | undefined {
    const text = this.text;
    const suppress = text[i] === '-';
    const at = suppress ? i + 1 : i;
    const key = readPandocKey(text, at + 1);
    if (!key) return undefined;
    let end = key.after;
    let notes: { locator?: Locator; suffix: string } = { suffix: '' };
    let bracket = text[end] === '[' ? end : text[end] === ' ' && text[end + 1] === '[' ? end + 1 : -1;
    if (bracket >= 0) {
      const close = this.matchingBracket(bracket);
      const inner = close === undefined ? '' : text.slice(bracket + 1, close);
      const next = close === undefined ? undefined : text[close + 1];
      if (close === undefined || next === '(' || next === '[' || next === ':' || /(^|[\s;[-])-?@[\p{L}\p{N}_{]/u.test(inner)) bracket = -1;
      else {
        const { locator, rest } = parseLocator(inner);
        notes = { locator, suffix: rest.replace(/^\s*,?\s*/, '').trimEnd() };
        end = close + 1;
      }
    }
    const citation = this.newCitation(bracket >= 0 ? '@ []' : '@', i, end);
    citation.items.push(this.item(key.key, key.start, key.end, { ...notes, suppressAuthor: suppress }));
    this.citations.push(citation);
    return end;
  }

  // ---- LaTeX ---------------------------------------------------------------------------

  latex(): void {
    const text = this.text;
    let i = 0;
    while (i < this.n) {
      LATEX_SIGNIFICANT.lastIndex = i;
      if (!LATEX_SIGNIFICANT.test(text)) break;
      i = LATEX_SIGNIFICANT.lastIndex - 1;
      const c = text.charCodeAt(i);
      if (c === 37 /* % */) {
        i = this.skip('comment', i, endOfLine(text, i));
      } else if (c === 92 /* \ */) {
        i = this.latexCommand(i);
      } else {
        i++;
      }
    }
  }

  private latexCommand(i: number): number {
    const text = this.text;
    let end = i + 1;
    while (end < this.n && isAsciiLetter(text.charCodeAt(end))) end++;
    // `\%`, `\\`, `\{`: an escaped character, never a command of interest.
    if (end === i + 1) return i + 2;
    const name = text.slice(i + 1, end);
    if (name === 'verb' || name === 'lstinline') return this.verb(i, end);
    if (name === 'begin') return this.verbatimEnvironment(i, end) ?? end;
    if (!name.includes('cite') && !name.includes('Cite')) return end;
    const form = citationForm(name, 'latex');
    if (!form) return end;
    return this.latexCitation(i, end, name, form);
  }

  /** `\verb|text|` with any delimiter (and `\verb*`). */
  private verb(i: number, end: number): number {
    const text = this.text;
    let at = end;
    if (text[at] === '*') at++;
    const delimiter = text[at];
    if (!delimiter || /[\s\p{L}]/u.test(delimiter)) return end;
    if (delimiter === '{' && text.slice(i + 1, end) === 'lstinline') {
      const close = text.indexOf('}', at + 1);
      return this.skip('verbatim', i, close < 0 ? endOfLine(text, at) : close + 1);
    }
    const close = text.indexOf(delimiter, at + 1);
    const lineEnd = endOfLine(text, at);
    return this.skip('verbatim', i, close < 0 || close > lineEnd ? lineEnd : close + 1);
  }

  private verbatimEnvironment(i: number, end: number): number | undefined {
    const text = this.text;
    const open = /\s*\{([^{}\n]*)\}/y;
    open.lastIndex = end;
    const name = open.exec(text)?.[1];
    if (name === undefined || !VERBATIM_ENVIRONMENTS.has(name)) return undefined;
    const closing = `\\end{${name}}`;
    const close = text.indexOf(closing, open.lastIndex);
    return this.skip('verbatim', i, close < 0 ? this.n : close + closing.length);
  }

  private latexCitation(start: number, nameEnd: number, name: string, form: CitationForm): number {
    const text = this.text;
    let at = nameEnd;
    let command = `\\${name}`;
    if (text[at] === '*') {
      command += '*';
      at++;
    }
    const citation = this.newCitation(command, start, at);
    citation.form = form;
    if (form.multi) {
      const globals: string[] = [];
      for (let g = 0; g < 2; g++) {
        const group = this.delimited(this.skipLatexSpace(at), '(', ')');
        if (!group) break;
        globals.push(group.content);
        at = group.end;
      }
      if (globals.length === 1) citation.postnote = globals[0];
      else if (globals.length === 2) [citation.prenote, citation.postnote] = globals;
    }
    let groups = 0;
    for (;;) {
      const notes: string[] = [];
      let next = this.skipLatexSpace(at);
      for (let o = 0; o < 2; o++) {
        const option = this.delimited(next, '[', ']');
        if (!option) break;
        notes.push(option.content);
        next = this.skipLatexSpace(option.end);
      }
      if (text[next] !== '{') {
        // Notes with no keys after them belong to the text, not to this citation.
        if (!groups) return nameEnd;
        break;
      }
      const keys = this.latexKeys(next + 1);
      groups++;
      const [prenote, postnote] = notes.length === 2 ? notes : [undefined, notes[0]];
      if (form.multi) this.attachNotes(keys.items, prenote, postnote);
      else {
        citation.prenote = prenote;
        citation.postnote = postnote;
        this.attachNotes(keys.items, prenote, postnote);
      }
      citation.items.push(...keys.items);
      if (keys.all) citation.all = true;
      at = keys.end;
      if (!keys.closed) {
        citation.closed = false;
        citation.openKeysAt = next + 1;
        break;
      }
      if (!form.multi) break;
    }
    citation.end = at;
    this.citations.push(citation);
    return Math.max(at, nameEnd);
  }

  /** A prenote goes to the first key of a group, the postnote (with its locator) to the last. */
  private attachNotes(items: CitationItem[], prenote: string | undefined, postnote: string | undefined): void {
    const first = items[0];
    const last = items[items.length - 1];
    if (first && prenote) first.prefix = prenote.trim();
    if (last && postnote) {
      const { locator, rest } = parseLocator(postnote.replace(/~/g, ' '));
      last.locator = locator;
      last.suffix = rest.replace(/^\s*,?\s*/, '').trim();
    }
  }

  /** The keys of `{a, b}` from `from` (just after `{`): closed by `}`, broken off by a blank line, `{`, `\` or the end. */
  private latexKeys(from: number): { items: CitationItem[]; end: number; closed: boolean; all: boolean } {
    const text = this.text;
    const items: CitationItem[] = [];
    let all = false;
    let keyStart = -1;
    let keyEnd = -1;
    const flush = (): void => {
      if (keyStart < 0) return;
      const key = text.slice(keyStart, keyEnd);
      if (key === '*') all = true;
      else items.push(this.item(key, keyStart, keyEnd));
      keyStart = -1;
    };
    for (let at = from; at < this.n; at++) {
      const c = text[at]!;
      if (c === '}') {
        flush();
        return { items, end: at + 1, closed: true, all };
      }
      if (c === ',') flush();
      else if (c === '%') {
        at = this.skip('comment', at, endOfLine(text, at)) - 1;
      } else if (c === '{' || c === '\\' || (c === '\n' && /^\n[ \t]*(\r?\n|$)/.test(text.slice(at, at + 4)))) {
        flush();
        return { items, end: at, closed: false, all };
      } else if (!SPACE.test(c)) {
        if (keyStart < 0) keyStart = at;
        keyEnd = at + 1;
      }
    }
    flush();
    return { items, end: this.n, closed: false, all };
  }

  /** Spaces, a single line break and `%` comments between a command and its arguments. */
  private skipLatexSpace(at: number): number {
    const text = this.text;
    let breaks = 0;
    while (at < this.n) {
      const c = text[at]!;
      if (c === '\n') {
        if (++breaks > 1) break;
        at++;
      } else if (c === ' ' || c === '\t' || c === '\r') at++;
      else if (c === '%') at = this.skip('comment', at, endOfLine(text, at));
      else break;
    }
    return at;
  }

  /** An argument between `open` and `close` starting at `at`, braces inside balanced: `[see {[}1{]}]`. */
  private delimited(at: number, open: string, close: string): { content: string; end: number } | undefined {
    const text = this.text;
    if (text[at] !== open) return undefined;
    let depth = 0;
    const limit = Math.min(this.n, at + MAX_NOTE);
    for (let j = at + 1; j < limit; j++) {
      const c = text[j];
      if (c === '\\') j++;
      else if (c === '{') depth++;
      else if (c === '}') {
        if (--depth < 0) return undefined;
      } else if (c === close && depth === 0) return { content: text.slice(at + 1, j).replace(/(?<!\\)%[^\n]*(\n[ \t]*)?/g, ''), end: j + 1 };
      else if (c === '\n' && /^\n[ \t]*(\r?\n|$)/.test(text.slice(j, j + 4))) return undefined;
    }
    return undefined;
  }

  // ---- Typst ---------------------------------------------------------------------------

  typst(): void {
    const text = this.text;
    let i = 0;
    while (i < this.n) {
      TYPST_SIGNIFICANT.lastIndex = i;
      if (!TYPST_SIGNIFICANT.test(text)) break;
      i = TYPST_SIGNIFICANT.lastIndex - 1;
      const c = text[i]!;
      if (c === '\\') i += 2;
      else if (c === '/' && text[i + 1] === '/') i = this.skip('comment', i, endOfLine(text, i));
      else if (c === '/' && text[i + 1] === '*') i = this.typstBlockComment(i);
      else if (c === '`') i = this.typstRaw(i);
      else if (c === '$') {
        const close = text.indexOf('$', i + 1);
        i = close < 0 ? i + 1 : this.skip('math', i, close + 1);
      } else if (c === '@' && (i === 0 || !/[\p{L}\p{N}_]/u.test(text[i - 1]!))) i = this.typstReference(i) ?? i + 1;
      else if (c === '#' && text.startsWith('#cite(', i)) i = this.typstCite(i) ?? i + 1;
      else i++;
    }
  }

  private typstBlockComment(i: number): number {
    const text = this.text;
    let depth = 0;
    for (let at = i; at < this.n - 1; at++) {
      if (text[at] === '/' && text[at + 1] === '*') {
        depth++;
        at++;
      } else if (text[at] === '*' && text[at + 1] === '/') {
        at++;
        if (--depth === 0) return this.skip('comment', i, at + 1);
      }
    }
    return this.skip('comment', i, this.n);
  }

  private typstRaw(i: number): number {
    const text = this.text;
    let run = i;
    while (text[run] === '`') run++;
    const marker = run - i >= 3 ? text.slice(i, run) : '`';
    if (run - i === 2) return this.skip('code', i, run);
    const close = text.indexOf(marker, marker === '`' ? i + 1 : run);
    return close < 0 ? run : this.skip('code', i, close + marker.length);
  }

  /** `@key` and `@key[p. 3]`. */
  private typstReference(i: number): number | undefined {
    const text = this.text;
    const label = readTypstLabel(text, i + 1);
    if (!label) return undefined;
    let end = label.end;
    let notes: { locator?: Locator; suffix: string } = { suffix: '' };
    let command = '@';
    if (text[end] === '[') {
      const close = this.matchingBracket(end);
      if (close !== undefined) {
        const { locator, rest } = parseLocator(text.slice(end + 1, close));
        notes = { locator, suffix: rest.replace(/^\s*,?\s*/, '').trimEnd() };
        end = close + 1;
        command = '@[]';
      }
    }
    const citation = this.newCitation(command, i, end);
    citation.items.push(this.item(label.key, label.start, label.end, notes));
    this.citations.push(citation);
    return end;
  }

  /** `#cite(<key>)`, `#cite(label("key"), supplement: [p. 3], form: "prose")`. */
  private typstCite(i: number): number | undefined {
    const text = this.text;
    const open = i + '#cite'.length;
    let depth = 0;
    let close = -1;
    for (let at = open; at < Math.min(this.n, open + MAX_BRACKET); at++) {
      const c = text[at];
      if (c === '"') {
        const end = text.indexOf('"', at + 1);
        if (end < 0) break;
        at = end;
      } else if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') {
        if (--depth === 0) {
          close = at;
          break;
        }
      }
    }
    const end = close < 0 ? this.n : close + 1;
    const args = text.slice(open + 1, close < 0 ? this.n : close);
    const citation = this.newCitation('#cite', i, end);
    const keys = /<([\p{L}\p{N}_\-:.]+)>|label\(\s*"([^"]*)"\s*\)/gu;
    for (const match of args.matchAll(keys)) {
      const key = match[1] ?? match[2]!;
      const start = open + 1 + match.index! + match[0].indexOf(key);
      citation.items.push(this.item(key, start, start + key.length));
    }
    const supplement = /supplement\s*:\s*\[([^\]]*)\]/.exec(args);
    const last = citation.items[citation.items.length - 1];
    if (supplement && last) {
      const { locator, rest } = parseLocator(supplement[1]!);
      last.locator = locator;
      last.suffix = rest.replace(/^\s*,?\s*/, '').trim();
    }
    if (/form\s*:\s*"(prose|author)"/.test(args)) citation.form = { ...citation.form, inText: true };
    if (close < 0) {
      citation.closed = false;
      citation.openKeysAt = open + 1;
    }
    if (!citation.items.length && close >= 0) return undefined;
    this.citations.push(citation);
    return end;
  }

  // ---- Shared --------------------------------------------------------------------------

  private newCitation(command: string, start: number, end: number): Citation {
    const form = citationForm(command, this.language) ?? CITATION_FORMS.find((f) => f.language === this.language)!;
    return { language: this.language, command, form, start, end, line: 0, character: 0, items: [], closed: true };
  }

  private item(key: string, start: number, end: number, notes: Partial<Pick<CitationItem, 'prefix' | 'locator' | 'suffix' | 'suppressAuthor'>> = {}): CitationItem {
    const item: CitationItem = { key, start, end, line: 0, character: 0, prefix: notes.prefix ?? '', suffix: notes.suffix ?? '', suppressAuthor: notes.suppressAuthor ?? false };
    if (notes.locator) item.locator = notes.locator;
    if (this.language !== 'latex' && CROSSREF.test(key)) item.crossref = true;
    return item;
  }
}

function endOfLine(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
