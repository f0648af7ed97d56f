// Timing and printing for the benchmark.
import { performance } from 'node:perf_hooks';

/** Runs `work` once; returns its result, the wall milliseconds it took and the CPU milliseconds. */
export function time<T>(work: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [result, wallMs, (used.user + used.system) / 1000];
}

/**
 * Wall and CPU milliseconds of one run. On a busy machine wall time includes waiting for
 * a core; CPU time is the work itself.
 */
export function timeWithCpu(work: () => unknown): { wallMs: number; cpuMs: number } {
  const [, wallMs, cpuMs] = time(work);
  return { wallMs, cpuMs };
}

/** The value below which a share `p` (0..1) of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** The heap after a full collection (when run with --expose-gc, as `npm run bench` does). */
export function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  // One collection can leave what it only made collectable (measured: an index's heap came
  // out megabytes below zero after the query-set engines were dropped); two leave none.
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

/** Typed arrays' memory, which lives outside the JavaScript heap. */
export function typedArraysMB(): number {
  return process.memoryUsage().arrayBuffers / 1048576;
}

export function printTable(rows: readonly [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

/** A Markdown table, its columns padded so that it also reads as printed. */
export function printGrid(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}
