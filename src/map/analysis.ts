// The analysis of a workspace's graph: tie strengths, influence, fan quality, communities,
// brokers and post terms, computed in steps (progress after each, cancellable between them)
// and stored in map_account_scores / map_communities / map_analysis, so that the API reads
// them instead of recomputing. Run by the `map.analyse` job when the graph changed, by
// `relais graph analyse`, or inline on the first read of a workspace never analysed.
import type { Kysely } from 'kysely';
import type { ListenTables } from '../listen/tables.ts';
import type { PlatformTables } from '../platform/db/schema.ts';
import { RelaisError } from '../platform/errors.ts';
import { brokerage, detectCommunities, summariseCommunities } from './communities.ts';
import { influence as computeInfluence, type AccountFacts } from './influence.ts';
import { distinctiveTerms, postTerms, skillWords } from './skills.ts';
import type { MapTables } from './tables.ts';
import { alignWithArcs, tieCounts, weakTieShare, type Ties } from './tie-strength.ts';
import { loadSettings } from './settings.ts';
import { loadTies } from './tie-store.ts';

type Db = Kysely<PlatformTables & ListenTables & MapTables>;

export const ANALYSIS_STEPS = ['ties', 'accounts', 'influence', 'communities', 'brokers', 'save'] as const;
export type AnalysisStep = (typeof ANALYSIS_STEPS)[number];

export interface AnalysisSummary {
  version: number;
  nodes: number;
  ties: number;
  strongTies: number;
  modularity: number;
  communities: number;
  weakTieShare: { workspace: number | null; brandFans: number | null; medianPerson: number | null };
  brand: { accountId: number | null; fans: number; weakFans: number };
  betweenness: { exact: boolean; pivots: number; absoluteError: number; normalizedError: number; confidence: number };
  reach2: { exact: boolean; relativeStandardError: number };
  seconds: Record<string, number>;
}

export interface AnalysisHooks {
  now: number;
  signal?: AbortSignal;
  onProgress?: (step: AnalysisStep, index: number, total: number) => void;
}

const nullable = (x: number): number | null => (Number.isFinite(x) ? x : null);
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The graph's current version (0 when it never changed). */
export async function graphVersion(db: Kysely<PlatformTables>, workspaceId: number): Promise<number> {
  const row = await db.withTables<MapTables>().selectFrom('map_graph_state').select('version').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? Number(row.version) : 0;
}

async function cancelled(db: Db, workspaceId: number): Promise<boolean> {
  const row = await db.selectFrom('map_analysis').select('cancel_requested').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return Number(row?.cancel_requested ?? 0) === 1;
}

/** Asks a running analysis to stop at its next step; false when none is running. */
export async function requestCancel(platformDb: Kysely<PlatformTables>, workspaceId: number): Promise<boolean> {
  const result = await platformDb.withTables<MapTables>().updateTable('map_analysis').set({ cancel_requested: 1 }).where('workspace_id', '=', workspaceId).where('status', '=', 'running').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Runs the whole analysis and stores it. Throws RELAIS_CONFLICT('cancelled') when stopped. */
export async function analyseWorkspace(platformDb: Kysely<PlatformTables>, workspaceId: number, hooks: AnalysisHooks): Promise<AnalysisSummary> {
  const db = platformDb.withTables<ListenTables & MapTables>();
  const version = await graphVersion(platformDb, workspaceId);
  const seconds: Record<string, number> = {};
  let clock = performance.now();
  const step = async (name: AnalysisStep): Promise<void> => {
    const t = performance.now();
    seconds[name] = Number(((t - clock) / 1000).toFixed(3));
    clock = t;
    hooks.onProgress?.(name, ANALYSIS_STEPS.indexOf(name) + 1, ANALYSIS_STEPS.length);
    await tick();
    if (hooks.signal?.aborted || (await cancelled(db, workspaceId))) throw new RelaisError('RELAIS_CONFLICT', 'The analysis was cancelled.', { reason: 'cancelled' });
  };
  await db
    .insertInto('map_analysis')
    .values({ workspace_id: workspaceId, status: 'running', version, started_at: hooks.now, finished_at: null, cancel_requested: 0, summary: '{}', error: null })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ status: 'running', started_at: hooks.now, finished_at: null, cancel_requested: 0, error: null }))
    .execute();
  try {
    const loaded = await loadTies(platformDb, workspaceId, hooks.now, await loadSettings(platformDb, workspaceId), { allAccounts: true });
    const { graph, ids, ties, records } = loaded;
    const n = graph.n;
    await step('ties');

    const facts = await accountFacts(db, workspaceId, loaded.indexOf, n);
    await step('accounts');

    const arcs = alignWithArcs(graph, ties);
    const inf = computeInfluence(graph, records, ties, arcs.strength, facts);
    const counts = tieCounts(ties);
    await step('influence');

    const detected = detectCommunities(ties);
    // Accounts without any tie are in no community (-1), not each in its own.
    const community = Int32Array.from(detected.community);
    const renumber = new Map<number, number>();
    for (let u = 0; u < n; u++) {
      if (ties.pairs.offsets[u + 1]! === ties.pairs.offsets[u]!) { community[u] = -1; continue; }
      let c = renumber.get(community[u]!);
      if (c === undefined) { c = renumber.size; renumber.set(community[u]!, c); }
      community[u] = c;
    }
    await step('communities');

    const broker = brokerage(ties);
    const summaries = summariseCommunities(ties, community.map((c) => (c < 0 ? renumber.size : c)), renumber.size + 1, inf.score, broker.betweenness).slice(0, renumber.size);
    const labels = communityLabels(facts.bioWords, community, renumber.size);
    await step('brokers');

    const brand = brandFans(ties, records, facts, graph.n);
    const personShares: number[] = [];
    for (let u = 0; u < n; u++) { const s = weakTieShare(ties, { node: u }); if (Number.isFinite(s)) personShares.push(s); }
    personShares.sort((a, b) => a - b);
    let strong = 0;
    for (let a = 0; a < ties.strong.length; a++) strong += ties.strong[a]!;
    const summary: AnalysisSummary = {
      version, nodes: n, ties: ties.pairs.m, strongTies: strong / 2, modularity: detected.modularity, communities: renumber.size,
      weakTieShare: { workspace: nullable(weakTieShare(ties, {})), brandFans: brand.fans > 0 ? brand.weakFans / brand.fans : null, medianPerson: personShares.length ? personShares[personShares.length >> 1]! : null },
      brand: { accountId: brand.index >= 0 ? ids[brand.index]! : null, fans: brand.fans, weakFans: brand.weakFans },
      betweenness: broker.bound,
      reach2: { exact: inf.reach2Error === 0, relativeStandardError: inf.reach2Error },
      seconds,
    };
    // The last check for a cancellation; the write itself is one transaction, not stopped halfway.
    await step('save');
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('map_account_scores').where('workspace_id', '=', workspaceId).execute();
      await trx.deleteFrom('map_communities').where('workspace_id', '=', workspaceId).execute();
      const rows = Array.from({ length: n }, (_, u) => ({
        workspace_id: workspaceId, account_id: ids[u]!, community: community[u]!,
        influence: round(inf.score[u]!), reach: round(inf.reach[u]!), resonance: round(inf.resonance[u]!), trust: round(inf.trust[u]!),
        reach2: Math.round(inf.reach2[u]!), pagerank: inf.pagerank[u]!,
        fan_inactive: nullable(inf.fans.inactive[u]!), fan_suspicious: nullable(inf.fans.suspicious[u]!), fan_unreachable: nullable(inf.fans.unreachable[u]!),
        fan_quality: nullable(inf.fans.quality[u]!),
        strong_ties: counts.strong[u]!, weak_ties: counts.weak[u]!, betweenness: broker.betweenness[u]!, constraint_score: nullable(broker.constraint[u]!),
        facts: JSON.stringify({ posts: facts.posts[u], engagement: facts.engagement[u], received: inf.received[u], reciprocity: round(inf.reciprocity[u]!), fans: inf.fans.counted[u], seeded: facts.seeded }),
        post_terms: JSON.stringify(facts.terms[u] ?? []),
      }));
      // 21 columns a row: 1,000 rows stay under SQLite's 32,766 parameters.
      for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('map_account_scores').values(rows.slice(i, i + 1000)).execute();
      const communityRows = summaries.map((c) => ({
        workspace_id: workspaceId, community: c.id, size: c.size, label: labels[c.id] || `#${c.id + 1}`,
        top_accounts: JSON.stringify(c.top.map((u) => ids[u])), brokers: JSON.stringify(c.brokers.map((u) => ids[u])), weak_tie_share: Number.isFinite(c.weakTieShare) ? round(c.weakTieShare) : 0,
      }));
      for (let i = 0; i < communityRows.length; i += 1000) await trx.insertInto('map_communities').values(communityRows.slice(i, i + 1000)).execute();
      await trx.updateTable('map_analysis').set({ status: 'done', finished_at: hooks.now + Math.round(Object.values(seconds).reduce((a, b) => a + b, 0) * 1000), summary: JSON.stringify(summary), version }).where('workspace_id', '=', workspaceId).execute();
    });
    return summary;
  } catch (error) {
    const wasCancelled = error instanceof RelaisError && error.details.reason === 'cancelled';
    await db.updateTable('map_analysis').set({ status: wasCancelled ? 'cancelled' : 'failed', error: error instanceof Error ? error.message : String(error), cancel_requested: 0 }).where('workspace_id', '=', workspaceId).execute();
    throw error;
  }
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

interface Facts extends AccountFacts { affiliation: Array<string | null>; bioWords: string[][]; terms: string[][]; seeded: boolean }

/** Followers, activity, engagement, bio words and post terms of every node. */
async function accountFacts(db: Db, workspaceId: number, indexOf: Map<number, number>, n: number): Promise<Facts> {
  const facts: Facts = {
    followers: new Float64Array(n), following: new Float64Array(n), createdAt: new Float64Array(n), posts: new Float64Array(n), engagement: new Float64Array(n),
    affiliation: new Array<string | null>(n).fill(null), bioWords: Array.from({ length: n }, () => []), terms: Array.from({ length: n }, () => []), seeded: false,
  };
  const accounts = await db.selectFrom('accounts').select(['id', 'followers', 'following', 'created_at', 'affiliation', 'bio']).where('workspace_id', '=', workspaceId).execute();
  for (const a of accounts) {
    const u = indexOf.get(Number(a.id));
    if (u === undefined) continue;
    facts.followers[u] = Number(a.followers); facts.following[u] = Number(a.following); facts.createdAt[u] = Number(a.created_at);
    facts.affiliation[u] = a.affiliation;
    if (a.affiliation === 'brand' || a.affiliation === 'employee') facts.seeded = true;
    facts.bioWords[u] = skillWords(a.bio ?? '');
  }
  const texts = new Map<number, string[]>(), tags = new Map<number, string[]>();
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('mentions').select(['id', 'author_id', 'engagement', 'text', 'hashtags']).where('workspace_id', '=', workspaceId).where('id', '>', after).orderBy('id').limit(5000).execute();
    if (page.length === 0) break;
    after = Number(page[page.length - 1]!.id);
    for (const m of page) {
      const u = m.author_id === null ? undefined : indexOf.get(Number(m.author_id));
      if (u === undefined) continue;
      facts.posts[u]!++;
      try {
        const e = JSON.parse(m.engagement) as { likes?: number; shares?: number; replies?: number };
        facts.engagement[u]! += (Number(e.likes) || 0) + (Number(e.shares) || 0) + (Number(e.replies) || 0);
      } catch { /* engagement unreadable: counts as none */ }
      // The latest 20 posts of an account are enough to know what it talks about.
      const list = texts.get(u);
      if (!list) texts.set(u, [m.text]); else { list.push(m.text); if (list.length > 20) list.shift(); }
      try {
        const h = JSON.parse(m.hashtags) as unknown;
        if (Array.isArray(h) && h.length) { const l = tags.get(u); if (l) l.push(...(h as string[])); else tags.set(u, [...(h as string[])]); }
      } catch { /* no hashtags */ }
    }
    await tick();
  }
  for (const [u, list] of texts) facts.terms[u] = postTerms(list, tags.get(u) ?? []);
  return facts;
}

/** Labels: each community's most distinctive bio words. */
function communityLabels(bioWords: string[][], community: Int32Array, count: number): string[] {
  const all = new Map<string, number>();
  for (const words of bioWords) for (const w of new Set(words)) all.set(w, (all.get(w) ?? 0) + 1);
  const members: string[][][] = Array.from({ length: count }, () => []);
  for (let u = 0; u < community.length; u++) if (community[u]! >= 0) members[community[u]!]!.push(bioWords[u]!);
  return members.map((m) => distinctiveTerms(m, all, bioWords.length).join(' · '));
}

/** The main brand account (most followers among 'brand') and how many of its fans' ties to it are weak. */
function brandFans(ties: Ties, records: readonly { u: number; v: number; kind: string }[], facts: AccountFacts, n: number): { index: number; fans: number; weakFans: number } {
  let index = -1;
  for (let u = 0; u < n; u++) if (facts.affiliation[u] === 'brand' && (index < 0 || facts.followers[u]! > facts.followers[index]!)) index = u;
  if (index < 0) return { index, fans: 0, weakFans: 0 };
  const brands = new Set<number>();
  for (let u = 0; u < n; u++) if (facts.affiliation[u] === 'brand') brands.add(u);
  // A fan: follows one of the brand's accounts; weak when none of its ties to them is strong.
  const fanStrong = new Map<number, boolean>();
  for (const r of records) {
    if (r.kind !== 'follows' || !brands.has(r.v) || brands.has(r.u)) continue;
    let strong = fanStrong.get(r.u) ?? false;
    const { offsets, targets } = ties.pairs;
    for (let a = offsets[r.u]!; a < offsets[r.u + 1]!; a++) if (targets[a] === r.v && ties.strong[a]) strong = true;
    fanStrong.set(r.u, strong);
  }
  let weak = 0;
  for (const s of fanStrong.values()) if (!s) weak++;
  return { index, fans: fanStrong.size, weakFans: weak };
}
