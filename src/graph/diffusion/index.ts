// Diffusion and influence maximisation over the graph kernel: IC/LT probabilities, Monte Carlo
// spread (one thread or worker threads), IMM (Tang, Shi & Xiao, SIGMOD 2015) with pools and
// budgets, the CELF baseline, degree and PageRank heuristics, and true (unique) reach.
// Imports nothing of relais outside src/graph.
export { icProbabilities, ltWeights, TRIVALENCY } from './probabilities.ts';
export type { InfluenceGraph, IcProbabilities, LtWeights, ProbabilityOptions } from './probabilities.ts';
export { simulate, streamRandom, createSimulator } from './simulate.ts';
export type { SimulateOptions, SpreadEstimate, Simulator } from './simulate.ts';
export { simulateParallel, shareInfluenceGraph } from './simulate-parallel.ts';
export type { ParallelSimulateOptions, SharedInfluenceGraph } from './simulate-parallel.ts';
export { imm, immAsync, immSteps } from './imm.ts';
export type { ImmOptions, ImmProgress, ImmResult } from './imm.ts';
export { maxCoverage } from './max-coverage.ts';
export type { Coverage, CoverageOptions } from './max-coverage.ts';
export { createRRSampler, createRRSets } from './rr-sets.ts';
export type { RRSampler, RRSets } from './rr-sets.ts';
export { celf, celfAsync, celfSteps } from './celf.ts';
export type { CelfOptions, CelfProgress, CelfResult } from './celf.ts';
export { topDegree, topPageRank } from './heuristics.ts';
export type { HeuristicOptions, HeuristicSeeds } from './heuristics.ts';
export { trueReach, trueReachOfAudiences } from './true-reach.ts';
export type { TrueReach, TrueReachOptions } from './true-reach.ts';
export { AudienceSketch } from './audience-sketch.ts';
export type { AudienceSketchOptions } from './audience-sketch.ts';
