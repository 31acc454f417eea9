// An indexed binary min-heap over node indices with decrease-key, for Dijkstra's algorithm
// (Dijkstra, "A note on two problems in connexion with graphs", Numer. Math. 1, 1959; the
// heap is Williams', "Algorithm 232: Heapsort", CACM 7(6), 1964). Typed arrays, no objects.

/** No options. */
export const DEFAULTS = {};

/** A min-heap of nodes 0..capacity-1 keyed by a number; each node at most once. */
export class IndexedMinHeap {
  readonly keys: Float64Array;
  private heap: Int32Array;
  private pos: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  has(node: number): boolean { return this.pos[node]! >= 0; }

  /** Inserts `node`, or lowers its key if it is already in and `key` is smaller. */
  push(node: number, key: number): void {
    const p = this.pos[node]!;
    if (p >= 0) {
      if (key < this.keys[node]!) { this.keys[node] = key; this.up(p); }
      return;
    }
    this.keys[node] = key;
    this.heap[this.size] = node;
    this.pos[node] = this.size;
    this.up(this.size++);
  }

  /** Removes and returns the node with the smallest key (-1 when empty). */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.size]!;
    if (this.size > 0) { this.heap[0] = last; this.pos[last] = 0; this.down(0); }
    return top;
  }

  private up(i: number): void {
    const { heap, pos, keys } = this;
    const node = heap[i]!, key = keys[node]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (keys[p]! <= key) break;
      heap[i] = p; pos[p] = i; i = parent;
    }
    heap[i] = node; pos[node] = i;
  }

  private down(i: number): void {
    const { heap, pos, keys, size } = this;
    const node = heap[i]!, key = keys[node]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[heap[child + 1]!]! < keys[heap[child]!]!) child++;
      const c = heap[child]!;
      if (keys[c]! >= key) break;
      heap[i] = c; pos[c] = i; i = child;
    }
    heap[i] = node; pos[node] = i;
  }
}
