// A growable list of integers in one typed array, reused from paper to paper: the word
// codes and phrase ids of 10,000 abstracts pass through a few of these without making
// garbage, where a plain array per paper would keep the collector busy.
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** Makes room for `extra` more values without growing. */
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.data);
    this.data = grown;
  }
}
