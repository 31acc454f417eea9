// The SNAP edge-list parser (Leskovec & Krevl, "SNAP Datasets: Stanford large network dataset
// collection", 2014 — `#` comments, whitespace-separated integer ids, an optional weight) and
// what every parser shares (parse-csv.ts, parse-gml.ts): line ends — LF, CRLF, CR, or the
// CR CR LF some SNAP files carry, as one — and the collector of edges and problems. A bad line
// is reported with its 1-based number and skipped; the rest loads. Self-loops and duplicate
// edges are kept or merged as the options say, and reported as warnings with their lines.
import { buildGraph, type BuildOptions, type Graph, type IdGraph, type NodeId } from './csr.ts';

/** A problem on a 1-based line of the input. */
export interface ParseError { line: number; message: string }

/** The graph, its ids, and what was wrong with the input. */
export interface ParseResult<Id extends NodeId> extends IdGraph<Id> {
  /** Lines that were skipped. */
  errors: ParseError[];
  /** Lines that loaded but deserve a look: self-loops, duplicate edges. */
  warnings: ParseError[];
}

/** Options shared by the parsers. */
export interface ParseOptions extends BuildOptions {
  directed: boolean;
  /** Report at most this many errors (and as many warnings); the last entry says how many more. */
  maxErrors: number;
}

/** Undirected, parallel edges merged (weights summed), loops kept, at most 1,000 problems listed. */
export const DEFAULTS: ParseOptions = { directed: false, dedupe: true, merge: 'sum', dropSelfLoops: false, maxErrors: 1000 };

/** Calls `each(start, end, line)` for every line of `text`; ends: LF, CRLF, CR, CR…CRLF. */
export function forEachLine(text: string, each: (start: number, end: number, line: number) => void): void {
  const len = text.length;
  let start = 0, line = 1;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) { each(start, i, line++); start = i + 1; }
    else if (c === 13) {
      let j = i + 1;
      while (j < len && text.charCodeAt(j) === 13) j++;
      each(start, i, line++);
      if (j < len && text.charCodeAt(j) === 10) i = j; // CR…CRLF is one line end
      start = i + 1;
    }
  }
  if (start < len) each(start, len, line);
}

/** Whether a graph built without merging has parallel arcs (an undirected loop is 2 copies). */
function hasParallelArcs(graph: Graph): boolean {
  const { n, offsets, targets } = graph;
  for (let u = 0; u < n; u++) {
    for (let a = offsets[u]! + 1, end = offsets[u + 1]!; a < end; a++) {
      if (targets[a] !== targets[a - 1]) continue;
      if (graph.directed || targets[a] !== u) return true;
      if (a + 1 < end && targets[a + 1] === u) return true;
      a++;
    }
  }
  return false;
}

/** Collects edges (as node indices) and problems while a parser reads. */
export class EdgeCollector<Id extends NodeId> {
  ids: Id[] = [];
  indexOf = new Map<Id, number>();
  count = 0;
  sources = new Int32Array(1024);
  targets = new Int32Array(1024);
  lines = new Int32Array(1024);
  /** Allocated at the first weight; earlier edges weigh 1. */
  weights: Float64Array | undefined;
  errors: ParseError[] = [];
  warnings: ParseError[] = [];
  readonly maxErrors: number;
  private dropped = { errors: 0, warnings: 0 };

  constructor(maxErrors: number) { this.maxErrors = maxErrors; }

  node(id: Id): number {
    let i = this.indexOf.get(id);
    if (i === undefined) { i = this.ids.length; this.indexOf.set(id, i); this.ids.push(id); }
    return i;
  }

  edge(u: number, v: number, weight: number | undefined, line: number): void {
    const e = this.count++;
    if (e === this.sources.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(2 * a.length); b.set(a); return b; };
      this.sources = grow(this.sources); this.targets = grow(this.targets); this.lines = grow(this.lines);
      if (this.weights) this.weights = grow(this.weights);
    }
    this.sources[e] = u; this.targets[e] = v; this.lines[e] = line;
    if (weight !== undefined && !this.weights) this.weights = new Float64Array(this.sources.length).fill(1);
    if (this.weights) this.weights[e] = weight ?? 1;
  }

  error(line: number, message: string, kind: 'errors' | 'warnings' = 'errors'): void {
    if (this[kind].length < this.maxErrors) this[kind].push({ line, message });
    else this.dropped[kind]++;
  }

  /** Builds the graph, then reports loops and (only if there are any) duplicates. */
  finish(options: ParseOptions): ParseResult<Id> {
    const n = this.ids.length, E = this.count;
    const sources = this.sources.subarray(0, E), targets = this.targets.subarray(0, E), lines = this.lines;
    const graph = buildGraph({ n, sources, targets, weights: this.weights?.subarray(0, E), directed: options.directed }, options);
    let loops = 0;
    for (let e = 0; e < E; e++) {
      if (sources[e] !== targets[e]) continue;
      loops++;
      this.error(lines[e]!, `self-loop on ${String(this.ids[sources[e]!])}${options.dropSelfLoops ? ' (dropped)' : ''}`, 'warnings');
    }
    const duplicates = options.dedupe ? graph.m < E - (options.dropSelfLoops ? loops : 0) : hasParallelArcs(graph);
    if (duplicates) this.reportDuplicates(n, options);
    for (const kind of ['errors', 'warnings'] as const) {
      const list = this[kind];
      if (this.dropped[kind] > 0) list.push({ line: list.at(-1)?.line ?? 0, message: `${this.dropped[kind]} more ${kind} not listed` });
      list.sort((x, y) => x.line - y.line);
    }
    return { graph, ids: this.ids, indexOf: this.indexOf, errors: this.errors, warnings: this.warnings };
  }

  /**
   * Groups edges by their smaller end (by source if directed) with one stable counting sort,
   * then finds repeats of the other end within each group with a marker array.
   */
  private reportDuplicates(n: number, options: ParseOptions): void {
    const E = this.count, src = this.sources, dst = this.targets;
    const key = (e: number): number => (options.directed || src[e]! <= dst[e]! ? src[e]! : dst[e]!);
    const other = (e: number): number => (options.directed || src[e]! <= dst[e]! ? dst[e]! : src[e]!);
    const start = new Int32Array(n + 1);
    for (let e = 0; e < E; e++) start[key(e) + 1]!++;
    for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
    const order = new Int32Array(E), next = start.slice(0, n);
    for (let e = 0; e < E; e++) order[next[key(e)]!++] = e;
    const mark = new Int32Array(n).fill(-1), first = new Int32Array(n);
    for (let u = 0; u < n; u++) {
      for (let i = start[u]!; i < start[u + 1]!; i++) {
        const e = order[i]!, v = other(e);
        if (mark[v] !== u) { mark[v] = u; first[v] = e; continue; }
        this.error(this.lines[e]!, `duplicate of the edge on line ${this.lines[first[v]!]!}${options.dedupe ? ' (merged)' : ''}`, 'warnings');
      }
    }
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite number written plainly (no hex, no `Infinity`, no empty string), else undefined. */
export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

/**
 * Parses a SNAP edge list: `u v` or `u v weight` per line, integer ids, `#` or `%` comments.
 * Example: `parseSnap('# a path\n1 2\n2 3\n').graph.m` is 2.
 */
export function parseSnap(text: string, options: Partial<ParseOptions> = {}): ParseResult<number> {
  const opts = { ...DEFAULTS, ...options };
  const out = new EdgeCollector<number>(opts.maxErrors);
  // Pass 1 reads raw integer ids in place (no substrings, no regex on the hot path).
  let raw = new Float64Array(2048), rawLines = new Int32Array(1024), rawWeights: Float64Array | undefined;
  let count = 0, minId = Infinity, maxId = -Infinity;
  const len = text.length;
  const starts = new Int32Array(3), ends = new Int32Array(3), values = new Float64Array(2);
  for (let i = 0, line = 1; i < len; line++) {
    let fields = 0, c = 0;
    while (i < len && (c = text.charCodeAt(i)) !== 10 && c !== 13) {
      if (c === 32 || c === 9) { i++; continue; }
      if (fields === 0 && (c === 35 || c === 37)) { // # or % comment
        while (i < len && (c = text.charCodeAt(i)) !== 10 && c !== 13) i++;
        break;
      }
      const s = i;
      let value = 0, ok = true, sign = 1;
      if (c === 45 || c === 43) { sign = c === 45 ? -1 : 1; i++; ok = i < len && (c = text.charCodeAt(i)) >= 48 && c <= 57; }
      while (i < len && (c = text.charCodeAt(i)) !== 32 && c !== 9 && c !== 10 && c !== 13) {
        if (c >= 48 && c <= 57) value = value * 10 + (c - 48); else ok = false;
        i++;
      }
      if (fields < 3) { starts[fields] = s; ends[fields] = i; }
      if (fields < 2) values[fields] = ok && value <= Number.MAX_SAFE_INTEGER ? sign * value : Number.NaN;
      fields++;
    }
    // Line end: LF, CRLF, CR, or CR…CRLF as one.
    if (i < len) {
      if (c === 13) {
        let j = i + 1;
        while (j < len && text.charCodeAt(j) === 13) j++;
        i = j < len && text.charCodeAt(j) === 10 ? j + 1 : i + 1;
      } else i++;
    }
    if (fields === 0) continue;
    if (fields < 2 || fields > 3) { out.error(line, `expected "source target [weight]", found ${fields} field${fields === 1 ? '' : 's'}`); continue; }
    const u = values[0]!, v = values[1]!;
    if (Number.isNaN(u) || Number.isNaN(v)) {
      const f = Number.isNaN(u) ? 0 : 1;
      out.error(line, `${f === 0 ? 'source' : 'target'} "${text.slice(starts[f], ends[f])}" is not an integer id`);
      continue;
    }
    let weight = 1;
    if (fields === 3) {
      const field = text.slice(starts[2], ends[2]);
      const w = parseNumber(field);
      if (w === undefined) { out.error(line, `weight "${field}" is not a number`); continue; }
      weight = w;
      rawWeights ??= new Float64Array(rawLines.length).fill(1);
    }
    if (count === rawLines.length) {
      const r = new Float64Array(4 * count); r.set(raw); raw = r;
      const l = new Int32Array(2 * count); l.set(rawLines); rawLines = l;
      if (rawWeights) { const w = new Float64Array(2 * count).fill(1); w.set(rawWeights.subarray(0, count)); rawWeights = w; }
    }
    raw[2 * count] = u; raw[2 * count + 1] = v; rawLines[count] = line;
    if (rawWeights) rawWeights[count] = weight;
    count++;
    if (u < minId) minId = u;
    if (u > maxId) maxId = u;
    if (v < minId) minId = v;
    if (v > maxId) maxId = v;
  }
  // Pass 2 numbers ids by first appearance: a direct table when they are small, else a Map.
  const dense = count > 0 && minId >= 0 && maxId < 8 * count + 1024;
  const table = dense ? new Int32Array(maxId + 1).fill(-1) : undefined;
  const index = (id: number): number => {
    if (!table) return out.node(id);
    let k = table[id]!;
    if (k < 0) { k = table[id] = out.ids.length; out.ids.push(id); }
    return k;
  };
  for (let e = 0; e < count; e++) {
    out.edge(index(raw[2 * e]!), index(raw[2 * e + 1]!), rawWeights ? rawWeights[e] : undefined, rawLines[e]!);
  }
  if (table) for (let k = 0; k < out.ids.length; k++) out.indexOf.set(out.ids[k]!, k);
  return out.finish(opts);
}
