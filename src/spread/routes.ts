// Spread's HTTP routes. Reading (pools, analyses, true reach, campaigns) is for viewers;
// planning (starting or cancelling an analysis, creating or deleting a campaign) for managers
// and strategists. Long analyses are jobs: POST answers 202 with the run, whose progress comes
// on the workspace's event stream (`spread.progress`, `spread.run`) and in GET …/runs/{id}.
import { createRoute, z } from '@hono/zod-openapi';
import type { CapabilityContext } from '../platform/capability.ts';
import { RelaisError } from '../platform/errors.ts';
import { ErrorSchema, jsonBody, jsonResponse, WorkspaceParam } from '../platform/http/schemas.ts';
import { precheck, type AnalysisRequest } from './analysis.ts';
import { campaignReach, createCampaign, deleteCampaign, findCampaign, listCampaigns } from './campaigns.ts';
import { poolSizes, resolveAccounts } from './pools.ts';
import { reachOf, reachOfAudiences } from './reach.ts';
import { cancelRun, createRun, findRun, listRuns, RUN_JOB, type RunControllers } from './runs.ts';
import {
  AnalysisSchema, AudiencesReachSchema, CampaignInputSchema, CampaignReachSchema, CampaignSchema, NetworkSchema, PoolsSchema,
  ReachReportSchema, ReachRequestSchema, RunSchema,
} from './schemas.ts';
import { loadSpreadWorld } from './store.ts';
import { checkModel } from './world.ts';

const IdParam = WorkspaceParam.extend({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const base = '/api/v1/w/{workspace}/spread';
const NETWORK_LIMIT = 400;

export function registerSpreadRoutes(ctx: CapabilityContext, controllers: RunControllers): void {
  const { api } = ctx;

  api.route('viewer', createRoute({ method: 'get', path: `${base}/pools`, tags: ['spread'], summary: 'The candidate pools and the size of the graph', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(PoolsSchema, 'Pools') } }),
    async (c) => {
      const world = await loadSpreadWorld(ctx.db, c.get('workspace')!.id);
      return c.json({ pools: poolSizes(world), nodes: world.graph.n, arcs: world.graph.targets.length, ties: 'map' as const }, 200);
    });

  api.route('manager', createRoute({
    method: 'post', path: `${base}/runs`, tags: ['spread'], summary: 'Start an analysis: simulate seeds, choose seeds (IMM beside heuristics), or a plan',
    description: 'The analysis runs as a job; follow it with GET …/runs/{id} or the workspace event stream.',
    request: { params: WorkspaceParam, body: jsonBody(AnalysisSchema) }, responses: { 202: jsonResponse(RunSchema, 'Queued'), 400: jsonResponse(ErrorSchema, 'Invalid request') },
  }), async (c) => {
    const workspace = c.get('workspace')!;
    const request = c.req.valid('json') as AnalysisRequest;
    try {
      precheck(await loadSpreadWorld(ctx.db, workspace.id), request);
    } catch (error) {
      if (error instanceof RelaisError && error.details.field) throw new RelaisError(error.code, error.message, { ...error.details, field: `body.${error.details.field}` });
      throw error;
    }
    const run = await createRun(ctx.db, workspace.id, request, c.get('actor')?.user.id ?? null, ctx.now());
    await ctx.jobs.enqueue(RUN_JOB, { runId: run.id });
    return c.json(run, 202);
  });

  api.route('viewer', createRoute({ method: 'get', path: `${base}/runs`, tags: ['spread'], summary: 'The latest analyses (without their results)', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ runs: z.array(RunSchema) }), 'Runs') } }),
    async (c) => c.json({ runs: await listRuns(ctx.db, c.get('workspace')!.id) }, 200));

  api.route('viewer', createRoute({ method: 'get', path: `${base}/runs/{id}`, tags: ['spread'], summary: 'An analysis: its status, progress and result', request: { params: IdParam }, responses: { 200: jsonResponse(RunSchema, 'Run'), 404: jsonResponse(ErrorSchema, 'No such run') } }),
    async (c) => c.json(await findRun(ctx.db, c.get('workspace')!.id, c.req.valid('param').id), 200));

  api.route('manager', createRoute({ method: 'post', path: `${base}/runs/{id}/cancel`, tags: ['spread'], summary: 'Cancel an analysis that is queued or running', request: { params: IdParam }, responses: { 200: jsonResponse(RunSchema, 'Run'), 404: jsonResponse(ErrorSchema, 'No such run') } }),
    async (c) => {
      const { id } = c.req.valid('param');
      const run = await cancelRun(ctx.db, c.get('workspace')!.id, id, ctx.now());
      controllers.get(id)?.abort(new Error('cancelled'));
      return c.json(run, 200);
    });

  api.route('viewer', createRoute({
    method: 'post', path: `${base}/reach`, tags: ['spread'], summary: 'True reach: the unique audience of accounts beside the naive sum of their followers',
    description: 'Give a pool or accounts (exact on the graph, with a HyperLogLog estimate beside it), or audiences as follower-id lists (HyperLogLog).',
    request: { params: WorkspaceParam, body: jsonBody(ReachRequestSchema) },
    responses: { 200: jsonResponse(z.union([ReachReportSchema, AudiencesReachSchema]), 'Reach'), 400: jsonResponse(ErrorSchema, 'Invalid request') },
  }), async (c) => {
    const body = c.req.valid('json');
    if (body.audiences) return c.json(reachOfAudiences(body.audiences), 200);
    const world = await loadSpreadWorld(ctx.db, c.get('workspace')!.id);
    return c.json(reachOf(world, { pool: body.pool, accounts: body.accounts }), 200);
  });

  api.route('viewer', createRoute({
    method: 'get', path: `${base}/network`, tags: ['spread'], summary: 'The seeds and the followers around them, for a network view',
    request: { params: WorkspaceParam, query: z.object({ seeds: z.string().max(20_000).openapi({ description: 'comma-separated account names' }) }) },
    responses: { 200: jsonResponse(NetworkSchema, 'Nodes and follow arcs'), 400: jsonResponse(ErrorSchema, 'Unknown account') },
  }), async (c) => {
    const world = await loadSpreadWorld(ctx.db, c.get('workspace')!.id);
    const names = c.req.valid('query').seeds.split(',').map((s) => s.trim()).filter(Boolean);
    const seeds = resolveAccounts(world, names, 'seeds');
    const g = world.graph;
    const keep = new Set<number>(seeds);
    const perSeed = Math.max(1, Math.floor((NETWORK_LIMIT - seeds.length) / Math.max(1, seeds.length)));
    for (const s of seeds) {
      const followers = [...g.inSources!.subarray(g.inOffsets![s]!, g.inOffsets![s + 1]!)];
      followers.sort((a, b) => (g.inOffsets![b + 1]! - g.inOffsets![b]!) - (g.inOffsets![a + 1]! - g.inOffsets![a]!) || a - b);
      for (const f of followers.slice(0, perSeed)) if (keep.size < NETWORK_LIMIT) keep.add(f);
    }
    const seedSet = new Set(seeds);
    const nodes = [...keep].map((v) => ({ id: world.accounts[v]!.id, handle: world.accounts[v]!.handle, followers: world.accounts[v]!.followers, seed: seedSet.has(v) }));
    const edges: Array<[number, number]> = [];
    for (const u of keep) for (let a = g.offsets[u]!; a < g.offsets[u + 1]!; a++) if (keep.has(g.targets[a]!)) edges.push([world.accounts[u]!.id, world.accounts[g.targets[a]!]!.id]);
    return c.json({ nodes, edges }, 200);
  });

  api.route('viewer', createRoute({ method: 'get', path: `${base}/campaigns`, tags: ['spread'], summary: 'Campaigns, latest first', request: { params: WorkspaceParam }, responses: { 200: jsonResponse(z.object({ campaigns: z.array(CampaignSchema) }), 'Campaigns') } }),
    async (c) => c.json({ campaigns: await listCampaigns(ctx.db, c.get('workspace')!.id) }, 200));

  api.route('manager', createRoute({
    method: 'post', path: `${base}/campaigns`, tags: ['spread'], summary: 'Create a campaign and predict its reach over time',
    request: { params: WorkspaceParam, body: jsonBody(CampaignInputSchema) },
    responses: { 201: jsonResponse(CampaignSchema, 'Created'), 400: jsonResponse(ErrorSchema, 'Invalid'), 409: jsonResponse(ErrorSchema, 'Name taken') },
  }), async (c) => {
    const body = c.req.valid('json');
    if (body.model) checkModel(body.model);
    return c.json(await createCampaign(ctx.db, c.get('workspace')!.id, body, ctx.now(), c.req.raw.signal), 201);
  });

  api.route('viewer', createRoute({
    method: 'get', path: `${base}/campaigns/{id}`, tags: ['spread'], summary: 'A campaign with its predicted reach over time and, once Listen sees its hashtag or link, the actual',
    request: { params: IdParam }, responses: { 200: jsonResponse(z.object({ campaign: CampaignSchema, reach: CampaignReachSchema }), 'Campaign'), 404: jsonResponse(ErrorSchema, 'No such campaign') },
  }), async (c) => {
    const id = c.get('workspace')!.id;
    const campaign = await findCampaign(ctx.db, id, c.req.valid('param').id);
    return c.json({ campaign, reach: await campaignReach(ctx.db, id, campaign, ctx.now()) }, 200);
  });

  api.route('manager', createRoute({ method: 'delete', path: `${base}/campaigns/{id}`, tags: ['spread'], summary: 'Delete a campaign', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, 404: jsonResponse(ErrorSchema, 'No such campaign') } }),
    async (c) => { await deleteCampaign(ctx.db, c.get('workspace')!.id, c.req.valid('param').id); return c.body(null, 204); });
}
