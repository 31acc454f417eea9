// Shared helpers of the graph kernel's tests: the committed fixtures, their reference values
// (scripts/graph-fixtures.py), the SNAP graphs in ../shared/data/graphs/ (skipped with a loud
// warning when absent, a failure when CI=true), and tolerant comparisons.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { parseSnap, type ParseResult } from '../../src/graph/parse.ts';
import { parseGml, type GmlResult } from '../../src/graph/parse-gml.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'graphs');
export const SHARED = process.env.RELAIS_GRAPH_DATA ?? path.resolve(ROOT, '..', 'shared', 'data', 'graphs');

export interface SmallReference {
  ids: number[];
  n: number;
  m: number;
  degree: number[];
  pagerank: number[];
  betweenness: number[];
  constraint: number[];
  reach2: number[];
  components: { count: number; largest: number[] };
  overlap: Array<[number, number, number]>;
  strength?: number[];
  pagerankWeighted?: number[];
  betweennessWeighted?: number[];
  constraintWeighted?: number[];
}

interface LouvainReference { best: number; mean: number; runs: number }
interface ModularityReference {
  optimal: number; optimalCommunities: number; optimalMembership: number[];
  igraphMultilevel: LouvainReference; igraphLeiden: LouvainReference;
}

export interface Reference {
  karate: SmallReference & {
    personalizedPagerank: { reset: number; scores: number[] };
    factions: Record<string, string>;
    modularity: ModularityReference & { factionsModularity: number };
  };
  lesmis: SmallReference & {
    labels: string[];
    modularity: { weighted: ModularityReference & { optimalMembershipUnweighted: number }; unweighted: { igraphMultilevel: LouvainReference } };
  };
  quirks: {
    directed: {
      arcs: Array<[number, number]>; pagerank: number[]; personalizedPagerank: { reset: number[]; scores: number[] };
      betweenness: number[]; strong: number[]; weak: number[]; constraint: number[];
    };
    undirected: { edges: Array<[number, number]>; pagerank: number[]; degree: number[]; betweenness: number[]; constraint: number[] };
  };
  shared: Record<string, SnapReference>;
}

export interface SnapReference {
  n: number; m: number;
  components?: { count: number; largest: number[] };
  weak?: { count: number; largest: number[] };
  strong?: { count: number; largest: number[] };
  pagerankTop10: Array<[number, number]>;
  betweennessTop10?: Array<[number, number]>;
  igraphMultilevelModularity?: number;
}

export const reference = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'reference.json'), 'utf8')) as Reference;

export function karate(): ParseResult<number> {
  return parseSnap(fs.readFileSync(path.join(FIXTURES, 'karate.txt'), 'utf8'));
}

export function lesmis(): GmlResult {
  return parseGml(fs.readFileSync(path.join(FIXTURES, 'lesmis.gml'), 'utf8'));
}

/**
 * The path of a SNAP graph in the shared data folder, or undefined after skipping the test
 * with a loud warning; under CI=true a missing folder fails the test instead.
 */
export function sharedGraph(t: TestContext, file: string): string | undefined {
  const full = path.join(SHARED, file);
  if (fs.existsSync(full) && reference.shared[file === 'facebook_combined.txt' ? 'facebook' : file]) return full;
  const why = fs.existsSync(full) ? `reference.json has no values for ${file} (re-run scripts/graph-fixtures.py)` : `${full} not found`;
  if (process.env.CI === 'true') assert.fail(`${why}; CI=true requires the shared graph data`);
  console.warn(`\n⚠⚠⚠ SKIPPED "${t.name}": ${why}. Set RELAIS_GRAPH_DATA or provide ../shared/data/graphs/. ⚠⚠⚠\n`);
  t.skip(why);
  return undefined;
}

/** Values per node of a parsed graph, reordered to match the reference's `ids`. */
export function byReferenceIds(values: ArrayLike<number>, parsed: { indexOf: Map<number, number> }, ids: number[]): number[] {
  return ids.map((id) => {
    const i = parsed.indexOf.get(id);
    assert.ok(i !== undefined, `id ${id} missing from the parsed graph`);
    return values[i]!;
  });
}

/** Asserts |actual[i] − expected[i]| ≤ tolerance everywhere (NaN matches NaN or null). */
export function assertClose(actual: ArrayLike<number>, expected: ArrayLike<number | null>, tolerance: number, label = ''): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  let worst = 0, at = -1;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!, e = expected[i];
    if (e === null || Number.isNaN(e)) { assert.ok(Number.isNaN(a), `${label}[${i}]: expected NaN, got ${a}`); continue; }
    const d = Math.abs(a - e!);
    if (!(d <= worst)) { worst = d; at = i; }
  }
  assert.ok(worst <= tolerance, `${label}: |Δ| = ${worst} at ${at} (actual ${actual[at]}, expected ${expected[at]}) exceeds ${tolerance}`);
}

/** Whether two labelings define the same partition. */
export function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  const ab = new Map<number, number>(), ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if ((ab.get(x) ?? y) !== y || (ba.get(y) ?? x) !== x) return false;
    ab.set(x, y); ba.set(y, x);
  }
  return true;
}
