// A seeded random source: the same seed always gives the same library, so runs compare.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Zipf-like: early items much more often, as with words in real text. */
  pickSkewed<T>(items: readonly T[]): T {
    const u = this.next();
    return items[Math.floor(items.length * u * u * u)]!;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
