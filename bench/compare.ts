// Lit Review beside its peers (MiniSearch, FlexSearch, uFuzzy) and the Fuse.js baseline:
// each built on the same papers, one at a time (build time, memory), then all of them
// typed into keystroke by keystroke in turn, so that whatever else the machine is doing
// falls on every engine alike, and each judged on the query sets over the example listing.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import { Library } from '../src/core/indexing/library';
import type { Paper } from '../src/core/paper/paper';
import type { SearchIndex } from '../src/core/search';
import { normalizeTitle } from '../src/core/util/text';
import type { SearchEngine } from './peers/engine';
import { FlexSearchEngine } from './peers/flexsearch';
import { FuseEngine } from './peers/fuse';
import { LitReviewEngine } from './peers/litReview';
import { MiniSearchEngine } from './peers/minisearch';
import { UFuzzyEngine } from './peers/ufuzzy';
import type { BenchQuery } from './queries';
import { heapMB, percentile, printGrid, time, timeWithCpu, typedArraysMB } from './report';

/** Made afresh for each library: Lit Review first, as every ratio is to it. */
const ENGINES: (() => SearchEngine)[] = [() => new LitReviewEngine(), () => new FuseEngine(), () => new MiniSearchEngine(), () => new FlexSearchEngine(), () => new UFuzzyEngine()];
/** Every search asks for the first 50 hits, as the search box shows. */
const LIMIT = 50;
/** Keystrokes searched untimed first, so that compiled code is timed, not the first calls. */
const WARM_UP = 20;
/**
 * A build is abandoned once the heap passes this share of Node's limit: past it the process
 * would soon die of an out-of-memory error, which cannot be caught, and the engines already
 * built and the typing still need room.
 */
const HEAP_SHARE = 0.75;

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures');
const EXAMPLE_LISTING = 'hf-daily-papers-rl-search.txt';

interface QueryCase {
  query: string;
  /** The title of the paper the query means. */
  expect: string;
  /** The paper should be within the first k hits. */
  k: number;
}

export interface Quality {
  successAtK: number;
  mrr: number;
}

interface Build {
  buildMs: number;
  buildCpuMs: number;
  heapMB: number;
  typedArraysMB: number;
  /** The heap once this engine was built (and those before it). */
  heapAfterMB: number;
}

interface Typing {
  wall: number[];
  cpu: number[];
}

export interface KnownItems {
  atOne: number;
  total: number;
  misses: string[];
}

export interface EngineFigures {
  engine: string;
  /** Why it was not built at this size; its quality on the example listing is still measured. */
  skipped?: string;
  buildMs?: number;
  buildCpuMs?: number;
  /** The index's heap after a full collection, plus its typed arrays (outside the heap). */
  memoryMB?: number;
  heapMB?: number;
  typedArraysMB?: number;
  timedKeystrokes?: number;
  p50Ms?: number;
  p95Ms?: number;
  maxMs?: number;
  cpuP50Ms?: number;
  cpuP95Ms?: number;
  p95VsLitReview?: number;
  /** Queries for one synthetic paper (its name, with a typo, spaced, its title, its id) that put it first. */
  knownItemAt1?: string;
  easy: Quality;
  hard: Quality;
}

export interface Comparison {
  figures: EngineFigures[];
  /** Lit Review's built index, which the rest of the benchmark saves and loads. */
  index: SearchIndex;
  litReviewBuild: Build;
  litReviewKnown: KnownItems;
  stream: string[];
}

class OverBudget extends Error {}

const round = (value: number): number => Math.round(value * 100) / 100;

/** Builds every engine on `papers`, types `stream` into all of them in turn, and judges them. */
export function compareEngines(papers: readonly Paper[], queries: readonly BenchQuery[], stream: readonly string[], options: { sample: number; budgetSeconds: number }): Comparison {
  const quality = measureQuality();
  const active: SearchEngine[] = [];
  const builds = new Map<string, Build>();
  const skipped = new Map<string, string>();
  for (const make of ENGINES) {
    const engine = make();
    const build = buildOne(engine, papers, options.budgetSeconds);
    if (typeof build === 'string') {
      skipped.set(engine.name, build);
      console.log(`${engine.name}: ${build}; left out at ${papers.length} papers.`);
    } else {
      builds.set(engine.name, build);
      active.push(engine);
    }
  }
  const typing = typeInTurn(active, papers, stream, options.sample);
  const known = new Map(active.map((engine) => [engine.name, knownItemSuccess(queries, (query) => engine.search(query, LIMIT).map((place) => papers[place]!))]));

  const litReview = active.find((engine): engine is LitReviewEngine => engine instanceof LitReviewEngine)!;
  const litReviewP95 = percentile(typing.get(litReview.name)!.wall, 0.95);
  const figures = [...quality].map(([name, { easy, hard }]): EngineFigures => {
    const build = builds.get(name);
    const timings = typing.get(name);
    const found = known.get(name);
    if (!build || !timings || !found) return { engine: name, skipped: skipped.get(name), easy, hard };
    const p95 = percentile(timings.wall, 0.95);
    return {
      engine: name,
      buildMs: round(build.buildMs),
      buildCpuMs: round(build.buildCpuMs),
      memoryMB: round(build.heapMB + build.typedArraysMB),
      heapMB: round(build.heapMB),
      typedArraysMB: round(build.typedArraysMB),
      timedKeystrokes: timings.wall.length,
      p50Ms: round(percentile(timings.wall, 0.5)),
      p95Ms: round(p95),
      maxMs: round(Math.max(...timings.wall)),
      cpuP50Ms: round(percentile(timings.cpu, 0.5)),
      cpuP95Ms: round(percentile(timings.cpu, 0.95)),
      p95VsLitReview: round(p95 / litReviewP95),
      knownItemAt1: `${found.atOne}/${found.total}`,
      easy,
      hard,
    };
  });
  return { figures, index: litReview.index!, litReviewBuild: builds.get(litReview.name)!, litReviewKnown: known.get(litReview.name)!, stream: [...stream] };
}

/** Build time and memory of one engine, measured alone; or why it was left out. */
function buildOne(engine: SearchEngine, papers: readonly Paper[], budgetSeconds: number): Build | string {
  const heapBefore = heapMB();
  const typedBefore = typedArraysMB();
  try {
    const [, buildMs, buildCpuMs] = time(() => engine.build(papers, budget(budgetSeconds)));
    const heapAfterMB = heapMB();
    return { buildMs, buildCpuMs, heapMB: heapAfterMB - heapBefore, typedArraysMB: typedArraysMB() - typedBefore, heapAfterMB };
  } catch (error) {
    if (error instanceof OverBudget) return error.message;
    throw error;
  }
}

/** A checkpoint for a build: it throws once the build has run past `seconds` or filled most of the heap. */
function budget(seconds: number): () => void {
  const deadline = performance.now() + seconds * 1000;
  const ceilingMB = (v8.getHeapStatistics().heap_size_limit / 1048576) * HEAP_SHARE;
  return () => {
    if (performance.now() > deadline) throw new OverBudget(`not built within ${seconds} s`);
    // Only a full collection tells live data from garbage, and it is slow: only near the ceiling.
    if (v8.getHeapStatistics().used_heap_size / 1048576 > ceilingMB && heapMB() > ceilingMB) {
      throw new OverBudget(`not built: the heap passed ${Math.round(ceilingMB)} MB (${HEAP_SHARE * 100}% of Node's limit)`);
    }
  };
}

/**
 * Every keystroke through every engine, the order rotating from one keystroke to the next,
 * each timed from the query to its list of the first 50 papers.
 */
function typeInTurn(engines: readonly SearchEngine[], papers: readonly Paper[], stream: readonly string[], sample: number): Map<string, Typing> {
  const step = Math.max(1, Math.floor(stream.length / sample));
  const timedAt = (engine: SearchEngine, at: number): boolean => !engine.timedOnSample || (at % step === 0 && at / step < sample);
  const topPapers = (engine: SearchEngine, key: string): Paper[] => engine.search(key, LIMIT).map((place) => papers[place]!);
  for (const engine of engines) for (const key of stream.slice(0, engine.timedOnSample ? 2 : WARM_UP)) topPapers(engine, key);
  // Typing starts on a settled heap, not amid the collection of the builds' garbage.
  heapMB();
  const typing = new Map(engines.map((engine): [string, Typing] => [engine.name, { wall: [], cpu: [] }]));
  stream.forEach((key, at) => {
    for (let turn = 0; turn < engines.length; turn++) {
      const engine = engines[(at + turn) % engines.length]!;
      if (!timedAt(engine, at)) continue;
      const { wallMs, cpuMs } = timeWithCpu(() => topPapers(engine, key));
      typing.get(engine.name)!.wall.push(wallMs);
      typing.get(engine.name)!.cpu.push(cpuMs);
    }
  });
  return typing;
}

/** The rank (1-based) of the expected paper in a result list, 0 if absent. */
function rankOf(results: readonly Paper[], expect: string): number {
  const wanted = normalizeTitle(expect);
  return results.findIndex((paper) => normalizeTitle(paper.title) === wanted) + 1;
}

function knownItemSuccess(queries: readonly BenchQuery[], search: (query: string) => Paper[]): KnownItems {
  const known = queries.filter((query) => query.expect);
  const misses: string[] = [];
  let atOne = 0;
  for (const query of known) {
    const rank = rankOf(search(query.text), query.expect!);
    if (rank === 1) atOne++;
    else misses.push(`"${query.text}" -> rank ${rank || 'none'}`);
  }
  return { atOne, total: known.length, misses };
}

/** success@k and MRR (within the first 50 hits) of every engine on both query sets, over the example listing. */
function measureQuality(): Map<string, { easy: Quality; hard: Quality }> {
  const text = readFileSync(path.join(FIXTURES, EXAMPLE_LISTING), 'utf8');
  const papers = Library.fromListings([{ file: EXAMPLE_LISTING, text, modifiedAt: new Date('2026-11-28T12:00:00Z') }]).papers;
  const easy = querySet('search-queries.json');
  const hard = querySet('search-queries-hard.json');
  const result = new Map<string, { easy: Quality; hard: Quality }>();
  for (const make of ENGINES) {
    const engine = make();
    engine.build(papers, () => {});
    const search = (query: string): Paper[] => engine.search(query, LIMIT).map((place) => papers[place]!);
    result.set(engine.name, { easy: quality(easy, search), hard: quality(hard, search) });
  }
  return result;
}

function querySet(file: string): QueryCase[] {
  return (JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { queries: QueryCase[] }).queries;
}

function quality(cases: readonly QueryCase[], search: (query: string) => Paper[]): Quality {
  let withinK = 0;
  let reciprocal = 0;
  for (const item of cases) {
    const rank = rankOf(search(item.query), item.expect);
    if (rank >= 1 && rank <= item.k) withinK++;
    if (rank) reciprocal += 1 / rank;
  }
  return { successAtK: round(withinK / cases.length), mrr: round(reciprocal / cases.length) };
}

export function printComparison(figures: readonly EngineFigures[], papers: number, stream: number): void {
  const ms = (value: number | undefined): string => (value === undefined ? '-' : value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
  const sampled = figures.find((row) => row.engine === 'Fuse.js')?.timedKeystrokes;
  const rows = figures.map((row) => [
    row.engine + (row.engine === 'Fuse.js' && !row.skipped ? '*' : ''),
    row.skipped ?? ms(row.buildMs),
    row.memoryMB === undefined ? '-' : row.memoryMB.toFixed(1),
    ms(row.p50Ms),
    ms(row.p95Ms),
    ms(row.maxMs),
    row.p95VsLitReview === undefined ? '-' : `${row.p95VsLitReview >= 10 ? row.p95VsLitReview.toFixed(0) : row.p95VsLitReview.toFixed(1)}x`,
    row.knownItemAt1 ?? '-',
    row.easy.successAtK.toFixed(2),
    row.easy.mrr.toFixed(2),
    row.hard.successAtK.toFixed(2),
    row.hard.mrr.toFixed(2),
  ]);
  console.log(`\nEngines at ${papers} papers, typed into in turn (${stream} keystrokes); quality on the example listing's query sets:`);
  printGrid(['engine', 'build ms', 'heap MB', 'p50 ms', 'p95 ms', 'max ms', 'p95 vs Lit Review', 'known 1st', 'success@k easy', 'MRR easy', 'success@k hard', 'MRR hard'], rows);
  console.log(`* Fuse.js is timed on ${sampled ?? 0} keystrokes spread over the stream: it reads every paper on every keystroke.`);
  console.log('heap MB: the index after a full collection, typed arrays included. p50/p95/max: per keystroke, to the list of the first 50 papers.');
}
