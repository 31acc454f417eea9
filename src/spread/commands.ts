// `relais spread simulate|seeds|reach|plan`: the same analyses as the API's jobs, run in this
// process with a progress bar (Ctrl-C stops them).
import type { Kysely } from 'kysely';
import { findWorkspace } from '../platform/auth/store.ts';
import { choiceFlag, intFlag, requiredFlag, type Command, type FlagValues } from '../platform/command.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { progressBar } from '../platform/progress.ts';
import { needsTies, runAnalysis, type AnalysisRequest } from './analysis.ts';
import type { BloggersPlan, StrongTiesPlan } from './plans.ts';
import { POOL_KINDS, type PoolSpec } from './pools.ts';
import { reachOf, type ReachReport } from './reach.ts';
import { STRATEGIES, type ChosenSeed, type ReachCurve, type SeedsResult, type Strategy, type StrategyResult } from './seeding.ts';
import { loadSpreadWorld } from './store.ts';
import { checkModel, type ModelSpec } from './world.ts';

const HELP = `Usage:
  relais spread simulate --workspace SLUG --seeds @a,@b [model options] [--runs N] [--seed N]
  relais spread seeds    --workspace SLUG (--k N | --budget B [--cost-per-seed C] [--cost-per-thousand F])
                         [--pool all|employees|ambassadors|bloggers|list] [--accounts @a,@b] [--exclude @c]
                         [--epsilon E] [--ell L] [--strategies imm,followers,degree,pagerank,random] [model options]
  relais spread reach    --workspace SLUG [--pool employees | --accounts @a,@b]
  relais spread plan strong-ties --workspace SLUG [--ego @handle] [--first N] [--open-per-tie N] [model options]
  relais spread plan bloggers    --workspace SLUG [--sizes 100,200] [--exclude @a] [model options]

simulate  the expected reach of the seeds: Monte Carlo mean, 95 % interval and reach per step.
seeds     the best seeds by IMM (Tang, Shi & Xiao 2015; guarantee 1 − 1/e − ε, w.p. 1 − 1/n^ℓ)
          within a pool and a budget, beside most followers, top degree, PageRank and random;
          every strategy's reach is re-estimated by the same Monte Carlo.
reach     the unique audience of the accounts (union of their followers) beside the naive sum.
plan      strong-ties: whom to ask first among one's strong ties, whom they open, each wave's reach;
          bloggers: the best n bloggers next to n at random and the n with most followers.

Model options: --model ic|lt (default ic), --probabilities weighted-cascade|uniform|trivalency|
tie-strength (default weighted-cascade), --p P (uniform, in [0, 1]), --scale S (tie strength × S).
Accounts are named @handle, network:handle or #id. --runs (default 10000) Monte Carlo runs,
--seed (default 42) makes every answer reproducible. Common options: --database URL, --json, -h.`;

function list(value: string | boolean | undefined): string[] | undefined {
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
}

function numberFlag(value: string | boolean | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n)) throw new RelaisError('RELAIS_CLI_USAGE', `${flag} takes a number, not "${String(value)}".`, { field: flag });
  return n;
}

function modelOf(values: FlagValues): ModelSpec {
  const model: ModelSpec = {
    model: choiceFlag(values.model, '--model', ['ic', 'lt'] as const, 'ic'),
    probabilities: choiceFlag(values.probabilities, '--probabilities', ['weighted-cascade', 'uniform', 'trivalency', 'tie-strength'] as const, 'weighted-cascade'),
    p: numberFlag(values.p, '--p'), scale: numberFlag(values.scale, '--scale'),
  };
  try { checkModel(model); } catch (error) {
    if (error instanceof RelaisError) throw new RelaisError('RELAIS_CLI_USAGE', error.message, { field: `--${String(error.details.field)}` });
    throw error;
  }
  return model;
}

function poolOf(values: FlagValues): PoolSpec {
  const accounts = list(values.accounts);
  return { pool: choiceFlag(values.pool, '--pool', POOL_KINDS, accounts ? 'list' : 'all'), accounts, exclude: list(values.exclude) };
}

async function workspaceId(db: Kysely<PlatformTables>, values: FlagValues): Promise<number> {
  const slug = requiredFlag(values.workspace, '--workspace', 'the workspace slug, e.g. --workspace demo');
  const workspace = await findWorkspace(db, slug);
  if (!workspace) throw new RelaisError('RELAIS_NOT_FOUND', `No workspace ${slug}.`, { field: '--workspace' });
  return workspace.id;
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const curve = (e: ReachCurve): string => `${fmt(e.mean)} (95 % CI ${fmt(e.ci95[0])}–${fmt(e.ci95[1])}, ${e.runs.toLocaleString('en-US')} runs)`;
const who = (s: ChosenSeed): string => `${s.network}:${s.handle}`;

function printStrategies(out: (t: string) => void, strategies: StrategyResult[]): void {
  for (const s of strategies) {
    out(`${s.strategy.padEnd(10)} ${String(s.seeds.length).padStart(4)} seeds  reach ${curve(s.estimate)}${s.guarantee ? `  [IMM ε=${s.guarantee.epsilon}, ${s.guarantee.rrSets.toLocaleString('en-US')} RR sets]` : ''}`);
    out(`           ${s.seeds.slice(0, 10).map(who).join(', ')}${s.seeds.length > 10 ? ', …' : ''}`);
  }
}

function printReach(out: (t: string) => void, r: ReachReport): void {
  out(`${r.accounts} accounts`);
  out(`naive sum of followers       ${fmt(r.naiveFollowers)}`);
  out(`followers in the graph       ${fmt(r.naiveInGraph)} (naive), ${fmt(r.unique)} unique (exact), ${fmt(r.duplicates)} counted twice or more`);
  out(`HyperLogLog estimate         ${fmt(r.estimate.unique)} ± ${(r.estimate.relativeStandardError * 100).toFixed(2)} %`);
  out(`with followers off the graph ${fmt(r.offGraph.uniqueLow)} to ${fmt(r.offGraph.uniqueHigh)} unique`);
  out(`the seed's ${fmt(r.seedExample.accounts)} × ${r.seedExample.followersEach} = ${fmt(r.seedExample.naive)}; at this overlap: ${fmt(r.seedExample.scaledUnique)}`);
}

export const spreadCommand: Command = {
  name: 'spread',
  summary: 'Simulate diffusion, choose seeds, measure true reach, plan campaigns',
  help: HELP,
  positionals: true,
  options: {
    workspace: { type: 'string' }, model: { type: 'string' }, probabilities: { type: 'string' }, p: { type: 'string' }, scale: { type: 'string' },
    seeds: { type: 'string' }, pool: { type: 'string' }, accounts: { type: 'string' }, exclude: { type: 'string' }, k: { type: 'string' },
    budget: { type: 'string' }, 'cost-per-seed': { type: 'string' }, 'cost-per-thousand': { type: 'string' }, epsilon: { type: 'string' },
    ell: { type: 'string' }, strategies: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, ego: { type: 'string' },
    first: { type: 'string' }, 'open-per-tie': { type: 'string' }, sizes: { type: 'string' },
  },
  async run({ values, positionals }, io) {
    const [action, sub] = positionals;
    const runs = intFlag(values.runs, '--runs', 10_000, 1, 100_000);
    const seed = intFlag(values.seed, '--seed', 42, 0, 2 ** 31);
    const epsilon = numberFlag(values.epsilon, '--epsilon') ?? 0.1;
    let request: AnalysisRequest | null = null;
    if (action === 'simulate') {
      const seeds = list(requiredFlag(values.seeds, '--seeds', 'e.g. --seeds @cimes,@anna'))!;
      request = { kind: 'simulate', model: modelOf(values), seeds, runs, seed };
    } else if (action === 'seeds') {
      const budget = numberFlag(values.budget, '--budget');
      const k = values.k === undefined ? undefined : intFlag(values.k, '--k', 0, 0, 10_000);
      if (k === undefined && budget === undefined) throw new RelaisError('RELAIS_CLI_USAGE', 'seeds needs --k N or --budget B.', { hint: 'relais spread seeds --workspace demo --pool employees --k 10' });
      const strategies = (list(values.strategies) ?? [...STRATEGIES]).map((s) => choiceFlag(s, '--strategies', STRATEGIES, 'imm')) as Strategy[];
      const cost = budget === undefined ? undefined : { perSeed: numberFlag(values['cost-per-seed'], '--cost-per-seed') ?? 1, perThousandFollowers: numberFlag(values['cost-per-thousand'], '--cost-per-thousand') ?? 0 };
      request = { kind: 'seeds', model: modelOf(values), pool: poolOf(values), k, budget, cost, epsilon, ell: numberFlag(values.ell, '--ell') ?? 1, strategies, runs, seed };
    } else if (action === 'plan' && sub === 'strong-ties') {
      request = { kind: 'strong-ties', model: modelOf(values), ego: typeof values.ego === 'string' ? values.ego : undefined, first: intFlag(values.first, '--first', 10, 1, 500), openPerTie: intFlag(values['open-per-tie'], '--open-per-tie', 5, 0, 100), epsilon, runs, seed };
    } else if (action === 'plan' && sub === 'bloggers') {
      const sizes = (list(values.sizes) ?? ['100', '200']).map((s) => intFlag(s, '--sizes', 100, 1, 100_000));
      request = { kind: 'bloggers', model: modelOf(values), sizes, exclude: list(values.exclude), epsilon, runs, seed };
    } else if (action === 'plan') {
      throw new RelaisError('RELAIS_CLI_USAGE', sub ? `Unknown plan "${sub}".` : 'Which plan?', { hint: 'relais spread plan strong-ties|bloggers --workspace demo' });
    } else if (action !== 'reach') {
      throw new RelaisError('RELAIS_CLI_USAGE', action ? `Unknown action "${action}".` : 'No action given.', { hint: 'use simulate, seeds, reach or plan; see `relais spread --help`' });
    }

    const bar = progressBar(process.stderr, { enabled: io.interactive && !values.json });
    const controller = new AbortController();
    const onInterrupt = (): void => controller.abort(new RelaisError('RELAIS_CLI_USAGE', 'Stopped.'));
    process.once('SIGINT', onInterrupt);
    try {
      const result = await io.withDatabase(values, async (database) => {
        const world = await loadSpreadWorld(database.db, await workspaceId(database.db, values), { ties: request ? needsTies(request) : false, now: Date.now() });
        if (!request) return reachOf(world, { pool: values.accounts ? undefined : poolOf({ ...values, pool: values.pool ?? 'employees' }), accounts: list(values.accounts) });
        return runAnalysis(world, request, { signal: controller.signal, onProgress: (p) => bar.update(p.done, p.total, p.stage) });
      });
      bar.finish();
      if (values.json) { io.out(JSON.stringify(result)); return; }
      if (!request) printReach(io.out, result as ReachReport);
      else if (request.kind === 'simulate') {
        const r = result as { seeds: ChosenSeed[]; estimate: ReachCurve };
        io.out(`${r.seeds.length} seeds reach ${curve(r.estimate)}`);
        for (const s of r.estimate.steps) io.out(`  step ${String(s.step).padStart(2)}  +${s.added.toFixed(1).padStart(8)}  reached ${s.reached.toFixed(1)} [${s.low.toFixed(1)}, ${s.high.toFixed(1)}]`);
      } else if (request.kind === 'seeds') {
        const r = result as SeedsResult;
        io.out(`pool ${r.pool.kind}: ${r.pool.size} accounts; ${r.budget === null ? `k = ${r.k}` : `budget ${r.budget}`}`);
        printStrategies(io.out, r.strategies);
      } else if (request.kind === 'strong-ties') {
        const r = result as StrongTiesPlan;
        io.out(`${who(r.ego)}: ${r.strongTies} strong ties (${r.tieSource === 'map' ? "Map's tie strength" : 'reciprocal follows: Map finds no strong tie yet'}); the ${r.asks.length} to ask first open ${r.weakTies} weak ties`);
        for (const a of r.asks) io.out(`  ask ${who(a.tie).padEnd(34)} opens ${String(a.opens).padStart(5)}  e.g. ${a.openedSample.slice(0, 3).map(who).join(', ')}`);
        for (const w of r.waves) io.out(`wave ${w.wave.padEnd(12)} ${String(w.asked).padStart(4)} asked  reach ${curve(w.estimate)}`);
      } else {
        const r = result as BloggersPlan;
        io.out(`${r.pool} bloggers in the pool`);
        for (const o of r.options) { io.out(`— ${o.size} books${o.capped ? ` (only ${o.asked} bloggers)` : ''}`); printStrategies(io.out, o.strategies); }
      }
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  },
};

export const spreadCommands: readonly Command[] = [spreadCommand];
