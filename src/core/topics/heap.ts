// A binary heap of small integers (candidate numbers), best first by a caller's order.
// Topic selection re-scores only the candidates that reach the top, instead of all of
// them for every topic it picks.
export class IndexHeap {
  private readonly items: number[] = [];

  constructor(private readonly better: (a: number, b: number) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: number): void {
    const items = this.items;
    let at = items.length;
    items.push(item);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.better(item, items[parent]!)) break;
      items[at] = items[parent]!;
      at = parent;
    }
    items[at] = item;
  }

  /** The best item, removed; undefined when empty. */
  pop(): number | undefined {
    const items = this.items;
    if (!items.length) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && this.better(items[right]!, items[left]!) ? right : left;
        if (!this.better(items[child]!, last)) break;
        items[at] = items[child]!;
        at = child;
      }
      items[at] = last;
    }
    return top;
  }
}
