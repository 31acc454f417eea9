// Map's HTTP routes under /api/v1/w/{workspace}/map/: the network explorer's graph, the
// influencer table (JSON or CSV), an account's card and its skills, communities, "who can
// help me", figures, the analysis (start, cancel), imports and exports.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../platform/capability.ts';
import { ErrorSchema, jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import { requestCancel } from './analysis.ts';
import { calibrateWorkspace } from './calibration.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { exportGraph, EXPORT_FORMATS } from './export.ts';
import { importGraph } from './import.ts';
import { forgetView, influencersCsv, readAccount, readCommunities, readHelp, readInfluencers, readNetwork, readStats, saveSkills } from './reads.ts';
import {
  AccountCardSchema, AccountIdParam, AnalysisStateSchema, CalibrationSchema, CommunitiesSchema, SettingsInputSchema, SettingsSchema, HelpQuerySchema, HelpSchema, ImportInputSchema, ImportResultSchema, InfluencersQuerySchema,
  InfluencersSchema, NetworkQuerySchema, NetworkSchema, SkillsInputSchema, StatsSchema,
} from './schemas.ts';
import { analysisState } from './view.ts';

export const ANALYSE_JOB = 'map.analyse';
const BASE = '/api/v1/w/{workspace}/map';
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export function registerMapRoutes(ctx: CapabilityContext): void {
  const { api } = ctx;

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/network`, tags: ['map'], summary: 'Nodes and ties for the network explorer: all, an ego network, a community, strong or weak ties',
      description: 'Beyond `limit` nodes the most influential are kept, beyond `edgeLimit` edges the strongest; `sampled` says so.',
      request: { params: WorkspaceParam, query: NetworkQuerySchema },
      responses: { 200: jsonResponse(NetworkSchema, 'The graph to draw'), 404: jsonResponse(ErrorSchema, 'No such focus account') },
    }),
    async (c) => {
      const { focus, ...query } = c.req.valid('query');
      return c.json(await readNetwork(ctx.db, c.get('workspace')!.id, { ...query, depth: query.depth as 1 | 2, focusAccount: focus }, ctx.now()), 200);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/influencers`, tags: ['map'], summary: 'The influencer table: influence and its parts, fan quality, ties; sorted, filtered, paged; JSON or CSV',
      request: { params: WorkspaceParam, query: InfluencersQuerySchema },
      responses: { 200: { description: 'A page of influencers', content: { 'application/json': { schema: InfluencersSchema }, 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const result = await readInfluencers(ctx.db, c.get('workspace')!.id, query, ctx.now());
      if (query.format === 'csv') {
        return c.body(influencersCsv(result.rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="influencers-${c.get('workspace')!.slug}.csv"` }) as never;
      }
      return c.json(result, 200);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/accounts/{id}`, tags: ['map'], summary: "An account's card: influence explained, fan quality, community, ties (golden weak ties first), brokerage, skills",
      request: { params: AccountIdParam, query: z.object({ ties: z.coerce.number().int().min(0).max(5000).default(200), lang: z.enum(['en', 'fr']).default('en').openapi({ description: 'The language of the explanations' }) }) },
      responses: { 200: jsonResponse(AccountCardSchema, 'The card'), 404: jsonResponse(ErrorSchema, 'No such account') },
    }),
    async (c) => c.json(await readAccount(ctx.db, c.get('workspace')!.id, c.req.valid('param').id, ctx.now(), c.req.valid('query').ties, c.req.valid('query').lang), 200),
  );

  api.route(
    'member',
    createRoute({
      method: 'put', path: `${BASE}/accounts/{id}/skills`, tags: ['map'], summary: 'Set the skills a user knows an account has (used by "who can help me")',
      request: { params: AccountIdParam, body: jsonBody(SkillsInputSchema) },
      responses: { 200: jsonResponse(z.object({ skills: z.array(z.string()) }), 'The skills kept'), 404: jsonResponse(ErrorSchema, 'No such account') },
    }),
    async (c) => c.json({ skills: await saveSkills(ctx.db, c.get('workspace')!.id, c.req.valid('param').id, c.req.valid('json').skills, ctx.now()) }, 200),
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/communities`, tags: ['map'], summary: 'Communities (Louvain) with modularity, labels, top accounts, brokers and weak-tie share',
      request: { params: WorkspaceParam },
      responses: { 200: jsonResponse(CommunitiesSchema, 'Communities, largest first') },
    }),
    async (c) => c.json(await readCommunities(ctx.db, c.get('workspace')!.id, ctx.now()), 200),
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/help`, tags: ['map'], summary: 'Who can help me with X: people with the skill, ranked by skill match × trust of the best introduction path',
      request: { params: WorkspaceParam, query: HelpQuerySchema },
      responses: { 200: jsonResponse(HelpSchema, 'Candidates with their path and why'), 400: jsonResponse(ErrorSchema, 'Nothing to look for'), 404: jsonResponse(ErrorSchema, 'No such account') },
    }),
    async (c) => c.json(await readHelp(ctx.db, c.get('workspace')!.id, c.req.valid('query'), ctx.now()), 200),
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/stats`, tags: ['map'], summary: "The graph's figures: ties, strong ties, weak-tie shares, modularity, bounds, and the analysis state",
      request: { params: WorkspaceParam },
      responses: { 200: jsonResponse(StatsSchema, 'Figures') },
    }),
    async (c) => c.json(await readStats(ctx.db, c.get('workspace')!.id, ctx.now()), 200),
  );

  api.route(
    'manager',
    createRoute({
      method: 'post', path: `${BASE}/analysis`, tags: ['map'], summary: 'Recompute the analysis in the background (progress comes as map.analysis events on the workspace stream)',
      request: { params: WorkspaceParam },
      responses: { 202: jsonResponse(z.object({ job: z.string() }), 'Queued') },
    }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      return c.json({ job: await ctx.jobs.enqueue(ANALYSE_JOB, { workspaceId }, { key: `analyse-${workspaceId}` }) }, 202);
    },
  );

  api.route(
    'manager',
    createRoute({
      method: 'delete', path: `${BASE}/analysis`, tags: ['map'], summary: 'Cancel a running analysis (it stops at its next step; the previous results stay)',
      request: { params: WorkspaceParam },
      responses: { 200: jsonResponse(z.object({ cancelled: z.boolean() }), 'Whether an analysis was running') },
    }),
    async (c) => c.json({ cancelled: await requestCancel(ctx.db, c.get('workspace')!.id) }, 200),
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/analysis`, tags: ['map'], summary: 'Where the analysis is: status, versions, staleness',
      request: { params: WorkspaceParam },
      responses: { 200: jsonResponse(AnalysisStateSchema, 'The state') },
    }),
    async (c) => {
      const { summary: _, ...state } = await analysisState(ctx.db, c.get('workspace')!.id);
      return c.json(state, 200);
    },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/settings`, tags: ['map'], summary: 'Tie-strength settings: recency half-life, strong threshold, Dunbar cap, formula weights',
      request: { params: WorkspaceParam },
      responses: { 200: jsonResponse(SettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await loadSettings(ctx.db, c.get('workspace')!.id), 200),
  );

  api.route(
    'strategist',
    createRoute({
      method: 'put', path: `${BASE}/settings`, tags: ['map'], summary: 'Change tie-strength settings (the analysis reruns)',
      request: { params: WorkspaceParam, body: jsonBody(SettingsInputSchema) },
      responses: { 200: jsonResponse(SettingsSchema, 'The settings now') },
    }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      const settings = await saveSettings(ctx.db, workspaceId, c.req.valid('json'), ctx.now());
      forgetView(workspaceId);
      await ctx.jobs.enqueue(ANALYSE_JOB, { workspaceId }, { key: `analyse-${workspaceId}` });
      return c.json(settings, 200);
    },
  );

  api.route(
    'strategist',
    createRoute({
      method: 'post', path: `${BASE}/calibrate`, tags: ['map'], summary: 'Fit the tie-strength weights to ties labelled strong or weak (CSV lines: source,target,strong|weak)',
      request: { params: WorkspaceParam, body: jsonBody(z.object({ text: z.string().min(1).max(10_000_000) })) },
      responses: { 200: jsonResponse(CalibrationSchema, 'The fitted weights, now in use'), 400: jsonResponse(ErrorSchema, 'Not enough usable labels') },
    }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      const result = await calibrateWorkspace(ctx.db, workspaceId, c.req.valid('json').text, ctx.now());
      forgetView(workspaceId);
      await ctx.jobs.enqueue(ANALYSE_JOB, { workspaceId }, { key: `analyse-${workspaceId}` });
      return c.json(result, 200);
    },
    { maxBodyBytes: 16 * 1024 * 1024 },
  );

  api.route(
    'manager',
    createRoute({
      method: 'post', path: `${BASE}/import`, tags: ['map'], summary: 'Import ties: CSV/TSV/SNAP edge lists, GML, GEXF, GraphML, follower or following exports',
      description: 'Bad lines (self-loops, duplicates, unknown ids, weights that are not numbers) are reported with their line numbers; the rest loads. A file that is not in the format it claims is refused. Up to 64 MB.',
      request: { params: WorkspaceParam, body: jsonBody(ImportInputSchema) },
      responses: { 200: jsonResponse(ImportResultSchema, 'What loaded and what did not'), 400: jsonResponse(ErrorSchema, 'Nothing could be read') },
    }),
    async (c) => {
      const workspaceId = c.get('workspace')!.id;
      const result = await importGraph(ctx.db, workspaceId, c.req.valid('json'), ctx.now());
      forgetView(workspaceId);
      await ctx.jobs.enqueue(ANALYSE_JOB, { workspaceId }, { key: `analyse-${workspaceId}` });
      return c.json(result, 200);
    },
    { maxBodyBytes: IMPORT_BODY_LIMIT },
  );

  api.route(
    'viewer',
    createRoute({
      method: 'get', path: `${BASE}/export`, tags: ['map'], summary: 'The ties as GEXF 1.3 or GraphML for Gephi, with community, influence and strong/weak attributes',
      request: { params: WorkspaceParam, query: z.object({ format: z.enum(EXPORT_FORMATS).default('gexf') }) },
      responses: { 200: { description: 'The file', content: { 'application/xml': { schema: z.string() } } } },
    }),
    async (c) => {
      const workspace = c.get('workspace')!;
      const { format } = c.req.valid('query');
      const text = await exportGraph(ctx.db, workspace.id, format, ctx.now());
      return c.body(text, 200, { 'content-type': 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="${workspace.slug}.${format}"` }) as never;
    },
  );
}
