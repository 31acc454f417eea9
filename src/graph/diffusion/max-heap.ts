// A binary max-heap of node indices keyed by a number, ties to the smaller index (Williams,
// "Algorithm 232: Heapsort", CACM 7(6), 1964; heapified bottom-up as in Floyd, "Algorithm 245:
// Treesort 3", CACM 7(12), 1964). Built for lazy greedy selection (Minoux, "Accelerated greedy
// algorithms for maximizing submodular set functions", 1978; CELF, Leskovec et al. KDD 2007):
// keys are upper bounds that are refreshed only when a node reaches the top.

/** No options. */
export const DEFAULTS = {};

/** A max-heap over nodes 0..capacity-1; `keys[node]` is the node's current key. */
export class MaxHeap {
  readonly keys: Float64Array;
  private heap: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.heap = new Int32Array(capacity);
  }

  /** Fills the heap with `nodes` (keys already set in `keys`), in O(size). */
  build(nodes: ArrayLike<number>): void {
    this.size = nodes.length;
    for (let i = 0; i < nodes.length; i++) this.heap[i] = nodes[i]!;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The node with the largest key (the smallest index among equals), or -1. */
  top(): number {
    return this.size > 0 ? this.heap[0]! : -1;
  }

  /** Removes and returns the top node (-1 when empty). */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.heap[0] = this.heap[--this.size]!;
    if (this.size > 0) this.down(0);
    return top;
  }

  /** Sets the top node's key and restores the order (a raised key stays on top). */
  updateTop(key: number): void {
    this.keys[this.heap[0]!] = key;
    this.down(0);
  }

  private above(a: number, b: number): boolean {
    const ka = this.keys[a]!, kb = this.keys[b]!;
    return ka > kb || (ka === kb && a < b);
  }

  private down(i: number): void {
    const { heap, size } = this;
    const node = heap[i]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.above(heap[child + 1]!, heap[child]!)) child++;
      const c = heap[child]!;
      if (!this.above(c, node)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = node;
  }
}
