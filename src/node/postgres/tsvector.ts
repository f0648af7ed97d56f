// A text-search vector written out as PostgreSQL's tsvector text ('term':1A,4A 'other':2B),
// from terms the local engine made: the server stores exactly the words the local index
// holds, with each field's weight and the terms' positions (for ranking by proximity),
// and no parser of its own decides what a word is.

export type Weight = 'A' | 'B' | 'C' | 'D';

/** PostgreSQL's limits: positions up to 16383, at most 256 of them a lexeme, lexemes under 2 KB. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_TERM = 255;
const MAX_TERM_BYTES = 2046;

/** Fields in order, numbered on from one to the next, each position with its field's weight. */
export function tsvectorText(fields: readonly { terms: readonly string[]; weight: Weight }[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { terms, weight } of fields) {
    for (const term of terms) {
      position = Math.min(MAX_POSITION, position + 1);
      if (!term || (term.length > MAX_TERM_BYTES / 3 && Buffer.byteLength(term) > MAX_TERM_BYTES)) continue;
      const list = positions.get(term);
      if (!list) positions.set(term, [`${position}${weight}`]);
      else if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${position}${weight}`);
    }
  }
  const parts: string[] = [];
  for (const [term, list] of positions) parts.push(`${quoteLexeme(term)}:${list.join(',')}`);
  return parts.join(' ');
}

/** A lexeme quoted for tsvector and tsquery text: quotes doubled, backslashes escaped. */
export function quoteLexeme(term: string): string {
  // Terms are letters and digits nearly always: the replacing is for the rare one that is not.
  if (!/['\\]/.test(term)) return `'${term}'`;
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
