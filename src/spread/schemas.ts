// The zod schemas of Spread's API (requests validated at the edge, answers documented in the
// OpenAPI document and typed in the web client).
import { z } from '@hono/zod-openapi';
import { POOL_KINDS } from './pools.ts';
import { MAX_RUNS, STRATEGIES } from './seeding.ts';

const Name = z.string().min(1).max(200).openapi({ description: '@handle, network:handle or #id', example: '@cimes' });

export const ModelSchema = z.object({
  model: z.enum(['ic', 'lt']).default('ic').openapi({ description: 'independent cascade or linear threshold' }),
  probabilities: z.enum(['uniform', 'trivalency', 'weighted-cascade', 'tie-strength']).default('weighted-cascade'),
  p: z.number().min(0, 'a probability is at least 0').max(1, 'a probability is at most 1').optional().openapi({ description: 'uniform IC probability, in [0, 1]' }),
  scale: z.number().min(0).max(1).optional().openapi({ description: 'tie strength × scale = probability (default 0.1)' }),
}).openapi('SpreadModel');

export const PoolSchema = z.object({
  pool: z.enum(POOL_KINDS).default('all'),
  accounts: z.array(Name).max(100_000).optional(),
  exclude: z.array(Name).max(100_000).optional(),
}).openapi('SpreadPool');

const Runs = z.number().int().min(1).max(MAX_RUNS).default(10_000);
const Seed = z.number().int().min(0).max(2 ** 31).default(42);
const Epsilon = z.number().gt(0).max(1).default(0.1).openapi({ description: 'IMM approximation slack ε in (0, 1]' });

export const AnalysisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('simulate'), model: ModelSchema, seeds: z.array(Name).max(10_000), runs: Runs, seed: Seed }),
  z.object({
    kind: z.literal('seeds'), model: ModelSchema, pool: PoolSchema,
    k: z.number().int().min(0).max(10_000).optional(), budget: z.number().min(0).optional(),
    cost: z.object({ perSeed: z.number().min(0).default(1), perThousandFollowers: z.number().min(0).default(0) }).optional(),
    epsilon: Epsilon, ell: z.number().gt(0).max(10).default(1), strategies: z.array(z.enum(STRATEGIES)).default([...STRATEGIES]), runs: Runs, seed: Seed,
  }),
  z.object({
    kind: z.literal('strong-ties'), model: ModelSchema, ego: Name.optional(), first: z.number().int().min(1).max(500).default(10),
    openPerTie: z.number().int().min(0).max(100).default(5), epsilon: Epsilon, runs: Runs, seed: Seed,
  }),
  z.object({
    kind: z.literal('bloggers'), model: ModelSchema, sizes: z.array(z.number().int().min(1).max(100_000)).min(1).max(5).default([100, 200]),
    exclude: z.array(Name).optional(), epsilon: Epsilon, runs: Runs, seed: Seed,
  }),
]).openapi('SpreadAnalysisRequest');

export const ProgressSchema = z.object({ stage: z.string(), done: z.number(), total: z.number() });

export const RunSchema = z.object({
  id: z.number(), kind: z.string(), status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  params: z.any(), progress: ProgressSchema.nullable(),
  result: z.any().openapi({ description: 'the answer once done: SimulateResult, SeedsResult, StrongTiesPlan or BloggersPlan' }),
  error: z.string().nullable(), createdAt: z.number(), finishedAt: z.number().nullable(),
}).openapi('SpreadRun');

export const ReachRequestSchema = z.object({
  pool: PoolSchema.optional(),
  accounts: z.array(Name).max(100_000).optional(),
  audiences: z.array(z.array(z.union([z.string(), z.number()])).max(1_000_000)).max(10_000).optional()
    .openapi({ description: 'follower ids of accounts known only by their audiences: a HyperLogLog estimate' }),
}).openapi('SpreadReachRequest');

const Interval = z.tuple([z.number(), z.number()]);
export const ReachReportSchema = z.object({
  accounts: z.number(), naiveFollowers: z.number(), naiveInGraph: z.number(), unique: z.number(), duplicates: z.number(),
  estimate: z.object({ unique: z.number(), relativeStandardError: z.number(), ci95: Interval }),
  offGraph: z.object({ followers: z.number(), uniqueLow: z.number(), uniqueHigh: z.number() }),
  seedExample: z.object({ accounts: z.number(), followersEach: z.number(), naive: z.number(), scaledUnique: z.number() }),
}).openapi('SpreadReach');

export const AudiencesReachSchema = z.object({
  unique: z.number(), naive: z.number(), duplicates: z.number(), exact: z.boolean(), relativeStandardError: z.number(), ci95: Interval,
}).openapi('SpreadAudiencesReach');

export const PoolsSchema = z.object({
  pools: z.object({ all: z.number(), employees: z.number(), ambassadors: z.number(), bloggers: z.number() }),
  nodes: z.number(), arcs: z.number(), ties: z.enum(['map', 'reciprocal-follows']).openapi({ description: 'where the tie-strength model and the strong-ties plan take tie strength from' }),
}).openapi('SpreadPools');

export const NetworkSchema = z.object({
  nodes: z.array(z.object({ id: z.number(), handle: z.string(), followers: z.number(), seed: z.boolean() })),
  edges: z.array(z.tuple([z.number(), z.number()])),
}).openapi('SpreadNetwork');

export const CampaignInputSchema = z.object({
  name: z.string().trim().min(1).max(200), goal: z.string().max(2000).default(''), pool: PoolSchema.default({ pool: 'all' }),
  seeds: z.array(Name).min(1, 'a campaign needs at least one seed').max(10_000), content: z.string().max(10_000).default(''),
  hashtag: z.string().max(200).nullable().optional(), link: z.string().max(2000).nullable().optional(),
  model: ModelSchema.optional(), stepHours: z.number().gt(0).max(24 * 30).optional(), startsAt: z.number().int().optional(),
  runs: z.number().int().min(1).max(20_000).optional(),
}).openapi('SpreadCampaignInput');

const CurveSchema = z.object({
  mean: z.number(), ci95: Interval, stdDev: z.number(), runs: z.number(),
  steps: z.array(z.object({ step: z.number(), added: z.number(), reached: z.number(), low: z.number(), high: z.number() })),
}).openapi('SpreadReachCurve');

export const CampaignSchema = z.object({
  id: z.number(), name: z.string(), goal: z.string(), pool: z.any(),
  seeds: z.array(z.object({ id: z.number(), handle: z.string(), network: z.string() })),
  content: z.string(), hashtag: z.string().nullable(), link: z.string().nullable(), model: z.any(), stepHours: z.number(),
  startsAt: z.number(), predicted: CurveSchema.nullable(), createdAt: z.number(),
}).openapi('SpreadCampaign');

export const CampaignReachSchema = z.object({
  tracked: z.boolean(), mentions: z.number(),
  points: z.array(z.object({ at: z.number(), predicted: z.number().nullable(), low: z.number().nullable(), high: z.number().nullable(), posters: z.number().nullable(), audience: z.number().nullable() })),
}).openapi('SpreadCampaignReach');
