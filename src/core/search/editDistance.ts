// Typo distance between a typed word and an indexed term, given up on as soon as it
// exceeds what a search would forgive (so checking thousands of terms stays cheap).
// Hand-written because libraries compute the whole distance, which is the slow part here.

const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
 * two neighbours) between `a` and the first `bLength` characters of `b`, or `max + 1`
 * when it is larger than `max`.
 */
export function boundedDistance(a: string, b: string, max: number, bLength = b.length): number {
  const n = a.length;
  const m = Math.min(bLength, b.length);
  if (Math.abs(n - m) > max) return max + 1;
  if (m + 1 > rows[0]!.length) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(m + 1);
  let twoBack = rows[0]!;
  let previous = rows[1]!;
  let current = rows[2]!;
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, twoBack[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = twoBack;
    twoBack = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[m]!, max + 1);
}
