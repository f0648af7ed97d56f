// Waiting longer after each failure before trying a server again: a server that is down is
// not asked on every keystroke, and one that comes back is used again soon.

export class Backoff {
  private failures = 0;
  private notBefore = 0;

  constructor(
    private readonly firstMs = 1000,
    private readonly longestMs = 30_000,
  ) {}

  /** Whether a try may go out at `now` (ms). */
  ready(now: number): boolean {
    return now >= this.notBefore;
  }

  /** Records a failed try at `now`; returns how long until the next may go out. */
  failed(now: number): number {
    const wait = Math.min(this.firstMs * 2 ** this.failures, this.longestMs);
    this.failures++;
    this.notBefore = now + wait;
    return wait;
  }

  /** After a success, or when asked to try at once: the next try goes out whenever it comes. */
  reset(): void {
    this.failures = 0;
    this.notBefore = 0;
  }
}
