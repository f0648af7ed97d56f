// Benchmark: parse, index, search per keystroke (beside MiniSearch, FlexSearch, uFuzzy and
// plain fuse.js), cache and memory, on a synthetic library of N papers.
//   npm run bench -- --papers 10000 [--formats hf,bibtex,md,json] [--json]
import * as os from 'node:os';
import { decodeCache, encodeCache, type CacheEntry } from '../src/core/persist/cache';
import { decodeLibrarySnapshot, encodeLibrarySnapshot, type ListingStamp } from '../src/core/persist/librarySnapshot';
import { computeTopics, parseSavedTopics, serializeSavedTopics } from '../src/core/topics';
import { Library } from '../src/core/indexing/library';
import type { Paper } from '../src/core/paper/paper';
import { decodeSearchIndex, encodeSearchIndex, SearchIndex } from '../src/core/search';
import { SliceRunner } from '../src/core/util/steps';
import { compareEngines, printComparison, type EngineFigures } from './compare';
import { generatePapers } from './corpus';
import { FORMATS, writeListings, type BenchFormat } from './listings';
import { benchQueries, keystrokes } from './queries';
import { heapMB, printTable, time, typedArraysMB } from './report';

interface Options {
  papers: number;
  formats: BenchFormat[];
  json: boolean;
  baselineKeystrokes: number;
  /** A peer whose build takes longer is left out at that size. */
  buildBudgetSeconds: number;
}

function readOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const formats = (value('formats') ?? FORMATS.join(',')).split(',').map((f) => f.trim()) as BenchFormat[];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length) throw new Error(`Unknown format(s) ${unknown.join(', ')}; expected some of ${FORMATS.join(', ')}.`);
  const papers = Number(value('papers') ?? 1000);
  if (!Number.isInteger(papers) || papers < 1) throw new Error('--papers takes a positive whole number.');
  const buildBudgetSeconds = Number(value('build-budget-s') ?? 180);
  if (!(buildBudgetSeconds > 0)) throw new Error('--build-budget-s takes a positive number of seconds.');
  return { papers, formats, json: argv.includes('--json'), baselineKeystrokes: Number(value('baseline-keystrokes') ?? 40), buildBudgetSeconds };
}

const round = (value: number): number => Math.round(value * 100) / 100;
const MODIFIED_AT = new Date('2026-11-28T12:00:00Z');

/**
 * A fixed piece of work (encode and decode 20 MB of JSON) timed on this machine, so that
 * figures from a busy or slow machine can be scaled against those from another.
 */
function calibrate(): number {
  const rows = Array.from({ length: 20000 }, (_, i) => ({ id: i, text: `row ${i} `.repeat(100) }));
  JSON.parse(JSON.stringify(rows.slice(0, 1000)));
  return time(() => JSON.parse(JSON.stringify(rows)))[1];
}

/** Generates and parses the library; the listing texts are dropped once parsed. */
function buildLibrary(options: Options) {
  const [generated, generateMs] = time(() => generatePapers(options.papers));
  const listings = writeListings(generated, options.formats, MODIFIED_AT);
  console.log(`Generated ${generated.length} papers in ${listings.length} listings (${options.formats.join(', ')}) in ${generateMs.toFixed(0)} ms.`);
  const [library, parseMs, parseCpuMs] = time(() => Library.fromListings(listings));
  const [papers, mergeMs] = time(() => library.papers);

  // A parser that finds fewer papers than were written must show, not shrink the benchmark.
  const shortfalls: string[] = [];
  for (const format of options.formats) {
    const written = listings.filter((l) => l.format === format);
    const expected = written.reduce((sum, l) => sum + l.paperCount, 0);
    const parsed = written.reduce((sum, l) => sum + (library.parsedFile(l.file)?.papers.length ?? 0), 0);
    if (parsed < expected) shortfalls.push(`${format}: parsed ${parsed} of ${expected} papers`);
  }
  if (papers.length < generated.length) shortfalls.push(`library: ${papers.length} papers indexed of ${generated.length} generated`);
  for (const shortfall of shortfalls) console.log(`SHORTFALL ${shortfall}`);

  const hasId = (i: number): boolean => options.formats[Math.floor(i / 100) % options.formats.length] !== 'hf';
  const queries = benchQueries(generated, hasId);
  const sizes = new Map(listings.map((l) => [l.file, Buffer.byteLength(l.text)]));
  return { library, papers, queries, sizes, shortfalls, generated: generated.length, files: listings.length, parseMs, parseCpuMs, mergeMs };
}

/**
 * Saving and loading the search index, as a warm start does instead of building it; the
 * loaded index must answer the typing stream as the built one does.
 */
function measureSavedIndex(index: SearchIndex, papers: readonly Paper[], stream: readonly string[], shortfalls: string[]) {
  const stamp = 'bench';
  const [bytes, indexSaveMs] = time(() => encodeSearchIndex(index, stamp));
  const [loaded, indexLoadMs] = time(() => decodeSearchIndex(bytes, papers, stamp));
  const answers = (from: SearchIndex, key: string): string => from.search(key, { limit: 10 }).map((hit) => hit.paper.key).join(' ');
  const step = Math.max(1, Math.floor(stream.length / 200));
  if (!loaded) shortfalls.push('saved index: it did not load back');
  else if (stream.some((key, i) => i % step === 0 && answers(loaded, key) !== answers(index, key))) shortfalls.push('saved index: it answers differently from the built one');
  return { bytes, figures: { indexSaveMs: round(indexSaveMs), indexLoadMs: round(indexLoadMs), indexMB: round(bytes.length / 1048576) } };
}

/**
 * A warm start from the saved files to a library that can be searched and a tree that can
 * be drawn: the library as last shown restored whole (no merge, no keys), the saved index
 * loaded for it and the saved topics read. Beside it, the start that merges the parse
 * cache again, as a start does when the snapshot is missing or older. The heap is what the
 * restored library, index and topics hold, measured as the growth after a full collection.
 */
function measureWarmStart(library: Library, sizes: ReadonlyMap<string, number>, cacheBytes: Uint8Array, indexBytes: Uint8Array, shortfalls: string[]) {
  const snapshot = { listings: library.files.map((file): ListingStamp => [file, MODIFIED_AT.getTime(), sizes.get(file) ?? 0]), library: { papers: library.papers, problems: library.problems, merges: library.merges, refusedMerges: library.refusedMerges } };
  const [snapshotBytes, snapshotSaveMs] = time(() => encodeLibrarySnapshot(snapshot, { producer: 'bench' }));
  const [topics, topicsMs] = time(() => computeTopics(library.papers).topics);
  const topicsText = serializeSavedTopics({ stamp: 'bench', topics });
  const heapBefore = heapMB();
  const typedBefore = typedArraysMB();
  const [warm, warmStartMs, warmStartCpuMs] = time(() => {
    const restored = decodeLibrarySnapshot(snapshotBytes, { producer: 'bench' });
    const papers = restored && Library.restored(restored.library, restored.listings.map(([file]) => file)).papers;
    return { papers, index: papers && decodeSearchIndex(indexBytes, papers, 'bench'), topics: parseSavedTopics(topicsText) };
  });
  const warmHeapMB = heapMB() - heapBefore;
  const warmTypedArraysMB = typedArraysMB() - typedBefore;
  if (!warm.index || !warm.topics) shortfalls.push('warm start: the snapshot, saved index or saved topics did not load');
  const [fromCache, warmFromCacheMs] = time(() => {
    const entries = decodeCache(cacheBytes, { producer: 'bench' }) ?? [];
    const merged = new Library();
    for (const entry of entries) merged.setParsed(entry.file, entry.result);
    return decodeSearchIndex(indexBytes, merged.papers, 'bench');
  });
  if (!fromCache) shortfalls.push('warm start: the saved index did not load for the cached library');
  return {
    warmStartMs: round(warmStartMs),
    warmStartCpuMs: round(warmStartCpuMs),
    warmHeapMB: round(warmHeapMB),
    warmTypedArraysMB: round(warmTypedArraysMB),
    warmFromCacheMs: round(warmFromCacheMs),
    snapshotSaveMs: round(snapshotSaveMs),
    snapshotMB: round(snapshotBytes.length / 1048576),
    topicsMs: round(topicsMs),
    topicCount: topics.length,
  };
}

/** How the extension gives the editor its turn during a build: slices of this many milliseconds. */
const SLICE_MS = 12;

/**
 * A cold build as the extension runs it, a slice at a time, merging and keying the parsed
 * listings and then building the search index: the longest slice is the longest the
 * editor waits. Topics are found in one piece (their time is the next block).
 */
function measureBlocks(library: Library) {
  const longest = <T>(runner: SliceRunner<T>): { longestMs: number; slices: number } => {
    let longestMs = 0;
    let slices = 0;
    for (let done = false; !done; slices++) {
      const started = performance.now();
      done = runner.runFor(SLICE_MS);
      longestMs = Math.max(longestMs, performance.now() - started);
    }
    return { longestMs, slices };
  };
  const fresh = new Library();
  for (const file of library.files) fresh.setParsed(file, library.parsedFile(file)!);
  const merge = longest(new SliceRunner(fresh.buildInSteps()));
  const index = longest(new SliceRunner(SearchIndex.buildInSteps(fresh.papers)));
  return {
    mergeLongestBlockMs: round(merge.longestMs),
    mergeSlices: merge.slices,
    indexLongestBlockMs: round(index.longestMs),
    indexSlices: index.slices,
  };
}

/**
 * Saving and loading the parse cache, and saving again after one file changed; beside
 * them, the same entries through JSON.stringify and JSON.parse as the baseline.
 */
function measureCache(library: Library, sizes: ReadonlyMap<string, number>, shortfalls: string[]) {
  const entries: CacheEntry[] = library.files.map((file) => ({ file, mtimeMs: MODIFIED_AT.getTime(), size: sizes.get(file) ?? 0, result: library.parsedFile(file)! }));
  const [bytes, cacheSaveMs, cacheSaveCpuMs] = time(() => encodeCache(entries, { producer: 'bench' }));
  const [loaded, cacheLoadMs, cacheLoadCpuMs] = time(() => decodeCache(bytes, { producer: 'bench' }));
  if (!loaded || loaded.length !== entries.length) shortfalls.push('cache: the saved cache did not load back');
  // After a warm start the cache is saved again when one file changes: only that file is encoded again.
  const changed = entries.map((entry, i) => (i === 0 ? { ...entry, mtimeMs: entry.mtimeMs + 1, result: { ...entry.result } } : entry));
  const [, cacheResaveMs] = time(() => encodeCache(changed, { producer: 'bench' }));
  // A JSON cache is written and read as bytes too: the UTF-8 encoding and decoding count.
  const [json, baselineJsonSaveMs] = time(() => new TextEncoder().encode(JSON.stringify(entries)));
  const [, baselineJsonLoadMs] = time(() => JSON.parse(new TextDecoder().decode(json)) as unknown);
  return {
    bytes,
    figures: {
      cacheSaveMs: round(cacheSaveMs),
      cacheLoadMs: round(cacheLoadMs),
      cacheSaveCpuMs: round(cacheSaveCpuMs),
      cacheLoadCpuMs: round(cacheLoadCpuMs),
      cacheResaveMs: round(cacheResaveMs),
      cacheMB: round(bytes.length / 1048576),
      baselineJsonSaveMs: round(baselineJsonSaveMs),
      baselineJsonLoadMs: round(baselineJsonLoadMs),
      baselineJsonMB: round(json.length / 1048576),
    },
  };
}

/** One engine's figures; Lit Review and the Fuse.js baseline are never left out, whatever the size. */
function figuresOf(figures: readonly EngineFigures[], engine: string): EngineFigures {
  return figures.find((row) => row.engine === engine)!;
}

function main(): void {
  const options = readOptions(process.argv.slice(2));
  const calibrationMs = calibrate();
  const built = buildLibrary(options);
  const { library, papers, queries, shortfalls } = built;

  const comparison = compareEngines(papers, queries, keystrokes(queries), { sample: options.baselineKeystrokes, budgetSeconds: options.buildBudgetSeconds });
  const { index, litReviewBuild, litReviewKnown, stream } = comparison;
  const ours = figuresOf(comparison.figures, 'Lit Review');
  const fuse = figuresOf(comparison.figures, 'Fuse.js');
  const savedIndex = measureSavedIndex(index, papers, stream, shortfalls);
  const cache = measureCache(library, built.sizes, shortfalls);
  const warmStart = measureWarmStart(library, built.sizes, cache.bytes, savedIndex.bytes, shortfalls);
  const blocks = measureBlocks(library);

  const result = {
    papers: papers.length,
    generated: built.generated,
    files: built.files,
    formats: options.formats.join(','),
    parseMs: round(built.parseMs),
    parseCpuMs: round(built.parseCpuMs),
    mergeMs: round(built.mergeMs),
    indexMs: round(litReviewBuild.buildMs),
    indexCpuMs: round(litReviewBuild.buildCpuMs),
    keystrokes: stream.length,
    searchP50Ms: ours.p50Ms,
    searchP95Ms: ours.p95Ms,
    searchMaxMs: ours.maxMs,
    searchCpuP50Ms: ours.cpuP50Ms,
    searchCpuP95Ms: ours.cpuP95Ms,
    knownItemAt1: ours.knownItemAt1,
    baselineIndexMs: fuse.buildMs,
    baselineKeystrokes: fuse.timedKeystrokes,
    baselineFuseP50Ms: fuse.p50Ms,
    baselineFuseP95Ms: fuse.p95Ms,
    baselineKnownItemAt1: fuse.knownItemAt1,
    ...savedIndex.figures,
    ...cache.figures,
    ...warmStart,
    ...blocks,
    heapUsedMB: round(litReviewBuild.heapAfterMB),
    indexHeapMB: round(litReviewBuild.heapMB),
    indexTypedArraysMB: round(litReviewBuild.typedArraysMB),
    heapAfterGc: typeof (globalThis as { gc?: unknown }).gc === 'function',
    loadAverage: round(os.loadavg()[0]!),
    cores: os.cpus().length,
    calibrationMs: round(calibrationMs),
    shortfalls,
    engines: comparison.figures,
  };

  const missed = (misses: string[]): string => (misses.length ? ` (missed: ${misses.join('; ')})` : '');
  printTable([
    ['papers indexed / generated', `${result.papers} / ${result.generated} in ${result.files} files`],
    ['parse (all listings)', `${result.parseMs} ms (CPU ${result.parseCpuMs} ms)`],
    ['merge and keys', `${result.mergeMs} ms`],
    ['search index build', `${result.indexMs} ms (CPU ${result.indexCpuMs} ms)`],
    [`search per keystroke (${result.keystrokes} keystrokes)`, `p50 ${result.searchP50Ms} ms, p95 ${result.searchP95Ms} ms, max ${result.searchMaxMs} ms`],
    ['  the same in CPU time', `p50 ${result.searchCpuP50Ms} ms, p95 ${result.searchCpuP95Ms} ms`],
    ['known-item queries first', result.knownItemAt1 + missed(litReviewKnown.misses)],
    ['search index save / load (instead of a build)', `${result.indexSaveMs} ms / ${result.indexLoadMs} ms, ${result.indexMB} MB`],
    ['parse cache save / load', `${result.cacheSaveMs} ms / ${result.cacheLoadMs} ms (CPU ${result.cacheSaveCpuMs} / ${result.cacheLoadCpuMs} ms), ${result.cacheMB} MB`],
    ['cache save after one file changed', `${result.cacheResaveMs} ms`],
    ['warm start: library restored, saved index and topics', `${result.warmStartMs} ms (CPU ${result.warmStartCpuMs} ms), holding ${result.warmHeapMB} MB of heap and ${result.warmTypedArraysMB} MB of typed arrays`],
    ['  the same merging the parse cache again', `${result.warmFromCacheMs} ms (from listings: ${round(result.parseMs + result.mergeMs + result.indexMs)} ms)`],
    ['library snapshot save', `${result.snapshotSaveMs} ms, ${result.snapshotMB} MB`],
    ['topics from scratch', `${result.topicsMs} ms, ${result.topicCount} topics`],
    [`longest block, merging and keying in ${SLICE_MS} ms slices`, `${result.mergeLongestBlockMs} ms of ${result.mergeSlices} slices`],
    [`longest block, building the index in ${SLICE_MS} ms slices`, `${result.indexLongestBlockMs} ms of ${result.indexSlices} slices`],
    ['baseline: the same entries as JSON, save / load', `${result.baselineJsonSaveMs} ms / ${result.baselineJsonLoadMs} ms, ${result.baselineJsonMB} MB`],
    ['heap used: library + index (before the peers)', `${result.heapUsedMB} MB, of which the index ${result.indexHeapMB} MB${result.heapAfterGc ? '' : ' (without --expose-gc: garbage included)'}`],
    ['the index\'s typed arrays (outside the heap)', `${result.indexTypedArraysMB} MB`],
    ['shortfalls', shortfalls.length ? shortfalls.join('; ') : 'none'],
    ['machine load (1 min average)', `${result.loadAverage} on ${result.cores} cores`],
    ['calibration (20 MB JSON round trip)', `${result.calibrationMs} ms`],
  ]);
  printComparison(comparison.figures, result.papers, result.keystrokes);
  if (options.json) console.log(JSON.stringify(result));
}

main();
