// Two campaign plans from the seeds (PRODUCT.md, seeds 000 and 004):
// - "Strong ties first" (We Like The World): ask one's strong ties first — they answer, and
//   their mobilisation predicts the weak ties' — then the weak ties they open. Strong ties are
//   ordered by IMM's marginal gains within the pool of the ego's strong ties; a strong tie
//   "opens" the people who follow it through a weak tie and whom the ego reaches neither
//   directly nor through another strong tie. Each wave's expected reach is a Monte Carlo
//   estimate of everything asked so far (Granovetter, "The strength of weak ties", 1973).
// - "Send the book to 100 or 200 bloggers" (Michelle Blanc): the best n bloggers by IMM beside
//   n at random and the n with most followers, each with its predicted reach.
import { immAsync } from '../graph/diffusion/index.ts';
import { RelaisError } from '../platform/errors.ts';
import { resolveAccounts, resolvePool } from './pools.ts';
import { asSpreadError, chooseSeeds, describe, estimateReach, type ChosenSeed, type ReachCurve, type StrategyResult, type Work } from './seeding.ts';
import { influenceGraph, reciprocalTies, type ModelSpec, type SpreadWorld } from './world.ts';

export interface StrongTiesRequest {
  model: ModelSpec;
  /** Whose ties: an account name; the brand's main account when absent. */
  ego?: string;
  /** Strong ties to ask in the first wave. */
  first: number;
  /** Weak ties of each strong tie asked in the second wave. */
  openPerTie: number;
  epsilon: number;
  runs: number;
  seed: number;
}

export interface StrongTiesPlan {
  ego: ChosenSeed;
  /** Where the strong ties come from: Map's tie strength, or reciprocal follows when Map finds none for the ego. */
  tieSource: 'map' | 'reciprocal-follows';
  strongTies: number;
  weakTies: number;
  /** The strong ties to ask, in order, with whom each opens. */
  asks: Array<{ tie: ChosenSeed; opens: number; openedSample: ChosenSeed[] }>;
  waves: Array<{ wave: 'ego' | 'strong-ties' | 'weak-ties'; asked: number; estimate: ReachCurve }>;
}

/** The brand's account with the most followers: the default ego. */
function brandAccount(world: SpreadWorld): number {
  let best = -1;
  world.accounts.forEach((a, i) => { if (a.affiliation === 'brand' && (best < 0 || a.followers > world.accounts[best]!.followers)) best = i; });
  if (best < 0) throw new RelaisError('RELAIS_SPREAD_INVALID', 'This workspace has no brand account: name the ego.', { field: 'ego' });
  return best;
}

/** The plan "strong ties first, then the weak ties they open". */
export async function strongTiesFirst(world: SpreadWorld, request: StrongTiesRequest, work: Work = {}): Promise<StrongTiesPlan> {
  const ego = request.ego ? resolveAccounts(world, [request.ego], 'ego')[0]! : brandAccount(world);
  const fromMap = await strongTiesWith(world, world.strong, ego, request, work);
  if (fromMap.strongTies > 0 || world.ties !== 'map') return { ...fromMap, tieSource: world.ties };
  // Map's tie strength needs interactions (replies, mentions, reshares) to call a tie strong;
  // on follows alone it finds none, and a returned follow is the best sign left.
  return { ...(await strongTiesWith(world, reciprocalTies(world.graph).strong, ego, request, work)), tieSource: 'reciprocal-follows' };
}

async function strongTiesWith(world: SpreadWorld, strong: Uint8Array, ego: number, request: StrongTiesRequest, work: Work): Promise<Omit<StrongTiesPlan, 'tieSource'>> {
  const { graph: g } = world;
  // The ego's ties in either direction, strong if either arc is.
  const tie = new Map<number, boolean>();
  for (let a = g.offsets[ego]!; a < g.offsets[ego + 1]!; a++) tie.set(g.targets[a]!, (tie.get(g.targets[a]!) ?? false) || strong[a] === 1);
  for (let a = g.inOffsets![ego]!; a < g.inOffsets![ego + 1]!; a++) {
    const u = g.inSources![a]!;
    // The in-arc u → ego sits in u's out-row: find its strength there.
    let s = false;
    for (let b = g.offsets[u]!; b < g.offsets[u + 1]!; b++) if (g.targets[b] === ego) { s = strong[b] === 1; break; }
    tie.set(u, (tie.get(u) ?? false) || s);
  }
  // The brand's other accounts are the ego's own voice, not people to ask.
  const strongSet = [...tie].filter(([v, s]) => s && world.accounts[v]!.affiliation !== 'brand').map(([v]) => v).sort((a, b) => a - b);
  const graph = influenceGraph(world, request.model, request.seed);
  const egoFollowers = new Set<number>();
  for (let a = g.inOffsets![ego]!; a < g.inOffsets![ego + 1]!; a++) egoFollowers.add(g.inSources![a]!);

  let order: number[] = [];
  if (strongSet.length > 0 && g.m > 0) {
    const k = Math.min(request.first, strongSet.length);
    try {
      const r = await immAsync(graph, { k, candidates: strongSet, epsilon: request.epsilon, ell: 1, seed: request.seed, signal: work.signal, onProgress: (p) => work.onProgress?.({ stage: `imm-${p.phase}`, done: p.rrSets, total: p.target }) });
      order = [...r.seeds];
    } catch (error) { throw asSpreadError(error, 'first'); }
  }
  const taken = new Set<number>([ego, ...strongSet, ...egoFollowers]);
  const asks: StrongTiesPlan['asks'] = [];
  const opened: number[] = [];
  let weakTies = 0;
  for (const s of order) {
    // Followers of s through a weak tie, not yet reached by the ego or an earlier strong tie.
    const mine: number[] = [];
    for (let a = g.inOffsets![s]!; a < g.inOffsets![s + 1]!; a++) {
      const f = g.inSources![a]!;
      if (taken.has(f)) continue;
      let weak = true;
      for (let b = g.offsets[f]!; b < g.offsets[f + 1]!; b++) if (g.targets[b] === s) { weak = strong[b] !== 1; break; }
      if (!weak) continue;
      mine.push(f);
      taken.add(f);
    }
    weakTies += mine.length;
    mine.sort((a, b) => (g.inOffsets![b + 1]! - g.inOffsets![b]!) - (g.inOffsets![a + 1]! - g.inOffsets![a]!) || a - b);
    opened.push(...mine.slice(0, request.openPerTie));
    asks.push({ tie: describe(world, s, 1, null), opens: mine.length, openedSample: mine.slice(0, request.openPerTie).map((v) => describe(world, v, 1, null)) });
  }
  const waves: StrongTiesPlan['waves'] = [];
  const wave = async (name: StrongTiesPlan['waves'][number]['wave'], seeds: number[]): Promise<void> => {
    waves.push({ wave: name, asked: seeds.length, estimate: await estimateReach(graph, seeds, request.runs, request.seed, work, `simulate-${name}`) });
  };
  await wave('ego', [ego]);
  await wave('strong-ties', [ego, ...order]);
  await wave('weak-ties', [ego, ...order, ...opened]);
  return { ego: describe(world, ego, 1, null), strongTies: strongSet.length, weakTies, asks, waves };
}

export interface BloggersRequest {
  model: ModelSpec;
  /** How many books: 100 and 200 in the seed. */
  sizes: readonly number[];
  exclude?: readonly string[];
  epsilon: number;
  runs: number;
  seed: number;
}

export interface BloggersPlan {
  pool: number;
  options: Array<{ size: number; asked: number; capped: boolean; strategies: StrategyResult[] }>;
}

/** The plan "send the book to n bloggers": best by IMM, at random, most followers. */
export async function bookToBloggers(world: SpreadWorld, request: BloggersRequest, work: Work = {}): Promise<BloggersPlan> {
  if (request.sizes.length === 0) throw new RelaisError('RELAIS_SPREAD_INVALID', 'Give at least one number of bloggers.', { field: 'sizes' });
  const options: BloggersPlan['options'] = [];
  let pool = 0;
  for (const size of request.sizes) {
    if (!(Number.isInteger(size) && size >= 1)) throw new RelaisError('RELAIS_SPREAD_INVALID', `A number of bloggers must be a whole number ≥ 1, got ${size}`, { field: 'sizes' });
    // A plan that wants more bloggers than the pool holds asks them all, and says so.
    pool = resolvePool(world, { pool: 'bloggers', exclude: request.exclude }).candidates.length;
    const asked = Math.min(size, pool);
    const result = await chooseSeeds(world, {
      model: request.model, pool: { pool: 'bloggers', exclude: request.exclude }, k: asked, epsilon: request.epsilon, ell: 1,
      strategies: ['imm', 'random', 'followers'], runs: request.runs, seed: request.seed,
    }, { ...work, onProgress: (p) => work.onProgress?.({ ...p, stage: `${size}-${p.stage}` }) });
    options.push({ size, asked, capped: asked < size, strategies: result.strategies });
  }
  return { pool, options };
}
