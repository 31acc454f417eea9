// The graphology side of bench/graph-kernel.ts (graphology 0.26 with graphology-metrics,
// graphology-communities-louvain and graphology-components, the JavaScript peers the web
// explorer also uses): the same steps on the same graph, in its own process so that its peak
// memory is its own.
//
//   node bench/graph-graphology-peer.ts <edge-list file> <n> <exact betweenness: 0|1> <repeats>
//
// Prints one JSON line. The packages are devDependencies; RELAIS_BENCH_PEERS may name another
// folder holding them (a node_modules' parent), for a checkout whose node_modules lacks them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { edgeArrays } from '../src/graph/csr.ts';
import { parseSnap } from '../src/graph/parse.ts';

const require = createRequire(process.env.RELAIS_BENCH_PEERS ? path.join(process.env.RELAIS_BENCH_PEERS, 'package.json') : import.meta.url);

interface GraphologyGraph { addNode(key: number): void; mergeEdge(source: number, target: number): void; order: number; size: number }

/** Whether the graphology packages can be loaded here. */
export function graphologyAvailable(): boolean {
  try {
    require.resolve('graphology');
    require.resolve('graphology-communities-louvain');
    require.resolve('graphology-metrics/centrality/pagerank');
    require.resolve('graphology-components');
    return true;
  } catch {
    return false;
  }
}

function timed<T>(fn: () => T, repeats = 1): [number, T] {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    result = fn();
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)]!, result];
}

function measure(file: string, n: number, exact: boolean, repeats: number): Record<string, number | string> {
  const Graph = require('graphology').UndirectedGraph as unknown as new (options: { multi: boolean; allowSelfLoops: boolean }) => GraphologyGraph;
  const louvain = require('graphology-communities-louvain') as { detailed(g: GraphologyGraph, options?: object): { modularity: number; count: number } };
  const pagerank = require('graphology-metrics/centrality/pagerank') as (g: GraphologyGraph, options?: object) => Record<string, number>;
  const betweenness = require('graphology-metrics/centrality/betweenness') as (g: GraphologyGraph, options?: object) => Record<string, number>;
  const { connectedComponents } = require('graphology-components') as { connectedComponents(g: GraphologyGraph): number[][] };
  const packageFile = path.join(path.dirname(require.resolve('graphology')), '..', 'package.json');
  const out: Record<string, number | string> = { graphology: (JSON.parse(fs.readFileSync(packageFile, 'utf8')) as { version: string }).version };
  // The same simple graph as the kernel's (parsing is not graphology's: it has no edge-list reader).
  const parsed = parseSnap(fs.readFileSync(file, 'utf8'), { dedupe: true, dropSelfLoops: true });
  const edges = edgeArrays(parsed.graph);
  const sources = Int32Array.from(edges.sources, (i) => parsed.ids[i]!), targets = Int32Array.from(edges.targets, (i) => parsed.ids[i]!);
  let graph!: GraphologyGraph;
  [out.build, graph] = timed(() => {
    const g = new Graph({ multi: false, allowSelfLoops: false });
    for (let u = 0; u < n; u++) g.addNode(u);
    for (let e = 0; e < sources.length; e++) g.mergeEdge(sources[e]!, targets[e]!);
    return g;
  }, repeats);
  out.n = graph.order; out.m = graph.size;
  [out.pagerank] = timed(() => pagerank(graph, { getEdgeWeight: null }), repeats);
  let detailed!: { modularity: number; count: number };
  [out.louvain, detailed] = timed(() => louvain.detailed(graph, { getEdgeWeight: null }), repeats);
  out.louvainModularity = detailed.modularity;
  let components!: number[][];
  [out.components, components] = timed(() => connectedComponents(graph), repeats);
  out.componentCount = components.length;
  if (exact) [out.betweenness] = timed(() => betweenness(graph, { getEdgeWeight: null, normalized: false }));
  out.peakMB = process.resourceUsage().maxRSS / 1024;
  return out;
}

if (process.argv[1] === import.meta.filename) {
  const [file, n, exact, repeats] = process.argv.slice(2);
  console.log(JSON.stringify(measure(file!, Number(n), exact === '1', Number(repeats ?? 3))));
}
