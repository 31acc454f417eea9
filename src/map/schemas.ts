// Map's API shapes (zod, the OpenAPI document and the web app's typed client come from them).
import { z } from '@hono/zod-openapi';
import { WorkspaceParam } from '../platform/http/schemas.ts';

export const AccountIdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

export const AccountRefSchema = z
  .object({ id: z.number(), handle: z.string(), displayName: z.string().nullable(), network: z.string(), followers: z.number(), affiliation: z.string().nullable() })
  .openapi('MapAccountRef');

export const NetworkQuerySchema = z.object({
  focus: z.coerce.number().int().positive().optional().openapi({ description: 'An account id: its ego network' }),
  depth: z.coerce.number().int().min(1).max(2).default(1).openapi({ description: 'Hops around the focus' }),
  strength: z.enum(['all', 'strong', 'weak']).default('all'),
  community: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200_000).default(20_000).openapi({ description: 'At most this many nodes: the most influential are kept' }),
  edgeLimit: z.coerce.number().int().min(1).max(1_000_000).default(100_000).openapi({ description: 'At most this many edges: the strongest are kept' }),
});

export const NetworkSchema = z
  .object({
    nodes: z.array(z.object({ id: z.number(), handle: z.string(), displayName: z.string().nullable(), network: z.string(), community: z.number().openapi({ description: '-1: in no community' }), influence: z.number(), followers: z.number(), affiliation: z.string().nullable() })),
    edges: z.array(z.object({ source: z.number(), target: z.number(), strength: z.number(), strong: z.boolean(), kinds: z.array(z.string()) })),
    communities: z.array(z.object({ id: z.number(), size: z.number(), label: z.string() })),
    sampled: z.boolean().openapi({ description: 'True when limits dropped nodes (the least influential) or edges (the weakest)' }),
    totalNodes: z.number(),
    totalEdges: z.number(),
  })
  .openapi('MapNetwork');

export const FanQualitySchema = z
  .object({
    inactive: z.number().nullable(),
    suspicious: z.number().nullable(),
    unreachable: z.number().nullable(),
    score: z.number().nullable().openapi({ description: 'In [0, 1]; null when no follower is in the graph' }),
  })
  .openapi('MapFanQuality');

export const PartsSchema = z.object({ reach: z.number(), resonance: z.number(), trust: z.number() }).openapi('MapInfluenceParts');

export const INFLUENCER_SORTS = ['influence', 'reach', 'resonance', 'trust', 'followers', 'fanQuality'] as const;

export const InfluencersQuerySchema = z.object({
  sort: z.enum(INFLUENCER_SORTS).default('influence'),
  order: z.enum(['asc', 'desc']).default('desc'),
  community: z.coerce.number().int().optional(),
  affiliation: z.string().max(40).optional().openapi({ description: "'brand', 'employee', 'ambassador', 'competitor' or 'none'" }),
  q: z.string().max(200).optional().openapi({ description: 'Part of a handle or name' }),
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});

export const InfluencerRowSchema = z
  .object({
    id: z.number(), handle: z.string(), displayName: z.string().nullable(), network: z.string(), affiliation: z.string().nullable(), followers: z.number(), influence: z.number(),
    parts: PartsSchema, fanQuality: FanQualitySchema, community: z.number(), strongTies: z.number(), weakTies: z.number(),
  })
  .openapi('MapInfluencer');

export const InfluencersSchema = z.object({ total: z.number(), rows: z.array(InfluencerRowSchema) }).openapi('MapInfluencers');

export const TieSchema = z.object({ account: AccountRefSchema, strength: z.number(), strong: z.boolean(), kinds: z.array(z.string()), golden: z.boolean().openapi({ description: 'A weak tie that is the only bridge into a community where this account has no strong tie' }) });

export const SkillsSchema = z.object({
  tags: z.array(z.string()).openapi({ description: 'Skills a user typed' }),
  bio: z.string().nullable(),
  posts: z.array(z.string()).openapi({ description: 'What its posts are about: frequent words and #hashtags' }),
});

export const AccountCardSchema = z
  .object({
    account: AccountRefSchema.extend({ bio: z.string().nullable(), profileUrl: z.string().nullable(), location: z.string().nullable() }),
    influence: z.object({ score: z.number(), parts: PartsSchema, explanation: z.array(z.string()) }),
    fanQuality: FanQualitySchema.extend({ followersInGraph: z.number(), explanation: z.string() }),
    community: z.object({ id: z.number(), label: z.string().nullable() }),
    ties: z.array(TieSchema),
    totalTies: z.number(),
    brokerage: z.object({ constraint: z.number().nullable(), betweenness: z.number() }),
    weakTieShare: z.number().nullable(),
    skills: SkillsSchema,
  })
  .openapi('MapAccountCard');

export const SkillsInputSchema = z.object({ skills: z.array(z.string().trim().min(1).max(80)).max(50) });

export const CommunitiesSchema = z
  .object({
    modularity: z.number(),
    communities: z.array(z.object({ id: z.number(), size: z.number(), label: z.string(), topAccounts: z.array(AccountRefSchema), brokers: z.array(AccountRefSchema), weakTieShare: z.number() })),
  })
  .openapi('MapCommunities');

export const HelpQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).openapi({ description: 'The skill sought, in French or English' }),
  from: z.coerce.number().int().positive().optional().openapi({ description: "The asker's account id; the brand's main account by default" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  lang: z.enum(['en', 'fr']).default('en').openapi({ description: 'The language of the reasons (why)' }),
});

export const HelpSchema = z
  .object({
    from: AccountRefSchema.nullable(),
    candidates: z.array(z.object({
      account: AccountRefSchema, skillMatch: z.number(), pathTrust: z.number(), score: z.number(),
      path: z.array(z.object({ account: AccountRefSchema, strength: z.number(), strong: z.boolean() })),
      why: z.array(z.string()),
    })),
  })
  .openapi('MapHelp');

export const AnalysisStateSchema = z
  .object({
    status: z.enum(['none', 'running', 'done', 'failed', 'cancelled']),
    version: z.number(), graphVersion: z.number(), stale: z.boolean(),
    startedAt: z.number().nullable(), finishedAt: z.number().nullable(), error: z.string().nullable(),
  })
  .openapi('MapAnalysisState');

export const StatsSchema = z
  .object({
    accounts: z.number(),
    edges: z.record(z.string(), z.number()).openapi({ description: 'Stored edges per kind' }),
    nodes: z.number(), ties: z.number(), strongTies: z.number(), modularity: z.number(), communities: z.number(),
    weakTieShare: z.object({ workspace: z.number().nullable(), brandFans: z.number().nullable(), medianPerson: z.number().nullable() }),
    brand: z.object({ account: AccountRefSchema.nullable(), fans: z.number(), weakFans: z.number() }),
    betweenness: z.object({ exact: z.boolean(), pivots: z.number(), absoluteError: z.number(), normalizedError: z.number(), confidence: z.number() }),
    reach2: z.object({ exact: z.boolean(), relativeStandardError: z.number() }),
    seconds: z.record(z.string(), z.number()),
    analysis: AnalysisStateSchema,
  })
  .openapi('MapStats');

export const IMPORT_FORMATS = ['csv', 'tsv', 'snap', 'gml', 'gexf', 'graphml', 'followers', 'following'] as const;

export const ImportInputSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS),
    text: z.string().min(1).openapi({ description: 'The file content' }),
    network: z.string().min(1).max(40).default('import').openapi({ description: 'The network the imported handles live on' }),
    kind: z.enum(['follows', 'link', 'reply', 'mention', 'reshare', 'quote']).optional().openapi({ description: "The kind of tie: 'follows' for follower exports, else 'link'" }),
    directed: z.boolean().optional().openapi({ description: 'Edge lists: source → target (default true); GML/GEXF/GraphML say it themselves' }),
    account: z.string().min(1).max(200).optional().openapi({ description: 'followers/following exports: the handle whose followers (or followings) the file lists' }),
  })
  .openapi('MapImportInput');

export const ImportResultSchema = z
  .object({
    nodes: z.number(), edges: z.number(), accountsCreated: z.number(),
    errors: z.array(z.object({ line: z.number(), message: z.string() })),
    warnings: z.array(z.object({ line: z.number(), message: z.string() })),
  })
  .openapi('MapImportResult');

export const WeightsSchema = z
  .object({ intercept: z.number(), frequency: z.number(), recency: z.number(), reciprocity: z.number(), embeddedness: z.number(), multiplexity: z.number() })
  .openapi('MapTieWeights');

export const SettingsSchema = z
  .object({
    halfLifeDays: z.number().min(1).max(3650).openapi({ description: 'Days for the recency term to halve' }),
    threshold: z.number().gt(0).lt(1).openapi({ description: 'Tie strength from which a tie may be strong' }),
    dunbar: z.number().int().min(1).max(10_000).openapi({ description: 'At most this many strong ties per person' }),
    weights: WeightsSchema.openapi({ description: 'The logistic formula\'s weights (see the Map README)' }),
  })
  .openapi('MapSettings');

export const SettingsInputSchema = SettingsSchema.partial().extend({ weights: WeightsSchema.partial().optional() });

export const CalibrationSchema = z
  .object({
    used: z.number(), strong: z.number(), weights: WeightsSchema, accuracy: z.number(), logLikelihood: z.number(),
    problems: z.array(z.object({ line: z.number(), message: z.string() })),
  })
  .openapi('MapCalibration');
