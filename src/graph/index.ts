// The graph kernel: plain functions over a CSR graph of typed arrays. Imports nothing of relais.
// Each file cites the paper it implements and exports its DEFAULTS.
export { buildGraph, fromEdgeList, inAdjacency, edgeArrays, toUndirected, hasEdge, arcIndex, emptyGraph } from './csr.ts';
export type { Graph, EdgeArrays, BuildOptions, NodeId, IdGraph } from './csr.ts';
export { parseSnap, forEachLine, parseNumber } from './parse.ts';
export type { ParseError, ParseResult, ParseOptions } from './parse.ts';
export { parseCsv, splitCsvLine } from './parse-csv.ts';
export type { CsvOptions } from './parse-csv.ts';
export { parseGml } from './parse-gml.ts';
export type { GmlResult } from './parse-gml.ts';
export { degree, strength } from './degree.ts';
export { pagerank } from './pagerank.ts';
export type { PageRankOptions, PageRankResult } from './pagerank.ts';
export { connectedComponents, weaklyConnectedComponents, stronglyConnectedComponents } from './components.ts';
export type { Components } from './components.ts';
export { louvain } from './louvain.ts';
export type { LouvainOptions, LouvainResult } from './louvain.ts';
export { modularity } from './modularity.ts';
export { betweenness, sampledBetweenness } from './betweenness.ts';
export type { BetweennessOptions, SampledBetweennessOptions, SampledBetweenness } from './betweenness.ts';
export { constraint } from './constraint.ts';
export { neighbourhoodOverlap, edgeOverlap, neighbours } from './overlap.ts';
export { kHopNeighbourhood, kHopReach, approximateKHopReach } from './reach.ts';
export type { ApproximateReach, ApproximateReachOptions, ReachOptions } from './reach.ts';
export { createRandom, fromState, shuffle, splitmix64 } from './random.ts';
export type { Random } from './random.ts';
export { IndexedMinHeap } from './heap.ts';
export { plantedPartition } from './generate.ts';
