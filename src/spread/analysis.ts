// One entry point for every Spread analysis, so that the API's jobs and the CLI run the same
// code: a validated request in, its answer out.
import { bookToBloggers, strongTiesFirst, type BloggersRequest, type StrongTiesRequest } from './plans.ts';
import { chooseSeeds, simulateSeeds, type SeedsRequest, type Work } from './seeding.ts';
import type { ModelSpec, SpreadWorld } from './world.ts';

export const ANALYSIS_KINDS = ['simulate', 'seeds', 'strong-ties', 'bloggers'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export type AnalysisRequest =
  | { kind: 'simulate'; model: ModelSpec; seeds: string[]; runs: number; seed: number }
  | ({ kind: 'seeds' } & SeedsRequest)
  | ({ kind: 'strong-ties' } & StrongTiesRequest)
  | ({ kind: 'bloggers' } & BloggersRequest);

/** Runs an analysis over a world. */
export async function runAnalysis(world: SpreadWorld, request: AnalysisRequest, work: Work = {}): Promise<unknown> {
  switch (request.kind) {
    case 'simulate': return simulateSeeds(world, request, work);
    case 'seeds': return chooseSeeds(world, request, work);
    case 'strong-ties': return strongTiesFirst(world, request, work);
    case 'bloggers': return bookToBloggers(world, request, work);
  }
}
