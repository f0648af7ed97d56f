// Benchmark: Similar Papers on a synthetic library of N papers: the index built once, then
// the papers like each of a sample of papers, and like a note's worth of text.
//   npx tsx bench/similar.ts --papers 10000 [--sample 500]
import { SimilarityIndex } from '../src/core/reading/similar';
import { generatePapers } from './corpus';
import { time } from './report';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = Number(at >= 0 ? process.argv[at + 1] : fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive whole number.`);
  return value;
}

const count = option('papers', 10000);
const sample = Math.min(count, option('sample', 500));
const generated = generatePapers(count);
const documents = generated.map((paper, i) => ({ key: `p${i}`, title: paper.title, abstract: paper.abstract }));
const [index, buildMs] = time(() => SimilarityIndex.build(documents));

const step = Math.max(1, Math.floor(count / sample));
const keys = Array.from({ length: sample }, (_, i) => `p${(i * step) % count}`);
index.similarToPaper(keys[0]!);
const perPaper: number[] = [];
for (const key of keys) perPaper.push(time(() => index.similarToPaper(key, { limit: 10 }))[1]);
const note = generated.slice(0, 5).map((paper) => paper.abstract).join('\n\n');
const [, noteMs] = time(() => index.similarToText(note, { limit: 10 }));
const [, topicMs] = time(() => index.similarToPapers(keys.slice(0, 20), { limit: 10 }));

perPaper.sort((a, b) => a - b);
const at = (q: number) => perPaper[Math.min(perPaper.length - 1, Math.floor(q * perPaper.length))]!;
const mean = perPaper.reduce((sum, ms) => sum + ms, 0) / perPaper.length;
const figures = {
  papers: count,
  buildMs: Math.round(buildMs),
  perPaperMeanMs: Number(mean.toFixed(2)),
  perPaperP50Ms: Number(at(0.5).toFixed(2)),
  perPaperP95Ms: Number(at(0.95).toFixed(2)),
  noteMs: Number(noteMs.toFixed(2)),
  topicOf20Ms: Number(topicMs.toFixed(2)),
};
console.log(`Similar papers at ${count} papers: index built in ${figures.buildMs} ms; per paper ${figures.perPaperMeanMs} ms mean, ${figures.perPaperP50Ms} ms p50, ${figures.perPaperP95Ms} ms p95; a five-abstract note ${figures.noteMs} ms; a topic of 20 papers ${figures.topicOf20Ms} ms.`);
console.log(JSON.stringify(figures));
