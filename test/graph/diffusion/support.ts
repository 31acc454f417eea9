// Shared helpers of the diffusion tests: exact expected spreads of tiny graphs by enumerating
// every live-edge graph (Kempe, Kleinberg & Tardos, KDD 2003, Claims 2.3 and 2.6: IC and LT
// are reachability in a random live-edge graph, step by step), and NetHEPT from
// ../shared/data/graphs/nethept (skipped with a loud warning when absent, a failure under CI).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { buildGraph, type Graph } from '../../../src/graph/csr.ts';
import { parseSnap, type ParseResult } from '../../../src/graph/parse.ts';
import type { InfluenceGraph } from '../../../src/graph/diffusion/probabilities.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const SHARED = process.env.RELAIS_GRAPH_DATA ?? path.resolve(ROOT, '..', 'shared', 'data', 'graphs');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'graphs');

/** A directed graph from arcs. */
export function arcs(n: number, list: Array<[number, number]>): Graph {
  return buildGraph({ n, sources: list.map((a) => a[0]), targets: list.map((a) => a[1]), directed: true });
}

/** Exact expected spread and expected new activations per step, by enumerating live-edge graphs. */
export function exactSpread(graph: InfluenceGraph, seeds: number[]): { mean: number; perStep: number[] } {
  const { n, offsets, targets, probabilities, inOffsets, inSources, inProbabilities } = graph;
  // Each live-edge world: a set of live out-arcs, with its probability.
  const worlds: Array<{ p: number; live: Uint8Array }> = [];
  const m = targets.length;
  if (graph.model === 'ic') {
    assert.ok(m <= 18, 'too many arcs to enumerate');
    for (let mask = 0; mask < 2 ** m; mask++) {
      let p = 1;
      const live = new Uint8Array(m);
      for (let a = 0; a < m; a++) {
        const on = (mask >> a) & 1;
        live[a] = on;
        p *= on ? probabilities[a]! : 1 - probabilities[a]!;
      }
      if (p > 0) worlds.push({ p, live });
    }
  } else {
    // LT: each node keeps at most one in-arc, arc a with probability w(a); none with 1 − Σw.
    // Map in-arcs back to out-arcs (u → v).
    const outIndex = (u: number, v: number): number => {
      for (let a = offsets[u]!; a < offsets[u + 1]!; a++) if (targets[a] === v) return a;
      throw new Error('arc not found');
    };
    let partial: Array<{ p: number; live: Uint8Array }> = [{ p: 1, live: new Uint8Array(m) }];
    for (let v = 0; v < n; v++) {
      const next: typeof partial = [];
      let rest = 1;
      for (let a = inOffsets[v]!; a < inOffsets[v + 1]!; a++) rest -= inProbabilities[a]!;
      for (const world of partial) {
        if (rest > 1e-12) next.push({ p: world.p * rest, live: world.live });
        for (let a = inOffsets[v]!; a < inOffsets[v + 1]!; a++) {
          const live = world.live.slice();
          live[outIndex(inSources[a]!, v)] = 1;
          next.push({ p: world.p * inProbabilities[a]!, live });
        }
      }
      partial = next;
    }
    worlds.push(...partial);
  }
  let mean = 0;
  const perStep: number[] = [];
  for (const { p, live } of worlds) {
    const depth = new Int32Array(n).fill(-1);
    const queue = [...new Set(seeds)];
    for (const s of queue) depth[s] = 0;
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (let a = offsets[u]!; a < offsets[u + 1]!; a++) {
        const v = targets[a]!;
        if (live[a] && depth[v]! < 0) { depth[v] = depth[u]! + 1; queue.push(v); }
      }
    }
    mean += p * queue.length;
    for (const u of queue) perStep[depth[u]!] = (perStep[depth[u]!] ?? 0) + p;
  }
  return { mean, perStep: Array.from(perStep, (x) => x ?? 0) };
}

/** Zachary's karate club from the committed fixture (undirected). */
export function karate(): ParseResult<number> {
  return parseSnap(fs.readFileSync(path.join(FIXTURES, 'karate.txt'), 'utf8'));
}

/**
 * NetHEPT's file `name` ("u v p" lines) parsed as a directed graph with its weights, or
 * undefined after skipping the test loudly; under CI=true a missing file fails the test.
 */
export function netHept(t: TestContext, name: 'graph_ic.inf' | 'graph_lt.inf'): ParseResult<number> | undefined {
  const file = path.join(SHARED, 'nethept', name);
  if (fs.existsSync(file)) return parseSnap(fs.readFileSync(file, 'utf8'), { directed: true, dedupe: false });
  const why = `${file} not found`;
  if (process.env.CI === 'true') assert.fail(`${why}; CI=true requires the shared graph data`);
  console.warn(`\n⚠⚠⚠ SKIPPED "${t.name}": ${why}. Set RELAIS_GRAPH_DATA or provide ../shared/data/graphs/nethept/. ⚠⚠⚠\n`);
  t.skip(why);
  return undefined;
}

/** Asserts |actual − expected| ≤ tolerance, with a message naming both. */
export function near(actual: number, expected: number, tolerance: number, label: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} is not within ${tolerance} of ${expected}`);
}
