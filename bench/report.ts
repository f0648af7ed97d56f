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

export function printTable(rows: readonly [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}
