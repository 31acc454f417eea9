// One entry point for every Spread analysis, so that the API's jobs and the CLI run the same
// code: a validated request in, its answer out.
import { bookToBloggers, strongTiesFirst, type BloggersRequest, type StrongTiesRequest } from './plans.ts';
import { chooseSeeds, simulateSeeds, type SeedsRequest, type Work } from './seeding.ts';
import { RelaisError } from '../platform/errors.ts';
import { resolveAccounts, resolvePool } from './pools.ts';
import { checkModel, type ModelSpec, type SpreadWorld } from './world.ts';

export const ANALYSIS_KINDS = ['simulate', 'seeds', 'strong-ties', 'bloggers'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export type AnalysisRequest =
  | { kind: 'simulate'; model: ModelSpec; seeds: string[]; runs: number; seed: number }
  | ({ kind: 'seeds' } & SeedsRequest)
  | ({ kind: 'strong-ties' } & StrongTiesRequest)
  | ({ kind: 'bloggers' } & BloggersRequest);

/** Whether an analysis reads tie strength (the tie-strength model, the strong-ties plan). */
export function needsTies(request: AnalysisRequest): boolean {
  return request.kind === 'strong-ties' || request.model.probabilities === 'tie-strength';
}

/** Runs an analysis over a world. */
export async function runAnalysis(world: SpreadWorld, request: AnalysisRequest, work: Work = {}): Promise<unknown> {
  switch (request.kind) {
    case 'simulate': return simulateSeeds(world, request, work);
    case 'seeds': return chooseSeeds(world, request, work);
    case 'strong-ties': return strongTiesFirst(world, request, work);
    case 'bloggers': return bookToBloggers(world, request, work);
  }
}

/**
 * The checks that need the world but no computation (accounts named, pool not empty, k within
 * the pool), so that the API refuses a bad request at once instead of queueing a run that fails.
 */
export function precheck(world: SpreadWorld, request: AnalysisRequest): void {
  try { checkModel(request.model); } catch (error) {
    if (error instanceof RelaisError) throw new RelaisError(error.code, error.message, { ...error.details, field: `model.${String(error.details.field)}` });
    throw error;
  }
  if (request.kind === 'simulate') resolveAccounts(world, request.seeds, 'seeds');
  if (request.kind === 'strong-ties' && request.ego) resolveAccounts(world, [request.ego], 'ego');
  if (request.kind === 'bloggers') resolvePool(world, { pool: 'bloggers', exclude: request.exclude });
  if (request.kind === 'seeds') {
    const { candidates } = resolvePool(world, request.pool);
    if (request.budget === undefined && request.k === undefined) throw new RelaisError('RELAIS_SPREAD_INVALID', 'Give k (how many seeds) or a budget.', { field: 'k' });
    if (request.budget === undefined && request.k! > candidates.length) {
      throw new RelaisError('RELAIS_SPREAD_INVALID', `k = ${request.k} is larger than the pool (${candidates.length} ${request.pool.pool === 'list' ? 'accounts' : request.pool.pool}).`, { field: 'k', hint: `ask for at most ${candidates.length} seeds` });
    }
  }
}
