// The shapes of Spread's answers (the API documents runs' results as free JSON: these are the
// server's SeedsResult, StrongTiesPlan, BloggersPlan and ReachReport, src/spread/*.ts).
export interface Step { step: number; added: number; reached: number; low: number; high: number }
export interface ReachCurve { mean: number; ci95: [number, number]; stdDev: number; runs: number; steps: Step[] }
export interface ChosenSeed { id: number; handle: string; network: string; name: string | null; followers: number; cost: number; gain: number | null }
export type Strategy = 'imm' | 'followers' | 'degree' | 'pagerank' | 'random';
export interface StrategyResult {
  strategy: Strategy;
  seeds: ChosenSeed[];
  cost: number;
  estimate: ReachCurve;
  guarantee?: { approximation: number; epsilon: number; ell: number; rrSets: number; ownEstimate: number };
}
export interface SeedsResult { pool: { kind: string; size: number }; k: number | null; budget: number | null; strategies: StrategyResult[] }
export interface StrongTiesPlan {
  ego: ChosenSeed;
  tieSource: 'map' | 'reciprocal-follows';
  strongTies: number;
  weakTies: number;
  asks: Array<{ tie: ChosenSeed; opens: number; openedSample: ChosenSeed[] }>;
  waves: Array<{ wave: 'ego' | 'strong-ties' | 'weak-ties'; asked: number; estimate: ReachCurve }>;
}
export interface BloggersPlan { pool: number; options: Array<{ size: number; asked: number; capped: boolean; strategies: StrategyResult[] }> }
export interface ModelSpec { model: 'ic' | 'lt'; probabilities: 'uniform' | 'trivalency' | 'weighted-cascade' | 'tie-strength'; p?: number }
export type PoolKind = 'all' | 'employees' | 'ambassadors' | 'bloggers';
