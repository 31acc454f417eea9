// Campaigns: a goal, the pool the seeds came from, the seeds, the content and its hashtag or
// link, and the reach predicted over time (the Monte Carlo reach curve, one diffusion step
// standing for `stepHours`). Once Listen stores mentions carrying the hashtag or the link, the
// actual reach — distinct accounts that posted it, and their unique audience — is shown beside
// the prediction, over the same time buckets.
import { sql, type Kysely } from 'kysely';
import { trueReach } from '../graph/diffusion/index.ts';
import type { ListenTables } from '../listen/index.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { resolveAccounts, type PoolSpec } from './pools.ts';
import { estimateReach, type ReachCurve } from './seeding.ts';
import { loadSpreadWorld } from './store.ts';
import type { SpreadCampaignTable, SpreadTables } from './tables.ts';
import { DEFAULT_MODEL, influenceGraph, type ModelSpec } from './world.ts';

const sdb = (db: Kysely<PlatformTables>) => db.withTables<SpreadTables & ListenTables>();

export interface CampaignInput {
  name: string;
  goal: string;
  pool: PoolSpec;
  /** Account names (@handle, network:handle, #id). */
  seeds: string[];
  content: string;
  hashtag?: string | null;
  link?: string | null;
  model?: ModelSpec;
  stepHours?: number;
  startsAt?: number;
  runs?: number;
}

export interface Campaign {
  id: number;
  name: string;
  goal: string;
  pool: PoolSpec;
  seeds: Array<{ id: number; handle: string; network: string }>;
  content: string;
  hashtag: string | null;
  link: string | null;
  model: ModelSpec;
  stepHours: number;
  startsAt: number;
  predicted: ReachCurve | null;
  createdAt: number;
}

/** One time bucket: predicted reach (with its band) and, once seen, the actual. */
export interface ReachPoint { at: number; predicted: number | null; low: number | null; high: number | null; posters: number | null; audience: number | null }

export const CAMPAIGN_DEFAULTS = { stepHours: 12, runs: 2000, seed: 42 };

function normaliseHashtag(tag: string | null | undefined): string | null {
  const t = tag?.trim().replace(/^#/, '').toLowerCase();
  return t ? t : null;
}

async function present(db: Kysely<PlatformTables>, row: SpreadCampaignTable & { id: number }): Promise<Campaign> {
  // Seeds are kept as "network:handle" (stable across export and import), resolved here.
  const names = JSON.parse(row.seeds) as string[];
  const handles = names.map((n) => n.slice(n.indexOf(':') + 1));
  const accounts = handles.length === 0 ? [] : await sdb(db).selectFrom('accounts').select(['id', 'handle', 'network']).where('workspace_id', '=', row.workspace_id).where('handle', 'in', handles).execute();
  const byName = new Map(accounts.map((a) => [`${a.network}:${a.handle}`, a]));
  return {
    id: Number(row.id), name: row.name, goal: row.goal, pool: JSON.parse(row.pool) as PoolSpec,
    seeds: names.flatMap((n) => { const a = byName.get(n); return a ? [{ id: Number(a.id), handle: a.handle, network: a.network }] : []; }),
    content: row.content, hashtag: row.hashtag, link: row.link, model: JSON.parse(row.model) as ModelSpec, stepHours: Number(row.step_hours),
    startsAt: Number(row.starts_at), predicted: row.predicted ? (JSON.parse(row.predicted) as ReachCurve) : null, createdAt: Number(row.created_at),
  };
}

/** Creates a campaign and predicts its reach (in one transaction once computed). */
export async function createCampaign(db: Kysely<PlatformTables>, workspaceId: number, input: CampaignInput, now: number, signal?: AbortSignal): Promise<Campaign> {
  const model = input.model ?? DEFAULT_MODEL;
  const world = await loadSpreadWorld(db, workspaceId, { ties: model.probabilities === 'tie-strength', now });
  const seeds = resolveAccounts(world, input.seeds, 'seeds');
  const stepHours = input.stepHours ?? CAMPAIGN_DEFAULTS.stepHours;
  if (!(stepHours > 0)) throw new RelaisError('RELAIS_SPREAD_INVALID', 'stepHours must be > 0.', { field: 'stepHours' });
  const predicted = await estimateReach(influenceGraph(world, model), seeds, input.runs ?? CAMPAIGN_DEFAULTS.runs, CAMPAIGN_DEFAULTS.seed, { signal });
  const exists = await sdb(db).selectFrom('spread_campaigns').select('id').where('workspace_id', '=', workspaceId).where('name', '=', input.name).executeTakeFirst();
  if (exists) throw new RelaisError('RELAIS_CONFLICT', `A campaign is already named "${input.name}".`, { field: 'name' });
  const row = await sdb(db).insertInto('spread_campaigns').values({
    workspace_id: workspaceId, name: input.name, goal: input.goal, pool: JSON.stringify(input.pool),
    seeds: JSON.stringify(seeds.map((v) => `${world.accounts[v]!.network}:${world.accounts[v]!.handle}`)), content: input.content,
    hashtag: normaliseHashtag(input.hashtag), link: input.link?.trim() || null, model: JSON.stringify(model), step_hours: stepHours,
    predicted: JSON.stringify(predicted), starts_at: input.startsAt ?? now, created_at: now, updated_at: now,
  }).returningAll().executeTakeFirstOrThrow();
  return present(db, row as SpreadCampaignTable & { id: number });
}

export async function listCampaigns(db: Kysely<PlatformTables>, workspaceId: number): Promise<Campaign[]> {
  const rows = await sdb(db).selectFrom('spread_campaigns').selectAll().where('workspace_id', '=', workspaceId).orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();
  return Promise.all(rows.map((r) => present(db, r as SpreadCampaignTable & { id: number })));
}

export async function findCampaign(db: Kysely<PlatformTables>, workspaceId: number, id: number): Promise<Campaign> {
  const row = await sdb(db).selectFrom('spread_campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new RelaisError('RELAIS_NOT_FOUND', `No campaign ${id} in this workspace.`, { field: 'id' });
  return present(db, row as SpreadCampaignTable & { id: number });
}

export async function deleteCampaign(db: Kysely<PlatformTables>, workspaceId: number, id: number): Promise<void> {
  const r = await sdb(db).deleteFrom('spread_campaigns').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new RelaisError('RELAIS_NOT_FOUND', `No campaign ${id} in this workspace.`, { field: 'id' });
}

/**
 * Predicted beside actual reach, bucket by bucket from the start to `now` (or to the end of the
 * prediction, whichever is later). Actual: distinct accounts whose mentions carry the hashtag or
 * the link, cumulated, and the exact union of their followers on the graph.
 */
export async function campaignReach(db: Kysely<PlatformTables>, workspaceId: number, campaign: Campaign, now: number): Promise<{ points: ReachPoint[]; tracked: boolean; mentions: number }> {
  const step = campaign.stepHours * 3_600_000;
  const curve = campaign.predicted?.steps ?? [];
  const tracked = campaign.hashtag !== null || campaign.link !== null;
  let rows: Array<{ author_id: number | null; published_at: number }> = [];
  if (tracked) {
    let q = sdb(db).selectFrom('mentions').select(['author_id', 'published_at']).where('workspace_id', '=', workspaceId).where('published_at', '>=', campaign.startsAt);
    q = q.where((eb) => eb.or([
      ...(campaign.hashtag ? [eb(sql<string>`lower(hashtags)`, 'like', `%"${campaign.hashtag.replace(/[%_"\\]/g, '')}"%`)] : []),
      ...(campaign.link ? [eb('links', 'like', `%${campaign.link.replace(/[%_"\\]/g, '')}%`)] : []),
    ]));
    rows = (await q.orderBy('published_at').limit(200_000).execute()).map((r) => ({ author_id: r.author_id === null ? null : Number(r.author_id), published_at: Number(r.published_at) }));
  }
  const elapsed = Math.max(0, Math.ceil((now - campaign.startsAt) / step));
  const buckets = Math.min(500, Math.max(curve.length, elapsed + 1));
  const world = rows.length > 0 ? await loadSpreadWorld(db, workspaceId) : null;
  const nodeOf = new Map(world?.accounts.map((a, i) => [a.id, i]) ?? []);
  const points: ReachPoint[] = [];
  const posters = new Set<number>();
  let r = 0;
  for (let b = 0; b < buckets; b++) {
    const at = campaign.startsAt + b * step;
    const p = curve[Math.min(b, curve.length - 1)];
    const seen = at <= now;
    while (r < rows.length && rows[r]!.published_at < at + step) { if (rows[r]!.author_id !== null) posters.add(rows[r]!.author_id!); r++; }
    let audience: number | null = null;
    if (seen && tracked && world) {
      const nodes = [...posters].flatMap((id) => { const v = nodeOf.get(id); return v === undefined ? [] : [v]; });
      audience = trueReach(world.graph, { accounts: nodes, followers: 'in', includeAccounts: true }).unique;
    } else if (seen && tracked) audience = 0;
    points.push({ at, predicted: p ? p.reached : null, low: p ? p.low : null, high: p ? p.high : null, posters: seen && tracked ? posters.size : null, audience });
  }
  return { points, tracked, mentions: rows.length };
}
