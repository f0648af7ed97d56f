// A text-search vector written out as PostgreSQL's tsvector text ('term':1A,4A 'other':2B),
// from terms the local engine made: the server stores exactly the words the local index
// holds, with each field's weight and the terms' positions (for ranking by proximity),
// and no parser of its own decides what a word is.
import { isStopWord, scanBodyTerms, type BodyTermVisitor } from '../../core/search/normalize';

export type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL's limits: positions up to 16383, at most 256 of them a lexeme, lexemes under 2 KB. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_TERM = 255;
const MAX_TERM_BYTES = 2046;
const WEIGHTS: readonly Weight[] = ['A', 'B', 'C', 'D'];

/**
 * A vector made a term at a time, fields in order, positions numbered on from one field to
 * the next. Positions are kept as numbers (position × 4 + weight) and written out once:
 * a million papers' abstracts pass through here.
 */
export class TsVectorBuilder {
  private readonly positions = new Map<string, number[]>();
  private position = 0;

  add(term: string, weight: Weight): void {
    this.position = Math.min(MAX_POSITION, this.position + 1);
    if (!term || (term.length > MAX_TERM_BYTES / 3 && Buffer.byteLength(term) > MAX_TERM_BYTES)) return;
    const code = this.position * 4 + WEIGHTS.indexOf(weight);
    const list = this.positions.get(term);
    if (!list) this.positions.set(term, [code]);
    else if (list.length < MAX_POSITIONS_PER_TERM) list.push(code);
  }

  addAll(terms: readonly string[], weight: Weight): void {
    for (const term of terms) this.add(term, weight);
  }

  /** The terms of running text, as `indexTerms(text, [], { body: true })` gives them (the scanner the local index reads abstracts with). */
  addBody(text: string, weight: Weight): void {
    const visitor: BodyTermVisitor = {
      asciiWord: (source, start, end, skippable) => {
        const word = source.slice(start, end).toLowerCase();
        if (!(skippable && isStopWord(word))) this.add(word, weight);
      },
      term: (term) => this.add(term, weight),
    };
    scanBodyTerms(text, visitor);
  }

  /** The vector's text, one flat string (pieces joined, not concatenated: it is kept until written). */
  text(): string {
    const parts: string[] = [];
    for (const [term, codes] of this.positions) {
      const positions = codes.map((code) => `${code >> 2}${WEIGHTS[code & 3]}`);
      parts.push(`${quoteLexeme(term)}:${positions.join(',')}`);
    }
    return parts.join(' ');
  }
}

/** Fields in order, numbered on from one to the next, each position with its field's weight. */
export function tsvectorText(fields: readonly { terms: readonly string[]; weight: Weight }[]): string {
  const vector = new TsVectorBuilder();
  for (const { terms, weight } of fields) vector.addAll(terms, weight);
  return vector.text();
}

/** A lexeme quoted for tsvector and tsquery text: quotes doubled, backslashes escaped. */
export function quoteLexeme(term: string): string {
  // Terms are letters and digits nearly always: the replacing is for the rare one that is not.
  if (!/['\\]/.test(term)) return `'${term}'`;
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
