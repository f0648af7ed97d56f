// How long automatic topics take for libraries of 1k and 10k papers: from scratch, with
// last time's topics given (what the extension does after a file changes), and read back
// from saved topics (what a start with unchanged listings does instead).
// Run: npx tsx bench/topics.ts [--papers 1000,10000,100000]
//
// Each figure is the best of three runs after one untimed run, in CPU milliseconds
// (steadier than wall-clock time on a shared machine), next to a yardstick: counting the
// words of the same abstracts with split and a Map, the least any phrase-based method has to do.
import type { Paper } from '../src/core/paper/paper';
import { computeTopics, parseSavedTopics, serializeSavedTopics, type Topic } from '../src/core/topics';
import { generatePapers } from './corpus';
import { printTable } from './report';

const RUNS = 3;

function libraryOf(count: number): Paper[] {
  return generatePapers(count).map((p, i) => ({
    title: p.title,
    abstract: p.abstract,
    authors: p.authors,
    links: [],
    keywords: [],
    sources: [{ file: `listings/part${i % 7}.txt`, line: 1 + i }],
    key: `${p.shortName.replace(/[^A-Za-z0-9]/g, '')}${i}`,
    topics: [],
  }));
}

/**
 * The best CPU time of a few runs, and the last result. One run first, not timed: the
 * extension computes topics again and again, so what counts is the time once the code is
 * compiled, not the first run's compiling.
 */
function best<T>(work: () => T): [T, number] {
  let result: T | undefined = work();
  let fastest = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const start = process.cpuUsage();
    result = work();
    const used = process.cpuUsage(start);
    fastest = Math.min(fastest, (used.user + used.system) / 1000);
  }
  return [result!, fastest];
}

function wordCount(papers: readonly Paper[]): number {
  const counts = new Map<string, number>();
  for (const p of papers) for (const word of (p.abstract ?? '').split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts.size;
}

function shape(topics: readonly Topic[]): string {
  const nested = topics.reduce((n, t) => n + (t.children?.length ?? 0), 0);
  const top = topics.filter((t) => t.origin === 'auto').length;
  const largest = Math.max(...topics.map((t) => t.keys.length));
  const other = topics.find((t) => t.origin === 'other')?.keys.length ?? 0;
  return `${top} topics, ${nested} nested, largest ${largest}, other ${other}`;
}

/** Library sizes from `--papers 1000,10000` (default: 1k and 10k). */
function sizes(args: readonly string[]): number[] {
  const at = args.indexOf('--papers');
  const given = at >= 0 ? args[at + 1] : undefined;
  if (given === undefined) return [1000, 10000];
  const counts = given.split(',').map((part) => Number(part.trim()));
  if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--papers wants sizes like 1000,10000, not "${given}"`);
  return counts;
}

const rows: [string, string][] = [];
for (const count of sizes(process.argv.slice(2))) {
  const papers = libraryOf(count);
  const [, yardstick] = best(() => wordCount(papers));
  const [first, cold] = best(() => computeTopics(papers));
  const [, warm] = best(() => computeTopics(papers, { previous: first.topics }));
  const [text, save] = best(() => serializeSavedTopics({ stamp: 'bench', topics: first.topics }));
  const [loaded, load] = best(() => parseSavedTopics(text));
  if (loaded?.topics.length !== first.topics.length) throw new Error('The saved topics did not read back.');
  rows.push([`${count} papers: yardstick (split + Map word count)`, `${yardstick.toFixed(0)} ms`]);
  rows.push([`${count} papers: topics from scratch`, `${cold.toFixed(0)} ms  (${(cold / yardstick).toFixed(1)}x yardstick; ${shape(first.topics)})`]);
  rows.push([`${count} papers: topics with previous topics`, `${warm.toFixed(0)} ms  (${(warm / yardstick).toFixed(1)}x yardstick)`]);
  rows.push([`${count} papers: saved topics, save / load`, `${save.toFixed(0)} / ${load.toFixed(0)} ms  (${Math.round(text.length / 1024)} KB)`]);
}
console.log(`Automatic topics (CPU ms, best of ${RUNS})`);
printTable(rows);
